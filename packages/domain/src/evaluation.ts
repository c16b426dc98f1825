import {
  actionPeriodFlags,
  actionRunsInYear,
  type Action,
  type ActionPeriodFlag,
  type ActionStatus,
} from './action.js';
import { budgetTotals, type BudgetContext, type ReportedAmount } from './budget.js';
import type { Axis } from './convention.js';
import { divideDecimals, formatDecimal } from './decimal.js';
import type { MissingExchangeRate } from './exchange-rate.js';
import type { ActionId, AxisId, CollectivityId, EvaluationId, IndicatorId } from './ids.js';
import {
  computeIndicator,
  progress,
  programmeProgress,
  allowedYearsOf,
  type AllowedYears,
  type ComputedIndicatorKind,
  type Indicator,
  type IndicatorDirection,
  type ProgrammeData,
  type ProgrammeProgress,
  type Progress,
  type YearValue,
} from './indicator.js';
import { compareDates, type IsoDate } from './iso-date.js';
import {
  approvalStatus,
  approve,
  revise,
  type ApprovalError,
  type ApprovalRequest,
  type JointSubject,
} from './joint-approval.js';
import { delegatesByCategory, type DelegateCategory, type Mission } from './mission.js';
import { sumByCurrency, type CurrencyCode } from './money.js';
import { err, ok, type Result } from './result.js';
import type { Term } from './term.js';

/** A6: a yearly evaluation, or the evaluation of the whole programme required before renewal. */
export type EvaluationScope = 'ANNUAL' | 'PROGRAMME';

/** Communication to a deliberative body is recorded apart: it happens after approval, or never. */
export type EvaluationStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED';

/** A6: "pourra être l'objet d'une communication aux instances délibérantes". */
export interface EvaluationCommunication {
  /** The deliberative body: "Conseil municipal de Dijon". */
  readonly body: string;
  readonly date: IsoDate;
}

export interface Evaluation extends JointSubject {
  readonly id?: EvaluationId;
  readonly scope: EvaluationScope;
  /** ANNUAL: the calendar year evaluated. */
  readonly year: number | null;
  /** PROGRAMME: the number of the term evaluated. */
  readonly termNumber: number | null;
  readonly status: EvaluationStatus;
  readonly communication: EvaluationCommunication | null;
}

export type EvaluationError =
  | {
      readonly code:
        | 'EVALUATION_NOT_A_DRAFT'
        | 'EVALUATION_NOT_SUBMITTED'
        | 'EVALUATION_NOT_APPROVED'
        | 'EVALUATION_ALREADY_APPROVED'
        | 'ALREADY_COMMUNICATED'
        | 'EMPTY_BODY';
      readonly status: EvaluationStatus;
      readonly message: string;
    }
  | ApprovalError;

/** DRAFT → SUBMITTED: the draft is put to the parties. */
export function submitEvaluation<E extends Evaluation>(evaluation: E): Result<E, EvaluationError> {
  if (evaluation.status !== 'DRAFT') {
    return err({
      code: 'EVALUATION_NOT_A_DRAFT',
      status: evaluation.status,
      message: `only a draft can be submitted; this evaluation is ${evaluation.status}`,
    });
  }
  return ok({ ...evaluation, status: 'SUBMITTED' });
}

/**
 * One party's approval of the submitted version (joint approval, A6). The evaluation becomes
 * APPROVED when every party approved the same version.
 */
export function approveEvaluation<E extends Evaluation>(
  evaluation: E,
  request: ApprovalRequest,
): Result<E, EvaluationError> {
  if (evaluation.status !== 'SUBMITTED') {
    return err({
      code: 'EVALUATION_NOT_SUBMITTED',
      status: evaluation.status,
      message: `an evaluation is approved once submitted; this one is ${evaluation.status}`,
    });
  }
  const approved = approve(evaluation, request);
  if (!approved.ok) return approved;
  const agreed = approvalStatus(approved.value).state === 'AGREED';
  return ok({ ...approved.value, status: agreed ? 'APPROVED' : 'SUBMITTED' });
}

/** Any change to a draft or submitted evaluation: a new version, back to DRAFT, approvals cleared. */
export function reviseEvaluation<E extends Evaluation>(evaluation: E): Result<E, EvaluationError> {
  if (evaluation.status === 'APPROVED') {
    return err({
      code: 'EVALUATION_ALREADY_APPROVED',
      status: evaluation.status,
      message: 'an approved evaluation is final; write a new one',
    });
  }
  return ok({ ...revise(evaluation), status: 'DRAFT' });
}

