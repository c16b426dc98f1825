import type { ConventionDuration } from './convention.js';
import { addDays, addMonths, anniversary, compareDates, type IsoDate } from './iso-date.js';

/** One period of validity: the first from the signature, each renewal opening the next (A7). */
export interface Term {
  /** 1 for the term opened by the signature, 2 for the first renewal… */
  readonly number: number;
  readonly startDate: IsoDate;
  /** Inclusive: the last day on which the convention is in force during this term. */
  readonly endDate: IsoDate;
}

export type ConventionStatus = 'DRAFT' | 'IN_FORCE' | 'EXPIRING' | 'EXPIRED';

/** A7: less than this many months left and no renewal decided means EXPIRING. */
export const EXPIRY_NOTICE_MONTHS = 6;

/**
 * A7: "cinq ans à compter de sa signature". The term runs up to and including the day before the
 * anniversary: signed 2016-06-01, last day 2021-05-31.
 */
export function termEndDate(startDate: IsoDate, durationYears: number): IsoDate {
  return addDays(anniversary(startDate, durationYears), -1);
}

/**
 * The terms depend only on the signature date, the duration and how many renewals were decided,
 * and every status, term and renewal field asks for them: a page of conventions would otherwise
 * redo the same calendar arithmetic (Temporal, not cheap) several times per convention. Bounded,
 * as a server runs for months over a country's conventions.
 */
const knownTerms = new Map<string, readonly Term[]>();
const KNOWN_TERMS_MAX = 50_000;

/** Every term, in order: none while unsigned; the first, then one per renewal decided. */
export function termsOf(duration: ConventionDuration): readonly Term[] {
  if (!duration.signature) return [];
  const key = `${duration.signature.date}/${duration.durationYears}/${duration.renewals.length}`;
  const known = knownTerms.get(key);
  if (known) return known;
  const terms: Term[] = [];
  let startDate = duration.signature.date;
  for (let number = 1; number <= duration.renewals.length + 1; number++) {
    const endDate = termEndDate(startDate, duration.durationYears);
    terms.push(Object.freeze({ number, startDate, endDate }));
    startDate = addDays(endDate, 1);
  }
  if (knownTerms.size >= KNOWN_TERMS_MAX) knownTerms.clear();
  knownTerms.set(key, Object.freeze(terms));
  return terms;
}

/** The term in force on a date, or null before the signature and after the last term. */
export function termAt(duration: ConventionDuration, date: IsoDate): Term | null {
  return (
    termsOf(duration).find(
      (term) => compareDates(term.startDate, date) <= 0 && compareDates(date, term.endDate) <= 0,
    ) ?? null
  );
}

/** The last term decided so far: the one whose end a renewal would extend. */
export function lastTerm(duration: ConventionDuration): Term | null {
  return termsOf(duration).at(-1) ?? null;
}

/**
 * The first day on which the convention counts as EXPIRING: from then on, less than six months
 * are left. Signed 2016-06-01 → window opens 2020-12-02 (on 2020-12-01 exactly six months remain).
 */
export function expiryNoticeStart(term: Term): IsoDate {
  return addDays(addMonths(addDays(term.endDate, 1), -EXPIRY_NOTICE_MONTHS), 1);
}

/**
 * A7's status at a date. Before the signature date (or with no signature) the convention is a
 * DRAFT; a renewal decided by that date keeps it IN_FORCE through the end of the current term.
 * Renewals decided later do not count: the status on a past date is what it was on that day.
 */
export function statusAt(duration: ConventionDuration, date: IsoDate): ConventionStatus {
  const known = {
    ...duration,
    renewals: duration.renewals.filter((r) => compareDates(r.decidedOn, date) <= 0),
  };
  const last = lastTerm(known);
  if (!last || !duration.signature || compareDates(date, duration.signature.date) < 0)
    return 'DRAFT';
  if (compareDates(date, last.endDate) > 0) return 'EXPIRED';
  if (compareDates(date, expiryNoticeStart(last)) >= 0) return 'EXPIRING';
  return 'IN_FORCE';
}
