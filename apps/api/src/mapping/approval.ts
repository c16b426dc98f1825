import { asId, type JointSubject } from '@coop/domain';
import type { ApprovalRow } from '../db/tables/evaluation.js';

/** Rows → the domain's jointly decided subject: its current version, its parties, their approvals. */
export function jointSubjectOf(
  version: number,
  partyIds: readonly number[],
  approvals: readonly ApprovalRow[],
): JointSubject {
  return {
    version,
    parties: partyIds.map((id) => asId<'Collectivity'>(id)),
    approvals: approvals.map((row) => ({
      party: asId<'Collectivity'>(row.collectivity_id),
      version: row.version,
    })),
  };
}