/** Records the communication to a deliberative body: only of an approved evaluation, once. */
export function recordCommunication<E extends Evaluation>(
  evaluation: E,
  communication: EvaluationCommunication,
): Result<E, EvaluationError> {
  if (evaluation.status !== 'APPROVED') {
    return err({
      code: 'EVALUATION_NOT_APPROVED',
      status: evaluation.status,
      message: 'only an evaluation approved by every party is communicated to a council',
    });
  }
  if (evaluation.communication) {
    return err({
      code: 'ALREADY_COMMUNICATED',
      status: evaluation.status,
      message: `already communicated to ${evaluation.communication.body} on ${evaluation.communication.date}`,
    });
  }
  const body = communication.body.trim();
  if (body === '') {
    return err({
      code: 'EMPTY_BODY',
      status: evaluation.status,
      message: 'name the body informed',
    });
  }
  return ok({ ...evaluation, communication: { body, date: communication.date } });
}

// ---------------------------------------------------------------------------------------------
// Reports

/** The narrative the parties wrote for an axis in this evaluation. */
export interface AxisNarrative {
  readonly axisId: AxisId;
  readonly text: string;
}

export interface EvaluationInput {
  readonly parties: readonly CollectivityId[];
  readonly axes: readonly Axis[];
  readonly narratives: readonly AxisNarrative[];
  readonly indicators: readonly Indicator[];
  readonly actions: readonly Action[];
  readonly missions: readonly Pick<Mission, 'departureDate' | 'returnDate' | 'delegates'>[];
  /** Reporting currency, recorded rates, and the date of the report (rates and "held by"). */
  readonly context: BudgetContext;
}

export interface IndicatorSummary {
  readonly id: IndicatorId;
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: IndicatorDirection;
  readonly computed: ComputedIndicatorKind | null;
}

export interface IndicatorResult extends IndicatorSummary {
  readonly progress: Progress;
  readonly breakdown: Readonly<Record<string, number>> | null;
}

/** An indicator left out of the report because its definition is not yet agreed. */
export interface PendingIndicator extends IndicatorSummary {
  readonly waitingFor: CollectivityId[];
}

export interface ActionExecution {
  readonly id: ActionId;
  readonly title: string;
  readonly axisId: AxisId;
  readonly status: ActionStatus;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  readonly planned: ReportedAmount;
  readonly executed: ReportedAmount;
  /** executed ÷ planned, percent with two decimals; null when unknown or nothing planned. */
  readonly executionRatePercent: string | null;
  readonly flags: ActionPeriodFlag[];
}

export interface PartyExecution {
  readonly party: CollectivityId;
  readonly planned: ReportedAmount;
  readonly executed: ReportedAmount;
  readonly executionRatePercent: string | null;
}

export interface AxisSection {
  readonly id: AxisId;
  readonly title: string;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly narrative: string | null;
  readonly actionIds: ActionId[];
  readonly planned: ReportedAmount;
  readonly executed: ReportedAmount;
}

export interface EvaluationTotals {
  readonly planned: ReportedAmount;
  readonly executed: ReportedAmount;
  readonly executionRatePercent: string | null;
  readonly actionsByStatus: Record<ActionStatus, number>;
  readonly missionsHeld: number;
  readonly delegates: Record<DelegateCategory, number>;
}

interface ReportBody {
  readonly reportingCurrency: CurrencyCode;
  /** The date of the report: rates in force then, missions held by then. */
  readonly date: IsoDate;
  readonly actions: ActionExecution[];
  readonly parties: PartyExecution[];
  readonly axes: AxisSection[];
  readonly totals: EvaluationTotals;
  readonly pendingIndicators: PendingIndicator[];
  /** Rates that could not be found: the amounts they affect have a null `reporting`. */
  readonly missingRates: MissingExchangeRate[];
}

/**
 * A6's annual evaluation as plain data, ready to print: every agreed indicator against the
 * year's target, the budget planned and executed per action, per party and per axis, the axes'
 * narratives, and totals. Amounts are exact per currency and converted to the reporting currency
 * per action; totals add up the rows shown, so a reader's sum matches the report's.
 */
