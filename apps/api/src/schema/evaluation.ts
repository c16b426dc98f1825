import {
  approveEvaluation,
  asId,
  recordCommunication,
  reviseEvaluation,
  submitEvaluation,
  termsOf,
  type AnnualEvaluationReport,
  type EvaluationError,
  type IndicatorResult,
  type MissingExchangeRate,
  type ProgrammeEvaluationReport,
  type ProgrammeIndicatorResult,
  type ReportedAmount,
} from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Transaction } from 'kysely';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Database } from '../db/database.js';
import type { EvaluationAxisNarrativeRow, EvaluationRow } from '../db/tables/evaluation.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { durationOf } from '../mapping/convention.js';
import { evaluationOf } from '../mapping/evaluation.js';
import { allowedYearsOfTerms } from '../mapping/indicator.js';
import { runMutation } from '../mutation.js';
import { approvalsOf } from '../repositories/approval.js';
import {
  axesOfConventions,
  findConventionForUpdate,
  findParties,
  findRenewals,
} from '../repositories/convention.js';
import {
  findEvaluationForUpdate,
  findEvaluationOfPeriod,
  findVisibleEvaluations,
  dropFrozenReport,
  insertEvaluation,
  saveNarratives,
  setEvaluationState,
} from '../repositories/evaluation.js';
import { updateVersioned } from '../repositories/versioned.js';
import {
  jointApprovalOf,
  JointApprovalRef,
  primeApprovals,
  registerApprovalSubject,
} from './approval.js';
import { Collectivity } from './collectivity.js';
import { Axis, Convention } from './convention.js';
import { EDIT_ERRORS } from './errors.js';
import { referencedDbId } from './foreign-id.js';
import { requireDbId } from './global-id.js';
import {
  BreakdownEntryRef,
  breakdownEntries,
  ComputedIndicatorKindEnum,
  Indicator,
  IndicatorDirectionEnum,
  ProgressRef,
  ProgressStatusEnum,
} from './indicator.js';
import { InputCheck } from './input-check.js';
import {
  freezeReport,
  narrativesLoader,
  primeFrozenReports,
  reportOfEvaluation,
} from './evaluation-report.js';
import { evaluationsLoader, partiesLoader } from './loaders.js';
import { delegateCounts, DelegateCountRef } from './mission.js';
import { MoneyRef } from './money.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';

/** A6: the yearly evaluation and the evaluation of the whole programme, approved jointly. */

export const EvaluationScopeEnum = builder.enumType('EvaluationScope', {
  values: {
    ANNUAL: { description: 'One calendar year of the programme.' },
    PROGRAMME: { description: 'A whole term: required before a renewal (A6, A7).' },
  },
});

export const EvaluationStatusEnum = builder.enumType('EvaluationStatus', {
  values: {
    DRAFT: { description: 'Being written; any change makes a new version.' },
    SUBMITTED: { description: 'Put to the parties, who approve this version.' },
    APPROVED: { description: 'Approved by every party: final.' },
  },
});

const NarrativeRef = builder.objectRef<EvaluationAxisNarrativeRow>('AxisNarrative').implement({
  description: 'What the parties wrote about an axis in this evaluation.',
  fields: (t) => ({
    axis: t.field({ type: Axis, resolve: (row) => row.axis_id }),
    text: t.exposeString('narrative'),
  }),
});

// ——— The report (plain data, ready to print) ———

const AmountRef = builder.objectRef<ReportedAmount>('EvaluationAmount').implement({
  description:
    'An amount spread over currencies: exact per currency, and in the reporting currency (null when a rate is missing).',
  fields: (t) => ({
    byCurrency: t.field({ type: [MoneyRef], resolve: (amount) => amount.byCurrency }),
    reporting: t.field({ type: MoneyRef, nullable: true, resolve: (amount) => amount.reporting }),
  }),
});

/** A progress over a whole term, or the year's progress, without the year (the report says which). */
const EvaluatedProgressRef = builder
  .objectRef<{
    target: string | null;
    actual: string | null;
    baseline: string;
    ratio: number | null;
    status: IndicatorResult['progress']['status'];
  }>('EvaluatedProgress')
  .implement({
    fields: (t) => ({
      target: t.exposeString('target', { nullable: true }),
      actual: t.exposeString('actual', { nullable: true }),
      baseline: t.exposeString('baseline'),
      ratio: t.exposeFloat('ratio', { nullable: true, description: 'For display only.' }),
      status: t.field({ type: ProgressStatusEnum, resolve: (p) => p.status }),
    }),
  });

