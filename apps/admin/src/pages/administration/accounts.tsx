import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { Empty, Failure, Loading } from '../../status.js';
import { Disclosure } from '../convention/disclosure.js';

const AccountsQuery = graphql(`
  query Accounts {
    viewer {
      email
      accounts {
        id
        email
        displayName
        role
        active
        createdAt
        disabledAt
      }
    }
  }
`);

const CreateAccountMutation = graphql(
  `
    mutation CreateAccount($input: CreateAccountInput!) {
      createAccount(input: $input) {
        __typename
        ... on CreateAccountSuccess {
          account {
            id
            email
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const UpdateAccountMutation = graphql(
  `
    mutation UpdateAccount($input: UpdateAccountInput!) {
      updateAccount(input: $input) {
        __typename
        ... on UpdateAccountSuccess {
          account {
            id
            role
            active
            disabledAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The roles an administrator gives; PLATFORM_ADMIN is the platform's to give. */
const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
type Role = (typeof ROLES)[number];
type Account = NonNullable<ResultOf<typeof AccountsQuery>['viewer']>['accounts'][number];

export function AccountsSection() {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({
    query: AccountsQuery,
    context: ACCOUNT_CONTEXT,
  });
  const [saved, setSaved] = useState<string | null>(null);
  const viewer = result.data?.viewer;
  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accounts.title')}</h2>
      {result.fetching && !viewer && <Loading />}
      {result.error && !viewer && (
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {viewer && viewer.accounts.length === 0 && <Empty>{t('accounts.empty')}</Empty>}
      {viewer && viewer.accounts.length > 0 && (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('accounts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.name')}</th>
                <th scope="col">{t('accounts.email')}</th>
                <th scope="col">{t('accounts.role')}</th>
                <th scope="col">{t('accounts.state')}</th>
                <th scope="col">{t('accounts.since')}</th>
              </tr>
            </thead>
            <tbody>
              {viewer.accounts.map((account) => (
                <AccountRow
                  key={account.id}
                  account={account}
                  isSelf={account.email === viewer.email}
                  onSaved={setSaved}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="saved" role="status">
        {saved}
      </p>
      <Disclosure label={t('accounts.create')}>
        {(close) => (
          <CreateAccountForm
            onDone={(email) => {
              setSaved(t('accounts.created', { email }));
              close();
            }}
          />
        )}
      </Disclosure>
    </section>
  );
}

/** Lists of accounts may start empty: a new Account must still refresh them. */
const ACCOUNT_CONTEXT = { additionalTypenames: ['Account'] };

function AccountRow({
  account,
  isSelf,
  onSaved,
}: {
  account: Account;
  isSelf: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, update] = useMutation(UpdateAccountMutation);
  const form = useFormFailure(['role', 'active']);

  async function change(input: { role?: Role; active?: boolean }) {
    form.clear();
    const result = await update({ input: { id: account.id, ...input } });
    const outcome = outcomeOf(result.data?.updateAccount, result.error);
    if (outcome.ok) {
      onSaved(t('accounts.saved', { name: account.displayName }));
    } else {
      form.report(outcome.failure);
    }
  }

  return (
    <tr className={account.active ? undefined : 'inactive'}>
      <td>
        {account.displayName}
        {isSelf && <span className="muted"> {t('accounts.you')}</span>}
      </td>
      <td>{account.email}</td>
      <td>
        <label className="visually-hidden" htmlFor={form.idOf('role')}>
          {t('accounts.roleOf', { name: account.displayName })}
        </label>
        <select
          id={form.idOf('role')}
          value={account.role}
          disabled={state.fetching || isSelf || account.role === 'PLATFORM_ADMIN'}
          aria-invalid={form.errorOf('role') ? true : undefined}
          onChange={(event) => void change({ role: event.target.value as Role })}
        >
          {account.role === 'PLATFORM_ADMIN' && (
            <option value="PLATFORM_ADMIN">{t('roles.PLATFORM_ADMIN')}</option>
          )}
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        {form.messages && (
          <p className="field-error" role="alert">
            {Object.values(form.messages.fields).join(' ') || form.messages.summary}
          </p>
        )}
      </td>
      <td>
        <span>{account.active ? t('accounts.active') : t('accounts.disabled')}</span>{' '}
        {!isSelf && (
          <button
            type="button"
            id={form.idOf('active')}
            disabled={state.fetching}
            onClick={() => void change({ active: !account.active })}
          >
            {account.active
              ? t('accounts.disable', { name: account.displayName })
              : t('accounts.enable', { name: account.displayName })}
          </button>
        )}
      </td>
      <td>{format.dateTime(account.createdAt)}</td>
    </tr>
  );
}

const FIELDS = ['email', 'displayName', 'role', 'password'];

function CreateAccountForm({ onDone }: { onDone: (email: string) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    email: '',
    displayName: '',
    role: 'EDITOR' as Role,
    password: '',
  });
  const form = useFormFailure(FIELDS);
  const [state, create] = useMutation(CreateAccountMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const result = await create({ input: values });
    const outcome = outcomeOf(result.data?.createAccount, result.error);
    if (outcome.ok) onDone(outcome.value.account.email);
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <Field form={form} name="displayName" label={t('accounts.name')}>
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            value={values.displayName}
            onChange={(event) => setValues({ ...values, displayName: event.target.value })}
          />
        )}
      </Field>
      <Field form={form} name="email" label={t('accounts.email')}>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(event) => setValues({ ...values, email: event.target.value })}
          />
        )}
      </Field>
      <Field
        form={form}
        name="role"
        label={t('accounts.role')}
        hint={t(`roles.hints.${values.role}`)}
      >
        {(control) => (
          <select
            {...control}
            value={values.role}
            onChange={(event) => setValues({ ...values, role: event.target.value as Role })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        form={form}
        name="password"
        label={t('accounts.firstPassword')}
        hint={t('accounts.firstPasswordHint')}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(event) => setValues({ ...values, password: event.target.value })}
          />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('accounts.submit')} />
    </form>
  );
}
