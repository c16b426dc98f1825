import type { ConventionDuration, Deliberation, Renewal } from './convention.js';
import type { CollectivityId } from './ids.js';
import { compareDates, isWithin, type IsoDate } from './iso-date.js';
import type { EvaluationStatus } from './evaluation.js';
import { err, ok, type Result } from './result.js';
import { lastTerm, statusAt, type Term } from './term.js';

/** Why a convention cannot be renewed yet (A7), each named so the parties know what to do. */
export type RenewalBlocker =
  | { readonly code: 'NOT_SIGNED'; readonly message: string }
  | { readonly code: 'EXPIRED'; readonly lastDay: IsoDate; readonly message: string }
  | {
      readonly code: 'MISSING_RENEWAL_DELIBERATION';
      readonly party: CollectivityId;
      readonly term: Term;
      readonly message: string;
    }
  | {
      readonly code: 'NO_COMPLETED_PROGRAMME_EVALUATION';
      readonly termNumber: number;
      readonly message: string;
    };

export type RenewalBlockerCode = RenewalBlocker['code'];

export interface RenewalCheckInput {
  readonly duration: ConventionDuration;
  readonly parties: readonly CollectivityId[];
  readonly deliberations: readonly Deliberation[];
  /** The programme evaluations recorded, with the term each covers. */
  readonly programmeEvaluations: readonly {
    readonly termNumber: number;
    readonly status: EvaluationStatus;
  }[];
  /** The day of the check: deliberations dated later do not count yet. */
  readonly date: IsoDate;
}

export interface RenewalCheck {
  readonly eligible: boolean;
  readonly blockers: RenewalBlocker[];
  /** The term a renewal would extend (the last one decided), null while unsigned. */
  readonly term: Term | null;
}

/**
 * A7: "renouvelable par délibération des parties concernées", and A6: a programme evaluation
 * "avant le renouvellement". A renewal needs, within the last term and by `date`, a RENEWAL
 * deliberation of every party and an approved programme evaluation of that term. A convention
 * that has lapsed cannot be renewed: the parties sign a new one.
 */
export function renewalCheck(input: RenewalCheckInput): RenewalCheck {
  const { duration, date } = input;
  const term = lastTerm(duration);
  if (!duration.signature || !term) {
    return {
      eligible: false,
      term: null,
      blockers: [{ code: 'NOT_SIGNED', message: 'an unsigned convention cannot be renewed' }],
    };
  }
  const blockers: RenewalBlocker[] = [];
  if (statusAt(duration, date) === 'EXPIRED') {
    blockers.push({
      code: 'EXPIRED',
      lastDay: term.endDate,
      message: `the convention lapsed after ${term.endDate}: a new convention must be signed`,
    });
  }
  for (const party of input.parties) {
    if (!renewalDeliberationOf(party, input.deliberations, term, date)) {
      blockers.push({
        code: 'MISSING_RENEWAL_DELIBERATION',
        party,
        term,
        message: `${party} has no renewal deliberation dated within the term ${term.startDate} – ${term.endDate}`,
      });
    }
  }
  const evaluated = input.programmeEvaluations.some(
    (evaluation) => evaluation.termNumber === term.number && evaluation.status === 'APPROVED',
  );
  if (!evaluated) {
    blockers.push({
      code: 'NO_COMPLETED_PROGRAMME_EVALUATION',
      termNumber: term.number,
      message: `the programme evaluation of term ${term.number} must be approved by every party before a renewal (A6)`,
    });
  }
  return { eligible: blockers.length === 0, blockers, term };
}

/** The party's latest RENEWAL deliberation within the term and not after `date`, if any. */
function renewalDeliberationOf(
  party: CollectivityId,
  deliberations: readonly Deliberation[],
  term: Term,
  date: IsoDate,
): Deliberation | null {
  let latest: Deliberation | null = null;
  for (const deliberation of deliberations) {
    if (deliberation.collectivityId !== party || deliberation.kind !== 'RENEWAL') continue;
    if (!isWithin(deliberation.date, term.startDate, term.endDate)) continue;
    if (compareDates(deliberation.date, date) > 0) continue;
    if (!latest || compareDates(deliberation.date, latest.date) > 0) latest = deliberation;
  }
  return latest;
}

export interface RenewalRefused {
  readonly code: 'RENEWAL_NOT_ELIGIBLE';
  readonly blockers: RenewalBlocker[];
  readonly message: string;
}

/**
 * Decides the renewal: the duration with one more renewal, decided on the day of the last
 * party's deliberation (A7: the new term opens the day after the current one ends).
 */
export function renew(
  input: RenewalCheckInput,
): Result<{ duration: ConventionDuration; renewal: Renewal }, RenewalRefused> {
  const check = renewalCheck(input);
  if (!check.eligible || !check.term) {
    return err({
      code: 'RENEWAL_NOT_ELIGIBLE',
      blockers: check.blockers,
      message: check.blockers.map((blocker) => blocker.message).join('; '),
    });
  }
  const term = check.term;
  let decidedOn = term.startDate;
  for (const party of input.parties) {
    const deliberation = renewalDeliberationOf(party, input.deliberations, term, input.date);
    if (deliberation && compareDates(deliberation.date, decidedOn) > 0)
      decidedOn = deliberation.date;
  }
  const renewal: Renewal = { decidedOn };
  return ok({
    duration: { ...input.duration, renewals: [...input.duration.renewals, renewal] },
    renewal,
  });
}