type IndicatorLine = IndicatorResult | ProgrammeIndicatorResult;

const IndicatorResultRef = builder.objectRef<IndicatorLine>('EvaluatedIndicator').implement({
  description: 'An agreed indicator against its target (A6).',
  fields: (t) => ({
    indicator: t.field({ type: Indicator, resolve: (line) => Number(line.id) }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit'),
    direction: t.field({ type: IndicatorDirectionEnum, resolve: (line) => line.direction }),
    computedKind: t.field({
      type: ComputedIndicatorKindEnum,
      nullable: true,
      resolve: (line) => line.computed,
    }),
    progress: t.field({
      type: EvaluatedProgressRef,
      description:
        'The year’s (annual) or the term’s aggregated (programme) value against its target.',
      resolve: (line) => line.progress,
    }),
    yearly: t.field({
      type: [ProgressRef],
      description: 'Programme evaluation: each year of the term. Empty in an annual one.',
      resolve: (line) => ('yearly' in line ? line.yearly : []),
    }),
    breakdown: t.field({
      type: [BreakdownEntryRef],
      resolve: (line) => ('breakdown' in line ? breakdownEntries(line.breakdown) : []),
    }),
  }),
});

const PendingIndicatorRef = builder
  .objectRef<AnnualEvaluationReport['pendingIndicators'][number]>('PendingIndicator')
  .implement({
    description: 'An indicator left out because its definition is not agreed yet.',
    fields: (t) => ({
      indicator: t.field({ type: Indicator, resolve: (line) => Number(line.id) }),
      code: t.exposeString('code'),
      name: t.exposeString('name'),
      waitingFor: t.field({
        type: [Collectivity],
        resolve: (line) => line.waitingFor.map(Number),
      }),
    }),
  });

const ActionExecutionRef = builder
  .objectRef<AnnualEvaluationReport['actions'][number]>('ActionExecution')
  .implement({
    description: 'An action’s budget planned and executed (A6).',
    fields: (t) => ({
      actionId: t.id({ resolve: (line) => encodeGlobalID('Action', line.id) }),
      title: t.exposeString('title'),
      axis: t.field({ type: Axis, resolve: (line) => Number(line.axisId) }),
      status: t.exposeString('status', {
        description: 'PLANNED, IN_PROGRESS, COMPLETED or CANCELLED.',
      }),
      startDate: t.expose('startDate', { type: 'Date', nullable: true }),
      endDate: t.expose('endDate', { type: 'Date', nullable: true }),
      planned: t.field({ type: AmountRef, resolve: (line) => line.planned }),
      executed: t.field({ type: AmountRef, resolve: (line) => line.executed }),
      executionRatePercent: t.exposeString('executionRatePercent', { nullable: true }),
      flags: t.stringList({
        description: 'OUTSIDE_AXIS_PERIOD (allowed, shown), UNDATED.',
        resolve: (line) => line.flags.map((flag) => flag.code),
      }),
    }),
  });

const PartyExecutionRef = builder
  .objectRef<AnnualEvaluationReport['parties'][number]>('PartyExecution')
  .implement({
    description: 'What a party planned and executed over the actions of the report.',
    fields: (t) => ({
      collectivity: t.field({ type: Collectivity, resolve: (line) => Number(line.party) }),
      planned: t.field({ type: AmountRef, resolve: (line) => line.planned }),
      executed: t.field({ type: AmountRef, resolve: (line) => line.executed }),
      executionRatePercent: t.exposeString('executionRatePercent', { nullable: true }),
    }),
  });

const AxisSectionRef = builder
  .objectRef<AnnualEvaluationReport['axes'][number]>('AxisSection')
  .implement({
    fields: (t) => ({
      axis: t.field({ type: Axis, resolve: (section) => Number(section.id) }),
      title: t.exposeString('title'),
      narrative: t.exposeString('narrative', { nullable: true }),
      actionIds: t.idList({
        resolve: (section) => section.actionIds.map((id) => encodeGlobalID('Action', id)),
      }),
      planned: t.field({ type: AmountRef, resolve: (section) => section.planned }),
      executed: t.field({ type: AmountRef, resolve: (section) => section.executed }),
    }),
  });

const StatusCountRef = builder
  .objectRef<{ status: string; count: number }>('ActionStatusCount')
  .implement({
    fields: (t) => ({ status: t.exposeString('status'), count: t.exposeInt('count') }),
  });

const TotalsRef = builder
  .objectRef<AnnualEvaluationReport['totals']>('EvaluationTotals')
  .implement({
    description: 'The totals add up the rows shown.',
    fields: (t) => ({
      planned: t.field({ type: AmountRef, resolve: (totals) => totals.planned }),
      executed: t.field({ type: AmountRef, resolve: (totals) => totals.executed }),
      executionRatePercent: t.exposeString('executionRatePercent', { nullable: true }),
      actionsByStatus: t.field({
        type: [StatusCountRef],
        resolve: (totals) =>
          Object.entries(totals.actionsByStatus).map(([status, count]) => ({ status, count })),
      }),
      missionsHeld: t.exposeInt('missionsHeld'),
      delegates: t.field({
        type: [DelegateCountRef],
        resolve: (totals) => delegateCounts(totals.delegates),
      }),
    }),
  });

const MissingRateRef = builder.objectRef<MissingExchangeRate>('EvaluationMissingRate').implement({
  description: 'A rate to record for the amounts it affects to be totalled (A4.6).',
  fields: (t) => ({
    from: t.string({ resolve: (rate) => rate.from }),
    to: t.string({ resolve: (rate) => rate.to }),
    date: t.expose('date', { type: 'Date' }),
  }),
});

const ReportTermRef = builder
  .objectRef<{ number: number; startDate: string; endDate: string }>('EvaluatedTerm')
  .implement({
    fields: (t) => ({
      number: t.exposeInt('number'),
      startDate: t.expose('startDate', { type: 'Date' }),
      endDate: t.expose('endDate', { type: 'Date' }),
    }),
  });

type Report = AnnualEvaluationReport | ProgrammeEvaluationReport;

const ReportRef = builder.objectRef<Report>('EvaluationReport').implement({
  description:
    'A6’s report as plain data: every agreed indicator against its target, the budget planned and executed per action, party and axis in the reporting currency, the axes with their narratives, totals.',
  fields: (t) => ({
    scope: t.field({ type: EvaluationScopeEnum, resolve: (report) => report.scope }),
    year: t.int({
      nullable: true,
      resolve: (report) => (report.scope === 'ANNUAL' ? report.year : null),
    }),
    term: t.field({
      type: ReportTermRef,
      nullable: true,
      resolve: (report) => (report.scope === 'PROGRAMME' ? report.term : null),
    }),
    reportingCurrency: t.string({ resolve: (report) => report.reportingCurrency }),
    date: t.expose('date', {
      type: 'Date',
      description: 'Rates in force then; missions count once departed by then.',
    }),
    indicators: t.field({
      type: [IndicatorResultRef],
      resolve: (report) => report.indicators as IndicatorLine[],
    }),
    pendingIndicators: t.field({
      type: [PendingIndicatorRef],
      resolve: (report) => report.pendingIndicators,
    }),
    actions: t.field({ type: [ActionExecutionRef], resolve: (report) => report.actions }),
    parties: t.field({ type: [PartyExecutionRef], resolve: (report) => report.parties }),
    axes: t.field({ type: [AxisSectionRef], resolve: (report) => report.axes }),
    totals: t.field({ type: TotalsRef, resolve: (report) => report.totals }),
    missingRates: t.field({ type: [MissingRateRef], resolve: (report) => report.missingRates }),
  }),
});

export const Evaluation = builder.loadableNode('Evaluation', {
  description:
    'A6: an annual evaluation or the evaluation of a whole term, submitted, approved by every party, communicated to a council.',
  id: { resolve: (row: EvaluationRow) => row.id },
  authScopes: (row) => ({ readConvention: row.convention_id }),
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, async (ids) => {
      if (!context.viewer) return [];
      const found = await findVisibleEvaluations(context.db, context.viewer, ids);
      primeFrozenReports(
        context,
        new Map(found.map(({ evaluation, report }) => [evaluation.id, report])),
      );
      primeApprovals(
        context,
        'EVALUATION',
        new Map(found.map(({ evaluation, approvals }) => [evaluation.id, approvals])),
      );
      return found.map(({ evaluation }) => evaluation);
    }),
  fields: (t) => ({
    convention: t.field({ type: Convention, resolve: (row) => row.convention_id }),
    scope: t.field({ type: EvaluationScopeEnum, resolve: (row) => row.scope }),
    year: t.exposeInt('year', { nullable: true, description: 'ANNUAL: the year evaluated.' }),
    termNumber: t.exposeInt('term_number', {
      nullable: true,
      description: 'PROGRAMME: the term evaluated.',
    }),
    status: t.field({ type: EvaluationStatusEnum, resolve: (row) => row.status }),
    summary: t.exposeString('summary'),
    narratives: t.field({
      type: [NarrativeRef],
      resolve: (row, _args, context) => narrativesLoader(context).load(row.id),
    }),
    submittedAt: t.expose('submitted_at', { type: 'DateTime', nullable: true }),
    approvedAt: t.expose('approved_at', { type: 'DateTime', nullable: true }),
    communicatedAt: t.expose('communicated_on', {
      type: 'Date',
      nullable: true,
      description: 'The day it was communicated to a deliberative body (A6).',
    }),
    communicatedTo: t.exposeString('communicated_to', {
      nullable: true,
      description: '"Conseil municipal de Dijon".',
    }),
    version: t.exposeInt('version', {
      description: 'The version the parties approve; any change to a draft makes a new one.',
    }),
    approval: t.field({
      type: JointApprovalRef,
      resolve: (row, _args, context) =>
        jointApprovalOf(context, {
          type: 'EVALUATION',
          id: row.id,
          version: row.version,
          conventionId: row.convention_id,
        }),
    }),
    report: t.field({
      type: ReportRef,
      description:
        'While DRAFT, computed from the convention’s data as it stands; from submission on, the report as submitted: the figures the parties approve do not move afterwards.',
      resolve: async (row, _args, context) => {
        // The report's parties are the convention's: loading its lists (shared with `approval`)
        // brings their collectivities, so naming them costs no statement of its own.
        const [report] = await Promise.all([
          reportOfEvaluation(context, row),
          partiesLoader(context).load(row.convention_id),
        ]);
        return report;
      },
    }),
  }),
});

