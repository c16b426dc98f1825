import {
  COMPUTED_INDICATOR_KINDS,
  computeIndicator,
  progress,
  termsOf,
  validateIndicator,
  validateMeasurement,
  type AllowedYears,
  type ComputedIndicatorKind,
  type ComputedValue,
  type Indicator as DomainIndicator,
  type IndicatorDefinitionIssue,
  type MeasurementError,
  type Progress,
  type YearValue,
} from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Transaction } from 'kysely';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Database } from '../db/database.js';
import type { IndicatorRow, MeasurementRow } from '../db/tables/evaluation.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { durationOf } from '../mapping/convention.js';
import { plainDecimal } from '../mapping/decimal.js';
import { allowedYearsOfTerms, indicatorOf, targetsOf } from '../mapping/indicator.js';
import { runMutation } from '../mutation.js';
import {
  axesOfConventions,
  findConventionForUpdate,
  findRenewals,
} from '../repositories/convention.js';
import {
  deleteMeasurement,
  deleteTarget,
  findIndicatorByCode,
  findIndicatorForUpdate,
  findMeasurement,
  findOwnMeasurement,
  findTarget,
  findVisibleIndicators,
  indicatorsOfConventions,
  insertIndicator,
  insertMeasurement,
  insertTargets,
  measurementsOfIndicators,
  targetsOfIndicators,
  upsertTarget,
  type IndicatorChanges,
} from '../repositories/indicator.js';
import { updateVersioned } from '../repositories/versioned.js';
import { registerApprovalSubject, jointApprovalOf, JointApprovalRef } from './approval.js';
import { Collectivity } from './collectivity.js';
import { Axis, Convention } from './convention.js';
import { EDIT_ERRORS } from './errors.js';
import { referencedDbId } from './foreign-id.js';
import { requireDbId } from './global-id.js';
import { InputCheck } from './input-check.js';
import { perRequest } from './loaders.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';
import { budgetContextAt, programmeOf, reportDateOfYear } from './programme-data.js';

/** The yardsticks of the evaluation, defined jointly (A6): only agreed indicators count. */

export const indicatorsLoader = perRequest((context, ids) =>
  indicatorsOfConventions(context.db, ids),
);
export const targetsLoader = perRequest((context, ids) => targetsOfIndicators(context.db, ids));
export const measurementsLoader = perRequest((context, ids) =>
  measurementsOfIndicators(context.db, ids),
);

export const IndicatorDirectionEnum = builder.enumType('IndicatorDirection', {
  values: {
    INCREASE: { description: 'More is better: young people exchanged.' },
    DECREASE: { description: 'Less is better: days to process a permit.' },
  },
});

export const IndicatorAggregationEnum = builder.enumType('IndicatorAggregation', {
  description:
    'How yearly values make one value for the whole programme, and how the values several parties measured for one year are taken together.',
  values: {
    SUM: { description: 'Flows: missions held.' },
    LAST: { description: 'Stocks: the latest value.' },
    AVERAGE: { description: 'Rates.' },
    MAX: { description: 'Peaks.' },
  },
});

export const ComputedIndicatorKindEnum = builder.enumType('ComputedIndicatorKind', {
  description: 'A6: indicators Coop computes from the data itself instead of a yearly measurement.',
  values: COMPUTED_INDICATOR_KINDS,
});

export const ProgressStatusEnum = builder.enumType('ProgressStatus', {
  values: {
    NO_TARGET: { description: 'No target for the year.' },
    NO_MEASUREMENT: { description: 'No value for the year yet.' },
    BEHIND: { description: 'Less than 80% of the way from the baseline to the target.' },
    ON_TRACK: { description: 'At least 80% of the way.' },
    MET: { description: 'The target is reached, in the indicator’s direction.' },
  },
});

