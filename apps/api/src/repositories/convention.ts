import type { Executor } from '../db/database.js';
import type {
  AxisRow,
  ConventionPartyRow,
  ConventionRow,
  DeliberationRow,
  RenewalRow,
} from '../db/tables/convention.js';
import { visibleConventionIds } from '../access/visibility.js';
import type { Viewer } from '../access/viewer.js';

type Reader = Pick<Viewer, 'collectivityId'>;

/** The conventions among `ids` that the viewer may see; the others are simply absent. */
export async function findVisibleConventions(
  db: Executor,
  viewer: Reader,
  ids: readonly number[],
): Promise<ConventionRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('convention')
    .selectAll()
    .where('id', 'in', ids)
    .where('id', 'in', visibleConventionIds(db, viewer))
    .execute();
}

/** One page of the viewer's conventions in a stable order (keyset on id). */
export async function listVisibleConventions(
  db: Executor,
  viewer: Reader,
  page: { afterId: number | null; limit: number },
): Promise<ConventionRow[]> {
  let query = db
    .selectFrom('convention')
    .selectAll()
    .where('id', 'in', visibleConventionIds(db, viewer))
    .orderBy('id')
    .limit(page.limit);
  if (page.afterId !== null) query = query.where('id', '>', page.afterId);
  return query.execute();
}

export async function countVisibleConventions(db: Executor, viewer: Reader): Promise<number> {
  const { count } = await db
    .selectFrom('convention_party')
    .select((eb) => eb.fn.countAll<bigint>().as('count'))
    .where('collectivity_id', '=', viewer.collectivityId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Children of several conventions in one statement each, grouped per convention. */
async function groupByConvention<Row extends { convention_id: number }>(
  ids: readonly number[],
  load: () => Promise<Row[]>,
): Promise<Row[][]> {
  if (ids.length === 0) return [];
  const groups = new Map<number, Row[]>(ids.map((id) => [id, []]));
  for (const row of await load()) groups.get(row.convention_id)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

export function partiesOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<ConventionPartyRow[][]> {
  return groupByConvention(ids, () =>
    db
      .selectFrom('convention_party')
      .selectAll()
      .where('convention_id', 'in', ids)
      .orderBy('position')
      .execute(),
  );
}

export function axesOfConventions(db: Executor, ids: readonly number[]): Promise<AxisRow[][]> {
  return groupByConvention(ids, () =>
    db
      .selectFrom('axis')
      .selectAll()
      .where('convention_id', 'in', ids)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  );
}

export function deliberationsOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<DeliberationRow[][]> {
  return groupByConvention(ids, () =>
    db
      .selectFrom('deliberation')
      .selectAll()
      .where('convention_id', 'in', ids)
      .orderBy('date')
      .orderBy('id')
      .execute(),
  );
}

export function renewalsOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<RenewalRow[][]> {
  return groupByConvention(ids, () =>
    db
      .selectFrom('renewal')
      .selectAll()
      .where('convention_id', 'in', ids)
      .orderBy('term_number')
      .execute(),
  );
}

export async function findVisibleAxes(
  db: Executor,
  viewer: Reader,
  ids: readonly number[],
): Promise<AxisRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('axis')
    .selectAll()
    .where('id', 'in', ids)
    .where('convention_id', 'in', visibleConventionIds(db, viewer))
    .execute();
}