builder.objectField(Convention, 'evaluations', (t) =>
  t.field({
    type: [Evaluation],
    description: 'The annual evaluations by year, then the programme evaluations by term.',
    resolve: (convention, _args, context) => evaluationsLoader(context).load(convention.id),
  }),
);

// ——— Joint approval (A6): only a submitted evaluation is approved ———

async function lockedEvaluation(trx: Transaction<Database>, id: number) {
  const row = await findEvaluationForUpdate(trx, id);
  if (!row) return null;
  const parties = (await findParties(trx, row.convention_id)).map((party) => party.collectivity_id);
  return { row, parties };
}

/** A domain refusal of the workflow as a ValidationError naming the evaluation. */
function workflowError(error: EvaluationError): ValidationError {
  const field = error.code === 'EMPTY_BODY' ? 'body' : 'id';
  return ValidationError.of(['input', field], error.message, error.code);
}

registerApprovalSubject({
  typename: 'Evaluation',
  type: 'EVALUATION',
  lock: async (trx, id) => {
    const row = await findEvaluationForUpdate(trx, id);
    return row ? { conventionId: row.convention_id, version: row.version } : null;
  },
  check: async (trx, id, context) => {
    const locked = await lockedEvaluation(trx, id);
    const viewer = context.viewer;
    if (!locked || !viewer) throw new NotFoundError();
    // The domain decides whether the evaluation may be approved at all; who may approve which
    // version is the approval mutation's own check, which follows.
    const party = asId<'Collectivity'>(viewer.collectivityId);
    const decided = approveEvaluation(evaluationOf(locked.row, locked.parties), {
      party,
      actingFor: party,
      version: locked.row.version,
    });
    if (!decided.ok && decided.error.code === 'EVALUATION_NOT_SUBMITTED') {
      throw ValidationError.of(['input', 'subjectId'], decided.error.message, decided.error.code);
    }
  },
  agreed: async (trx, id) => {
    // Approval is no change of the text: the version the parties approved stays current.
    await setEvaluationState(trx, id, { status: 'APPROVED', approved_at: new Date() });
  },
  load: (trx, id) => findEvaluationForUpdate(trx, id),
});

