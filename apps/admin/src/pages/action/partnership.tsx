import { ORGANIZATION_ROLES, PARTICIPATORY_ACTIVITY_KINDS, parseIsoDate } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf, type Issue } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Empty } from '../../status.js';
import { Disclosure } from '../convention/disclosure.js';
import type { Action } from './action-query.js';
import { OrganizationPicker, type OrganizationChoice } from './organization-picker.js';

const AssociateOrganizationMutation = graphql(
  `
    mutation AssociateOrganization($input: AssociateOrganizationInput!) {
      associateOrganization(input: $input) {
        __typename
        ... on AssociateOrganizationSuccess {
          action {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const DissociateOrganizationMutation = graphql(
  `
    mutation DissociateOrganization($input: ActionPartInput!) {
      dissociateOrganization(input: $input) {
        __typename
        ... on DissociateOrganizationSuccess {
          action {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const AddParticipatoryActivityMutation = graphql(
  `
    mutation AddParticipatoryActivity($input: AddParticipatoryActivityInput!) {
      addParticipatoryActivity(input: $input) {
        __typename
        ... on AddParticipatoryActivitySuccess {
          action {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const RemoveParticipatoryActivityMutation = graphql(
  `
    mutation RemoveParticipatoryActivity($input: ActionPartInput!) {
      removeParticipatoryActivity(input: $input) {
        __typename
        ... on RemoveParticipatoryActivitySuccess {
          action {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Role = (typeof ORGANIZATION_ROLES)[number];
type ActivityKind = (typeof PARTICIPATORY_ACTIVITY_KINDS)[number];

/** A3: the institutions associated to the action according to its field, each with its role. */
export function OrganizationsSection({ action, editable }: { action: Action; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useFormFailure([]);
  const [removing, dissociate] = useMutation(DissociateOrganizationMutation);
  const [saved, setSaved] = useState<string | null>(null);

  async function remove(id: string, name: string) {
    form.clear();
    const result = await dissociate({ input: { id } });
    const outcome = outcomeOf(result.data?.dissociateOrganization, result.error);
    if (outcome.ok) setSaved(t('organizations.removed', { name }));
    else form.report(outcome.failure);
  }

  return (
    <section aria-labelledby="organizations-heading">
      <h2 id="organizations-heading">{t('organizations.title')}</h2>
      {action.organizations.length === 0 ? (
        <Empty>{t('organizations.empty')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('organizations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organizations.name')}</th>
                <th scope="col">{t('organizations.kind')}</th>
                <th scope="col">{t('organizations.role')}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {action.organizations.map((association) => (
                <tr key={association.id}>
                  <td>
                    <bdi>{association.organization.name}</bdi>
                    {association.organization.countryCode && (
                      <span className="muted">
                        {' '}
                        ({format.country(association.organization.countryCode)})
                      </span>
                    )}
                  </td>
                  <td>{t(`organizations.kinds.${association.organization.kind}`)}</td>
                  <td>{t(`organizations.roles.${association.role}`)}</td>
                  {editable && (
                    <td>
                      <button
                        type="button"
                        className="link"
                        disabled={removing.fetching}
                        onClick={() => void remove(association.id, association.organization.name)}
                      >
                        {t('organizations.dissociate', { name: association.organization.name })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormAlert form={form} />
      <p className="saved" role="status">
        {saved}
      </p>
      {editable && (
        <Disclosure label={t('organizations.associate')}>
          {(close) => (
            <AssociateForm
              actionId={action.id}
              onDone={(name) => {
                setSaved(t('organizations.associated', { name }));
                close();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

function AssociateForm({ actionId, onDone }: { actionId: string; onDone: (name: string) => void }) {
  const { t } = useTranslation();
  const [organization, setOrganization] = useState<OrganizationChoice | null>(null);
  const [role, setRole] = useState<Role>('IMPLEMENTING');
  const form = useFormFailure(['organizationId', 'role']);
  const [state, associate] = useMutation(AssociateOrganizationMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!organization) return;
    form.clear();
    const result = await associate({
      input: { actionId, organizationId: organization.id, role },
    });
    const outcome = outcomeOf(result.data?.associateOrganization, result.error);
    if (outcome.ok) onDone(organization.name);
    else form.report(outcome.failure);
  }

  return (
    <div className="inline-form">
      {organization ? (
        <p>
          {t('organizations.chosen', { name: organization.name })}{' '}
          <button type="button" className="link" onClick={() => setOrganization(null)}>
            {t('organizations.chooseAnother')}
          </button>
        </p>
      ) : (
        <OrganizationPicker label={t('organizations.find')} onPick={setOrganization} />
      )}
      {organization && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormAlert form={form} />
          <Field form={form} name="role" label={t('organizations.role')}>
            {(control) => (
              <select
                {...control}
                value={role}
                onChange={(event) => setRole(event.target.value as Role)}
              >
                {ORGANIZATION_ROLES.map((item) => (
                  <option key={item} value={item}>
                    {t(`organizations.roles.${item}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SubmitButton busy={state.fetching} label={t('organizations.associateSubmit')} />
        </form>
      )}
    </div>
  );
}

/** A3: civil society informed, consulted or collaborating — when, who, how many. */
export function ParticipationSection({ action, editable }: { action: Action; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useFormFailure([]);
  const [removing, removeActivity] = useMutation(RemoveParticipatoryActivityMutation);
  const [saved, setSaved] = useState<string | null>(null);
  const activities = [...action.participatoryActivities].sort((a, b) =>
    a.date.localeCompare(b.date),
  );

  async function remove(id: string) {
    form.clear();
    const result = await removeActivity({ input: { id } });
    const outcome = outcomeOf(result.data?.removeParticipatoryActivity, result.error);
    if (outcome.ok) setSaved(t('participation.removed'));
    else form.report(outcome.failure);
  }

  return (
    <section aria-labelledby="participation-heading">
      <h2 id="participation-heading">{t('participation.title')}</h2>
      {activities.length === 0 ? (
        <Empty>{t('participation.empty')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('participation.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participation.date')}</th>
                <th scope="col">{t('participation.kind')}</th>
                <th scope="col">{t('participation.audience')}</th>
                <th scope="col" className="number">
                  {t('participation.participants')}
                </th>
                <th scope="col">{t('participation.description')}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {activities.map((activity) => (
                <tr key={activity.id}>
                  <td>
                    <time dateTime={activity.date}>{format.date(activity.date)}</time>
                  </td>
                  <td>{t(`participation.kinds.${activity.kind}`)}</td>
                  <td>{activity.audience}</td>
                  <td className="number">{format.number(activity.participants)}</td>
                  <td>{activity.description}</td>
                  {editable && (
                    <td>
                      <button
                        type="button"
                        className="link"
                        disabled={removing.fetching}
                        onClick={() => void remove(activity.id)}
                      >
                        {t('participation.remove', {
                          kind: t(`participation.kinds.${activity.kind}`),
                          date: format.date(activity.date),
                        })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormAlert form={form} />
      <p className="saved" role="status">
        {saved}
      </p>
      {editable && (
        <Disclosure label={t('participation.add')}>
          {(close) => (
            <ActivityForm
              actionId={action.id}
              onDone={() => {
                setSaved(t('participation.saved'));
                close();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

const ACTIVITY_FIELDS = ['kind', 'date', 'audience', 'participants', 'description'];
const WHOLE = /^\d+$/;

function ActivityForm({ actionId, onDone }: { actionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    kind: 'INFORMATION' as ActivityKind,
    date: '',
    audience: '',
    participants: '',
    description: '',
  });
  const set = (field: keyof typeof values, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const form = useFormFailure(ACTIVITY_FIELDS);
  const [state, add] = useMutation(AddParticipatoryActivityMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    // What the server could not even read: the date and a whole number of participants.
    const date = parseIsoDate(values.date);
    const participants = values.participants.trim();
    const issues: Issue[] = [];
    if (!date.ok) {
      issues.push({
        path: ['input', 'date'],
        code: values.date ? 'INVALID_DATE' : 'REQUIRED',
        message: '',
      });
    }
    if (!WHOLE.test(participants)) {
      issues.push({
        path: ['input', 'participants'],
        code: participants ? 'NOT_A_WHOLE_NUMBER' : 'REQUIRED',
        message: '',
      });
    }
    const local = clientIssues(issues);
    if (local || !date.ok) {
      if (local) form.report(local);
      return;
    }
    const result = await add({
      input: {
        actionId,
        kind: values.kind,
        date: date.value,
        audience: values.audience,
        participants: Number(participants),
        description: values.description,
      },
    });
    const outcome = outcomeOf(result.data?.addParticipatoryActivity, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <div className="field-row">
        <Field form={form} name="kind" label={t('participation.kind')}>
          {(control) => (
            <select
              {...control}
              value={values.kind}
              onChange={(event) => set('kind', event.target.value)}
            >
              {PARTICIPATORY_ACTIVITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`participation.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="date" label={t('participation.date')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.date}
              onChange={(event) => set('date', event.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field
          form={form}
          name="audience"
          label={t('participation.audience')}
          hint={t('participation.audienceHint')}
        >
          {(control) => (
            <input
              {...control}
              value={values.audience}
              onChange={(event) => set('audience', event.target.value)}
            />
          )}
        </Field>
        <Field form={form} name="participants" label={t('participation.participants')}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={values.participants}
              onChange={(event) => set('participants', event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field form={form} name="description" label={t('participation.description')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('participation.submit')} />
    </form>
  );
}
