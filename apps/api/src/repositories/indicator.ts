import type { Insertable, Updateable } from 'kysely';
import { visibleConventionIds } from '../access/visibility.js';
import type { Viewer } from '../access/viewer.js';
import type { Executor } from '../db/database.js';
import type {
  IndicatorRow,
  IndicatorTable,
  IndicatorTargetRow,
  MeasurementRow,
  MeasurementTable,
} from '../db/tables/evaluation.js';
import { inBatches, updateRowsById } from './batch.js';

type Reader = Pick<Viewer, 'collectivityId'>;

/** The indicators among `ids` that the viewer may see (its collectivity is party to their convention). */
export async function findVisibleIndicators(
  db: Executor,
  viewer: Reader,
  ids: readonly number[],
): Promise<IndicatorRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('indicator')
    .selectAll()
    .where('id', 'in', ids)
    .where('convention_id', 'in', visibleConventionIds(db, viewer))
    .execute();
}

function groupBy<Row>(ids: readonly number[], rows: readonly Row[], key: (row: Row) => number) {
  const groups = new Map<number, Row[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

/** The indicators of several conventions, one statement, grouped per convention. */
export async function indicatorsOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<IndicatorRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('indicator')
    .selectAll()
    .where('convention_id', 'in', ids)
    .orderBy('code')
    .orderBy('id')
    .execute();
  return groupBy(ids, rows, (row) => row.convention_id);
}

export async function targetsOfIndicators(
  db: Executor,
  ids: readonly number[],
): Promise<IndicatorTargetRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('indicator_target')
    .selectAll()
    .where('indicator_id', 'in', ids)
    .orderBy('year')
    .execute();
  return groupBy(ids, rows, (row) => row.indicator_id);
}

/** Measurements in the order they were recorded (the latest last), per indicator. */
export async function measurementsOfIndicators(
  db: Executor,
  ids: readonly number[],
): Promise<MeasurementRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('measurement')
    .selectAll()
    .where('indicator_id', 'in', ids)
    .orderBy('year')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return groupBy(ids, rows, (row) => row.indicator_id);
}

// ——— Inside a mutation's transaction ———

export async function findIndicatorForUpdate(
  db: Executor,
  id: number,
): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicator').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findIndicatorByCode(
  db: Executor,
  conventionId: number,
  code: string,
): Promise<IndicatorRow | undefined> {
  return db
    .selectFrom('indicator')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertIndicator(
  db: Executor,
  row: Insertable<IndicatorTable>,
): Promise<IndicatorRow> {
  return db.insertInto('indicator').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertTargets(
  db: Executor,
  indicatorId: number,
  targets: readonly { year: number; value: string }[],
): Promise<IndicatorTargetRow[]> {
  if (targets.length === 0) return [];
  return db
    .insertInto('indicator_target')
    .values(targets.map((target) => ({ indicator_id: indicatorId, ...target })))
    .returningAll()
    .execute();
}

/** Sets the year's target, replacing an earlier one. */
export async function upsertTarget(
  db: Executor,
  target: { indicatorId: number; year: number; value: string },
): Promise<IndicatorTargetRow> {
  return db
    .insertInto('indicator_target')
    .values({ indicator_id: target.indicatorId, year: target.year, value: target.value })
    .onConflict((oc) => oc.columns(['indicator_id', 'year']).doUpdateSet({ value: target.value }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTarget(db: Executor, indicatorId: number, year: number): Promise<void> {
  await db
    .deleteFrom('indicator_target')
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .execute();
}

export async function findTarget(
  db: Executor,
  indicatorId: number,
  year: number,
): Promise<IndicatorTargetRow | undefined> {
  return db
    .selectFrom('indicator_target')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** One party's measurement of a year, locked: a party measures a year once, then updates it. */
export async function findOwnMeasurement(
  db: Executor,
  key: { indicatorId: number; year: number; collectivityId: number },
): Promise<MeasurementRow | undefined> {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where('indicator_id', '=', key.indicatorId)
    .where('year', '=', key.year)
    .where('collectivity_id', '=', key.collectivityId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findMeasurement(
  db: Executor,
  id: number,
): Promise<MeasurementRow | undefined> {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertMeasurement(
  db: Executor,
  row: Insertable<MeasurementTable>,
): Promise<MeasurementRow> {
  return db.insertInto('measurement').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteMeasurement(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('measurement').where('id', '=', id).execute();
}

export type IndicatorChanges = Updateable<IndicatorTable>;

// ——— Many at once, for the measurements import ———

/** The convention's indicators, read and locked as recordMeasurement locks one. */
export async function findIndicatorsOfConventionForUpdate(
  db: Executor,
  conventionId: number,
): Promise<IndicatorRow[]> {
  return db
    .selectFrom('indicator')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .orderBy('code')
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Inserted in the order given, a statement per batch. */
export async function insertMeasurements(
  db: Executor,
  rows: readonly Insertable<MeasurementTable>[],
): Promise<MeasurementRow[]> {
  const inserted: MeasurementRow[] = [];
  for (const batch of inBatches(rows))
    inserted.push(...(await db.insertInto('measurement').values(batch).returningAll().execute()));
  return inserted;
}

/** New values and notes, recorded now; each measurement's version is bumped. */
export function updateMeasurements(
  db: Executor,
  rows: readonly MeasurementRow[],
): Promise<MeasurementRow[]> {
  return updateRowsById(
    db,
    'measurement',
    { value: 'numeric', note: 'text', recorded_at: 'timestamptz' },
    rows,
  );
}
