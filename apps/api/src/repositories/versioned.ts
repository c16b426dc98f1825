import { sql, type Selectable, type Updateable } from 'kysely';
import type { Database, Executor } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors.js';

/** Tables whose rows carry a `version` for optimistic concurrency. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; version: unknown } ? T : never;
}[keyof Database];

/**
 * Applies `changes` only if the row is still at `version`, and bumps it: an edit made on a stale
 * copy gets ConflictError and overwrites nothing.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: number,
  version: number,
  changes: Updateable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  // Kysely cannot follow a table name that is a type parameter; the signature keeps callers typed.
  /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */
  const loose = db as unknown as {
    updateTable: (t: string) => any;
    selectFrom: (t: string) => any;
  };
  const updated = (await loose
    .updateTable(table)
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()) as Selectable<Database[T]> | undefined;
  if (updated) return updated;
  const current = (await loose
    .selectFrom(table)
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst()) as { version: number } | undefined;
  /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */
  if (!current) throw new NotFoundError();
  throw new ConflictError(current.version);
}
