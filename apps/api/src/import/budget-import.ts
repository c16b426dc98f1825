import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { OrganizationRow } from '../db/tables/action.js';
import { bumpBudgetVersions, findActionsOfConventionForUpdate } from '../repositories/action.js';
import {
  budgetsOfActions,
  insertContributions,
  insertExpenseLines,
  insertStaffAssignments,
  updateContributions,
  updateExpenseLines,
  updateStaffAssignments,
} from '../repositories/budget.js';
import { findOrganizationsByNames } from '../repositories/organization.js';
import { referencedDbId } from '../schema/foreign-id.js';
import {
  readBudgetRow,
  type BudgetWrite,
  type ItemWrite,
  type StoredBudgets,
} from './budget-rows.js';
import { RowCells } from './csv-cells.js';
import type { CsvFile } from './csv-file.js';
import { planOf, type ImportPlan, type ImportScope } from './import-plan.js';
import { conventionParties } from './parties.js';

/**
 * The budget import (A4, A5): expense lines, contributions and staff time of the convention's
 * actions, from the columns of budget.csv. Everything it reads, it reads in a fixed handful of
 * statements, whatever the number of rows, and it writes in a statement per batch of rows.
 */
export async function planBudgetImport(scope: ImportScope, file: CsvFile): Promise<ImportPlan> {
  const { trx, viewer, context, conventionId } = scope;
  const named = file.records.flatMap((record) => {
    const id = referencedDbId(record.cells.get('action_id')?.trim() ?? '', 'Action');
    return id === null ? [] : [id];
  });
  // Locked as each budget mutation locks its action: no budget changes under the import.
  const actions = await findActionsOfConventionForUpdate(trx, conventionId, [...new Set(named)]);
  const [budgets, parties, funders] = await Promise.all([
    budgetsOfActions(
      trx,
      actions.map((action) => action.id),
    ),
    conventionParties(trx, conventionId, viewer, context.access),
    fundersNamedIn(trx, file),
  ]);
  const stored: StoredBudgets = {
    actions: new Map(actions.map((action) => [action.id, action])),
    lines: new Map(budgets.flatMap((rows) => rows.lines.map((row) => [row.id, row]))),
    contributions: new Map(
      budgets.flatMap((rows) => rows.contributions.map((row) => [row.id, row])),
    ),
    staff: new Map(budgets.flatMap((rows) => rows.staff.map((row) => [row.id, row]))),
    parties,
    funders,
  };
  const seen = new Map<string, number>();
  const outcomes = file.records.map((record) =>
    readBudgetRow(stored, new RowCells(file, record), seen),
  );
  return planOf(outcomes, (writes) => writeBudgets(scope, writes));
}

/** The directory's organisations named as co-funders in the file: one statement. */
async function fundersNamedIn(
  trx: Transaction<Database>,
  file: CsvFile,
): Promise<Map<string, OrganizationRow[]>> {
  const names = file.records.flatMap((record) =>
    record.cells.get('category')?.trim() === 'FUNDER'
      ? [record.cells.get('party')?.trim() ?? '']
      : [],
  );
  const rows = await findOrganizationsByNames(trx, [...new Set(names)].filter(Boolean));
  const byName = new Map<string, OrganizationRow[]>();
  for (const row of rows) {
    const key = row.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), row]);
  }
  return byName;
}

/** Items to insert (no stored row) and to update, of one kind. */
function split<Row>(items: readonly ItemWrite<Row>[]) {
  return {
    added: items.filter((item) => item.before === null),
    changed: items.filter((item) => item.before !== null),
  };
}

/**
 * Writes the rows, bumps once the budget version of each action whose planned budget changed (the
 * parties' approvals of the previous version then no longer count, A4.1), and writes one audit
 * entry per budget changed, with the rows before and after.
 */
async function writeBudgets(scope: ImportScope, writes: readonly BudgetWrite[]): Promise<void> {
  const { trx, audit } = scope;
  const lines = split(writes.flatMap((w) => (w.rowType === 'LINE' ? [w.item] : [])));
  const contributions = split(
    writes.flatMap((w) => (w.rowType === 'CONTRIBUTION' ? [w.item] : [])),
  );
  const staff = split(writes.flatMap((w) => (w.rowType === 'STAFF' ? [w.item] : [])));

  const written = new Map<ItemWrite<unknown>, unknown>();
  const keep = <Row extends { id: number }>(items: readonly ItemWrite<Row>[], rows: Row[]) => {
    items.forEach((item, index) => {
      const row = rows[index];
      item.report.id = row?.id ?? null;
      written.set(item, row);
    });
  };
  const keepById = <Row extends { id: number }>(items: readonly ItemWrite<Row>[], rows: Row[]) => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const item of items) written.set(item, byId.get(item.after.id));
  };
  keep(
    lines.added,
    await insertExpenseLines(
      trx,
      lines.added.map(({ after: { id: _id, version: _version, ...row } }) => row),
    ),
  );
  keepById(
    lines.changed,
    await updateExpenseLines(
      trx,
      lines.changed.map((item) => item.after),
    ),
  );
  keep(
    contributions.added,
    await insertContributions(
      trx,
      contributions.added.map(
        ({ after: { id: _id, version: _version, organization_name: _name, ...row } }) => row,
      ),
    ),
  );
  keepById(
    contributions.changed,
    await updateContributions(
      trx,
      contributions.changed.map((item) => item.after),
    ),
  );
  keep(
    staff.added,
    await insertStaffAssignments(
      trx,
      staff.added.map(({ after: { id: _id, version: _version, ...row } }) => row),
    ),
  );
  keepById(
    staff.changed,
    await updateStaffAssignments(
      trx,
      staff.changed.map((item) => item.after),
    ),
  );

  const planned = new Set(writes.filter((w) => w.item.planned).map((w) => w.item.actionId));
  await bumpBudgetVersions(trx, [...planned]);

  const byAction = new Map<number, BudgetWrite[]>();
  for (const write of writes) {
    byAction.set(write.item.actionId, [...(byAction.get(write.item.actionId) ?? []), write]);
  }
  for (const [actionId, actionWrites] of byAction) {
    const side = (pick: (item: ItemWrite<unknown>) => unknown) => {
      const of = (rowType: BudgetWrite['rowType']) =>
        actionWrites
          .filter((w) => w.rowType === rowType)
          .map((w) => pick(w.item as ItemWrite<unknown>))
          .filter((row) => row !== null);
      return {
        lines: of('LINE'),
        contributions: of('CONTRIBUTION'),
        staffAssignments: of('STAFF'),
      };
    };
    // One entry per budget: what the import changed in it, row by row, before and after.
    await audit({
      conventionId: scope.conventionId,
      subjectType: 'Budget',
      subjectId: actionId,
      before: side((item) => item.before),
      after: side((item) => written.get(item) ?? null),
    });
  }
}
