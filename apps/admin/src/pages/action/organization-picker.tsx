import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Loading } from '../../status.js';

const OrganizationsQuery = graphql(`
  query FindOrganizations($search: String) {
    organizations(first: 10, search: $search) {
      totalCount
      edges {
        node {
          id
          name
          kind
          countryCode
        }
      }
    }
  }
`);

const CreateOrganizationMutation = graphql(
  `
    mutation CreateOrganization($input: CreateOrganizationInput!) {
      createOrganization(input: $input) {
        __typename
        ... on CreateOrganizationSuccess {
          organization {
            id
            name
            kind
            countryCode
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const ORGANIZATION_KINDS = [
  'GOVERNMENT',
  'MULTILATERAL',
  'PUBLIC_BODY',
  'ASSOCIATION',
  'UNIVERSITY',
  'COMPANY',
  'OTHER',
] as const;
type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface OrganizationChoice {
  readonly id: string;
  readonly name: string;
}

/**
 * Finds an organisation of the directory by name, or adds one to it (A3, A4.3): a search field,
 * a list of answers each with its own button, and a short form for one that is not there yet.
 * Not a <form> itself, so that it can sit next to the form that uses the choice.
 */
export function OrganizationPicker({
  label,
  onPick,
}: {
  label: string;
  onPick: (organization: OrganizationChoice) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const searchForm = useFormFailure(['search']);
  const [result] = useQuery({
    query: OrganizationsQuery,
    variables: { search: search.trim() },
    pause: search.trim().length < 2,
  });
  const found = (result.data?.organizations.edges ?? []).map((edge) => edge.node);
  return (
    <div className="partner-picker">
      <Field form={searchForm} name="search" label={label} hint={t('organizations.searchHint')}>
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        )}
      </Field>
      {search.trim().length >= 2 && (
        <div aria-live="polite">
          {result.fetching && <Loading />}
          {result.data && found.length === 0 && (
            <p className="empty">{t('organizations.noneFound')}</p>
          )}
          {found.length > 0 && (
            <ul className="choices" aria-label={t('organizations.results')}>
              {found.map((organization) => (
                <li key={organization.id}>
                  <span>
                    {organization.name}{' '}
                    <span className="muted">
                      ({t(`organizations.kinds.${organization.kind}`)}
                      {organization.countryCode
                        ? `, ${format.country(organization.countryCode)}`
                        : ''}
                      )
                    </span>
                  </span>
                  <button type="button" onClick={() => onPick(organization)}>
                    {t('organizations.choose', { name: organization.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {creating ? (
        <NewOrganization
          initialName={search.trim()}
          onCreated={(organization) => {
            setCreating(false);
            onPick(organization);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <button type="button" className="link" onClick={() => setCreating(true)}>
          {t('organizations.create')}
        </button>
      )}
    </div>
  );
}

function NewOrganization({
  initialName,
  onCreated,
  onCancel,
}: {
  initialName: string;
  onCreated: (organization: OrganizationChoice) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    name: initialName,
    kind: 'ASSOCIATION' as OrganizationKind,
    countryCode: '',
  });
  const form = useFormFailure(['name', 'kind', 'countryCode']);
  const [state, create] = useMutation(CreateOrganizationMutation);

  async function submit() {
    form.clear();
    const result = await create({
      input: {
        name: values.name,
        kind: values.kind,
        countryCode: values.countryCode.trim().toUpperCase() || null,
      },
    });
    const outcome = outcomeOf(result.data?.createOrganization, result.error);
    if (outcome.ok) onCreated(outcome.value.organization);
    else form.report(outcome.failure);
  }

  return (
    <fieldset className="new-organization">
      <legend>{t('organizations.newTitle')}</legend>
      <FormAlert form={form} />
      <Field form={form} name="name" label={t('organizations.name')}>
        {(control) => (
          <input
            {...control}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
          />
        )}
      </Field>
      <div className="field-row">
        <Field form={form} name="kind" label={t('organizations.kind')}>
          {(control) => (
            <select
              {...control}
              value={values.kind}
              onChange={(event) =>
                setValues({ ...values, kind: event.target.value as OrganizationKind })
              }
            >
              {ORGANIZATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`organizations.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={form}
          name="countryCode"
          label={t('organizations.country')}
          hint={t('organizations.countryHint')}
        >
          {(control) => (
            <input
              {...control}
              maxLength={2}
              autoComplete="off"
              value={values.countryCode}
              onChange={(event) => setValues({ ...values, countryCode: event.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={state.fetching}
          onClick={() => void submit()}
        >
          {t('organizations.add')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