// ——— Mutations ———

async function evaluationToChange(
  trx: Transaction<Database>,
  context: Context,
  id: number,
): Promise<{ row: EvaluationRow; parties: number[] }> {
  const locked = await lockedEvaluation(trx, id);
  if (!locked) throw new NotFoundError();
  await context.access.requireEdit(locked.row.convention_id);
  return locked;
}

const NarrativeInput = builder.inputType('AxisNarrativeInput', {
  fields: (t) => ({
    axisId: t.id({ required: true }),
    text: t.string({ required: true, description: 'An empty text removes the narrative.' }),
  }),
});

/** The narratives of the input, each on an axis of the convention. */
async function readNarratives(
  check: InputCheck,
  trx: Transaction<Database>,
  conventionId: number,
  input: readonly { axisId: string; text: string }[] | null | undefined,
): Promise<{ axisId: number; text: string }[]> {
  if (!input) return [];
  const [axes = []] = await axesOfConventions(trx, [conventionId]);
  return input.flatMap((narrative, index) => {
    const path = ['input', 'narratives', String(index)];
    const axisId = referencedDbId(narrative.axisId, 'Axis');
    if (axisId === null || !axes.some((axis) => axis.id === axisId)) {
      check.add([...path, 'axisId'], 'No axis with this ID in this convention', 'UNKNOWN_AXIS');
      return [];
    }
    const text = narrative.text.trim();
    if (text.length > 20_000) check.add([...path, 'text'], 'At most 20000 characters', 'TOO_LONG');
    return [{ axisId, text }];
  });
}