export interface AnnualEvaluationReport extends ReportBody {
  readonly scope: 'ANNUAL';
  readonly year: number;
  readonly indicators: IndicatorResult[];
}

export interface ProgrammeIndicatorResult extends IndicatorSummary {
  readonly progress: ProgrammeProgress;
  readonly yearly: Progress[];
}

/** A6's evaluation of the whole programme: the term's years together, each action once. */
export interface ProgrammeEvaluationReport extends ReportBody {
  readonly scope: 'PROGRAMME';
  readonly term: Term;
  readonly years: AllowedYears;
  readonly indicators: ProgrammeIndicatorResult[];
}

/** The year's report: the actions running in that calendar year, missions departed in it. */
export function annualEvaluation(
  input: EvaluationInput & { readonly year: number },
): AnnualEvaluationReport {
  const { year } = input;
  const actions = input.actions.filter((action) => actionRunsInYear(action, year));
  const missions = input.missions.filter(
    (m) =>
      m.departureDate.startsWith(`${year}-`) &&
      compareDates(m.departureDate, input.context.date) <= 0,
  );
  const body = reportBody(input, actions, missions);
  const indicators: IndicatorResult[] = [];
  for (const indicator of agreedOnly(input.indicators)) {
    const computed = computedValue(indicator, input, year);
    indicators.push({
      ...summary(indicator),
      progress: progress(indicator, year, computed ? { actual: computed.value } : {}),
      breakdown: computed?.breakdown ?? null,
    });
  }
  return { scope: 'ANNUAL', year, ...body, indicators };
}

/** The term's report: everything running in any year of the term, indicators over its years. */
export function programmeEvaluation(
  input: EvaluationInput & { readonly term: Term },
): ProgrammeEvaluationReport {
  const { term } = input;
  const years = allowedYearsOf(term);
  const inTerm = (start: IsoDate | null, end: IsoDate | null): boolean => {
    const first = start ?? end;
    const last = end ?? start;
    return (
      first !== null &&
      last !== null &&
      compareDates(first, term.endDate) <= 0 &&
      compareDates(last, term.startDate) >= 0
    );
  };
  const actions = input.actions.filter((a) => inTerm(a.startDate, a.endDate));
  const missions = input.missions.filter(
    (m) =>
      inTerm(m.departureDate, m.departureDate) &&
      compareDates(m.departureDate, input.context.date) <= 0,
  );
  const body = reportBody(input, actions, missions);
  const indicators: ProgrammeIndicatorResult[] = [];
  for (const indicator of agreedOnly(input.indicators)) {
    const yearly: Progress[] = [];
    const actuals: YearValue[] = [];
    for (let year = years.first; year <= years.last; year++) {
      const computed = computedValue(indicator, input, year);
      if (computed?.value != null) actuals.push({ year, value: computed.value });
      yearly.push(progress(indicator, year, computed ? { actual: computed.value } : {}));
    }
    indicators.push({
      ...summary(indicator),
      progress: programmeProgress(indicator, years, indicator.computed ? actuals : undefined),
      yearly,
    });
  }
  return { scope: 'PROGRAMME', term, years, ...body, indicators };
}

function agreedOnly(indicators: readonly Indicator[]): Indicator[] {
  return indicators.filter((indicator) => approvalStatus(indicator).state === 'AGREED');
}

function summary(indicator: Indicator): IndicatorSummary {
  return {
    id: indicator.id,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    computed: indicator.computed ?? null,
  };
}

/** A computed indicator's value, or null for a measured one or when a rate is missing. */
function computedValue(
  indicator: Indicator,
  input: EvaluationInput,
  year: number,
): { value: string | null; breakdown: Readonly<Record<string, number>> | null } | null {
  if (!indicator.computed) return null;
  const data: ProgrammeData = { missions: input.missions, actions: input.actions };
  const computed = computeIndicator(indicator.computed, data, year, input.context);
  return computed.ok
    ? { value: computed.value.value, breakdown: computed.value.breakdown }
    : { value: null, breakdown: null };
}

/** Adds reported amounts row by row: exact per currency, and the rows' reporting amounts. */
function addReported(amounts: readonly ReportedAmount[], currency: CurrencyCode): ReportedAmount {
  const byCurrency = sumByCurrency(amounts.flatMap((a) => a.byCurrency));
  let total: bigint | null = 0n;
  for (const amount of amounts) {
    total = amount.reporting && total !== null ? total + amount.reporting.amount : null;
  }
  return { byCurrency, reporting: total === null ? null : { amount: total, currency } };
}

