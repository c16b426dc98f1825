import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type {
  ContributionRow,
  ContributionTable,
  ExpenseLineRow,
  ExpenseLineTable,
  StaffAssignmentRow,
  StaffAssignmentTable,
} from '../db/tables/action.js';
import { inBatches, updateRowsById } from './batch.js';

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

// ——— Changes, inside a budget mutation's transaction ———

export async function findExpenseLine(
  db: Executor,
  id: number,
): Promise<ExpenseLineRow | undefined> {
  return db.selectFrom('expense_line').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertExpenseLine(
  db: Executor,
  row: Insertable<ExpenseLineTable>,
): Promise<ExpenseLineRow> {
  return db.insertInto('expense_line').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteExpenseLine(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('expense_line').where('id', '=', id).execute();
}

/** A contribution with its funder's name, as budgetsOfActions reads it. */
export async function findContribution(
  db: Executor,
  id: number,
): Promise<BudgetRows['contributions'][number] | undefined> {
  return db
    .selectFrom('contribution')
    .leftJoin('organization', 'organization.id', 'contribution.organization_id')
    .selectAll('contribution')
    .select('organization.name as organization_name')
    .where('contribution.id', '=', id)
    .executeTakeFirst();
}

export async function insertContribution(
  db: Executor,
  row: Insertable<ContributionTable>,
): Promise<ContributionRow> {
  return db.insertInto('contribution').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteContribution(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('contribution').where('id', '=', id).execute();
}

export async function findStaffAssignment(
  db: Executor,
  id: number,
): Promise<StaffAssignmentRow | undefined> {
  return db.selectFrom('staff_assignment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStaffAssignment(
  db: Executor,
  row: Insertable<StaffAssignmentTable>,
): Promise<StaffAssignmentRow> {
  return db.insertInto('staff_assignment').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteStaffAssignment(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('staff_assignment').where('id', '=', id).execute();
}

// ——— Many at once, for the budget import: a statement per batch of rows, not per row ———

/** Inserted in the order given; PostgreSQL returns a multi-row insert's rows in that order. */
export async function insertExpenseLines(
  db: Executor,
  rows: readonly Insertable<ExpenseLineTable>[],
): Promise<ExpenseLineRow[]> {
  const inserted: ExpenseLineRow[] = [];
  for (const batch of inBatches(rows))
    inserted.push(...(await db.insertInto('expense_line').values(batch).returningAll().execute()));
  return inserted;
}

export async function insertContributions(
  db: Executor,
  rows: readonly Insertable<ContributionTable>[],
): Promise<ContributionRow[]> {
  const inserted: ContributionRow[] = [];
  for (const batch of inBatches(rows))
    inserted.push(...(await db.insertInto('contribution').values(batch).returningAll().execute()));
  return inserted;
}

export async function insertStaffAssignments(
  db: Executor,
  rows: readonly Insertable<StaffAssignmentTable>[],
): Promise<StaffAssignmentRow[]> {
  const inserted: StaffAssignmentRow[] = [];
  for (const batch of inBatches(rows)) {
    inserted.push(
      ...(await db.insertInto('staff_assignment').values(batch).returningAll().execute()),
    );
  }
  return inserted;
}

/** Every editable column of each line, by ID; each line's version is bumped. */
export function updateExpenseLines(
  db: Executor,
  rows: readonly ExpenseLineRow[],
): Promise<ExpenseLineRow[]> {
  return updateRowsById(
    db,
    'expense_line',
    {
      category: 'text',
      label: 'text',
      amount: 'bigint',
      currency: 'text',
      executed_amount: 'bigint',
      executed_on: 'date',
      year: 'integer',
    },
    rows,
  );
}

export function updateContributions(
  db: Executor,
  rows: readonly ContributionRow[],
): Promise<ContributionRow[]> {
  return updateRowsById(
    db,
    'contribution',
    {
      organization_id: 'integer',
      amount: 'bigint',
      currency: 'text',
      description: 'text',
      funding_status: 'text',
      year: 'integer',
      executed_amount: 'bigint',
      executed_on: 'date',
    },
    rows,
  );
}

export function updateStaffAssignments(
  db: Executor,
  rows: readonly StaffAssignmentRow[],
): Promise<StaffAssignmentRow[]> {
  return updateRowsById(
    db,
    'staff_assignment',
    {
      role: 'text',
      days: 'numeric',
      daily_cost: 'bigint',
      currency: 'text',
      year: 'integer',
      executed_days: 'numeric',
      executed_on: 'date',
    },
    rows,
  );
}
