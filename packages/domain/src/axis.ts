import type { Axis } from './convention.js';
import { compareDates, type IsoDate } from './iso-date.js';
import { err, ok, type Result } from './result.js';
import type { Term } from './term.js';

export interface AxisOutsidePeriod {
  readonly axis: Axis;
  readonly code: 'AXIS_ENDS_BEFORE_TERM' | 'AXIS_STARTS_AFTER_TERM';
  readonly message: string;
}

/**
 * A2: the axes have their own period ("Axes d'orientations 2016 – 2020"), not necessarily the
 * term's. After a renewal, axes that ended before the new term starts no longer orient anything
 * and should be redefined (the founding axes 2016–2020 for a term from 2021-06-01); an axis that
 * overlaps the term, even partly, is fine.
 */
export function axesOutsidePeriod(
  axes: readonly Axis[],
  term: Pick<Term, 'startDate' | 'endDate'>,
): AxisOutsidePeriod[] {
  const flags: AxisOutsidePeriod[] = [];
  for (const axis of axes) {
    const period = `${axis.periodStart} – ${axis.periodEnd}`;
    if (compareDates(axis.periodEnd, term.startDate) < 0) {
      flags.push({
        axis,
        code: 'AXIS_ENDS_BEFORE_TERM',
        message: `"${axis.title}" (${period}) ended before the term starts on ${term.startDate}`,
      });
    } else if (compareDates(axis.periodStart, term.endDate) > 0) {
      flags.push({
        axis,
        code: 'AXIS_STARTS_AFTER_TERM',
        message: `"${axis.title}" (${period}) starts after the term ends on ${term.endDate}`,
      });
    }
  }
  return flags;
}

export interface AxisPeriodError {
  readonly code: 'AXIS_PERIOD_REVERSED';
  readonly message: string;
}

/** An axis' period must start before it ends. */
export function checkAxisPeriod(axis: {
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
}): Result<true, AxisPeriodError> {
  return compareDates(axis.periodEnd, axis.periodStart) < 0
    ? err({
        code: 'AXIS_PERIOD_REVERSED',
        message: `the axis ends (${axis.periodEnd}) before it starts (${axis.periodStart})`,
      })
    : ok(true);
}
