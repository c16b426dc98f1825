import { sql, type RawBuilder } from 'kysely';
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
    .orderBy('id')
    .execute();
  return keys.map((key) =>
    rows.filter((row) => row.subject_type === key.type && row.subject_id === key.id),
  );
}

/** Approvals as JSON carries them: the time as text. */
export type ApprovalsJson = (Omit<ApprovalRow, 'approved_at'> & { approved_at: string })[];

/**
 * The approvals of the subject whose ID is the column `subjectIdColumn`, as a JSON array column in
 * the statement that reads the subject (an evaluation, a page of actions): no statement of their
 * own. Ordered as approvalsOf orders them.
 */
export function approvalsColumn(
  type: ApprovalSubjectType,
  subjectIdColumn: string,
): RawBuilder<ApprovalsJson> {
  return sql<ApprovalsJson>`coalesce((
    select json_agg(a order by a.approved_at, a.id) from approval a
    where a.subject_type = ${sql.lit(type)} and a.subject_id = ${sql.ref(subjectIdColumn)}), '[]')`;
}

export function approvalsFromJson(rows: ApprovalsJson): ApprovalRow[] {
  return rows.map((row) => ({ ...row, approved_at: new Date(row.approved_at) }));
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
