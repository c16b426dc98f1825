import type { Executor } from '../db/database.js';
import type { CollectivityRow, NewCollectivity } from '../db/tables/collectivity.js';

export async function insertCollectivity(
  db: Executor,
  row: NewCollectivity,
): Promise<CollectivityRow> {
  return db.insertInto('collectivity').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findCollectivitiesByIds(
  db: Executor,
  ids: readonly number[],
): Promise<CollectivityRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('collectivity').selectAll().where('id', 'in', ids).execute();
}

export async function countCollectivities(db: Executor): Promise<number> {
  const { count } = await db
    .selectFrom('collectivity')
    .select((eb) => eb.fn.countAll<bigint>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}