export const YearValueRef = builder.objectRef<YearValue>('IndicatorYearValue').implement({
  fields: (t) => ({
    year: t.exposeInt('year'),
    value: t.exposeString('value', { description: 'An exact decimal: "12", "37.5".' }),
  }),
});

const MeasurementRef = builder.objectRef<MeasurementRow>('Measurement').implement({
  description: 'A value a party recorded for a year, in its own name.',
  fields: (t) => ({
    id: t.id({
      description: 'Send it to removeMeasurement.',
      resolve: (row) => encodeGlobalID('Measurement', row.id),
    }),
    year: t.exposeInt('year'),
    value: t.string({ resolve: (row) => plainDecimal(row.value) }),
    collectivity: t.field({
      type: Collectivity,
      description: 'The party that measured.',
      resolve: (row) => row.collectivity_id,
    }),
    note: t.exposeString('note'),
    recordedAt: t.expose('recorded_at', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: 'Send it back to record a new value.' }),
  }),
});

export const ProgressRef = builder.objectRef<Progress>('IndicatorProgress').implement({
  description: 'One year’s value against that year’s target (A6).',
  fields: (t) => ({
    year: t.exposeInt('year'),
    target: t.exposeString('target', { nullable: true }),
    actual: t.exposeString('actual', { nullable: true }),
    baseline: t.exposeString('baseline'),
    ratio: t.exposeFloat('ratio', {
      nullable: true,
      description: '0 at the baseline, 1 at the target; four decimals, for display only.',
    }),
    status: t.field({ type: ProgressStatusEnum, resolve: (p) => p.status }),
  }),
});

export const BreakdownEntryRef = builder
  .objectRef<{ key: string; count: number }>('BreakdownEntry')
  .implement({
    description: 'A count per category or kind: delegates by category, activities by kind.',
    fields: (t) => ({ key: t.exposeString('key'), count: t.exposeInt('count') }),
  });

export function breakdownEntries(
  breakdown: Readonly<Record<string, number>> | null,
): { key: string; count: number }[] {
  return Object.entries(breakdown ?? {}).map(([key, count]) => ({ key, count }));
}

const ComputedValueRef = builder.objectRef<ComputedValue>('ComputedIndicatorValue').implement({
  fields: (t) => ({
    kind: t.field({ type: ComputedIndicatorKindEnum, resolve: (value) => value.kind }),
    year: t.exposeInt('year'),
    value: t.exposeString('value', {
      description: 'A count, an amount in the reporting currency, or a percentage.',
    }),
    unit: t.exposeString('unit'),
    breakdown: t.field({
      type: [BreakdownEntryRef],
      resolve: (value) => breakdownEntries(value.breakdown),
    }),
  }),
});

/** The indicator as the domain reads it, with the approvals of its current version. */
export async function indicatorValueOf(
  context: Context,
  row: IndicatorRow,
): Promise<DomainIndicator> {
  const [targets, measurements, approval] = await Promise.all([
    targetsLoader(context).load(row.id),
    measurementsLoader(context).load(row.id),
    jointApprovalOf(context, {
      type: 'INDICATOR',
      id: row.id,
      version: row.version,
      conventionId: row.convention_id,
    }),
  ]);
  return indicatorOf(row, {
    targets,
    measurements,
    partyIds: approval.parties.map((party) => party.collectivityId),
    approvedBy: approval.parties.filter((party) => party.approved).map((p) => p.collectivityId),
  });
}

/** A computed indicator's value for a year from the convention's data; null for a measured one. */
async function computedValueOf(
  context: Context,
  row: IndicatorRow,
  year: number,
): Promise<ComputedValue | null> {
  const kind = row.computed_kind as ComputedIndicatorKind | null;
  if (!kind) return null;
  const [programme, budgetContext] = await Promise.all([
    programmeOf(context, row.convention_id),
    budgetContextAt(context, row.convention_id, reportDateOfYear(year, context.today)),
  ]);
  const computed = computeIndicator(kind, programme, year, budgetContext);
  // A missing exchange rate leaves the value unknown rather than wrong.
  return computed.ok ? computed.value : null;
}

