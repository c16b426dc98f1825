import { isAgreed, type IsoDate, type JointSubject, type SpecificConvention } from '@coop/domain';
import type { ActionRow, SpecificConventionRow } from '../db/tables/action.js';
import type { AxisRow } from '../db/tables/convention.js';
import { jointSubjectOf } from './approval.js';
import type { ApprovalRow } from '../db/tables/evaluation.js';

/** Rows → the domain's values for the action rules (A2–A4). Every rule itself is in @coop/domain. */
export function actionDatesOf(row: ActionRow): {
  startDate: IsoDate | null;
  endDate: IsoDate | null;
} {
  return { startDate: row.start_date as IsoDate | null, endDate: row.end_date as IsoDate | null };
}

export function axisPeriodOf(axis: AxisRow): { periodStart: IsoDate; periodEnd: IsoDate } {
  return { periodStart: axis.period_start as IsoDate, periodEnd: axis.period_end as IsoDate };
}

export function specificConventionOf(row: SpecificConventionRow | null): SpecificConvention | null {
  return row ? { reference: row.reference, signedOn: row.signed_on as IsoDate | null } : null;
}

/** A budget's joint approval (A4.1): the action's budget version, the parties, their approvals. */
export function budgetApprovalSubject(
  action: Pick<ActionRow, 'budget_version'>,
  partyIds: readonly number[],
  approvals: readonly ApprovalRow[],
): JointSubject {
  return jointSubjectOf(action.budget_version, partyIds, approvals);
}

export function isBudgetAgreed(
  action: Pick<ActionRow, 'budget_version'>,
  partyIds: readonly number[],
  approvals: readonly ApprovalRow[],
): boolean {
  return isAgreed(budgetApprovalSubject(action, partyIds, approvals));
}

/**
 * The date a budget's amounts are brought into the reporting currency at (A4.6): the action's
 * start, when its budget is agreed and its money committed; today while it is undated.
 */
export function budgetDateOf(action: ActionRow, today: IsoDate): IsoDate {
  return (action.start_date as IsoDate | null) ?? today;
}
