import type { Viewer } from '../access/viewer.js';
import type { Executor } from '../db/database.js';

export interface AuditRecord {
  /** The convention the change belongs to: its parties can read the entry. Null for platform objects. */
  readonly conventionId: number | null;
  /** The mutation: "updateConvention". */
  readonly operation: string;
  readonly subjectType: string;
  readonly subjectId: number | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** JSON for a row: bigint amounts as strings, dates as ISO strings. */
function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? item.toString() : item,
  );
}

/** Who did it, as the trail shows it: "Admin Dijon (admin@dijon.demo)" or "API token « Partner app »". */
export function actorLabel(viewer: Viewer): string {
  return viewer.kind === 'token'
    ? `API token “${viewer.displayName}”`
    : `${viewer.displayName}${viewer.email ? ` (${viewer.email})` : ''}`;
}

/** Written with the change, in its transaction: no change without its entry, no entry without its change. */
export async function writeAuditEntry(
  db: Executor,
  viewer: Viewer,
  record: AuditRecord,
): Promise<void> {
  await db
    .insertInto('audit_entry')
    .values({
      convention_id: record.conventionId,
      actor_collectivity_id: viewer.collectivityId,
      actor_account_id: viewer.accountId,
      actor_token_id: viewer.tokenId ?? null,
      actor_label: actorLabel(viewer),
      operation: record.operation,
      subject_type: record.subjectType,
      subject_id: record.subjectId,
      before: toJson(record.before),
      after: toJson(record.after),
    })
    .execute();
}
