import type { ConventionDuration } from './convention.js';
import type { Evaluation } from './evaluation.js';
import type { CollectivityId, ConventionId, MissionId } from './ids.js';
import { addDays, compareDates, yearOf, type IsoDate } from './iso-date.js';
import type { Mission } from './mission.js';
import { expiryNoticeStart, termsOf, type Term } from './term.js';

/**
 * The dated deadlines of a convention, as a city's calendar shows them:
 * - `TERM_END`: the last day of each term (A7).
 * - `RENEWAL_WINDOW`: the day the convention becomes EXPIRING, six months before a term ends: the
 *   parties' councils deliberate on a renewal from then on (A7).
 * - `ANNUAL_EVALUATION`: the annual evaluation of year Y, due by 31 March of Y+1 (A6).
 * - `PROGRAMME_EVALUATION`: the evaluation of a whole term, due the day before its renewal window
 *   opens (A6, A7).
 * - `MISSION`: a trip, from its departure to its return, both inclusive (A5).
 */
export type DeadlineKind =
  'TERM_END' | 'RENEWAL_WINDOW' | 'ANNUAL_EVALUATION' | 'PROGRAMME_EVALUATION' | 'MISSION';

/**
 * A6 leaves the date of the annual evaluation open. Coop sets it at 31 March of the next year:
 * the year's executed budget is known once the accounts are closed in January–February, and the
 * councils receive the evaluation in spring, before they vote the next contributions.
 */
export const ANNUAL_EVALUATION_DUE = { month: 3, day: 31 } as const;

/** A trip as the calendar shows it. */
export type DeadlineMission = Pick<
  Mission,
  'origin' | 'host' | 'departureDate' | 'returnDate' | 'purpose'
> & { readonly id: MissionId };

/** What the deadlines of one convention are computed from. */
export interface DeadlineConvention {
  readonly id: ConventionId;
  readonly title: string;
  readonly duration: ConventionDuration;
  readonly evaluations: readonly Pick<Evaluation, 'scope' | 'year' | 'termNumber' | 'status'>[];
  readonly missions: readonly DeadlineMission[];
}

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly conventionId: ConventionId;
  /**
   * Stable from one computation to the next, unique among a collectivity's deadlines (a calendar
   * event's UID): "TERM_END:12:1", "ANNUAL_EVALUATION:12:2017", "MISSION:12:4".
   */
  readonly key: string;
  /** In French, the language of the convention. */
  readonly title: string;
  readonly date: IsoDate;
  /** Inclusive; the same as `date` except for a mission (its return). */
  readonly endDate: IsoDate;
  readonly termNumber: number | null;
  readonly year: number | null;
  readonly missionId: MissionId | null;
  /** An evaluation already approved by every party: the deadline is met. */
  readonly done: boolean;
}

/** By 31 March of the next year (A6, see ANNUAL_EVALUATION_DUE). */
export function annualEvaluationDueDate(year: number): IsoDate {
  const { month, day } = ANNUAL_EVALUATION_DUE;
  return `${String(year + 1).padStart(4, '0')}-${pad(month)}-${pad(day)}` as IsoDate;
}

/**
 * A7 makes a completed programme evaluation a condition of the renewal, which the councils
 * deliberate on once the convention is EXPIRING: the evaluation is due the day before that
 * window opens. Signed 2016-06-01 → window 2020-12-02 → due 2020-12-01.
 */
export function programmeEvaluationDueDate(term: Term): IsoDate {
  return addDays(expiryNoticeStart(term), -1);
}

/** The calendar years a term touches, each of which gets an annual evaluation. */
function yearsOf(terms: readonly Term[]): number[] {
  const first = terms[0];
  const last = terms.at(-1);
  if (!first || !last) return [];
  const years: number[] = [];
  for (let year = yearOf(first.startDate); year <= yearOf(last.endDate); year++) years.push(year);
  return years;
}

