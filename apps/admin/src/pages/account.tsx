import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../errors/error-fields.js';
import { clientIssues, outcomeOf } from '../errors/outcome.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../forms.js';
import { graphql } from '../graphql.js';
import { useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { CalendarFeedsSection } from './account/calendar-feeds.js';

const ChangePasswordMutation = graphql(
  `
    mutation ChangePassword($input: ChangePasswordInput!) {
      changePassword(input: $input) {
        __typename
        ... on ChangePasswordSuccess {
          changed
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const FIELDS = ['currentPassword', 'newPassword', 'confirmation'];

/** Everyone's own page: who I am, for which collectivity, and my password. */
export default function AccountPage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  useDocumentTitle(t('account.title'));
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirmation: '' });
  const [done, setDone] = useState(false);
  const form = useFormFailure(FIELDS);
  const [state, change] = useMutation(ChangePasswordMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    setDone(false);
    if (values.newPassword !== values.confirmation) {
      const local = clientIssues([
        { path: ['input', 'confirmation'], code: 'PASSWORDS_DIFFER', message: '' },
      ]);
      if (local) form.report(local);
      return;
    }
    const result = await change({
      input: { currentPassword: values.currentPassword, newPassword: values.newPassword },
    });
    const outcome = outcomeOf(result.data?.changePassword, result.error);
    if (outcome.ok) {
      setValues({ currentPassword: '', newPassword: '', confirmation: '' });
      setDone(true);
    } else {
      form.report(outcome.failure);
    }
  }

  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{viewer.displayName}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{viewer.email ?? '—'}</dd>
        <dt>{t('account.collectivity')}</dt>
        <dd>{viewer.collectivity.name}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${viewer.role}`)}</dd>
      </dl>
      <section aria-labelledby="password-heading" className="narrow-section">
        <h2 id="password-heading">{t('account.password')}</h2>
        <p>{t('account.passwordIntro')}</p>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormAlert form={form} />
          {done && (
            <p className="saved" role="status">
              {t('account.changed')}
            </p>
          )}
          <Field form={form} name="currentPassword" label={t('account.currentPassword')}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="current-password"
                value={values.currentPassword}
                onChange={(event) => setValues({ ...values, currentPassword: event.target.value })}
              />
            )}
          </Field>
          <Field
            form={form}
            name="newPassword"
            label={t('account.newPassword')}
            hint={t('accounts.firstPasswordHint')}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={values.newPassword}
                onChange={(event) => setValues({ ...values, newPassword: event.target.value })}
              />
            )}
          </Field>
          <Field form={form} name="confirmation" label={t('account.confirmation')}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={values.confirmation}
                onChange={(event) => setValues({ ...values, confirmation: event.target.value })}
              />
            )}
          </Field>
          <SubmitButton busy={state.fetching} label={t('account.submit')} />
        </form>
      </section>
      {/* An EDITOR or above subscribes the office's calendar to the collectivity's deadlines. */}
      {canEdit(viewer) && <CalendarFeedsSection />}
    </main>
  );
}
