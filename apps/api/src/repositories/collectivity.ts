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

/** The directory, by name, one keyset page; `search` matches any part of the name, any case. */
export async function listCollectivities(
  db: Executor,
  page: { afterId: number | null; limit: number; search: string | null },
): Promise<CollectivityRow[]> {
  let query = db.selectFrom('collectivity').selectAll().orderBy('id').limit(page.limit);
  if (page.afterId !== null) query = query.where('id', '>', page.afterId);
  if (page.search) query = query.where('name', 'ilike', `%${escapeLike(page.search)}%`);
  return query.execute();
}

export async function countCollectivitiesMatching(
  db: Executor,
  search: string | null,
): Promise<number> {
  let query = db.selectFrom('collectivity').select((eb) => eb.fn.countAll<bigint>().as('count'));
  if (search) query = query.where('name', 'ilike', `%${escapeLike(search)}%`);
  const { count } = await query.executeTakeFirstOrThrow();
  return Number(count);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
