import type { Executor } from '../db/database.js';
import type { AuditEntryRow } from '../db/tables/platform.js';

/** A convention's audit trail, newest first, one keyset page. */
export async function listAuditEntries(
  db: Executor,
  conventionId: number,
  page: { beforeId: number | null; limit: number },
): Promise<AuditEntryRow[]> {
  let query = db
    .selectFrom('audit_entry')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.beforeId !== null) query = query.where('id', '<', page.beforeId);
  return query.execute();
}

export async function countAuditEntries(db: Executor, conventionId: number): Promise<number> {
  const { count } = await db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll<bigint>().as('count'))
    .where('convention_id', '=', conventionId)
    .executeTakeFirstOrThrow();
  return Number(count);
}
