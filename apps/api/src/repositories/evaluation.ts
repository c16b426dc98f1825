import { sql, type Insertable } from 'kysely';
import { visibleConventionIds } from '../access/visibility.js';
import type { Viewer } from '../access/viewer.js';
import type { Executor } from '../db/database.js';
import type {
  ActionOrganizationRow,
  ActionRow,
  ParticipatoryActivityRow,
  SpecificConventionRow,
} from '../db/tables/action.js';
import type {
  ApprovalRow,
  EvaluationAxisNarrativeRow,
  EvaluationReportRow,
  EvaluationRow,
  EvaluationTable,
} from '../db/tables/evaluation.js';
import { approvalsColumn, approvalsFromJson } from './approval.js';
import { budgetsOfActions, type BudgetRows } from './budget.js';

type Reader = Pick<Viewer, 'collectivityId'>;

function groupBy<Row>(ids: readonly number[], rows: readonly Row[], key: (row: Row) => number) {
  const groups = new Map<number, Row[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

/** The evaluations of several conventions, one statement, grouped per convention. */
export async function evaluationsOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<EvaluationRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evaluation')
    .selectAll()
    .where('convention_id', 'in', ids)
    .orderBy('scope')
    .orderBy('year')
    .orderBy('term_number')
    .execute();
  return ids.map((id) => rows.filter((row) => row.convention_id === id));
}

/**
 * Visible evaluations, each with its frozen report when it has one and its approvals (every
 * version), in one statement: an evaluation is asked for mostly to read its report and where its
 * approval stands.
 */
export async function findVisibleEvaluations(
  db: Executor,
  viewer: Reader,
  ids: readonly number[],
): Promise<
  { evaluation: EvaluationRow; report: EvaluationReportRow | null; approvals: ApprovalRow[] }[]
> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evaluation')
    .leftJoin('evaluation_report', 'evaluation_report.evaluation_id', 'evaluation.id')
    .selectAll('evaluation')
    .select([
      'evaluation_report.version as report_version',
      'evaluation_report.report as report',
      'evaluation_report.frozen_at as report_frozen_at',
      approvalsColumn('EVALUATION', 'evaluation.id').as('approvals'),
    ])
    .where('evaluation.id', 'in', ids)
    .where('evaluation.convention_id', 'in', visibleConventionIds(db, viewer))
    .execute();
  return rows.map(({ report_version, report, report_frozen_at, approvals, ...evaluation }) => ({
    evaluation,
    report:
      report_version === null || report_frozen_at === null
        ? null
        : {
            evaluation_id: evaluation.id,
            version: report_version,
            report,
            frozen_at: report_frozen_at,
          },
    approvals: approvalsFromJson(approvals),
  }));
}

export async function narrativesOfEvaluations(
  db: Executor,
  ids: readonly number[],
): Promise<EvaluationAxisNarrativeRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evaluation_axis_narrative')
    .selectAll()
    .where('evaluation_id', 'in', ids)
    .orderBy('axis_id')
    .execute();
  return groupBy(ids, rows, (row) => row.evaluation_id);
}

/**
 * An action with everything the evaluation and the computed indicators read about it (A3–A6):
 * its budget rows, specific convention, organisations and participatory activities.
 */
export interface ProgrammeActionRows {
  readonly action: ActionRow;
  readonly budget: BudgetRows;
  readonly specificConvention: SpecificConventionRow | null;
  readonly organizations: ActionOrganizationRow[];
  readonly activities: ParticipatoryActivityRow[];
}

/**
 * Every action of several conventions with its budget and associations: a fixed number of
 * statements however many conventions and actions, grouped per convention.
 */
export async function programmeActionsOfConventions(
  db: Executor,
  conventionIds: readonly number[],
): Promise<ProgrammeActionRows[][]> {
  if (conventionIds.length === 0) return [];
  const actions = await db
    .selectFrom('action')
    .selectAll()
    .where('convention_id', 'in', conventionIds)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  const actionIds = actions.map((action) => action.id);
  if (actionIds.length === 0) return conventionIds.map(() => []);
  const [budgets, specificConventions, organizations, activities] = await Promise.all([
    budgetsOfActions(db, actionIds),
    db.selectFrom('specific_convention').selectAll().where('action_id', 'in', actionIds).execute(),
    db
      .selectFrom('action_organization')
      .selectAll()
      .where('action_id', 'in', actionIds)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('participatory_activity')
      .selectAll()
      .where('action_id', 'in', actionIds)
      .orderBy('date')
      .execute(),
  ]);
  const organizationsBy = groupBy(actionIds, organizations, (row) => row.action_id);
  const activitiesBy = groupBy(actionIds, activities, (row) => row.action_id);
  const rows: ProgrammeActionRows[] = actions.map((action, index) => ({
    action,
    budget: budgets[index] ?? { lines: [], contributions: [], staff: [] },
    specificConvention: specificConventions.find((row) => row.action_id === action.id) ?? null,
    organizations: organizationsBy[index] ?? [],
    activities: activitiesBy[index] ?? [],
  }));
  return groupBy(conventionIds, rows, (row) => row.action.convention_id);
}

