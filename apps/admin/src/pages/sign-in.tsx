import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../graphql.js';
import { LanguagePicker } from '../layout.js';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          code
        }
      }
      ... on TooManyAttemptsError {
        retryAfterSeconds
      }
    }
  }
`);

type Field = 'email' | 'password';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [state, login] = useMutation(LoginMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setFieldErrors({});
    const result = await login({ input: { email, password } });
    const answer = result.data?.login;
    if (!answer) {
      setFormError(t('common.error'));
      return;
    }
    switch (answer.__typename) {
      case 'LoginSuccess':
        onSignedIn();
        return;
      case 'ValidationError':
        setFieldErrors(
          Object.fromEntries(
            answer.issues.map((issue) => [
              issue.path.at(-1) ?? 'email',
              t(`signIn.errors.${issue.code}`, issue.code),
            ]),
          ),
        );
        return;
      case 'TooManyAttemptsError':
        setFormError(
          t('signIn.errors.TOO_MANY_ATTEMPTS', {
            minutes: Math.ceil(answer.retryAfterSeconds / 60),
          }),
        );
        return;
      default:
        setFormError(t(`signIn.errors.${answer.code}`, answer.message));
    }
  }

  return (
    <main className="page narrow sign-in">
      <div className="sign-in-header">
        <h1>{t('signIn.title')}</h1>
        <LanguagePicker value={i18n.language} />
      </div>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">{t('signIn.email')}</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={fieldErrors.email ? 'email-error' : undefined}
            required
          />
          {fieldErrors.email && (
            <p id="email-error" className="field-error">
              {fieldErrors.email}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={fieldErrors.password ? 'password-error' : undefined}
            required
          />
          {fieldErrors.password && (
            <p id="password-error" className="field-error">
              {fieldErrors.password}
            </p>
          )}
        </div>
        <button type="submit" className="primary" disabled={state.fetching}>
          {state.fetching ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