const CreateEvaluationInput = builder.inputType('CreateEvaluationInput', {
  description: 'One annual evaluation per year, one programme evaluation per term.',
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    scope: t.field({ type: EvaluationScopeEnum, required: true }),
    year: t.int({ description: 'ANNUAL: a year of the convention’s terms.' }),
    termNumber: t.int({ description: 'PROGRAMME: 1 for the term opened by the signature…' }),
    summary: t.string(),
    narratives: t.field({ type: [NarrativeInput] }),
  }),
});

builder.mutationField('createEvaluation', (t) =>
  t.field({
    type: Evaluation,
    description: 'A DRAFT evaluation of a year or of a term (A6).',
    args: { input: t.arg({ type: CreateEvaluationInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'evaluation' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createEvaluation', async ({ trx, audit }) => {
        const conventionId = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(conventionId);
        const convention = await findConventionForUpdate(trx, conventionId);
        if (!convention) throw new NotFoundError();
        const terms = termsOf(durationOf(convention, await findRenewals(trx, conventionId)));
        const check = new InputCheck();
        const annual = input.scope === 'ANNUAL';
        const year = annual ? (input.year ?? null) : null;
        const termNumber = annual ? null : (input.termNumber ?? null);
        const years = allowedYearsOfTerms(terms);
        if (annual && year === null) {
          check.add(['input', 'year'], 'An annual evaluation names its year', 'REQUIRED');
        } else if (annual && year !== null && (!years || year < years.first || year > years.last)) {
          check.add(
            ['input', 'year'],
            years
              ? `${year} is outside the convention's terms (${years.first}–${years.last})`
              : 'The convention is not signed yet: it has no term and no year',
            'YEAR_OUTSIDE_TERM',
          );
        }
        if (!annual && termNumber === null) {
          check.add(['input', 'termNumber'], 'A programme evaluation names its term', 'REQUIRED');
        } else if (!annual && !terms.some((term) => term.number === termNumber)) {
          check.add(['input', 'termNumber'], 'The convention has no such term', 'UNKNOWN_TERM');
        }
        if (annual && input.termNumber != null) {
          check.add(['input', 'termNumber'], 'An annual evaluation names a year', 'NOT_ALLOWED');
        }
        if (!annual && input.year != null) {
          check.add(['input', 'year'], 'A programme evaluation names a term', 'NOT_ALLOWED');
        }
        const summary = check.optionalText(['input', 'summary'], input.summary, 20_000) ?? '';
        const narratives = await readNarratives(check, trx, conventionId, input.narratives);
        if (check.ok && (await findEvaluationOfPeriod(trx, conventionId, { year, termNumber }))) {
          check.add(
            ['input', annual ? 'year' : 'termNumber'],
            annual
              ? `The convention already has an evaluation of ${String(year)}`
              : `The convention already has an evaluation of term ${String(termNumber)}`,
            'DUPLICATE_EVALUATION',
          );
        }
        check.done();
        const row = await insertEvaluation(trx, {
          convention_id: conventionId,
          scope: input.scope,
          year,
          term_number: termNumber,
          summary,
        });
        await saveNarratives(trx, row.id, narratives);
        await audit({
          conventionId,
          subjectType: 'Evaluation',
          subjectId: row.id,
          before: null,
          after: { ...row, narratives },
        });
        return row;
      }),
  }),
);

const UpdateEvaluationInput = builder.inputType('UpdateEvaluationInput', {
  description:
    'Only the fields given change. A submitted evaluation goes back to DRAFT with a new version (its approvals no longer count); an approved one is final.',
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    summary: t.string(),
    narratives: t.field({ type: [NarrativeInput] }),
  }),
});

