import {
  addMonths,
  annualEvaluationDueDate,
  compareDates,
  expiryNoticeStart,
  parseIsoDate,
  yearOf,
  type IsoDate,
  type Term,
} from '@coop/domain';

/** A convention as the dashboard reads it. */
export interface ConventionDates {
  readonly id: string;
  readonly title: string;
  readonly status: 'DRAFT' | 'IN_FORCE' | 'EXPIRING' | 'EXPIRED';
  readonly terms: readonly { number: number; startDate: string; endDate: string }[];
  readonly renewal: { readonly eligible: boolean; readonly issues: readonly unknown[] };
  /** Its trips (A5), when the dashboard read them. */
  readonly missions?: readonly UpcomingMission[];
  /** Its evaluations (A6), when the dashboard read them. */
  readonly evaluations?: readonly {
    readonly scope: 'ANNUAL' | 'PROGRAMME';
    readonly year: number | null;
    readonly status: 'DRAFT' | 'SUBMITTED' | 'APPROVED';
  }[];
}

export interface UpcomingMission {
  readonly id: string;
  readonly departureDate: string;
  readonly returnDate: string;
  readonly purpose: string;
  readonly origin: { readonly name: string };
  readonly host: { readonly name: string };
}

/**
 * What is due soon for a convention:
 * - RENEWAL_OPEN: the convention is EXPIRING, the parties must deliberate before `date` (A7);
 * - RENEWAL_WINDOW: the last six months of the last term decided start on `date` (A7);
 * - TERM_END: the last term decided ends on `date` (A7);
 * - MISSION: a trip leaves on `date` (or is under way) (A5);
 * - ANNUAL_EVALUATION: last year's evaluation, not approved yet, is due by `date` (A6).
 */
export type Deadline =
  | {
      readonly kind: 'RENEWAL_OPEN' | 'RENEWAL_WINDOW' | 'TERM_END';
      readonly date: IsoDate;
      readonly convention: ConventionDates;
      /** How many blockers the renewal check still names. */
      readonly blockers: number;
    }
  | {
      readonly kind: 'MISSION';
      readonly date: IsoDate;
      readonly convention: ConventionDates;
      readonly mission: UpcomingMission;
    }
  | {
      readonly kind: 'ANNUAL_EVALUATION';
      readonly date: IsoDate;
      readonly convention: ConventionDates;
      readonly year: number;
      /** Past its due date and still not approved by every party. */
      readonly overdue: boolean;
    };

function asTerm(term: ConventionDates['terms'][number]): Term | null {
  const start = parseIsoDate(term.startDate);
  const end = parseIsoDate(term.endDate);
  return start.ok && end.ok
    ? { number: term.number, startDate: start.value, endDate: end.value }
    : null;
}

/** A stable key for a deadline in a list. */
export function deadlineKey(deadline: Deadline): string {
  const detail =
    deadline.kind === 'MISSION'
      ? deadline.mission.id
      : deadline.kind === 'ANNUAL_EVALUATION'
        ? String(deadline.year)
        : '';
  return `${deadline.convention.id}-${deadline.kind}-${detail}`;
}

/**
 * Deadlines from today to `horizonMonths` ahead (and every open renewal or overdue evaluation),
 * the most pressing first, then soonest first.
 */
export function upcomingDeadlines(
  conventions: readonly ConventionDates[],
  today: IsoDate,
  horizonMonths = 12,
): Deadline[] {
  const horizon = addMonths(today, horizonMonths);
  const within = (date: IsoDate) =>
    compareDates(today, date) <= 0 && compareDates(date, horizon) <= 0;
  const deadlines: Deadline[] = [];
  for (const convention of conventions) {
    deadlines.push(...missionDeadlines(convention, today, horizon));
    const terms = convention.terms.flatMap((term) => {
      const parsed = asTerm(term);
      return parsed ? [parsed] : [];
    });
    const evaluation = evaluationDeadline(convention, terms, today);
    if (evaluation) deadlines.push(evaluation);
    const term = terms.at(-1);
    if (!term || convention.status === 'EXPIRED' || convention.status === 'DRAFT') continue;
    const blockers = convention.renewal.issues.length;
    if (convention.status === 'EXPIRING') {
      deadlines.push({ kind: 'RENEWAL_OPEN', date: term.endDate, convention, blockers });
      continue;
    }
    const windowOpens = expiryNoticeStart(term);
    if (within(windowOpens)) {
      deadlines.push({ kind: 'RENEWAL_WINDOW', date: windowOpens, convention, blockers });
    }
    if (within(term.endDate)) {
      deadlines.push({ kind: 'TERM_END', date: term.endDate, convention, blockers });
    }
  }
  const urgency = (deadline: Deadline) =>
    deadline.kind === 'RENEWAL_OPEN' || (deadline.kind === 'ANNUAL_EVALUATION' && deadline.overdue)
      ? 0
      : 1;
  return deadlines.sort(
    (a, b) =>
      urgency(a) - urgency(b) || compareDates(a.date, b.date) || a.kind.localeCompare(b.kind),
  );
}

/** Trips under way or leaving before the horizon (A5). */
function missionDeadlines(
  convention: ConventionDates,
  today: IsoDate,
  horizon: IsoDate,
): Deadline[] {
  return (convention.missions ?? []).flatMap((mission): Deadline[] => {
    const departure = parseIsoDate(mission.departureDate);
    const back = parseIsoDate(mission.returnDate);
    if (!departure.ok || !back.ok) return [];
    if (compareDates(back.value, today) < 0 || compareDates(departure.value, horizon) > 0) {
      return [];
    }
    return [{ kind: 'MISSION', date: departure.value, convention, mission }];
  });
}

/**
 * A6: last year's annual evaluation, due by the domain's date (31 March), while no evaluation of
 * that year is approved by every party — when a term of the convention touched that year.
 */
function evaluationDeadline(
  convention: ConventionDates,
  terms: readonly Term[],
  today: IsoDate,
): Deadline | null {
  if (!convention.evaluations) return null;
  const year = yearOf(today) - 1;
  const covered = terms.some(
    (term) => yearOf(term.startDate) <= year && year <= yearOf(term.endDate),
  );
  const approved = convention.evaluations.some(
    (evaluation) =>
      evaluation.scope === 'ANNUAL' && evaluation.year === year && evaluation.status === 'APPROVED',
  );
  if (!covered || approved) return null;
  const date = annualEvaluationDueDate(year);
  return {
    kind: 'ANNUAL_EVALUATION',
    date,
    convention,
    year,
    overdue: compareDates(date, today) < 0,
  };
}
