import { parseIsoDate } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { RevokeControl } from '../../revoke-control.js';
import { SecretOnce } from '../../secret-once.js';
import { Empty, Failure, Loading } from '../../status.js';
import { Disclosure } from '../convention/disclosure.js';

const ApiTokensQuery = graphql(`
  query ApiTokens {
    viewer {
      apiTokens {
        id
        name
        access
        active
        createdAt
        expiresAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

const CreateApiTokenMutation = graphql(
  `
    mutation CreateApiToken($input: CreateApiTokenInput!) {
      createApiToken(input: $input) {
        __typename
        ... on CreateApiTokenSuccess {
          created {
            token
            apiToken {
              id
              name
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const RevokeApiTokenMutation = graphql(
  `
    mutation RevokeApiToken($input: RevokeApiTokenInput!) {
      revokeApiToken(input: $input) {
        __typename
        ... on RevokeApiTokenSuccess {
          apiToken {
            id
            active
            revokedAt
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const ACCESS = ['READ', 'READ_WRITE'] as const;
type Access = (typeof ACCESS)[number];
type ApiToken = NonNullable<ResultOf<typeof ApiTokensQuery>['viewer']>['apiTokens'][number];

/** The list may start empty: a new ApiToken must still refresh it. */
const TOKEN_CONTEXT = { additionalTypenames: ['ApiToken'] };

/**
 * Partners' API tokens. A token's secret is shown once, right after its creation, and never
 * again: Coop keeps only its hash.
 */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: ApiTokensQuery, context: TOKEN_CONTEXT });
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const tokens = result.data?.viewer?.apiTokens;
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('tokens.title')}</h2>
      <p>{t('tokens.intro')}</p>
      {secret && (
        <SecretOnce
          id="token-secret"
          title={t('tokens.secretTitle', { name: secret.name })}
          warning={t('tokens.secretWarning')}
          label={t('tokens.secretLabel')}
          value={secret.token}
          doneLabel={t('tokens.secretDone')}
          onDone={() => setSecret(null)}
        />
      )}
      {result.fetching && !tokens && <Loading />}
      {result.error && !tokens && (
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {tokens && tokens.length === 0 && <Empty>{t('tokens.empty')}</Empty>}
      {tokens && tokens.length > 0 && (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.access')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('tokens.state')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <TokenRow
                  key={token.id}
                  token={token}
                  onRevoked={() => setSaved(t('tokens.revoked', { name: token.name }))}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="saved" role="status">
        {saved}
      </p>
      <Disclosure label={t('tokens.create')}>
        {(close) => (
          <CreateTokenForm
            onCreated={(created) => {
              setSecret(created);
              setSaved(null);
              close();
            }}
          />
        )}
      </Disclosure>
    </section>
  );
}

function TokenRow({ token, onRevoked }: { token: ApiToken; onRevoked: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, revoke] = useMutation(RevokeApiTokenMutation);
  const state = token.revokedAt
    ? t('tokens.stateRevoked', { date: format.dateTime(token.revokedAt) })
    : token.active
      ? t('tokens.stateActive')
      : t('tokens.stateExpired');

  return (
    <tr className={token.active ? undefined : 'inactive'}>
      <td>{token.name}</td>
      <td>{t(`tokens.accessKinds.${token.access}`)}</td>
      <td>{format.dateTime(token.createdAt)}</td>
      <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.never')}</td>
      <td>{token.expiresAt ? format.dateTime(token.expiresAt) : t('tokens.noExpiry')}</td>
      <td>
        <span>{state}</span>{' '}
        <RevokeControl
          active={token.active}
          revokeLabel={t('tokens.revoke', { name: token.name })}
          confirmLabel={t('tokens.confirmRevoke', { name: token.name })}
          revoke={() =>
            revoke({ input: { id: token.id } }).then((result) =>
              outcomeOf(result.data?.revokeApiToken, result.error),
            )
          }
          onRevoked={onRevoked}
        />
      </td>
    </tr>
  );
}

const FIELDS = ['name', 'access', 'expiresAt'];

function CreateTokenForm({
  onCreated,
}: {
  onCreated: (created: { name: string; token: string }) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<Access>('READ');
  const [expires, setExpires] = useState('');
  const form = useFormFailure(FIELDS);
  const [state, create] = useMutation(CreateApiTokenMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    let expiresAt: string | null = null;
    if (expires) {
      const date = parseIsoDate(expires);
      if (!date.ok) {
        const local = clientIssues([
          { path: ['input', 'expiresAt'], code: 'INVALID_DATE', message: '' },
        ]);
        if (local) form.report(local);
        return;
      }
      // Valid through the whole of its last day, wherever the partner is.
      expiresAt = `${date.value}T23:59:59.999Z`;
    }
    const result = await create({ input: { name, access, expiresAt } });
    const outcome = outcomeOf(result.data?.createApiToken, result.error);
    if (outcome.ok) {
      onCreated({ name: outcome.value.created.apiToken.name, token: outcome.value.created.token });
    } else {
      form.report(outcome.failure);
    }
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <Field form={form} name="name" label={t('tokens.name')} hint={t('tokens.nameHint')}>
        {(control) => (
          <input {...control} value={name} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <Field
        form={form}
        name="access"
        label={t('tokens.access')}
        hint={t(`tokens.accessHints.${access}`)}
      >
        {(control) => (
          <select
            {...control}
            value={access}
            onChange={(event) => setAccess(event.target.value as Access)}
          >
            {ACCESS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`tokens.accessKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        form={form}
        name="expiresAt"
        label={t('tokens.expiresOn')}
        hint={t('tokens.expiresHint')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            value={expires}
            onChange={(event) => setExpires(event.target.value)}
          />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('tokens.submit')} />
    </form>
  );
}
