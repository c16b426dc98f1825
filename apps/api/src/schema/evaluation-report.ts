import {
  annualEvaluation,
  asId,
  programmeEvaluation,
  type AxisNarrative,
  type EvaluationInput,
} from '@coop/domain';
import { createContext, type Context } from '../context.js';
import type { Db } from '../db/database.js';
import type { EvaluationReportRow, EvaluationRow } from '../db/tables/evaluation.js';
import { axisOf, narrativeOf } from '../mapping/evaluation.js';
import {
  reportOfSnapshot,
  snapshotOfReport,
  type EvaluationReport,
} from '../mapping/report-snapshot.js';
import {
  evaluationsToFreeze,
  frozenReportsOfEvaluations,
  narrativesOfEvaluations,
  saveFrozenReports,
} from '../repositories/evaluation.js';
import { indicatorsLoader, indicatorValueOf } from './indicator.js';
import { axesLoader, perRequest } from './loaders.js';
import {
  budgetContextAt,
  earlierOf,
  programmeOf,
  reportDateOfYear,
  termsOfConvention,
} from './programme-data.js';

/**
 * A6's report of an evaluation: computed from the convention's data while the evaluation is a
 * draft, frozen when it is submitted (the version the parties approve and communicate), read back
 * from then on. GraphQL's `Evaluation.report` and the printable report both come from here.
 */

export const narrativesLoader = perRequest((context, ids) =>
  narrativesOfEvaluations(context.db, ids),
);
const frozenReportsLoader = perRequest((context, ids) =>
  frozenReportsOfEvaluations(context.db, ids),
);

/** Reports read with their evaluations (findVisibleEvaluations), by evaluation: not read again. */
export function primeFrozenReports(
  context: Context,
  reports: ReadonlyMap<number, EvaluationReportRow | null>,
): void {
  const loader = frozenReportsLoader(context);
  for (const [id, report] of reports) loader.prime(id, report);
}

/** What a report is of: an evaluation's year or term, with its narratives if it exists. */
export type ReportPeriod =
  | { readonly scope: 'ANNUAL'; readonly year: number }
  | { readonly scope: 'PROGRAMME'; readonly termNumber: number };

/** The report from the convention's data as it stands (only for a convention the viewer sees). */
export async function computeReport(
  context: Context,
  conventionId: number,
  period: ReportPeriod,
  narratives: readonly AxisNarrative[],
): Promise<EvaluationReport> {
  const [programme, axes, indicatorRows] = await Promise.all([
    programmeOf(context, conventionId),
    axesLoader(context).load(conventionId),
    indicatorsLoader(context).load(conventionId),
  ]);
  const indicators = await Promise.all(indicatorRows.map((ind) => indicatorValueOf(context, ind)));
  const base = {
    parties: programme.partyIds.map((id) => asId<'Collectivity'>(id)),
    axes: axes.map(axisOf),
    narratives: [...narratives],
    indicators,
    actions: programme.actions,
    missions: programme.missions,
  };
  if (period.scope === 'ANNUAL') {
    const date = reportDateOfYear(period.year, context.today);
    const input: EvaluationInput = {
      ...base,
      context: await budgetContextAt(context, conventionId, date),
    };
    return annualEvaluation({ ...input, year: period.year });
  }
  const terms = await termsOfConvention(context, conventionId);
  const term = terms.find((candidate) => candidate.number === period.termNumber);
  // createEvaluation checks the term exists, and terms are never taken back.
  if (!term) throw new TypeError(`term ${String(period.termNumber)} does not exist`);
  const date = earlierOf(term.endDate, context.today);
  return programmeEvaluation({
    ...base,
    term,
    context: await budgetContextAt(context, conventionId, date),
  });
}

function periodOf(row: EvaluationRow): ReportPeriod {
  return row.scope === 'ANNUAL'
    ? { scope: 'ANNUAL', year: row.year ?? 0 }
    : { scope: 'PROGRAMME', termNumber: row.term_number ?? 0 };
}

async function computeReportOf(context: Context, row: EvaluationRow): Promise<EvaluationReport> {
  const narratives = await narrativesLoader(context).load(row.id);
  return computeReport(context, row.convention_id, periodOf(row), narratives.map(narrativeOf));
}

/** The evaluation's report: as frozen for its version once submitted, else computed now. */
export async function reportOfEvaluation(
  context: Context,
  row: EvaluationRow,
): Promise<EvaluationReport> {
  if (row.status !== 'DRAFT') {
    const frozen = await frozenReportsLoader(context).load(row.id);
    if (frozen && frozen.version === row.version) return reportOfSnapshot(frozen.report);
  }
  return computeReportOf(context, row);
}

/** Freezes the report of an evaluation being submitted, inside the submission's transaction. */
export async function freezeReport(context: Context, row: EvaluationRow): Promise<void> {
  const report = await computeReportOf(context, row);
  await saveFrozenReports(context.db, [
    { evaluationId: row.id, version: row.version, json: snapshotOfReport(report) },
  ]);
}

const FREEZE_CONCURRENCY = 4;

/**
 * Freezes the reports of evaluations that were submitted or approved without one (before reports
 * were frozen, or loaded by the demo or the benchmark's dataset), as they stand today, read as a
 * party of each convention would. Batches share their loaders, so a batch of conventions costs a
 * fixed number of statements. Answers how many it froze.
 */
export async function freezeMissingReports(
  db: Db,
  onProgress: (frozen: number) => void = () => {},
): Promise<number> {
  let frozen = 0;
  let afterId = 0;
  for (;;) {
    const rows = await evaluationsToFreeze(db, afterId, 200);
    const last = rows.at(-1);
    if (!last) return frozen;
    afterId = last.id;
    const byParty = new Map<number, EvaluationRow[]>();
    for (const { party_id: partyId, ...row } of rows) {
      // A convention always has parties; one without would have nobody to read it as.
      if (partyId !== null) byParty.set(partyId, [...(byParty.get(partyId) ?? []), row]);
    }
    // Each party's evaluations in a context of their own, a few at a time: their statements
    // overlap on the pool's connections without queueing for one.
    const groups = [...byParty];
    for (let start = 0; start < groups.length; start += FREEZE_CONCURRENCY) {
      await Promise.all(
        groups.slice(start, start + FREEZE_CONCURRENCY).map(async ([partyId, evaluations]) => {
          const context = createContext({
            db,
            viewer: systemReader(partyId),
            remoteAddress: '',
            secureCookies: true,
          });
          const reports = await Promise.all(
            evaluations.map((row) => computeReportOf(context, row)),
          );
          await saveFrozenReports(
            db,
            evaluations.map((row, index) => ({
              evaluationId: row.id,
              version: row.version,
              json: snapshotOfReport(reports[index] as EvaluationReport),
            })),
            'fill',
          );
        }),
      );
    }
    frozen += [...byParty.values()].reduce((sum, group) => sum + group.length, 0);
    onProgress(frozen);
  }
}

/** Coop itself reading as a party: it sees what that party sees and may change nothing. */
function systemReader(collectivityId: number) {
  return {
    kind: 'session' as const,
    accountId: null,
    email: null,
    displayName: 'Coop',
    role: 'VIEWER' as const,
    collectivityId,
    timeZone: 'UTC',
    canWrite: false,
  };
}
