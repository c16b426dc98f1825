import { parseDecimal, type ProgressStatus } from '@coop/domain';

/**
 * An indicator's progress per year as the chart draws it (A6): the target and the actual value
 * of each year side by side. Values stay exact decimal strings for what is written; the numbers
 * are for the bars' lengths only, where a float's last digit does not show.
 */
export interface YearProgress {
  readonly year: number;
  readonly target: string | null;
  readonly actual: string | null;
  readonly ratio: number | null;
  readonly status: ProgressStatus;
}

export interface ChartYear extends YearProgress {
  readonly targetLength: number | null;
  readonly actualLength: number | null;
}

export interface ProgressChart {
  readonly years: readonly ChartYear[];
  /** The top of the scale: the largest value drawn (at least the baseline, never below 1). */
  readonly top: number;
  readonly baseline: number;
}

function lengthOf(value: string | null): number | null {
  if (value === null || !parseDecimal(value).ok) return null;
  return Number(value);
}

/**
 * The years to ask the server about: those with a target or a measurement, and for an indicator
 * computed from the data every year of the terms up to this one. Sorted, each once, within the
 * years the convention's terms allow.
 */
export function chartYears(
  indicator: {
    readonly targets: readonly { readonly year: number }[];
    readonly measurements: readonly { readonly year: number }[];
    readonly computedKind: string | null;
  },
  allowed: { readonly first: number; readonly last: number } | null,
  currentYear: number,
): number[] {
  if (!allowed) return [];
  const years = new Set<number>([
    ...indicator.targets.map((target) => target.year),
    ...indicator.measurements.map((measurement) => measurement.year),
  ]);
  if (indicator.computedKind) {
    for (let year = allowed.first; year <= Math.min(allowed.last, currentYear); year += 1) {
      years.add(year);
    }
  }
  return [...years]
    .filter((year) => year >= allowed.first && year <= allowed.last)
    .sort((a, b) => a - b);
}

export function progressChart(rows: readonly YearProgress[], baseline: string): ProgressChart {
  const years = [...rows]
    .sort((a, b) => a.year - b.year)
    .map((row) => ({
      ...row,
      targetLength: lengthOf(row.target),
      actualLength: lengthOf(row.actual),
    }));
  const base = lengthOf(baseline) ?? 0;
  const values = years.flatMap((row) => [row.targetLength ?? 0, row.actualLength ?? 0]);
  return { years, top: Math.max(1, base, ...values), baseline: base };
}