export const Indicator = builder.loadableNode('Indicator', {
  description:
    'A yardstick of the evaluation, defined jointly (A6): it counts once every party approved its current version.',
  id: { resolve: (row: IndicatorRow) => row.id },
  authScopes: (row) => ({ readConvention: row.convention_id }),
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) =>
      context.viewer ? findVisibleIndicators(context.db, context.viewer, ids) : Promise.resolve([]),
    ),
  fields: (t) => ({
    convention: t.field({ type: Convention, resolve: (row) => row.convention_id }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit'),
    baseline: t.string({
      description: 'The value before the programme, an exact decimal.',
      resolve: (row) => plainDecimal(row.baseline),
    }),
    direction: t.field({ type: IndicatorDirectionEnum, resolve: (row) => row.direction }),
    aggregation: t.field({ type: IndicatorAggregationEnum, resolve: (row) => row.aggregation }),
    computedKind: t.field({
      type: ComputedIndicatorKindEnum,
      nullable: true,
      description: 'Set when Coop computes the value from the data; it is then not measured.',
      resolve: (row) => row.computed_kind as ComputedIndicatorKind | null,
    }),
    axis: t.field({ type: Axis, nullable: true, resolve: (row) => row.axis_id }),
    version: t.exposeInt('version', {
      description: 'Any change to the definition makes a new version, to be approved again.',
    }),
    targets: t.field({
      type: [YearValueRef],
      resolve: async (row, _args, context) => targetsOf(await targetsLoader(context).load(row.id)),
    }),
    measurements: t.field({
      type: [MeasurementRef],
      description: 'Every party’s measurements, by year.',
      resolve: (row, _args, context) => measurementsLoader(context).load(row.id),
    }),
    approval: t.field({
      type: JointApprovalRef,
      resolve: (row, _args, context) =>
        jointApprovalOf(context, {
          type: 'INDICATOR',
          id: row.id,
          version: row.version,
          conventionId: row.convention_id,
        }),
    }),
    progress: t.field({
      type: ProgressRef,
      description:
        'The year’s value (measured, or computed from the data) against the year’s target.',
      args: { year: t.arg.int({ required: true }) },
      resolve: async (row, { year }, context) => {
        const indicator = await indicatorValueOf(context, row);
        const computed = await computedValueOf(context, row, year);
        return progress(
          indicator,
          year,
          row.computed_kind ? { actual: computed?.value ?? null } : {},
        );
      },
    }),
    computedValue: t.field({
      type: ComputedValueRef,
      nullable: true,
      description:
        'For a computed indicator, its value for the year from the data; null for a measured one or when an exchange rate is missing.',
      args: { year: t.arg.int({ required: true }) },
      resolve: (row, { year }, context) => computedValueOf(context, row, year),
    }),
  }),
});

builder.objectField(Convention, 'indicators', (t) =>
  t.field({
    type: [Indicator],
    description: 'Every indicator of the convention, agreed or still pending, by code.',
    resolve: (convention, _args, context) => indicatorsLoader(context).load(convention.id),
  }),
);

registerApprovalSubject({
  typename: 'Indicator',
  type: 'INDICATOR',
  lock: async (trx, id) => {
    const row = await findIndicatorForUpdate(trx, id);
    return row ? { conventionId: row.convention_id, version: row.version } : null;
  },
  load: (trx, id) => findIndicatorForUpdate(trx, id),
});

// ——— Mutations ———

/** The years the convention's terms allow, read in the transaction; null while unsigned. */
async function allowedYearsIn(
  trx: Transaction<Database>,
  conventionId: number,
): Promise<AllowedYears | null> {
  const convention = await findConventionForUpdate(trx, conventionId);
  if (!convention) throw new NotFoundError();
  return allowedYearsOfTerms(
    termsOf(durationOf(convention, await findRenewals(trx, conventionId))),
  );
}

