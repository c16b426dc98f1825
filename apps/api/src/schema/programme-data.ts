import {
  compareDates,
  termsOf,
  type Action,
  type BudgetContext,
  type IsoDate,
  type Mission,
  type Term,
} from '@coop/domain';
import type { Context } from '../context.js';
import type { ConventionRow } from '../db/tables/convention.js';
import { budgetContextOf } from '../mapping/budget.js';
import { durationOf } from '../mapping/convention.js';
import { actionOf } from '../mapping/evaluation.js';
import { missionOf } from '../mapping/mission.js';
import { programmeActionsOfConventions } from '../repositories/evaluation.js';
import { missionsOfConventions } from '../repositories/mission.js';
import { Convention } from './convention.js';
import { exchangeRatesLoader, ratesOf } from './exchange-rate.js';
import { partiesLoader, perRequest, renewalsLoader } from './loaders.js';

/**
 * What the evaluation (A6) reads about a convention's programme — its missions with their
 * delegates, its actions with their budgets and associations — loaded once per request for all
 * the conventions asked about, as the domain's values.
 */
const missionsLoader = perRequest((context, ids) => missionsOfConventions(context.db, ids));
const actionsLoader = perRequest((context, ids) => programmeActionsOfConventions(context.db, ids));

export interface ProgrammeValues {
  readonly missions: Mission[];
  readonly actions: Action[];
  readonly partyIds: number[];
}

/** Only asked for conventions the viewer already loaded through a visibility-checked path. */
export async function programmeOf(
  context: Context,
  conventionId: number,
): Promise<ProgrammeValues> {
  const [missions, actions, parties] = await Promise.all([
    missionsLoader(context).load(conventionId),
    actionsLoader(context).load(conventionId),
    partiesLoader(context).load(conventionId),
  ]);
  const partyIds = parties.map((party) => party.collectivity_id);
  return {
    missions: missions.map((item) => missionOf(item.mission, item.delegates, [])),
    actions: actions.map((rows) => actionOf(rows, partyIds)),
    partyIds,
  };
}

/** The convention's row through its (visibility-checked) node loader. */
export async function conventionRowOf(
  context: Context,
  conventionId: number,
): Promise<ConventionRow> {
  const row = (await Convention.getDataloader(context).load(conventionId)) as ConventionRow | null;
  // Only reached under an object the viewer already saw: its convention is visible too.
  if (!row) throw new TypeError(`convention ${conventionId} is not loaded`);
  return row;
}

export async function termsOfConvention(context: Context, conventionId: number): Promise<Term[]> {
  const [row, renewals] = await Promise.all([
    conventionRowOf(context, conventionId),
    renewalsLoader(context).load(conventionId),
  ]);
  return [...termsOf(durationOf(row, renewals))];
}

/** Reporting currency and recorded rates of the convention, at a date (A4.6). */
export async function budgetContextAt(
  context: Context,
  conventionId: number,
  date: IsoDate,
): Promise<BudgetContext> {
  const [row, rates] = await Promise.all([
    conventionRowOf(context, conventionId),
    exchangeRatesLoader(context).load(conventionId),
  ]);
  return budgetContextOf(row, ratesOf(rates), date);
}

/** The earlier of two dates. */
export function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/**
 * The date a year is reported at: its last day once over (the rates in force then), today while it
 * runs (missions count once they departed).
 */
export function reportDateOfYear(year: number, today: IsoDate): IsoDate {
  return earlierOf(`${String(year).padStart(4, '0')}-12-31` as IsoDate, today);
}
