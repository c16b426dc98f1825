import type { Insertable, Updateable } from 'kysely';
import { visibleConventionIds } from '../access/visibility.js';
import type { Viewer } from '../access/viewer.js';
import type { Executor } from '../db/database.js';
import type {
  DelegateRow,
  DelegateTable,
  MissionCostRow,
  MissionCostTable,
  MissionRow,
  MissionTable,
} from '../db/tables/mission.js';

type Reader = Pick<Viewer, 'collectivityId'>;

/** The missions among `ids` that the viewer may see (its collectivity is party to their convention). */
export async function findVisibleMissions(
  db: Executor,
  viewer: Reader,
  ids: readonly number[],
): Promise<MissionRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('mission')
    .selectAll()
    .where('id', 'in', ids)
    .where('convention_id', 'in', visibleConventionIds(db, viewer))
    .execute();
}

/** Children of several parents in one statement, grouped in the order of `ids`. */
function groupBy<Row>(ids: readonly number[], rows: readonly Row[], key: (row: Row) => number) {
  const groups = new Map<number, Row[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

export async function delegatesOfMissions(
  db: Executor,
  missionIds: readonly number[],
): Promise<DelegateRow[][]> {
  if (missionIds.length === 0) return [];
  const rows = await db
    .selectFrom('delegate')
    .selectAll()
    .where('mission_id', 'in', missionIds)
    .orderBy('id')
    .execute();
  return groupBy(missionIds, rows, (row) => row.mission_id);
}

export async function costsOfMissions(
  db: Executor,
  missionIds: readonly number[],
): Promise<MissionCostRow[][]> {
  if (missionIds.length === 0) return [];
  const rows = await db
    .selectFrom('mission_cost')
    .selectAll()
    .where('mission_id', 'in', missionIds)
    .orderBy('id')
    .execute();
  return groupBy(missionIds, rows, (row) => row.mission_id);
}

/** Every mission of several conventions with its delegates: what computed indicators count (A6). */
export async function missionsOfConventions(
  db: Executor,
  conventionIds: readonly number[],
): Promise<{ mission: MissionRow; delegates: DelegateRow[] }[][]> {
  if (conventionIds.length === 0) return [];
  const missions = await db
    .selectFrom('mission')
    .selectAll()
    .where('convention_id', 'in', conventionIds)
    .orderBy('departure_date')
    .orderBy('id')
    .execute();
  const delegates = await delegatesOfMissions(
    db,
    missions.map((mission) => mission.id),
  );
  const withDelegates = missions.map((mission, index) => ({
    mission,
    delegates: delegates[index] ?? [],
  }));
  return groupBy(conventionIds, withDelegates, (item) => item.mission.convention_id);
}

// ——— Inside a mutation's transaction ———

export async function findMissionForUpdate(
  db: Executor,
  id: number,
): Promise<MissionRow | undefined> {
  return db.selectFrom('mission').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertMission(
  db: Executor,
  row: Insertable<MissionTable>,
): Promise<MissionRow> {
  return db.insertInto('mission').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertDelegates(
  db: Executor,
  rows: readonly Insertable<DelegateTable>[],
): Promise<DelegateRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('delegate').values(rows).returningAll().execute();
}

export async function deleteDelegate(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('delegate').where('id', '=', id).execute();
}

export async function findDelegate(db: Executor, id: number): Promise<DelegateRow | undefined> {
  return db.selectFrom('delegate').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMissionCosts(
  db: Executor,
  rows: readonly Insertable<MissionCostTable>[],
): Promise<MissionCostRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('mission_cost').values(rows).returningAll().execute();
}

export async function findMissionCost(
  db: Executor,
  id: number,
): Promise<MissionCostRow | undefined> {
  return db.selectFrom('mission_cost').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateMissionCost(
  db: Executor,
  id: number,
  changes: Updateable<MissionCostTable>,
): Promise<MissionCostRow> {
  return db
    .updateTable('mission_cost')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteMissionCost(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('mission_cost').where('id', '=', id).execute();
}

/** The convention an action belongs to, to check that a mission links an action of its own convention. */
export async function conventionOfAction(db: Executor, actionId: number): Promise<number | null> {
  const row = await db
    .selectFrom('action')
    .select('convention_id')
    .where('id', '=', actionId)
    .executeTakeFirst();
  return row?.convention_id ?? null;
}
