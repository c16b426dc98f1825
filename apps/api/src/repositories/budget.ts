import type { Executor } from '../db/database.js';
import type { ContributionRow, ExpenseLineRow, StaffAssignmentRow } from '../db/tables/action.js';

export interface BudgetRows {
  readonly lines: ExpenseLineRow[];
  readonly contributions: (ContributionRow & { organization_name: string | null })[];
  readonly staff: StaffAssignmentRow[];
}

/**
 * The budget rows of many actions: three statements however many actions, grouped per action in
 * the order of `actionIds`.
 */
export async function budgetsOfActions(
  db: Executor,
  actionIds: readonly number[],
): Promise<BudgetRows[]> {
  if (actionIds.length === 0) return [];
  const [lines, contributions, staff] = await Promise.all([
    db
      .selectFrom('expense_line')
      .selectAll()
      .where('action_id', 'in', actionIds)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('contribution')
      .leftJoin('organization', 'organization.id', 'contribution.organization_id')
      .selectAll('contribution')
      .select('organization.name as organization_name')
      .where('contribution.action_id', 'in', actionIds)
      .orderBy('contribution.id')
      .execute(),
    db
      .selectFrom('staff_assignment')
      .selectAll()
      .where('action_id', 'in', actionIds)
      .orderBy('id')
      .execute(),
  ]);
  const group = <Row extends { action_id: number }>(rows: readonly Row[]) => {
    const byAction = new Map<number, Row[]>(actionIds.map((id) => [id, []]));
    for (const row of rows) byAction.get(row.action_id)?.push(row);
    return byAction;
  };
  const [linesBy, contributionsBy, staffBy] = [group(lines), group(contributions), group(staff)];
  return actionIds.map((id) => ({
    lines: linesBy.get(id) ?? [],
    contributions: contributionsBy.get(id) ?? [],
    staff: staffBy.get(id) ?? [],
  }));
}
