import {
  aggregateValues,
  allowedYearsOf,
  asId,
  type AllowedYears,
  type Approval,
  type ComputedIndicatorKind,
  type Indicator,
  type Term,
  type YearValue,
} from '@coop/domain';
import type { IndicatorRow, IndicatorTargetRow, MeasurementRow } from '../db/tables/evaluation.js';
import { plainDecimal } from './decimal.js';
import { collectivityIdOf } from './mission.js';

/** Rows → the domain's values for the indicator rules (A6). Every rule itself is in @coop/domain. */

export function targetsOf(rows: readonly IndicatorTargetRow[]): YearValue[] {
  return rows.map((row) => ({ year: row.year, value: plainDecimal(row.value) }));
}

/**
 * One value per year from the parties' measurements. Each party measures in its own name (A6,
 * "Access"); a year measured by several parties takes their values together as the indicator
 * aggregates over time (SUM: each counts its own side; LAST: the latest recorded; AVERAGE; MAX).
 * The domain has one value per year and no rule for several parties: this is that choice, here.
 */
export function measuredValuesOf(
  aggregation: IndicatorRow['aggregation'],
  rows: readonly MeasurementRow[],
): YearValue[] {
  const byYear = new Map<number, string[]>();
  for (const row of rows)
    byYear.set(row.year, [...(byYear.get(row.year) ?? []), plainDecimal(row.value)]);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([year, values]) => {
      const value = aggregateValues(aggregation, values);
      return value === null ? [] : [{ year, value }];
    });
}

export function indicatorOf(
  row: IndicatorRow,
  data: {
    targets: readonly IndicatorTargetRow[];
    measurements: readonly MeasurementRow[];
    partyIds: readonly number[];
    /** The parties that approved the current version. */
    approvedBy: readonly number[];
  },
): Indicator {
  return {
    id: asId<'Indicator'>(row.id),
    code: row.code,
    name: row.name,
    unit: row.unit,
    baseline: plainDecimal(row.baseline),
    direction: row.direction,
    aggregation: row.aggregation,
    targets: targetsOf(data.targets),
    measurements: measuredValuesOf(row.aggregation, data.measurements),
    computed: row.computed_kind as ComputedIndicatorKind | null,
    version: row.version,
    parties: data.partyIds.map(collectivityIdOf),
    approvals: data.approvedBy.map((party): Approval => ({
      party: collectivityIdOf(party),
      version: row.version,
    })),
  };
}

/**
 * The calendar years measurements and targets may be recorded for: those the convention's terms
 * touch, from the first term's start to the last one's end (terms follow each other without gap).
 * null while unsigned: no term, no year.
 */
export function allowedYearsOfTerms(terms: readonly Term[]): AllowedYears | null {
  const first = terms[0];
  const last = terms.at(-1);
  if (!first || !last) return null;
  return allowedYearsOf({ startDate: first.startDate, endDate: last.endDate });
}
