import { COMPUTED_INDICATOR_KINDS, type ComputedIndicatorKind } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useEditDraft } from '../../edit-draft.js';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { normaliseDecimal } from '../../format/money-input.js';
import { Field, FormAlert, SubmitButton, useFormFailure, type FormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';

const CreateIndicatorMutation = graphql(
  `
    mutation CreateIndicator($input: CreateIndicatorInput!) {
      createIndicator(input: $input) {
        __typename
        ... on CreateIndicatorSuccess {
          indicator {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const UpdateIndicatorMutation = graphql(
  `
    mutation UpdateIndicator($input: UpdateIndicatorInput!) {
      updateIndicator(input: $input) {
        __typename
        ... on UpdateIndicatorSuccess {
          indicator {
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

export const DIRECTIONS = ['INCREASE', 'DECREASE'] as const;
export const AGGREGATIONS = ['SUM', 'LAST', 'AVERAGE', 'MAX'] as const;

const FIELDS = [
  'code',
  'name',
  'unit',
  'baseline',
  'direction',
  'aggregation',
  'axisId',
  'computedKind',
] as const;
type IndicatorField = (typeof FIELDS)[number];
type IndicatorValues = Record<IndicatorField, string>;

function DefinitionFields({
  form,
  values,
  set,
  axes,
  hint,
}: {
  form: FormFailure;
  values: IndicatorValues;
  set: (field: IndicatorField, value: string) => void;
  axes: readonly { id: string; title: string }[];
  hint?: (field: IndicatorField) => string | undefined;
}) {
  const { t } = useTranslation();
  const text = (field: IndicatorField, extra?: string) => (
    <Field
      form={form}
      name={field}
      label={t(`indicators.fields.${field}`)}
      hint={hint?.(field) ?? extra}
    >
      {(control) => (
        <input
          {...control}
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      )}
    </Field>
  );
  return (
    <>
      <div className="field-row">
        {text('code', t('indicators.fields.codeHint'))}
        {text('unit', t('indicators.fields.unitHint'))}
      </div>
      {text('name')}
      <div className="field-row">
        {text('baseline', t('indicators.fields.baselineHint'))}
        <Field
          form={form}
          name="direction"
          label={t('indicators.fields.direction')}
          hint={hint?.('direction')}
        >
          {(control) => (
            <select
              {...control}
              value={values.direction}
              onChange={(event) => set('direction', event.target.value)}
            >
              {DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`indicators.directions.${direction}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={form}
          name="aggregation"
          label={t('indicators.fields.aggregation')}
          hint={hint?.('aggregation')}
        >
          {(control) => (
            <select
              {...control}
              value={values.aggregation}
              onChange={(event) => set('aggregation', event.target.value)}
            >
              {AGGREGATIONS.map((aggregation) => (
                <option key={aggregation} value={aggregation}>
                  {t(`indicators.aggregations.${aggregation}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field
          form={form}
          name="axisId"
          label={t('indicators.fields.axisId')}
          hint={hint?.('axisId')}
        >
          {(control) => (
            <select
              {...control}
              value={values.axisId}
              onChange={(event) => set('axisId', event.target.value)}
            >
              <option value="">{t('indicators.noAxis')}</option>
              {axes.map((axis) => (
                <option key={axis.id} value={axis.id}>
                  {axis.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={form}
          name="computedKind"
          label={t('indicators.fields.computedKind')}
          hint={hint?.('computedKind') ?? t('indicators.fields.computedKindHint')}
        >
          {(control) => (
            <select
              {...control}
              value={values.computedKind}
              onChange={(event) => set('computedKind', event.target.value)}
            >
              <option value="">{t('indicators.measured')}</option>
              {COMPUTED_INDICATOR_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`indicators.computedKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}

type Direction = (typeof DIRECTIONS)[number];
type Aggregation = (typeof AGGREGATIONS)[number];

/** A6: a new indicator, put to the parties: it counts once each of them approved it. */
export function CreateIndicatorForm({
  conventionId,
  axes,
  onCreated,
}: {
  conventionId: string;
  axes: readonly { id: string; title: string }[];
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<IndicatorValues>({
    code: '',
    name: '',
    unit: '',
    baseline: '0',
    direction: 'INCREASE',
    aggregation: 'SUM',
    axisId: '',
    computedKind: '',
  });
  const form = useFormFailure(FIELDS);
  const [state, create] = useMutation(CreateIndicatorMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const result = await create({
      input: {
        conventionId,
        code: values.code,
        name: values.name,
        unit: values.unit,
        baseline: normaliseDecimal(values.baseline),
        direction: values.direction as Direction,
        aggregation: values.aggregation as Aggregation,
        axisId: values.axisId || null,
        computedKind: (values.computedKind || null) as ComputedIndicatorKind | null,
      },
    });
    const outcome = outcomeOf(result.data?.createIndicator, result.error);
    if (outcome.ok) onCreated(outcome.value.indicator.id);
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <DefinitionFields
        form={form}
        values={values}
        set={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
        axes={axes}
      />
      <SubmitButton busy={state.fetching} label={t('indicators.create')} />
    </form>
  );
}

/** The definition changes as a new version: the parties approve it again (A6). */
export function EditIndicatorForm({
  indicator,
  axes,
  onReload,
  onDone,
}: {
  indicator: {
    id: string;
    version: number;
    code: string;
    name: string;
    unit: string;
    baseline: string;
    direction: string;
    aggregation: string;
    computedKind: string | null;
    axis: { id: string } | null;
  };
  axes: readonly { id: string; title: string }[];
  onReload: () => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const latest: IndicatorValues = {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    baseline: indicator.baseline,
    direction: indicator.direction,
    aggregation: indicator.aggregation,
    axisId: indicator.axis?.id ?? '',
    computedKind: indicator.computedKind ?? '',
  };
  const draft = useEditDraft<IndicatorField>(latest);
  const form = useFormFailure(FIELDS);
  const [state, update] = useMutation(UpdateIndicatorMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    if (draft.pending.length === 0) {
      onDone();
      return;
    }
    const shown = draft.shown;
    const has = (field: IndicatorField) => draft.pending.includes(field);
    const result = await update({
      input: {
        id: indicator.id,
        version: indicator.version,
        ...(has('code') ? { code: shown.code } : {}),
        ...(has('name') ? { name: shown.name } : {}),
        ...(has('unit') ? { unit: shown.unit } : {}),
        ...(has('baseline') ? { baseline: normaliseDecimal(shown.baseline) } : {}),
        ...(has('direction') ? { direction: shown.direction as Direction } : {}),
        ...(has('aggregation') ? { aggregation: shown.aggregation as Aggregation } : {}),
        ...(has('axisId') ? { axisId: shown.axisId || null } : {}),
        ...(has('computedKind')
          ? { computedKind: (shown.computedKind || null) as ComputedIndicatorKind | null }
          : {}),
      },
    });
    const outcome = outcomeOf(result.data?.updateIndicator, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="hint">{t('indicators.editWarning')}</p>
      <FormAlert form={form} onReload={onReload} />
      <DefinitionFields
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