/** No year at all: what an unsigned convention allows (checks of years are then skipped). */
const NO_TERM: AllowedYears = { first: 1, last: 0 };

/** The allowed years, or the issue that there are none yet (an unsigned convention has no term). */
function checkYears(
  check: InputCheck,
  path: string[],
  years: AllowedYears | null,
): AllowedYears | null {
  if (!years) {
    check.add(path, 'The convention is not signed yet: it has no term and no year', 'NOT_SIGNED');
  }
  return years;
}

/** The table keeps four decimals: a value with more would be rounded silently, so it is refused. */
const MAX_DECIMALS = 4;

function checkStorable(check: InputCheck, path: string[], value: string): void {
  const decimals = /\.(\d+)$/.exec(value.trim())?.[1]?.length ?? 0;
  if (decimals > MAX_DECIMALS) {
    check.add(path, `At most ${MAX_DECIMALS} decimals`, 'TOO_MANY_DECIMALS');
  }
}

/** The domain's "targets[2]" as the input's path, on the field concerned. */
function definitionIssuePath(issue: IndicatorDefinitionIssue): string[] {
  const listed = /^(targets|measurements)\[(\d+)\]$/.exec(issue.path);
  if (!listed) return ['input', issue.path];
  const field = issue.code === 'INVALID_VALUE' ? 'value' : 'year';
  return ['input', listed[1] ?? 'targets', listed[2] ?? '0', field];
}

function measurementIssuePath(error: MeasurementError): string[] {
  switch (error.code) {
    case 'COMPUTED_INDICATOR':
      return ['input', 'indicatorId'];
    case 'INVALID_VALUE':
      return ['input', 'value'];
    case 'INVALID_YEAR':
    case 'YEAR_OUTSIDE_TERM':
      return ['input', 'year'];
  }
}

function checkLength(check: InputCheck, path: string[], value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length > max) check.add(path, `At most ${max} characters`, 'TOO_LONG');
  return trimmed;
}

/** An axis of the same convention, or an issue; null clears it. */
async function checkAxis(
  check: InputCheck,
  trx: Transaction<Database>,
  conventionId: number,
  axisId: string | null | undefined,
): Promise<number | null> {
  if (!axisId) return null;
  const [axes = []] = await axesOfConventions(trx, [conventionId]);
  const id = referencedDbId(axisId, 'Axis');
  if (id === null || !axes.some((axis) => axis.id === id)) {
    check.add(['input', 'axisId'], 'No axis with this ID in this convention', 'UNKNOWN_AXIS');
    return null;
  }
  return id;
}

async function checkUniqueCode(
  check: InputCheck,
  trx: Transaction<Database>,
  conventionId: number,
  code: string,
  except: number | null,
): Promise<void> {
  const existing = await findIndicatorByCode(trx, conventionId, code);
  if (existing && existing.id !== except) {
    check.add(
      ['input', 'code'],
      `The convention already has an indicator ${code}`,
      'DUPLICATE_CODE',
    );
  }
}

const YearValueInput = builder.inputType('IndicatorYearValueInput', {
  fields: (t) => ({
    year: t.int({ required: true }),
    value: t.string({ required: true, description: 'An exact decimal: "12", "37.5".' }),
  }),
});

const CreateIndicatorInput = builder.inputType('CreateIndicatorInput', {
  description: 'A definition put to the parties: it counts once each of them approved it (A6).',
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    code: t.string({
      required: true,
      description: 'Short and unique in the convention: "JEUNES".',
    }),
    name: t.string({ required: true }),
    unit: t.string({ required: true, description: '"jeunes", "missions", "EUR", "%".' }),
    baseline: t.string({ description: 'The value before the programme; 0 when absent.' }),
    direction: t.field({ type: IndicatorDirectionEnum, description: 'INCREASE when absent.' }),
    aggregation: t.field({ type: IndicatorAggregationEnum, description: 'SUM when absent.' }),
    computedKind: t.field({ type: ComputedIndicatorKindEnum }),
    axisId: t.id(),
    targets: t.field({ type: [YearValueInput] }),
  }),
});