builder.mutationField('updateEvaluation', (t) =>
  t.field({
    type: Evaluation,
    args: { input: t.arg({ type: UpdateEvaluationInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'evaluation' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateEvaluation', async ({ trx, audit }) => {
        const { row: before, parties } = await evaluationToChange(
          trx,
          context,
          requireDbId(input.id, 'Evaluation'),
        );
        const revised = reviseEvaluation(evaluationOf(before, parties));
        if (!revised.ok) throw workflowError(revised.error);
        const check = new InputCheck();
        const summary =
          input.summary == null
            ? before.summary
            : (check.optionalText(['input', 'summary'], input.summary, 20_000) ?? '');
        const narratives = await readNarratives(check, trx, before.convention_id, input.narratives);
        check.done();
        // reviseEvaluation: a new version, back to DRAFT (approvals are per version).
        const after = await updateVersioned(trx, 'evaluation', before.id, input.version, {
          summary,
          status: revised.value.status,
          submitted_at: null,
        });
        await saveNarratives(trx, before.id, narratives);
        // Back to a draft: its report follows the data again until it is submitted anew.
        await dropFrozenReport(trx, before.id);
        await audit({
          conventionId: before.convention_id,
          subjectType: 'Evaluation',
          subjectId: before.id,
          before,
          after: { ...after, narratives },
        });
        return after;
      }),
  }),
);

const SubmitEvaluationInput = builder.inputType('SubmitEvaluationInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
  }),
});

builder.mutationField('submitEvaluation', (t) =>
  t.field({
    type: Evaluation,
    description: 'Puts the draft to the parties, who then approve it (A6).',
    args: { input: t.arg({ type: SubmitEvaluationInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'evaluation' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'submitEvaluation', async ({ trx, audit }) => {
        const { row: before, parties } = await evaluationToChange(
          trx,
          context,
          requireDbId(input.id, 'Evaluation'),
        );
        if (before.version !== input.version) throw new ConflictError(before.version);
        const submitted = submitEvaluation(evaluationOf(before, parties));
        if (!submitted.ok) throw workflowError(submitted.error);
        const after = await updateVersioned(trx, 'evaluation', before.id, input.version, {
          status: submitted.value.status,
          submitted_at: new Date(),
        });
        await freezeReport(context, after);
        await audit({
          conventionId: before.convention_id,
          subjectType: 'Evaluation',
          subjectId: before.id,
          before,
          after,
        });
        return after;
      }),
  }),
);

const RecordCommunicationInput = builder.inputType('RecordCommunicationInput', {
  description: 'A6: "pourra être l’objet d’une communication aux instances délibérantes".',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The evaluation.' }),
    version: t.int({ required: true }),
    body: t.string({ required: true, description: '"Conseil municipal de Dijon".' }),
    date: t.field({ type: 'Date', required: true }),
  }),
});

builder.mutationField('recordCommunication', (t) =>
  t.field({
    type: Evaluation,
    description: 'Records that the approved evaluation was communicated to a deliberative body.',
    args: { input: t.arg({ type: RecordCommunicationInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'evaluation' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'recordCommunication', async ({ trx, audit }) => {
        const { row: before, parties } = await evaluationToChange(
          trx,
          context,
          requireDbId(input.id, 'Evaluation'),
        );
        if (before.version !== input.version) throw new ConflictError(before.version);
        const [approvals = []] = await approvalsOf(trx, [{ type: 'EVALUATION', id: before.id }]);
        const approvedBy = approvals
          .filter((approval) => approval.version === before.version)
          .map((approval) => approval.collectivity_id);
        const communicated = recordCommunication(evaluationOf(before, parties, approvedBy), {
          body: input.body,
          date: input.date,
        });
        if (!communicated.ok) throw workflowError(communicated.error);
        const communication = communicated.value.communication;
        // A fact about the approved text, not a change of it: the approved version stays current.
        const after = await setEvaluationState(trx, before.id, {
          communicated_on: communication?.date ?? input.date,
          communicated_to: communication?.body ?? input.body.trim(),
        });
        await audit({
          conventionId: before.convention_id,
          subjectType: 'Evaluation',
          subjectId: before.id,
          before,
          after,
        });
        return after;
      }),
  }),
);
