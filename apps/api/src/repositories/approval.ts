import type { Executor } from '../db/database.js';
import type { ApprovalRow, ApprovalSubjectType } from '../db/tables/evaluation.js';

export interface SubjectKey {
  readonly type: ApprovalSubjectType;
  readonly id: number;
}

/** The approvals of many subjects (all versions), one statement, in the order of `keys`. */
export async function approvalsOf(
  db: Executor,
  keys: readonly SubjectKey[],
): Promise<ApprovalRow[][]> {
  if (keys.length === 0) return [];
  const byType = new Map<ApprovalSubjectType, number[]>();
  for (const key of keys) byType.set(key.type, [...(byType.get(key.type) ?? []), key.id]);
  const rows = await db
    .selectFrom('approval')
    .selectAll()
    .where((eb) =>
      eb.or(
        [...byType].map(([type, ids]) =>
          eb.and([eb('subject_type', '=', type), eb('subject_id', 'in', ids)]),
        ),
      ),
    )
    .orderBy('approved_at')
    .execute();
  return keys.map((key) =>
    rows.filter((row) => row.subject_type === key.type && row.subject_id === key.id),
  );
}

export async function insertApproval(
  db: Executor,
  approval: {
    type: ApprovalSubjectType;
    subjectId: number;
    version: number;
    collectivityId: number;
    accountId: number | null;
  },
): Promise<ApprovalRow> {
  return db
    .insertInto('approval')
    .values({
      subject_type: approval.type,
      subject_id: approval.subjectId,
      version: approval.version,
      collectivity_id: approval.collectivityId,
      account_id: approval.accountId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
