import { actionRunsInYear, type Action } from './action.js';
import { budgetTotals, type BudgetContext } from './budget.js';
import {
  addDecimals,
  compareDecimals,
  decimal,
  decimalToNumber,
  divideDecimals,
  formatDecimal,
  normalizeDecimal,
  parseDecimal,
  subtractDecimals,
  type Decimal,
} from './decimal.js';
import type { MissingExchangeRate } from './exchange-rate.js';
import type { IndicatorId, OrganizationId } from './ids.js';
import { compareDates, yearOf } from './iso-date.js';
import { isAgreed, type JointSubject } from './joint-approval.js';
import { delegatesByCategory, type DelegateCategory, type Mission } from './mission.js';
import { formatMoney, zeroMoney } from './money.js';
import { err, ok, type Result } from './result.js';
import type { Term } from './term.js';

/** Which way is better: more young people exchanged, or fewer days to process a permit. */
export type IndicatorDirection = 'INCREASE' | 'DECREASE';

/**
 * How yearly values make one value for the whole programme (A6, "évaluation de l'ensemble du
 * programme"): SUM for flows (missions held), LAST for stocks (cooperatives supported),
 * AVERAGE for rates, MAX for peaks. Targets are aggregated the same way as measurements.
 */
export type IndicatorAggregation = 'SUM' | 'LAST' | 'AVERAGE' | 'MAX';

/** A6: indicators that Coop computes from the data itself instead of a yearly measurement. */
export type ComputedIndicatorKind =
  | 'MISSIONS_HELD'
  | 'DELEGATES'
  | 'YOUNG_PEOPLE_EXCHANGED'
  | 'COFINANCING_OBTAINED'
  | 'BUDGET_EXECUTION_RATE'
  | 'ORGANISATIONS_ASSOCIATED'
  | 'PARTICIPATORY_ACTIVITIES';

export const COMPUTED_INDICATOR_KINDS: readonly ComputedIndicatorKind[] = [
  'MISSIONS_HELD',
  'DELEGATES',
  'YOUNG_PEOPLE_EXCHANGED',
  'COFINANCING_OBTAINED',
  'BUDGET_EXECUTION_RATE',
  'ORGANISATIONS_ASSOCIATED',
  'PARTICIPATORY_ACTIVITIES',
];

/** A value for one calendar year, as a decimal string ("12", "37.5"). */
export interface YearValue {
  readonly year: number;
  readonly value: string;
}

/**
 * A yardstick of the evaluation (A6, "indicateurs définis en commun"): it counts only once every
 * party approved its current definition, so it is a joint subject.
 */
export interface Indicator extends JointSubject {
  readonly id: IndicatorId;
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  /** The value before the programme: progress is measured from it toward the target. */
  readonly baseline: string;
  readonly direction: IndicatorDirection;
  readonly aggregation: IndicatorAggregation;
  readonly targets: readonly YearValue[];
  readonly measurements: readonly YearValue[];
  /** Set when the value comes from the data; measurements of it are then not recorded by hand. */
  readonly computed?: ComputedIndicatorKind | null;
}

export type IndicatorDefinition = Pick<
  Indicator,
  'baseline' | 'direction' | 'aggregation' | 'targets' | 'measurements' | 'computed'
>;

