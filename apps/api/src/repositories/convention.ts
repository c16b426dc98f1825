import type { Executor } from '../db/database.js';
import type {
  AxisRow,
  ConventionPartyRow,
  ConventionRow,
  DeliberationRow,
  NewAxis,
  NewConvention,
  NewDeliberation,
  RenewalRow,
} from '../db/tables/convention.js';
import { visibleConventionIds } from '../access/visibility.js';
import {
  LIST_COLUMNS,
  listsOf,
  oneOrMany,
  type ConventionLists,
  type ListsColumns,
} from './convention-lists.js';
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

/** A convention row and its short lists, read in the same statement. */
export interface ConventionWithLists {
  readonly convention: ConventionRow;
  readonly lists: ConventionLists;
}

function withLists(rows: (ConventionRow & ListsColumns)[]): ConventionWithLists[] {
  return rows.map(
    ({ parties, collectivities, axes, deliberations, renewals, evaluations, ...convention }) => ({
      convention,
      lists: listsOf({ parties, collectivities, axes, deliberations, renewals, evaluations }),
    }),
  );
}

/** findVisibleConventions, each with its lists (convention-lists.ts): one statement. */
export async function findVisibleConventionsWithLists(
  db: Executor,
  viewer: Reader,
  ids: readonly number[],
): Promise<ConventionWithLists[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('convention as c')
    .selectAll('c')
    .select(LIST_COLUMNS)
    .where(oneOrMany(ids))
    .where('c.id', 'in', visibleConventionIds(db, viewer))
    .execute();
  return withLists(rows);
}

/** One page of the viewer's conventions in a stable order (keyset on id), with their lists. */
export async function listVisibleConventions(
  db: Executor,
  viewer: Reader,
  page: { afterId: number | null; limit: number },
): Promise<ConventionWithLists[]> {
  let query = db
    .selectFrom('convention as c')
    .selectAll('c')
    .select(LIST_COLUMNS)
    .where('c.id', 'in', visibleConventionIds(db, viewer))
    .orderBy('c.id')
    .limit(page.limit);
  if (page.afterId !== null) query = query.where('c.id', '>', page.afterId);
  return withLists(await query.execute());
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

export async function insertConvention(db: Executor, row: NewConvention): Promise<ConventionRow> {
  return db.insertInto('convention').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertParties(
  db: Executor,
  conventionId: number,
  parties: readonly {
    collectivityId: number;
    signatoryName: string | null;
    signatoryOffice: string | null;
  }[],
  firstPosition = 1,
): Promise<void> {
  if (parties.length === 0) return;
  await db
    .insertInto('convention_party')
    .values(
      parties.map((party, index) => ({
        convention_id: conventionId,
        collectivity_id: party.collectivityId,
        position: firstPosition + index,
        signatory_name: party.signatoryName,
        signatory_office: party.signatoryOffice,
      })),
    )
    .execute();
}

export async function updateSignatory(
  db: Executor,
  conventionId: number,
  collectivityId: number,
  signatory: { name: string; office: string },
): Promise<ConventionPartyRow | undefined> {
  return db
    .updateTable('convention_party')
    .set({ signatory_name: signatory.name, signatory_office: signatory.office })
    .where('convention_id', '=', conventionId)
    .where('collectivity_id', '=', collectivityId)
    .returningAll()
    .executeTakeFirst();
}

export async function insertDeliberation(
  db: Executor,
  row: NewDeliberation,
): Promise<DeliberationRow> {
  return db.insertInto('deliberation').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertRenewal(
  db: Executor,
  row: { conventionId: number; termNumber: number; decidedOn: string },
): Promise<RenewalRow> {
  return db
    .insertInto('renewal')
    .values({
      convention_id: row.conventionId,
      term_number: row.termNumber,
      decided_on: row.decidedOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertAxis(db: Executor, row: NewAxis): Promise<AxisRow> {
  return db.insertInto('axis').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The next position for an axis or a party, after the last one. */
export async function nextAxisPosition(db: Executor, conventionId: number): Promise<number> {
  const row = await db
    .selectFrom('axis')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
    .where('convention_id', '=', conventionId)
    .executeTakeFirstOrThrow();
  return row.last + 1;
}

/** Rows read inside a mutation's transaction (no loader: they must see the transaction's writes). */
export async function findConventionForUpdate(
  db: Executor,
  id: number,
): Promise<ConventionRow | undefined> {
  return db
    .selectFrom('convention')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findParties(
  db: Executor,
  conventionId: number,
): Promise<ConventionPartyRow[]> {
  return db
    .selectFrom('convention_party')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .orderBy('position')
    .execute();
}

export async function findDeliberations(
  db: Executor,
  conventionId: number,
): Promise<DeliberationRow[]> {
  return db
    .selectFrom('deliberation')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .orderBy('date')
    .execute();
}

export async function findRenewals(db: Executor, conventionId: number): Promise<RenewalRow[]> {
  return db
    .selectFrom('renewal')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .orderBy('term_number')
    .execute();
}

export async function findAxisForUpdate(db: Executor, id: number): Promise<AxisRow | undefined> {
  return db.selectFrom('axis').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The countries of the other parties to the viewer's conventions, sorted. */
export async function partnerCountriesOf(db: Executor, viewer: Reader): Promise<string[]> {
  const rows = await db
    .selectFrom('convention_party')
    .innerJoin('collectivity', 'collectivity.id', 'convention_party.collectivity_id')
    .select('collectivity.country_code')
    .distinct()
    .where('convention_party.convention_id', 'in', visibleConventionIds(db, viewer))
    .where('convention_party.collectivity_id', '<>', viewer.collectivityId)
    .orderBy('collectivity.country_code')
    .execute();
  return rows.map((row) => row.country_code);
}
