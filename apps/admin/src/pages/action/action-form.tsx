import { actionPeriodFlags, checkActionPeriod, parseIsoDate, type IsoDate } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useEditDraft } from '../../edit-draft.js';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf, type Issue } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure, type FormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';

const CreateActionMutation = graphql(
  `
    mutation CreateAction($input: CreateActionInput!) {
      createAction(input: $input) {
        __typename
        ... on CreateActionSuccess {
          action {
            id
            title
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const UpdateActionMutation = graphql(
  `
    mutation UpdateActionDetails($input: UpdateActionInput!) {
      updateAction(input: $input) {
        __typename
        ... on UpdateActionSuccess {
          action {
            id
            version
            title
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export interface AxisChoice {
  readonly id: string;
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
}

const FIELDS = ['title', 'axisId', 'description', 'startDate', 'endDate', 'dacSector'] as const;
type ActionField = (typeof FIELDS)[number];
type ActionValues = Record<ActionField, string>;

/** A typed date: empty is no date, anything else must be a real day (the server could not read it). */
function dateOf(text: string): { ok: true; value: IsoDate | null } | { ok: false } {
  if (text === '') return { ok: true, value: null };
  const parsed = parseIsoDate(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false };
}

function dateIssues(values: Pick<ActionValues, 'startDate' | 'endDate'>): Issue[] {
  return (['startDate', 'endDate'] as const).flatMap((field) =>
    dateOf(values[field]).ok ? [] : [{ path: ['input', field], code: 'INVALID_DATE', message: '' }],
  );
}

/**
 * A2 while typing: an action dated outside its axis' period is allowed but flagged; its end
 * cannot come before its start. The domain's rules; the server checks again.
 */
export function PeriodPreview({
  values,
  axes,
}: {
  values: Pick<ActionValues, 'axisId' | 'startDate' | 'endDate'>;
  axes: readonly AxisChoice[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const start = dateOf(values.startDate);
  const end = dateOf(values.endDate);
  const axis = axes.find((item) => item.id === values.axisId);
  const periodStart = axis ? parseIsoDate(axis.periodStart) : null;
  const periodEnd = axis ? parseIsoDate(axis.periodEnd) : null;
  if (!start.ok || !end.ok) return null;
  const dates = { startDate: start.value, endDate: end.value };
  if (!checkActionPeriod(dates).ok) {
    return (
      <p className="flag" role="status">
        {t('errors.codes.END_BEFORE_START')}
      </p>
    );
  }
  if (!periodStart?.ok || !periodEnd?.ok || !axis) return null;
  const flags = actionPeriodFlags(dates, {
    periodStart: periodStart.value,
    periodEnd: periodEnd.value,
  });
  return (
    <p className="flag" role="status" data-testid="period-preview">
      {flags.map((flag) =>
        flag.code === 'UNDATED'
          ? t('actions.flags.UNDATED')
          : t('actions.flags.OUTSIDE_AXIS_PERIOD', {
              start: format.date(axis.periodStart),
              end: format.date(axis.periodEnd),
            }),
      )}
    </p>
  );
}

function ActionFields({
  form,
  values,
  set,
  axes,
  hint,
}: {
  form: FormFailure;
  values: ActionValues;
  set: (field: ActionField, value: string) => void;
  axes: readonly AxisChoice[];
  hint?: (field: ActionField) => string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Field form={form} name="title" label={t('actions.fields.title')} hint={hint?.('title')}>
        {(control) => (
          <input
            {...control}
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
            required
          />
        )}
      </Field>
      <Field form={form} name="axisId" label={t('actions.fields.axis')} hint={hint?.('axisId')}>
        {(control) => (
          <select
            {...control}
            value={values.axisId}
            onChange={(event) => set('axisId', event.target.value)}
          >
            {axes.map((axis) => (
              <option key={axis.id} value={axis.id}>
                {`${axis.title} (${format.year(axis.periodStart)} – ${format.year(axis.periodEnd)})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        form={form}
        name="description"
        label={t('actions.fields.description')}
        hint={hint?.('description')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </Field>
      <div className="field-row">
        <Field
          form={form}
          name="startDate"
          label={t('actions.fields.startDate')}
          hint={hint?.('startDate')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.startDate}
              onChange={(event) => set('startDate', event.target.value)}
            />
          )}
        </Field>
        <Field
          form={form}
          name="endDate"
          label={t('actions.fields.endDate')}
          hint={hint?.('endDate')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.endDate}
              onChange={(event) => set('endDate', event.target.value)}
            />
          )}
        </Field>
      </div>
      <PeriodPreview values={values} axes={axes} />
      <Field
        form={form}
        name="dacSector"
        label={t('actions.fields.dacSector')}
        hint={hint?.('dacSector') ?? t('actions.fields.dacSectorHint')}
      >
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={values.dacSector}
            onChange={(event) => set('dacSector', event.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** A new action, PLANNED, under one axis of the convention (A2). */
export function CreateActionForm({
  conventionId,
  axes,
  defaultAxisId,
  onCreated,
}: {
  conventionId: string;
  axes: readonly AxisChoice[];
  defaultAxisId?: string;
  onCreated: (action: { id: string; title: string }) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ActionValues>({
    title: '',
    axisId: defaultAxisId ?? axes[0]?.id ?? '',
    description: '',
    startDate: '',
    endDate: '',
    dacSector: '',
  });
  const form = useFormFailure(FIELDS);
  const [state, create] = useMutation(CreateActionMutation);
  const set = (field: ActionField, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

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
        axisId: values.axisId,
        title: values.title,
        description: values.description,
        startDate: values.startDate || null,
        endDate: values.endDate || null,
        dacSector: values.dacSector.trim() || null,
      },
    });
    const outcome = outcomeOf(result.data?.createAction, result.error);
    if (outcome.ok) onCreated(outcome.value.action);
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <ActionFields form={form} values={values} set={set} axes={axes} />
      <SubmitButton busy={state.fetching} label={t('actions.create')} />
    </form>
  );
}

/**
 * The action's definition. Only the fields changed are sent, with the version seen: after a
 * ConflictError the typed values stay and are sent again on the latest version.
 */
export function EditActionForm({
  action,
  axes,
  onReload,
  onDone,
}: {
  action: {
    id: string;
    version: number;
    title: string;
    description: string;
    startDate: string | null;
    endDate: string | null;
    dacSector: string | null;
    axis: { id: string };
  };
  axes: readonly AxisChoice[];
  onReload: () => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const latest: ActionValues = {
    title: action.title,
    axisId: action.axis.id,
    description: action.description,
    startDate: action.startDate ?? '',
    endDate: action.endDate ?? '',
    dacSector: action.dacSector ?? '',
  };
  const draft = useEditDraft<ActionField>(latest);
  const form = useFormFailure(FIELDS);
  const [state, update] = useMutation(UpdateActionMutation);

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
    const input: Partial<Record<'title' | 'axisId' | 'description', string>> &
      Partial<Record<'startDate' | 'endDate' | 'dacSector', string | null>> = {};
    for (const field of draft.pending) {
      const value = draft.shown[field];
      if (field === 'startDate' || field === 'endDate' || field === 'dacSector') {
        // Emptied: the date or the sector is cleared.
        input[field] = value.trim() || null;
      } else {
        input[field] = value;
      }
    }
    const result = await update({ input: { id: action.id, version: action.version, ...input } });
    const outcome = outcomeOf(result.data?.updateAction, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={onReload} />
      <ActionFields
        form={form}
        values={draft.shown}
        set={draft.edit}
        axes={axes}
        hint={(field) =>
          draft.meanwhile.has(field)
            ? t('conventionForm.changedMeanwhile', { value: latest[field] || '—' })
            : undefined
        }
      />
      <SubmitButton busy={state.fetching} label={t('common.save')} />
    </form>
  );
}