// ——— Inside a mutation's transaction ———

export async function findEvaluationForUpdate(
  db: Executor,
  id: number,
): Promise<EvaluationRow | undefined> {
  return db
    .selectFrom('evaluation')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The convention's evaluation of a year (ANNUAL) or of a term (PROGRAMME), if one exists. */
export async function findEvaluationOfPeriod(
  db: Executor,
  conventionId: number,
  period: { year: number | null; termNumber: number | null },
): Promise<EvaluationRow | undefined> {
  let query = db.selectFrom('evaluation').selectAll().where('convention_id', '=', conventionId);
  query =
    period.year !== null
      ? query.where('scope', '=', 'ANNUAL').where('year', '=', period.year)
      : query.where('scope', '=', 'PROGRAMME').where('term_number', '=', period.termNumber);
  return query.executeTakeFirst();
}

export async function insertEvaluation(
  db: Executor,
  row: Insertable<EvaluationTable>,
): Promise<EvaluationRow> {
  return db.insertInto('evaluation').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Sets the narratives given (an empty text removes the axis' narrative). */
export async function saveNarratives(
  db: Executor,
  evaluationId: number,
  narratives: readonly { axisId: number; text: string }[],
): Promise<void> {
  for (const { axisId, text } of narratives) {
    if (text === '') {
      await db
        .deleteFrom('evaluation_axis_narrative')
        .where('evaluation_id', '=', evaluationId)
        .where('axis_id', '=', axisId)
        .execute();
    } else {
      await db
        .insertInto('evaluation_axis_narrative')
        .values({ evaluation_id: evaluationId, axis_id: axisId, narrative: text })
        .onConflict((oc) =>
          oc.columns(['evaluation_id', 'axis_id']).doUpdateSet({ narrative: text }),
        )
        .execute();
    }
  }
}

/** Status changes that are no edit of the text: approval and communication keep the version. */
export async function setEvaluationState(
  db: Executor,
  id: number,
  changes: Partial<
    Pick<EvaluationRow, 'status' | 'approved_at' | 'communicated_on' | 'communicated_to'>
  >,
): Promise<EvaluationRow> {
  return db
    .updateTable('evaluation')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ——— Reports frozen at submission ———

/** The frozen reports of several evaluations (null where none is), one statement. */
export async function frozenReportsOfEvaluations(
  db: Executor,
  ids: readonly number[],
): Promise<(EvaluationReportRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evaluation_report')
    .selectAll()
    .where('evaluation_id', 'in', ids)
    .execute();
  return ids.map((id) => rows.find((row) => row.evaluation_id === id) ?? null);
}

/**
 * Freezes reports, given as JSON text (mapping/report-snapshot.ts): a submission replaces the
 * evaluation's frozen report; a backfill (`fill`) never overwrites one a submission wrote
 * meanwhile.
 */
export async function saveFrozenReports(
  db: Executor,
  reports: readonly { evaluationId: number; version: number; json: string }[],
  mode: 'replace' | 'fill' = 'replace',
): Promise<void> {
  if (reports.length === 0) return;
  await db
    .insertInto('evaluation_report')
    .values(
      reports.map((report) => ({
        evaluation_id: report.evaluationId,
        version: report.version,
        report: report.json,
      })),
    )
    .onConflict((oc) =>
      mode === 'fill'
        ? oc.column('evaluation_id').doNothing()
        : oc.column('evaluation_id').doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            report: eb.ref('excluded.report'),
            frozen_at: sql<Date>`now()`,
          })),
    )
    .execute();
}

export async function dropFrozenReport(db: Executor, evaluationId: number): Promise<void> {
  await db.deleteFrom('evaluation_report').where('evaluation_id', '=', evaluationId).execute();
}

/**
 * Submitted or approved evaluations with no report frozen for their version (submitted before
 * reports were frozen, or loaded by a seed), with a party that may read them, after `afterId`
 * in ID order.
 */
export async function evaluationsToFreeze(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<(EvaluationRow & { party_id: number | null })[]> {
  return db
    .selectFrom('evaluation')
    .selectAll('evaluation')
    .select((eb) =>
      eb
        .selectFrom('convention_party')
        .select('convention_party.collectivity_id')
        .whereRef('convention_party.convention_id', '=', 'evaluation.convention_id')
        .orderBy('convention_party.position')
        .limit(1)
        .as('party_id'),
    )
    .where('evaluation.id', '>', afterId)
    .where('evaluation.status', '<>', 'DRAFT')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('evaluation_report')
            .select('evaluation_report.evaluation_id')
            .whereRef('evaluation_report.evaluation_id', '=', 'evaluation.id')
            .whereRef('evaluation_report.version', '=', 'evaluation.version'),
        ),
      ),
    )
    .orderBy('evaluation.id')
    .limit(limit)
    .execute();
}
