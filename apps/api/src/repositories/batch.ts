import { sql, type Selectable } from 'kysely';
import type { Database, Executor } from '../db/database.js';
import type { VersionedTable } from './versioned.js';

/**
 * Writing many rows in a few statements (the CSV imports): a statement per batch of rows, never
 * one per row. 1,000 rows of about ten values stay well below PostgreSQL's 65,535 parameters.
 */
export const BATCH_SIZE = 1000;

export function inBatches<Item>(items: readonly Item[], size = BATCH_SIZE): Item[][] {
  const batches: Item[][] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size));
  return batches;
}

/** The SQL type of each column a batched update sets, for the VALUES list it is read from. */
export type ColumnTypes<T extends VersionedTable> = Partial<
  Record<
    keyof Database[T] & string,
    'text' | 'bigint' | 'integer' | 'date' | 'numeric' | 'timestamptz'
  >
>;

/**
 * Sets the given columns of each row, by ID, and bumps its version, in one statement per batch:
 * `update t set c = v.c … from (values …) as v(id, c…) where t.id = v.id`. The caller holds the
 * rows' locks (the import locks their action or indicator first) and read their versions in the
 * same transaction, so no version is checked again here.
 */
export async function updateRowsById<T extends VersionedTable>(
  db: Executor,
  table: T,
  types: ColumnTypes<T>,
  rows: readonly ({ id: number } & Partial<Record<keyof Database[T] & string, unknown>>)[],
): Promise<Selectable<Database[T]>[]> {
  const columns = Object.keys(types) as (keyof Database[T] & string)[];
  const updated: Selectable<Database[T]>[] = [];
  for (const batch of inBatches(rows)) {
    const values = batch.map(
      (row) =>
        sql`(${sql.join([
          sql`${row.id}::integer`,
          ...columns.map(
            (column) => sql`${row[column] ?? null}::${sql.raw(types[column] ?? 'text')}`,
          ),
        ])})`,
    );
    const result = await sql<Selectable<Database[T]>>`
      update ${sql.table(table)} as target
      set ${sql.join(columns.map((column) => sql`${sql.ref(column)} = source.${sql.ref(column)}`))},
        version = target.version + 1
      from (values ${sql.join(values)}) as source (${sql.join(['id', ...columns].map((c) => sql.ref(c)))})
      where target.id = source.id
      returning target.*`.execute(db);
    updated.push(...result.rows);
  }
  return updated;
}
