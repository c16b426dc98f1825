import { sql, type Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { OrganizationRow, OrganizationTable } from '../db/tables/action.js';

/**
 * The directory of organisations (A3 associated institutions, A4.3 co-funders): shared by every
 * convention and visible to anyone signed in, like the directory of collectivities.
 */
export async function findOrganizationsByIds(
  db: Executor,
  ids: readonly number[],
): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organization').selectAll().where('id', 'in', ids).execute();
}

/** One keyset page of the directory; `search` matches any part of the name, any case. */
export async function listOrganizations(
  db: Executor,
  page: { afterId: number | null; limit: number; search: string | null },
): Promise<OrganizationRow[]> {
  let query = db.selectFrom('organization').selectAll().orderBy('id').limit(page.limit);
  if (page.afterId !== null) query = query.where('id', '>', page.afterId);
  if (page.search) query = query.where('name', 'ilike', `%${escapeLike(page.search)}%`);
  return query.execute();
}

export async function countOrganizationsMatching(
  db: Executor,
  search: string | null,
): Promise<number> {
  let query = db.selectFrom('organization').select((eb) => eb.fn.countAll<bigint>().as('count'));
  if (search) query = query.where('name', 'ilike', `%${escapeLike(search)}%`);
  const { count } = await query.executeTakeFirstOrThrow();
  return Number(count);
}

/** The organisation of this name (any case) in this country, if the directory has it already. */
export async function findOrganizationByName(
  db: Executor,
  name: string,
  countryCode: string | null,
): Promise<OrganizationRow | undefined> {
  let query = db
    .selectFrom('organization')
    .selectAll()
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  query =
    countryCode === null
      ? query.where('country_code', 'is', null)
      : query.where('country_code', '=', countryCode);
  return query.executeTakeFirst();
}

/** The organisations named so (any case, any country), for names read from a file. */
export async function findOrganizationsByNames(
  db: Executor,
  names: readonly string[],
): Promise<OrganizationRow[]> {
  if (names.length === 0) return [];
  return db
    .selectFrom('organization')
    .selectAll()
    .where(
      sql<string>`lower(name)`,
      'in',
      names.map((name) => name.toLowerCase()),
    )
    .orderBy('id')
    .execute();
}

export async function insertOrganization(
  db: Executor,
  row: Insertable<OrganizationTable>,
): Promise<OrganizationRow> {
  return db.insertInto('organization').values(row).returningAll().executeTakeFirstOrThrow();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