builder.mutationField('createIndicator', (t) =>
  t.field({
    type: Indicator,
    description: 'A new indicator, PENDING until every party approved its definition (A6).',
    args: { input: t.arg({ type: CreateIndicatorInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'indicator' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createIndicator', async ({ trx, audit }) => {
        const conventionId = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(conventionId);
        const check = new InputCheck();
        const targetsInput = input.targets ?? [];
        const allowed = await allowedYearsIn(trx, conventionId);
        const years =
          targetsInput.length > 0 ? checkYears(check, ['input', 'targets'], allowed) : allowed;
        const definition = {
          code: checkLength(check, ['input', 'code'], input.code, 50),
          name: checkLength(check, ['input', 'name'], input.name, 300),
          unit: checkLength(check, ['input', 'unit'], input.unit, 50),
          baseline: (input.baseline ?? '0').trim(),
          targets: targetsInput.map(({ year, value }) => ({ year, value: value.trim() })),
          measurements: [],
        };
        // Without a term, the targets' years are refused once (NOT_SIGNED), not year by year.
        const valid = validateIndicator(
          years ? definition : { ...definition, targets: [] },
          years ?? NO_TERM,
        );
        if (!valid.ok) {
          for (const issue of valid.error)
            check.add(definitionIssuePath(issue), issue.message, issue.code);
        }
        checkStorable(check, ['input', 'baseline'], definition.baseline);
        definition.targets.forEach((target, index) =>
          checkStorable(check, ['input', 'targets', String(index), 'value'], target.value),
        );
        const axisId = await checkAxis(check, trx, conventionId, input.axisId);
        if (definition.code) await checkUniqueCode(check, trx, conventionId, definition.code, null);
        check.done();

        const row = await insertIndicator(trx, {
          convention_id: conventionId,
          code: definition.code,
          name: definition.name,
          unit: definition.unit,
          baseline: definition.baseline,
          direction: input.direction ?? 'INCREASE',
          aggregation: input.aggregation ?? 'SUM',
          computed_kind: input.computedKind ?? null,
          axis_id: axisId,
        });
        const targets = await insertTargets(trx, row.id, definition.targets);
        await audit({
          conventionId,
          subjectType: 'Indicator',
          subjectId: row.id,
          before: null,
          after: { ...row, targets },
        });
        return row;
      }),
  }),
);

/** The indicator locked for a change, once the viewer may edit its convention. */
async function indicatorToChange(
  trx: Transaction<Database>,
  context: Context,
  id: number,
): Promise<IndicatorRow> {
  const row = await findIndicatorForUpdate(trx, id);
  if (!row) throw new NotFoundError();
  await context.access.requireEdit(row.convention_id);
  return row;
}

const UpdateIndicatorInput = builder.inputType('UpdateIndicatorInput', {
  description:
    'Only the fields given change. Any change makes a new version: the parties approve it again.',
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    code: t.string(),
    name: t.string(),
    unit: t.string(),
    baseline: t.string(),
    direction: t.field({ type: IndicatorDirectionEnum }),
    aggregation: t.field({ type: IndicatorAggregationEnum }),
    computedKind: t.field({
      type: ComputedIndicatorKindEnum,
      description: 'null: measured by the parties.',
    }),
    axisId: t.id({ description: 'null: no axis.' }),
  }),
});

