import {
  asId,
  DELEGATE_CATEGORIES,
  parseIsoDate,
  validateMission,
  type DelegateCategory,
} from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useEditDraft } from '../../edit-draft.js';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf, type Issue } from '../../errors/outcome.js';
import { Field, FormAlert, SubmitButton, useFormFailure, type FormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';

const CreateMissionMutation = graphql(
  `
    mutation CreateMission($input: CreateMissionInput!) {
      createMission(input: $input) {
        __typename
        ... on CreateMissionSuccess {
          mission {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const UpdateMissionMutation = graphql(
  `
    mutation UpdateMission($input: UpdateMissionInput!) {
      updateMission(input: $input) {
        __typename
        ... on UpdateMissionSuccess {
          mission {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export interface PartyChoice {
  readonly id: string;
  readonly name: string;
}

const TRIP_FIELDS = [
  'originId',
  'hostId',
  'departureDate',
  'returnDate',
  'purpose',
  'actionId',
] as const;
type TripField = (typeof TRIP_FIELDS)[number];
type TripValues = Record<TripField, string>;

/**
 * A5 while typing: the domain's checks of a trip (dates in order, from one party to another),
 * shown before the server is asked; it checks them again.
 */
function useTripWarnings(values: TripValues, delegates: number | null) {
  const { t } = useTranslation();
  const departure = parseIsoDate(values.departureDate);
  const back = parseIsoDate(values.returnDate);
  if (!departure.ok || !back.ok || !values.originId || !values.hostId) return [];
  const checked = validateMission({
    origin: asId<'Collectivity'>(values.originId),
    host: asId<'Collectivity'>(values.hostId),
    departureDate: departure.value,
    returnDate: back.value,
    delegates:
      delegates === null
        ? [{ category: 'OTHER' }]
        : Array.from({ length: delegates }, () => ({ category: 'OTHER' as const })),
    costs: [],
  });
  return checked.ok ? [] : checked.error.map((error) => t(`errors.codes.${error.code}`));
}

function TripFields({
  form,
  values,
  set,
  parties,
  actions,
  hint,
}: {
  form: FormFailure;
  values: TripValues;
  set: (field: TripField, value: string) => void;
  parties: readonly PartyChoice[];
  actions: readonly { id: string; title: string }[];
  hint?: (field: TripField) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-row">
        <Field
          form={form}
          name="originId"
          label={t('missions.fields.origin')}
          hint={hint?.('originId')}
        >
          {(control) => (
            <select
              {...control}
              value={values.originId}
              onChange={(event) => set('originId', event.target.value)}
            >
              {parties.map((party) => (
                <option key={party.id} value={party.id}>
                  {party.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="hostId" label={t('missions.fields.host')} hint={hint?.('hostId')}>
          {(control) => (
            <select
              {...control}
              value={values.hostId}
              onChange={(event) => set('hostId', event.target.value)}
            >
              {parties.map((party) => (
                <option key={party.id} value={party.id}>
                  {party.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field
          form={form}
          name="departureDate"
          label={t('missions.fields.departureDate')}
          hint={hint?.('departureDate')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.departureDate}
              onChange={(event) => set('departureDate', event.target.value)}
            />
          )}
        </Field>
        <Field
          form={form}
          name="returnDate"
          label={t('missions.fields.returnDate')}
          hint={hint?.('returnDate')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.returnDate}
              onChange={(event) => set('returnDate', event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        form={form}
        name="purpose"
        label={t('missions.fields.purpose')}
        hint={hint?.('purpose')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.purpose}
            onChange={(event) => set('purpose', event.target.value)}
          />
        )}
      </Field>
      <Field
        form={form}
        name="actionId"
        label={t('missions.fields.action')}
        hint={hint?.('actionId')}
      >
        {(control) => (
          <select
            {...control}
            value={values.actionId}
            onChange={(event) => set('actionId', event.target.value)}
          >
            <option value="">{t('missions.fields.noAction')}</option>
            {actions.map((action) => (
              <option key={action.id} value={action.id}>
                {action.title}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

/** What the server could not read: the dates. */
function dateIssues(values: Pick<TripValues, 'departureDate' | 'returnDate'>): Issue[] {
  return (['departureDate', 'returnDate'] as const).flatMap((field) =>
    parseIsoDate(values[field]).ok
      ? []
      : [
          {
            path: ['input', field],
            code: values[field] ? 'INVALID_DATE' : 'REQUIRED',
            message: '',
          },
        ],
  );
}

interface DelegateRow {
  readonly key: number;
  readonly name: string;
  readonly position: string;
  readonly category: DelegateCategory;
}

/** A new trip between two parties (A5), with at least one delegate; costs follow on its page. */
export function CreateMissionForm({
  conventionId,
  parties,
  actions,
  ownCollectivityId,
  onCreated,
}: {
  conventionId: string;
  parties: readonly PartyChoice[];
  actions: readonly { id: string; title: string }[];
  ownCollectivityId: string;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const origin = parties.find((party) => party.id === ownCollectivityId) ?? parties[0];
  const host = parties.find((party) => party.id !== origin?.id);
  const [values, setValues] = useState<TripValues>({
    originId: origin?.id ?? '',
    hostId: host?.id ?? '',
    departureDate: '',
    returnDate: '',
    purpose: '',
    actionId: '',
  });
  const [delegates, setDelegates] = useState<readonly DelegateRow[]>([
    { key: 0, name: '', position: '', category: 'ELECTED' },
  ]);
  const fields = [
    ...TRIP_FIELDS,
    'delegates',
    ...delegates.flatMap((_row, index) => [
      `delegates.${index}.name`,
      `delegates.${index}.position`,
      `delegates.${index}.category`,
    ]),
  ];
  const form = useFormFailure(fields);
  const [state, create] = useMutation(CreateMissionMutation);
  const warnings = useTripWarnings(values, delegates.length);
  const set = (field: TripField, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const setDelegate = (key: number, changes: Partial<DelegateRow>) =>
    setDelegates((current) =>
      current.map((row) => (row.key === key ? { ...row, ...changes } : row)),
    );

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const local = clientIssues(dateIssues(values));
    if (local) {
      form.report(local);
      return;
    }
    const result = await create({
      input: {
        conventionId,
        originId: values.originId,
        hostId: values.hostId,
        departureDate: values.departureDate,
        returnDate: values.returnDate,
        purpose: values.purpose,
        actionId: values.actionId || null,
        delegates: delegates.map((row) => ({
          name: row.name,
          position: row.position,
          category: row.category,
        })),
      },
    });
    const outcome = outcomeOf(result.data?.createMission, result.error);
    if (outcome.ok) onCreated(outcome.value.mission.id);
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form wide" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <TripFields form={form} values={values} set={set} parties={parties} actions={actions} />
      {warnings.length > 0 && (
        <ul className="flag" role="status">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <fieldset id={form.idOf('delegates')} tabIndex={-1}>
        <legend>{t('missions.delegates')}</legend>
        {form.errorOf('delegates') && <p className="field-error">{form.errorOf('delegates')}</p>}
        {delegates.map((row, index) => (
          <div key={row.key} className="field-row delegate-row">
            <Field
              form={form}
              name={`delegates.${index}.name`}
              label={t('missions.fields.delegateName', { number: index + 1 })}
            >
              {(control) => (
                <input
                  {...control}
                  value={row.name}
                  onChange={(event) => setDelegate(row.key, { name: event.target.value })}
                />
              )}
            </Field>
            <Field
              form={form}
              name={`delegates.${index}.position`}
              label={t('missions.fields.delegatePosition', { number: index + 1 })}
            >
              {(control) => (
                <input
                  {...control}
                  value={row.position}
                  onChange={(event) => setDelegate(row.key, { position: event.target.value })}
                />
              )}
            </Field>
            <Field
              form={form}
              name={`delegates.${index}.category`}
              label={t('missions.fields.delegateCategory', { number: index + 1 })}
            >
              {(control) => (
                <select
                  {...control}
                  value={row.category}
                  onChange={(event) =>
                    setDelegate(row.key, { category: event.target.value as DelegateCategory })
                  }
                >
                  {DELEGATE_CATEGORIES.map((category) => (
                    <option key={category} value={category}>
                      {t(`missions.categories.${category}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {delegates.length > 1 && (
              <button
                type="button"
                className="link"
                onClick={() =>
                  setDelegates((current) => current.filter((item) => item.key !== row.key))
                }
              >
                {t('missions.removeDelegateRow', { number: index + 1 })}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setDelegates((current) => [
              ...current,
              {
                key: Math.max(...current.map((row) => row.key)) + 1,
                name: '',
                position: '',
                category: 'TECHNICIAN',
              },
            ])
          }
        >
          {t('missions.addDelegateRow')}
        </button>
      </fieldset>
      <SubmitButton busy={state.fetching} label={t('missions.create')} />
    </form>
  );
}

/** The trip itself: parties, dates, purpose, linked action; only the fields changed are sent. */
export function EditMissionForm({
  mission,
  parties,
  actions,
  onReload,
  onDone,
}: {
  mission: {
    id: string;
    version: number;
    origin: { id: string };
    host: { id: string };
    departureDate: string;
    returnDate: string;
    purpose: string;
    actionId: string | null;
  };
  parties: readonly PartyChoice[];
  actions: readonly { id: string; title: string }[];
  onReload: () => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const latest: TripValues = {
    originId: mission.origin.id,
    hostId: mission.host.id,
    departureDate: mission.departureDate,
    returnDate: mission.returnDate,
    purpose: mission.purpose,
    actionId: mission.actionId ?? '',
  };
  const draft = useEditDraft<TripField>(latest);
  const form = useFormFailure(TRIP_FIELDS);
  const [state, update] = useMutation(UpdateMissionMutation);
  const warnings = useTripWarnings(draft.shown, null);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const local = clientIssues(dateIssues(draft.shown));
    if (local) {
      form.report(local);
      return;
    }
    if (draft.pending.length === 0) {
      onDone();
      return;
    }
    const input: Partial<Record<Exclude<TripField, 'actionId'>, string>> & {
      actionId?: string | null;
    } = {};
    for (const field of draft.pending) {
      if (field === 'actionId') input.actionId = draft.shown.actionId || null;
      else input[field] = draft.shown[field];
    }
    const result = await update({ input: { id: mission.id, version: mission.version, ...input } });
    const outcome = outcomeOf(result.data?.updateMission, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={onReload} />
      <TripFields
        form={form}
        values={draft.shown}
        set={draft.edit}
        parties={parties}
        actions={actions}
        hint={(field) =>
          draft.meanwhile.has(field)
            ? t('conventionForm.changedMeanwhile', { value: latest[field] || '—' })
            : undefined
        }
      />
      {warnings.length > 0 && (
        <ul className="flag" role="status">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <SubmitButton busy={state.fetching} label={t('common.save')} />
    </form>
  );
}
