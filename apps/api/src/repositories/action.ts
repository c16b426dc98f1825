import { sql, type Insertable } from 'kysely';
import { visibleConventionIds } from '../access/visibility.js';
import type { Viewer } from '../access/viewer.js';
import type { Executor } from '../db/database.js';
import type {
  ActionOrganizationRow,
  ActionRow,
  NewAction,
  ParticipatoryActivityRow,
  ParticipatoryActivityTable,
  SpecificConventionRow,
} from '../db/tables/action.js';

type Reader = Pick<Viewer, 'collectivityId'>;

/** The actions among `ids` that the viewer may see; the others are simply absent. */
export async function findVisibleActions(
  db: Executor,
  viewer: Reader,
  ids: readonly number[],
): Promise<ActionRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('action')
    .selectAll()
    .where('id', 'in', ids)
    .where('convention_id', 'in', visibleConventionIds(db, viewer))
    .execute();
}

/** Read and locked inside a mutation's transaction (no visibility filter: the caller checks access). */
export async function findActionForUpdate(
  db: Executor,
  id: number,
): Promise<ActionRow | undefined> {
  return db.selectFrom('action').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertAction(db: Executor, row: NewAction): Promise<ActionRow> {
  return db.insertInto('action').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * A4.1: any change to a budget makes a new version of it, so approvals given for the previous one
 * no longer count (joint approval is stored per version).
 */
export async function bumpBudgetVersion(db: Executor, actionId: number): Promise<ActionRow> {
  return db
    .updateTable('action')
    .set({ budget_version: sql<number>`budget_version + 1`, updated_at: new Date() })
    .where('id', '=', actionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The convention's actions among `ids`, read and locked for a change of their budgets (the budget
 * import): an action of another convention, visible or not, is simply absent.
 */
export async function findActionsOfConventionForUpdate(
  db: Executor,
  conventionId: number,
  ids: readonly number[],
): Promise<ActionRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('action')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** bumpBudgetVersion for several actions at once: one statement. */
export async function bumpBudgetVersions(
  db: Executor,
  actionIds: readonly number[],
): Promise<ActionRow[]> {
  if (actionIds.length === 0) return [];
  return db
    .updateTable('action')
    .set({ budget_version: sql<number>`budget_version + 1`, updated_at: new Date() })
    .where('id', 'in', actionIds)
    .returningAll()
    .execute();
}

// ——— Under one action: grouped per action, one statement each ———

function groupByAction<Row extends { action_id: number }>(
  actionIds: readonly number[],
  rows: readonly Row[],
): Row[][] {
  const groups = new Map<number, Row[]>(actionIds.map((id) => [id, []]));
  for (const row of rows) groups.get(row.action_id)?.push(row);
  return actionIds.map((id) => groups.get(id) ?? []);
}

export async function specificConventionsOfActions(
  db: Executor,
  actionIds: readonly number[],
): Promise<(SpecificConventionRow | null)[]> {
  if (actionIds.length === 0) return [];
  const rows = await db
    .selectFrom('specific_convention')
    .selectAll()
    .where('action_id', 'in', actionIds)
    .execute();
  return groupByAction(actionIds, rows).map((group) => group[0] ?? null);
}

export async function findSpecificConvention(
  db: Executor,
  actionId: number,
): Promise<SpecificConventionRow | undefined> {
  return db
    .selectFrom('specific_convention')
    .selectAll()
    .where('action_id', '=', actionId)
    .executeTakeFirst();
}

export async function insertSpecificConvention(
  db: Executor,
  row: { actionId: number; reference: string; signedOn: string | null },
): Promise<SpecificConventionRow> {
  return db
    .insertInto('specific_convention')
    .values({ action_id: row.actionId, reference: row.reference, signed_on: row.signedOn })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function actionOrganizationsOfActions(
  db: Executor,
  actionIds: readonly number[],
): Promise<ActionOrganizationRow[][]> {
  if (actionIds.length === 0) return [];
  const rows = await db
    .selectFrom('action_organization')
    .selectAll()
    .where('action_id', 'in', actionIds)
    .orderBy('id')
    .execute();
  return groupByAction(actionIds, rows);
}

export async function findActionOrganization(
  db: Executor,
  id: number,
): Promise<ActionOrganizationRow | undefined> {
  return db.selectFrom('action_organization').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActionOrganizationByKey(
  db: Executor,
  key: { actionId: number; organizationId: number; role: string },
): Promise<ActionOrganizationRow | undefined> {
  return db
    .selectFrom('action_organization')
    .selectAll()
    .where('action_id', '=', key.actionId)
    .where('organization_id', '=', key.organizationId)
    .where('role', '=', key.role)
    .executeTakeFirst();
}

export async function insertActionOrganization(
  db: Executor,
  row: { actionId: number; organizationId: number; role: string },
): Promise<ActionOrganizationRow> {
  return db
    .insertInto('action_organization')
    .values({ action_id: row.actionId, organization_id: row.organizationId, role: row.role })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteActionOrganization(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('action_organization').where('id', '=', id).execute();
}

export async function participatoryActivitiesOfActions(
  db: Executor,
  actionIds: readonly number[],
): Promise<ParticipatoryActivityRow[][]> {
  if (actionIds.length === 0) return [];
  const rows = await db
    .selectFrom('participatory_activity')
    .selectAll()
    .where('action_id', 'in', actionIds)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return groupByAction(actionIds, rows);
}

export async function findParticipatoryActivity(
  db: Executor,
  id: number,
): Promise<ParticipatoryActivityRow | undefined> {
  return db
    .selectFrom('participatory_activity')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertParticipatoryActivity(
  db: Executor,
  row: Insertable<ParticipatoryActivityTable>,
): Promise<ParticipatoryActivityRow> {
  return db
    .insertInto('participatory_activity')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteParticipatoryActivity(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('participatory_activity').where('id', '=', id).execute();
}