const KIND_ORDER: readonly DeadlineKind[] = [
  'MISSION',
  'ANNUAL_EVALUATION',
  'PROGRAMME_EVALUATION',
  'RENEWAL_WINDOW',
  'TERM_END',
];

/**
 * Every deadline of the conventions, in date order: none for the terms of an unsigned
 * convention (it has none yet), its missions all the same. `names` words the missions' titles
 * ("Dijon → Chefchaouen"); a collectivity missing from it is named by its ID.
 */
export function deadlinesOf(
  conventions: readonly DeadlineConvention[],
  names: ReadonlyMap<CollectivityId, string> = new Map(),
): Deadline[] {
  const deadlines = conventions.flatMap((convention) => conventionDeadlines(convention, names));
  return deadlines.sort(
    (a, b) =>
      compareDates(a.date, b.date) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function conventionDeadlines(
  convention: DeadlineConvention,
  names: ReadonlyMap<CollectivityId, string>,
): Deadline[] {
  const id = convention.id;
  const base = { conventionId: id, termNumber: null, year: null, missionId: null, done: false };
  const approved = (scope: 'ANNUAL' | 'PROGRAMME', match: (e: EvaluationKey) => boolean) =>
    convention.evaluations.some(
      (evaluation) =>
        evaluation.scope === scope && evaluation.status === 'APPROVED' && match(evaluation),
    );
  const terms = termsOf(convention.duration);
  const deadlines: Deadline[] = [];
  for (const term of terms) {
    const termNumber = term.number;
    deadlines.push({
      ...base,
      kind: 'TERM_END',
      key: `TERM_END:${id}:${termNumber}`,
      title: `Fin de la période ${termNumber} (${term.startDate} – ${term.endDate}) — ${convention.title}`,
      date: term.endDate,
      endDate: term.endDate,
      termNumber,
    });
    const window = expiryNoticeStart(term);
    deadlines.push({
      ...base,
      kind: 'RENEWAL_WINDOW',
      key: `RENEWAL_WINDOW:${id}:${termNumber}`,
      title: `Ouverture de la fenêtre de renouvellement de la période ${termNumber} (moins de six mois) — ${convention.title}`,
      date: window,
      endDate: window,
      termNumber,
    });
    const due = programmeEvaluationDueDate(term);
    const done = approved('PROGRAMME', (e) => e.termNumber === termNumber);
    deadlines.push({
      ...base,
      kind: 'PROGRAMME_EVALUATION',
      key: `PROGRAMME_EVALUATION:${id}:${termNumber}`,
      title: `Évaluation du programme de la période ${termNumber} à approuver${done ? ' (approuvée)' : ''} — ${convention.title}`,
      date: due,
      endDate: due,
      termNumber,
      done,
    });
  }
  for (const year of yearsOf(terms)) {
    const due = annualEvaluationDueDate(year);
    const done = approved('ANNUAL', (e) => e.year === year);
    deadlines.push({
      ...base,
      kind: 'ANNUAL_EVALUATION',
      key: `ANNUAL_EVALUATION:${id}:${year}`,
      title: `Évaluation annuelle ${year} à approuver${done ? ' (approuvée)' : ''} — ${convention.title}`,
      date: due,
      endDate: due,
      year,
      done,
    });
  }
  for (const mission of convention.missions) {
    const origin = names.get(mission.origin) ?? mission.origin;
    const host = names.get(mission.host) ?? mission.host;
    const purpose = mission.purpose?.trim();
    deadlines.push({
      ...base,
      kind: 'MISSION',
      key: `MISSION:${id}:${mission.id}`,
      title: `Mission ${origin} → ${host}${purpose ? ` : ${purpose}` : ''}`,
      date: mission.departureDate,
      endDate: mission.returnDate,
      missionId: mission.id,
    });
  }
  return deadlines;
}

type EvaluationKey = Pick<Evaluation, 'year' | 'termNumber'>;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