builder.mutationField('updateIndicator', (t) =>
  t.field({
    type: Indicator,
    args: { input: t.arg({ type: UpdateIndicatorInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'indicator' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateIndicator', async ({ trx, audit }) => {
        const before = await indicatorToChange(trx, context, requireDbId(input.id, 'Indicator'));
        const check = new InputCheck();
        const definition = {
          code:
            input.code == null
              ? before.code
              : checkLength(check, ['input', 'code'], input.code, 50),
          name:
            input.name == null
              ? before.name
              : checkLength(check, ['input', 'name'], input.name, 300),
          unit:
            input.unit == null
              ? before.unit
              : checkLength(check, ['input', 'unit'], input.unit, 50),
          baseline: input.baseline == null ? plainDecimal(before.baseline) : input.baseline.trim(),
          targets: [],
          measurements: [],
        };
        const valid = validateIndicator(definition, NO_TERM);
        if (!valid.ok) {
          for (const issue of valid.error)
            check.add(definitionIssuePath(issue), issue.message, issue.code);
        }
        checkStorable(check, ['input', 'baseline'], definition.baseline);
        const changes: IndicatorChanges = {
          code: definition.code,
          name: definition.name,
          unit: definition.unit,
          baseline: definition.baseline,
        };
        if (input.direction) changes.direction = input.direction;
        if (input.aggregation) changes.aggregation = input.aggregation;
        if (input.computedKind !== undefined) changes.computed_kind = input.computedKind;
        if (input.axisId !== undefined) {
          changes.axis_id = await checkAxis(check, trx, before.convention_id, input.axisId);
        }
        if (definition.code && definition.code !== before.code) {
          await checkUniqueCode(check, trx, before.convention_id, definition.code, before.id);
        }
        check.done();
        // A new version: approvals are stored per version, so the earlier ones no longer count.
        const after = await updateVersioned(trx, 'indicator', before.id, input.version, changes);
        await audit({
          conventionId: before.convention_id,
          subjectType: 'Indicator',
          subjectId: before.id,
          before,
          after,
        });
        return after;
      }),
  }),
);

const SetIndicatorTargetInput = builder.inputType('SetIndicatorTargetInput', {
  description: 'A target is part of the joint definition: setting one makes a new version.',
  fields: (t) => ({
    indicatorId: t.id({ required: true }),
    version: t.int({ required: true, description: 'The indicator’s version.' }),
    year: t.int({ required: true }),
    value: t.string({ description: 'null removes the year’s target.' }),
  }),
});

builder.mutationField('setIndicatorTarget', (t) =>
  t.field({
    type: Indicator,
    args: { input: t.arg({ type: SetIndicatorTargetInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'indicator' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'setIndicatorTarget', async ({ trx, audit }) => {
        const indicator = await indicatorToChange(
          trx,
          context,
          requireDbId(input.indicatorId, 'Indicator'),
        );
        const check = new InputCheck();
        const years = checkYears(
          check,
          ['input', 'year'],
          await allowedYearsIn(trx, indicator.convention_id),
        );
        let value: string | null = null;
        if (input.value != null && years) {
          // A target is set for computed indicators too: only their measurements come from the data.
          const target = validateMeasurement({ computed: null }, input.year, input.value, years);
          if (!target.ok)
            check.add(measurementIssuePath(target.error), target.error.message, target.error.code);
          else value = target.value.value;
          checkStorable(check, ['input', 'value'], input.value);
        } else if (check.ok && !(await findTarget(trx, indicator.id, input.year))) {
          check.add(['input', 'year'], `No target is set for ${input.year}`, 'NO_TARGET');
        }
        check.done();
        const after = await updateVersioned(trx, 'indicator', indicator.id, input.version, {});
        const before = await findTarget(trx, indicator.id, input.year);
        const target =
          value === null
            ? await deleteTarget(trx, indicator.id, input.year).then(() => null)
            : await upsertTarget(trx, { indicatorId: indicator.id, year: input.year, value });
        await audit({
          conventionId: indicator.convention_id,
          // The target is part of the indicator's definition: the entry is the indicator's.
          subjectType: 'Indicator',
          subjectId: indicator.id,
          before: before ?? null,
          after: target,
        });
        return after;
      }),
  }),
);

const RecordMeasurementInput = builder.inputType('RecordMeasurementInput', {
  description:
    'A party measures in its own name; a second value for the same year replaces its first.',
  fields: (t) => ({
    indicatorId: t.id({ required: true }),
    year: t.int({ required: true, description: 'A year of the convention’s terms.' }),
    value: t.string({ required: true, description: 'An exact decimal: "12", "37.5".' }),
    note: t.string(),
    partyId: t.id({
      description: 'The party measuring: the viewer’s own collectivity, which is also the default.',
    }),
    version: t.int({
      description: 'The version of the party’s earlier measurement of the year, when replacing it.',
    }),
  }),
});

builder.mutationField('recordMeasurement', (t) =>
  t.field({
    type: Indicator,
    args: { input: t.arg({ type: RecordMeasurementInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'indicator' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'recordMeasurement', async ({ trx, viewer, audit }) => {
        const row = await findIndicatorForUpdate(trx, requireDbId(input.indicatorId, 'Indicator'));
        if (!row) throw new NotFoundError();
        await context.access.requireRead(row.convention_id);
        const party = input.partyId
          ? requireDbId(input.partyId, 'Collectivity')
          : viewer.collectivityId;
        context.access.requireActFor(party, 'measures');
        const check = new InputCheck();
        const years = checkYears(
          check,
          ['input', 'year'],
          await allowedYearsIn(trx, row.convention_id),
        );
        let value = input.value.trim();
        if (years) {
          const measured = validateMeasurement(
            { computed: row.computed_kind as ComputedIndicatorKind | null },
            input.year,
            input.value,
            years,
          );
          if (measured.ok) value = measured.value.value;
          else
            check.add(
              measurementIssuePath(measured.error),
              measured.error.message,
              measured.error.code,
            );
        }
        checkStorable(check, ['input', 'value'], input.value);
        const note = check.optionalText(['input', 'note'], input.note, 2000) ?? '';
        check.done();
        const key = { indicatorId: row.id, year: input.year, collectivityId: party };
        const before = await findOwnMeasurement(trx, key);
        let after: MeasurementRow;
        if (before) {
          // Replacing the party's own value of the year: on the version it was read at.
          if (input.version == null) throw new ConflictError(before.version);
          after = await updateVersioned(trx, 'measurement', before.id, input.version, {
            value,
            note,
            recorded_at: new Date(),
          });
        } else {
          after = await insertMeasurement(trx, {
            indicator_id: row.id,
            year: input.year,
            value,
            collectivity_id: party,
            note,
          });
        }
        await audit({
          conventionId: row.convention_id,
          subjectType: 'Measurement',
          subjectId: after.id,
          before: before ?? null,
          after,
        });
        return row;
      }),
  }),
);

const RemoveMeasurementInput = builder.inputType('RemoveMeasurementInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
  }),
});

builder.mutationField('removeMeasurement', (t) =>
  t.field({
    type: Indicator,
    description: 'A party removes only its own measurement.',
    args: { input: t.arg({ type: RemoveMeasurementInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'indicator' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'removeMeasurement', async ({ trx, audit }) => {
        const measurement = await findMeasurement(trx, requireDbId(input.id, 'Measurement'));
        if (!measurement) throw new NotFoundError();
        const row = await findIndicatorForUpdate(trx, measurement.indicator_id);
        if (!row) throw new NotFoundError();
        await context.access.requireRead(row.convention_id);
        context.access.requireActFor(measurement.collectivity_id, 'measures');
        if (measurement.version !== input.version) throw new ConflictError(measurement.version);
        await deleteMeasurement(trx, measurement.id);
        await audit({
          conventionId: row.convention_id,
          subjectType: 'Measurement',
          subjectId: measurement.id,
          before: measurement,
          after: null,
        });
        return row;
      }),
  }),
);