function ratePercent(planned: ReportedAmount, executed: ReportedAmount): string | null {
  const p = planned.reporting;
  const e = executed.reporting;
  if (!p || !e || p.amount === 0n) return null;
  return formatDecimal(
    divideDecimals({ units: e.amount * 100n, scale: 0 }, { units: p.amount, scale: 0 }, 2),
  );
}

function reportBody(
  input: EvaluationInput,
  actions: readonly Action[],
  missions: readonly Pick<Mission, 'delegates'>[],
): ReportBody {
  const { context } = input;
  const currency = context.reportingCurrency;
  const missing = new Map<string, MissingExchangeRate>();
  const axesById = new Map(input.axes.map((axis) => [axis.id, axis]));
  const byParty = new Map<
    CollectivityId,
    { planned: ReportedAmount[]; executed: ReportedAmount[] }
  >(input.parties.map((party) => [party, { planned: [], executed: [] }]));
  const byAxis = new Map<
    AxisId,
    { ids: ActionId[]; planned: ReportedAmount[]; executed: ReportedAmount[] }
  >();
  const actionsByStatus: Record<ActionStatus, number> = {
    PLANNED: 0,
    IN_PROGRESS: 0,
    COMPLETED: 0,
    CANCELLED: 0,
  };

  const rows: ActionExecution[] = actions.map((action) => {
    const totals = budgetTotals(action.budget, context);
    for (const rate of totals.missingRates) missing.set(`${rate.from}>${rate.to}`, rate);
    for (const party of totals.parties) {
      const entry = byParty.get(party.party) ?? { planned: [], executed: [] };
      entry.planned.push(party.planned);
      entry.executed.push(party.executed);
      byParty.set(party.party, entry);
    }
    const axisEntry = byAxis.get(action.axisId) ?? { ids: [], planned: [], executed: [] };
    axisEntry.ids.push(action.id);
    axisEntry.planned.push(totals.expenses);
    axisEntry.executed.push(totals.executedExpenses);
    byAxis.set(action.axisId, axisEntry);
    actionsByStatus[action.status] += 1;
    const axis = axesById.get(action.axisId);
    return {
      id: action.id,
      title: action.title,
      axisId: action.axisId,
      status: action.status,
      startDate: action.startDate,
      endDate: action.endDate,
      planned: totals.expenses,
      executed: totals.executedExpenses,
      executionRatePercent: ratePercent(totals.expenses, totals.executedExpenses),
      flags: axis ? actionPeriodFlags(action, axis) : [],
    };
  });

  const narratives = new Map(input.narratives.map((n) => [n.axisId, n.text]));
  const axes: AxisSection[] = input.axes.map((axis) => {
    const entry = byAxis.get(axis.id) ?? { ids: [], planned: [], executed: [] };
    return {
      id: axis.id,
      title: axis.title,
      periodStart: axis.periodStart,
      periodEnd: axis.periodEnd,
      narrative: narratives.get(axis.id) ?? null,
      actionIds: entry.ids,
      planned: addReported(entry.planned, currency),
      executed: addReported(entry.executed, currency),
    };
  });

  const parties: PartyExecution[] = [...byParty.entries()].map(([party, entry]) => {
    const planned = addReported(entry.planned, currency);
    const executed = addReported(entry.executed, currency);
    return { party, planned, executed, executionRatePercent: ratePercent(planned, executed) };
  });

  const planned = addReported(
    rows.map((row) => row.planned),
    currency,
  );
  const executed = addReported(
    rows.map((row) => row.executed),
    currency,
  );
  const pendingIndicators = input.indicators
    .map((indicator) => ({ indicator, status: approvalStatus(indicator) }))
    .filter(({ status }) => status.state !== 'AGREED')
    .map(({ indicator, status }) => ({ ...summary(indicator), waitingFor: status.waitingFor }));

  return {
    reportingCurrency: currency,
    date: context.date,
    actions: rows,
    parties,
    axes,
    totals: {
      planned,
      executed,
      executionRatePercent: ratePercent(planned, executed),
      actionsByStatus,
      missionsHeld: missions.length,
      delegates: delegatesByCategory(missions),
    },
    pendingIndicators,
    missingRates: [...missing.values()],
  };
}
