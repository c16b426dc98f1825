import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../errors/error-fields.js';
import { outcomeOf } from '../errors/outcome.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../forms.js';
import { graphql } from '../graphql.js';
import { LanguagePicker } from '../layout.js';
import { useDocumentTitle } from '../status.js';

const LoginMutation = graphql(
  `
    mutation Login($input: LoginInput!) {
      login(input: $input) {
        __typename
        ...ErrorFields
        ... on TooManyAttemptsError {
          retryAfterSeconds
        }
      }
    }
  `,
  [ErrorFields],
);

const FIELDS = ['email', 'password'];

/** The first screen: part of the entry chunk, so it shows without waiting for another. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tooMany, setTooMany] = useState<number | null>(null);
  const form = useFormFailure(FIELDS);
  const [state, login] = useMutation(LoginMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    setTooMany(null);
    const result = await login({ input: { email, password } });
    const answer = result.data?.login;
    if (answer?.__typename === 'TooManyAttemptsError') {
      setTooMany(Math.ceil(answer.retryAfterSeconds / 60));
      return;
    }
    const outcome = outcomeOf(answer, result.error);
    if (outcome.ok) onSignedIn();
    else form.report(outcome.failure);
  }

  return (
    <main id="main" className="page narrow sign-in">
      <div className="sign-in-header">
        <h1>{t('signIn.title')}</h1>
        <LanguagePicker value={i18n.language} />
      </div>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {tooMany !== null && (
          <p className="form-error" role="alert">
            {t('signIn.tooManyAttempts', { count: tooMany })}
          </p>
        )}
        <FormAlert form={form} />
        <Field form={form} name="email" label={t('signIn.email')}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              required
            />
          )}
        </Field>
        <Field form={form} name="password" label={t('signIn.password')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
            />
          )}
        </Field>
        <SubmitButton
          busy={state.fetching}
          label={t('signIn.submit')}
          busyLabel={t('signIn.submitting')}
        />
      </form>
    </main>
  );
}
