import type { CollectivityId } from './ids.js';
import { err, ok, type Result } from './result.js';

/**
 * "D'un commun accord" (A4 budgets, A6 indicators and evaluations): each party approves one
 * given version of the object; it is AGREED once every party approved the current version, and
 * any change makes a new version that clears the approvals. Parties approve one at a time, on
 * different days, so an approval names the version it was given for.
 */
export interface Approval {
  readonly party: CollectivityId;
  readonly version: number;
  /** When it was given (an ISO date-time, as stored); informative only. */
  readonly approvedAt?: string;
}

/** Anything decided jointly: its current version, who must approve it, who did. */
export interface JointSubject {
  readonly version: number;
  readonly parties: readonly CollectivityId[];
  readonly approvals: readonly Approval[];
}

export type ApprovalState = 'PENDING' | 'AGREED';

export interface ApprovalStatus {
  readonly state: ApprovalState;
  /** Parties that approved the current version, in the order of `parties`. */
  readonly approvedBy: CollectivityId[];
  /** Parties still to approve the current version, in the order of `parties`. */
  readonly waitingFor: CollectivityId[];
}

export type ApprovalError =
  | {
      readonly code: 'NOT_A_PARTY';
      readonly party: CollectivityId;
      readonly message: string;
    }
  | {
      readonly code: 'NOT_YOUR_PARTY';
      readonly party: CollectivityId;
      readonly actingFor: CollectivityId;
      readonly message: string;
    }
  | {
      readonly code: 'STALE_VERSION';
      readonly version: number;
      readonly currentVersion: number;
      readonly message: string;
    }
  | {
      readonly code: 'ALREADY_APPROVED';
      readonly party: CollectivityId;
      readonly version: number;
      readonly message: string;
    };

export interface ApprovalRequest {
  /** The party whose approval this is. */
  readonly party: CollectivityId;
  /** The collectivity of the user or token asking: a party approves only in its own name. */
  readonly actingFor: CollectivityId;
  /** The version the approver was shown. */
  readonly version: number;
  readonly at?: string;
}

/** Only approvals of the current version count: an approval of an earlier text agreed to less. */
export function approvalStatus(subject: JointSubject): ApprovalStatus {
  const approved = new Set(
    subject.approvals.filter((a) => a.version === subject.version).map((a) => a.party),
  );
  const parties = [...new Set(subject.parties)];
  const approvedBy = parties.filter((party) => approved.has(party));
  const waitingFor = parties.filter((party) => !approved.has(party));
  return {
    state: parties.length > 0 && waitingFor.length === 0 ? 'AGREED' : 'PENDING',
    approvedBy,
    waitingFor,
  };
}

export function isAgreed(subject: JointSubject): boolean {
  return approvalStatus(subject).state === 'AGREED';
}

/** Records one party's approval of the version it saw, or says why it cannot count. */
export function approve<S extends JointSubject>(
  subject: S,
  request: ApprovalRequest,
): Result<S, ApprovalError> {
  const { party, actingFor, version, at } = request;
  if (!subject.parties.includes(party)) {
    return err({ code: 'NOT_A_PARTY', party, message: `${party} is not a party to this decision` });
  }
  if (actingFor !== party) {
    return err({
      code: 'NOT_YOUR_PARTY',
      party,
      actingFor,
      message: `${actingFor} cannot approve in the name of ${party}: each party approves for itself`,
    });
  }
  if (version !== subject.version) {
    return err({
      code: 'STALE_VERSION',
      version,
      currentVersion: subject.version,
      message: `version ${version} was approved but the current version is ${subject.version}: review the changes and approve again`,
    });
  }
  if (subject.approvals.some((a) => a.party === party && a.version === version)) {
    return err({
      code: 'ALREADY_APPROVED',
      party,
      version,
      message: `${party} already approved version ${version}`,
    });
  }
  const approval: Approval =
    at === undefined ? { party, version } : { party, version, approvedAt: at };
  return ok({
    ...subject,
    approvals: [...subject.approvals.filter((a) => a.version === subject.version), approval],
  });
}

/** Any change to the subject: a new version, and every party must approve it afresh. */
export function revise<S extends JointSubject>(subject: S): S {
  return { ...subject, version: subject.version + 1, approvals: [] };
}