/** Only agreed indicators count (A6). */
export function agreedIndicators<I extends Indicator>(indicators: readonly I[]): I[] {
  return indicators.filter(isAgreed);
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** The calendar years a term touches: 2016-06-01 → 2021-05-31 allows 2016 to 2021. */
export interface AllowedYears {
  readonly first: number;
  readonly last: number;
}

export function allowedYearsOf(term: Pick<Term, 'startDate' | 'endDate'>): AllowedYears {
  return { first: yearOf(term.startDate), last: yearOf(term.endDate) };
}

export type MeasurementError =
  | {
      readonly code: 'YEAR_OUTSIDE_TERM';
      readonly year: number;
      readonly allowedYears: AllowedYears;
      readonly message: string;
    }
  | { readonly code: 'INVALID_YEAR'; readonly year: number; readonly message: string }
  | { readonly code: 'INVALID_VALUE'; readonly input: string; readonly message: string }
  | {
      readonly code: 'COMPUTED_INDICATOR';
      readonly computed: ComputedIndicatorKind;
      readonly message: string;
    };

/**
 * A measurement (or a target) for a year: a year of the convention's term, a decimal value,
 * and not for an indicator that Coop computes itself.
 */
export function validateMeasurement(
  indicator: Pick<Indicator, 'computed'>,
  year: number,
  value: string,
  allowedYears: AllowedYears,
): Result<YearValue, MeasurementError> {
  if (indicator.computed) {
    return err({
      code: 'COMPUTED_INDICATOR',
      computed: indicator.computed,
      message: `this indicator is computed from the data (${indicator.computed}); it is not measured by hand`,
    });
  }
  if (!Number.isInteger(year)) {
    return err({ code: 'INVALID_YEAR', year, message: `${year} is not a year` });
  }
  if (year < allowedYears.first || year > allowedYears.last) {
    return err({
      code: 'YEAR_OUTSIDE_TERM',
      year,
      allowedYears,
      message: `${year} is outside the convention's term (${allowedYears.first}–${allowedYears.last})`,
    });
  }
  const parsed = parseDecimal(value);
  if (!parsed.ok) {
    return err({ code: 'INVALID_VALUE', input: value, message: parsed.error.message });
  }
  return ok({ year, value: formatDecimal(normalizeDecimal(parsed.value)) });
}

export interface IndicatorDefinitionIssue {
  readonly code: 'EMPTY_FIELD' | 'INVALID_VALUE' | 'DUPLICATE_YEAR' | MeasurementError['code'];
  /** Where: "code", "baseline", "targets[2].value"… */
  readonly path: string;
  readonly message: string;
}

/**
 * Checks a definition before it is put to the parties: a code, a name and a unit, a decimal
 * baseline, and targets (and measurements) that are decimals for distinct years of the term.
 * Every issue is listed, for a form to show them all.
 */
export function validateIndicator(
  definition: Pick<Indicator, 'code' | 'name' | 'unit' | 'baseline' | 'targets' | 'measurements'>,
  allowedYears: AllowedYears,
): Result<true, IndicatorDefinitionIssue[]> {
  const issues: IndicatorDefinitionIssue[] = [];
  for (const field of ['code', 'name', 'unit'] as const) {
    if (definition[field].trim() === '') {
      issues.push({ code: 'EMPTY_FIELD', path: field, message: `the indicator needs a ${field}` });
    }
  }
  if (!parseDecimal(definition.baseline).ok) {
    issues.push({
      code: 'INVALID_VALUE',
      path: 'baseline',
      message: `"${definition.baseline}" is not a number`,
    });
  }
  for (const list of ['targets', 'measurements'] as const) {
    const seen = new Set<number>();
    definition[list].forEach(({ year, value }, index) => {
      const path = `${list}[${index}]`;
      if (seen.has(year)) {
        issues.push({ code: 'DUPLICATE_YEAR', path, message: `${year} appears twice` });
      }
      seen.add(year);
      const checked = validateMeasurement({ computed: null }, year, value, allowedYears);
      if (!checked.ok)
        issues.push({ code: checked.error.code, path, message: checked.error.message });
    });
  }
  return issues.length === 0 ? ok(true) : err(issues);
}

/** The indicator with the year's measurement recorded, replacing an earlier value of that year. */
export function recordMeasurement<I extends Indicator>(
  indicator: I,
  year: number,
  value: string,
  allowedYears: AllowedYears,
): Result<I, MeasurementError> {
  const measurement = validateMeasurement(indicator, year, value, allowedYears);
  if (!measurement.ok) return measurement;
  const measurements = [
    ...indicator.measurements.filter((m) => m.year !== year),
    measurement.value,
  ].sort((a, b) => a.year - b.year);
  return ok({ ...indicator, measurements });
}

// ---------------------------------------------------------------------------------------------
// Progress

export type ProgressStatus = 'NO_TARGET' | 'NO_MEASUREMENT' | 'BEHIND' | 'ON_TRACK' | 'MET';

export interface Progress {
  readonly year: number;
  readonly target: string | null;
  readonly actual: string | null;
  readonly baseline: string;
  /**
   * How far the value went from the baseline toward the target: 0 at the baseline, 1 at the
   * target (four decimals, display only). null when there is no target or measurement, or when
   * the target equals the baseline (nothing to progress over).
   */
  readonly ratio: number | null;
  readonly status: ProgressStatus;
}

/**
 * The thresholds of the status: MET once the value reaches the target in the indicator's
 * direction (≥ for INCREASE, ≤ for DECREASE); ON_TRACK from 80% of the way from baseline to
 * target; BEHIND below. A target equal to the baseline is either MET or BEHIND.
 */
export const ON_TRACK_RATIO = '0.8';

/**
 * One year's value against that year's target. `actual` replaces the recorded measurement: the
 * value of a computed indicator, or an aggregate over the term (programmeProgress).
 */
export function progress(
  indicator: IndicatorDefinition,
  year: number,
  options: { readonly actual?: string | null } = {},
): Progress {
  const target = indicator.targets.find((t) => t.year === year)?.value ?? null;
  const actual =
    options.actual !== undefined
      ? options.actual
      : (indicator.measurements.find((m) => m.year === year)?.value ?? null);
  return progressAgainst(indicator, year, target, actual);
}

function progressAgainst(
  indicator: Pick<IndicatorDefinition, 'baseline' | 'direction'>,
  year: number,
  target: string | null,
  actual: string | null,
): Progress {
  const baseline = indicator.baseline;
  const base = { year, target, actual, baseline };
  if (target === null) return { ...base, ratio: null, status: 'NO_TARGET' };
  if (actual === null) return { ...base, ratio: null, status: 'NO_MEASUREMENT' };
  const b = decimal(baseline);
  const t = decimal(target);
  const a = decimal(actual);
  const sign = indicator.direction === 'INCREASE' ? 1 : -1;
  const met = compareDecimals(a, t) * sign >= 0;
  const span = subtractDecimals(t, b);
  if (span.units === 0n) return { ...base, ratio: null, status: met ? 'MET' : 'BEHIND' };
  const ratio = divideDecimals(subtractDecimals(a, b), span, 4);
  const status = met
    ? 'MET'
    : compareDecimals(divideDecimals(subtractDecimals(a, b), span, 12), decimal(ON_TRACK_RATIO)) >=
        0
      ? 'ON_TRACK'
      : 'BEHIND';
  return { ...base, ratio: decimalToNumber(ratio), status };
}

/** Aggregates yearly values (decimal strings) as the indicator says; null for none. */
export function aggregateValues(
  aggregation: IndicatorAggregation,
  values: readonly string[],
): string | null {
  const decimals = values.map((value) => decimal(value));
  const [first] = decimals;
  if (!first) return null;
  switch (aggregation) {
    case 'SUM':
      return formatDecimal(normalizeDecimal(decimals.reduce(addDecimals)));
    case 'LAST':
      return formatDecimal(normalizeDecimal(decimals.at(-1) ?? first));
    case 'MAX':
      return formatDecimal(
        normalizeDecimal(decimals.reduce((a, b) => (compareDecimals(a, b) >= 0 ? a : b))),
      );
    case 'AVERAGE': {
      const sum = decimals.reduce(addDecimals);
      const count: Decimal = { units: BigInt(decimals.length), scale: 0 };
      const scale = Math.max(2, ...decimals.map((d) => d.scale));
      return formatDecimal(normalizeDecimal(divideDecimals(sum, count, scale)));
    }
  }
}

export interface ProgrammeProgress extends Omit<Progress, 'year'> {
  readonly years: AllowedYears;
}

/**
 * The whole term (A6, programme evaluation): measurements and targets of the allowed years,
 * each aggregated as the indicator says. `actuals` replaces measurements (computed indicators).
 */
export function programmeProgress(
  indicator: IndicatorDefinition,
  years: AllowedYears,
  actuals?: readonly YearValue[],
): ProgrammeProgress {
  const inTerm = (v: YearValue): boolean => v.year >= years.first && v.year <= years.last;
  const byYear = (a: YearValue, b: YearValue): number => a.year - b.year;
  const targets = indicator.targets.filter(inTerm).sort(byYear);
  const measured = (actuals ?? indicator.measurements).filter(inTerm).sort(byYear);
  const target = aggregateValues(
    indicator.aggregation,
    targets.map((t) => t.value),
  );
  const actual = aggregateValues(
    indicator.aggregation,
    measured.map((m) => m.value),
  );
  const { baseline, ratio, status } = progressAgainst(indicator, years.last, target, actual);
  return { years, target, actual, baseline, ratio, status };
}

// ---------------------------------------------------------------------------------------------
// Computed indicators

/** The data computed indicators read: plain values, as the API's repositories load them. */
export interface ProgrammeData {
  readonly missions: readonly Pick<Mission, 'departureDate' | 'returnDate' | 'delegates'>[];
  readonly actions: readonly Pick<
    Action,
    'status' | 'startDate' | 'endDate' | 'budget' | 'organizations' | 'participatoryActivities'
  >[];
}

export interface ComputedValue {
  readonly kind: ComputedIndicatorKind;
  readonly year: number;
  /** A decimal string: a count, an amount in the reporting currency, or a percentage. */
  readonly value: string;
  readonly unit: string;
  /** Counts per category or kind, where the indicator has some (delegates, activities). */
  readonly breakdown: Readonly<Record<string, number>> | null;
}

export type ComputeIndicatorError = MissingExchangeRate;

/**
 * Computes a data-derived indicator for a calendar year. `context.date` is "today": a mission
 * counts as held once it departed by then.
 *
 * - MISSIONS_HELD, DELEGATES (by category), YOUNG_PEOPLE_EXCHANGED: missions that departed in
 *   the year.
 * - PARTICIPATORY_ACTIVITIES (by kind): activities dated in the year, over all actions.
 * - ORGANISATIONS_ASSOCIATED: distinct organisations of the actions running in the year.
 * - BUDGET_EXECUTION_RATE: executed ÷ planned expenses (percent, two decimals) of the actions
 *   running in the year, in the reporting currency.
 * - COFINANCING_OBTAINED: funder contributions GRANTED or RECEIVED of the actions that start in
 *   the year (an action's co-financing is counted once, not in every year it runs).
 * Cancelled actions are left out.
 */
export function computeIndicator(
  kind: ComputedIndicatorKind,
  data: ProgrammeData,
  year: number,
  context: BudgetContext,
): Result<ComputedValue, ComputeIndicatorError> {
  const result = (value: string, unit: string, breakdown: Record<string, number> | null = null) =>
    ok({ kind, year, value, unit, breakdown });
  const missions = data.missions.filter(
    (m) => yearOf(m.departureDate) === year && compareDates(m.departureDate, context.date) <= 0,
  );
  const actions = data.actions.filter((a) => a.status !== 'CANCELLED');
  const running = actions.filter((a) => actionRunsInYear(a, year));

  switch (kind) {
    case 'MISSIONS_HELD':
      return result(String(missions.length), 'missions');
    case 'DELEGATES': {
      const counts: Record<DelegateCategory, number> = delegatesByCategory(missions);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return result(String(total), 'delegates', counts);
    }
    case 'YOUNG_PEOPLE_EXCHANGED':
      return result(String(delegatesByCategory(missions).YOUTH), 'young people');
    case 'PARTICIPATORY_ACTIVITIES': {
      const breakdown: Record<string, number> = {
        INFORMATION: 0,
        CONSULTATION: 0,
        COLLABORATION: 0,
      };
      let total = 0;
      for (const action of actions) {
        for (const activity of action.participatoryActivities) {
          if (yearOf(activity.date) !== year) continue;
          breakdown[activity.kind] = (breakdown[activity.kind] ?? 0) + 1;
          total += 1;
        }
      }
      return result(String(total), 'activities', breakdown);
    }
    case 'ORGANISATIONS_ASSOCIATED': {
      const organizations = new Set<OrganizationId>();
      for (const action of running) {
        for (const association of action.organizations)
          organizations.add(association.organizationId);
      }
      return result(String(organizations.size), 'organisations');
    }
    case 'BUDGET_EXECUTION_RATE': {
      let planned = 0n;
      let executed = 0n;
      for (const action of running) {
        const totals = budgetTotals(action.budget, context);
        const [missing] = totals.missingRates;
        if (missing) return err(missing);
        planned += totals.expenses.reporting?.amount ?? 0n;
        executed += totals.executedExpenses.reporting?.amount ?? 0n;
      }
      if (planned === 0n) return result('0', '%');
      const rate = divideDecimals(
        { units: executed * 100n, scale: 0 },
        { units: planned, scale: 0 },
        2,
      );
      return result(formatDecimal(rate), '%');
    }
    case 'COFINANCING_OBTAINED': {
      let total = zeroMoney(context.reportingCurrency);
      for (const action of actions) {
        if (!action.startDate || yearOf(action.startDate) !== year) continue;
        const funding = action.budget.contributions.filter(
          (c) => c.kind === 'FUNDER' && c.status !== 'REQUESTED',
        );
        const totals = budgetTotals({ parties: [], lines: [], contributions: funding }, context);
        const [missing] = totals.missingRates;
        if (missing) return err(missing);
        total = {
          amount: total.amount + (totals.resources.reporting?.amount ?? 0n),
          currency: total.currency,
        };
      }
      return result(formatMoney(total), context.reportingCurrency);
    }
  }
}
