import { contributionValue, formatMoney, type Money } from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { stringify } from 'csv-stringify/sync';
import { contributionOf, expenseLineOf, staffContributionOf } from '../../mapping/budget.js';
import {
  actionBudgetsOf,
  partiesOf,
  visibleConvention,
  type ActionBudget,
} from './convention-export.js';
import { slug, type DownloadResult, type DownloadRoute, type SignedInRequest } from './download.js';

/**
 * GET /exports/conventions/{id}/budget.csv — every expense line, contribution and staff
 * assignment of every action (A4, A5), one row each, for a spreadsheet in French locale: UTF-8
 * with a BOM, semicolons, decimal commas. The column names are a contract (docs/exports.md):
 * the budget import (import/budget-import.ts) reads this very file back, `id` naming the row it
 * updates.
 */
export const BUDGET_CSV_COLUMNS = [
  'action_id',
  'action_title',
  'row_type',
  'category',
  'label',
  'party',
  'amount',
  'currency',
  'executed',
  'executed_on',
  'funding_status',
  'year',
  'days',
  'daily_cost',
  'executed_days',
  // Last, so that tools reading the columns by position before it was added still work.
  'id',
] as const;

export type BudgetCsvRow = Record<(typeof BUDGET_CSV_COLUMNS)[number], string>;

/** LINE: an expense line; CONTRIBUTION: a party's or a co-funder's money; STAFF: staff time (A5). */
export type BudgetRowType = 'LINE' | 'CONTRIBUTION' | 'STAFF';

/** "1234.50" → "1234,50": a French spreadsheet reads a decimal comma, and no thousands separator. */
export function decimalComma(value: string): string {
  return value.replace('.', ',');
}

function amount(money: Money | null): string {
  return money ? decimalComma(formatMoney(money)) : '';
}

const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

type LineRow = ActionBudget['rows']['lines'][number];
type ContributionRow = ActionBudget['rows']['contributions'][number];
type StaffRow = ActionBudget['rows']['staff'][number];

/** What every row of an action repeats: the action, by global ID and title. */
type ActionColumns = Pick<BudgetCsvRow, 'action_id' | 'action_title'>;

export function actionColumns(action: { id: number; title: string }): ActionColumns {
  return { action_id: encodeGlobalID('Action', action.id), action_title: action.title };
}

const NO_STAFF_COLUMNS = { days: '', daily_cost: '', executed_days: '' };

/** An expense line as its row: the import reads the same function to compare a file with the budget. */
export function lineCsvRow(action: ActionColumns, row: LineRow): BudgetCsvRow {
  const line = expenseLineOf(row);
  return {
    ...action,
    ...NO_STAFF_COLUMNS,
    row_type: 'LINE' satisfies BudgetRowType,
    category: line.category,
    label: line.label,
    party: '',
    amount: amount(line.amount),
    currency: line.amount.currency,
    executed: amount(line.executed ?? null),
    executed_on: text(row.executed_on),
    funding_status: '',
    year: text(row.year),
    id: encodeGlobalID('ExpenseLine', row.id),
  };
}

/** A party's or a co-funder's contribution: `party` names the party, or the co-funder. */
export function contributionCsvRow(
  action: ActionColumns,
  row: ContributionRow,
  partyNames: ReadonlyMap<number, string>,
): BudgetCsvRow {
  const contribution = contributionOf(row);
  const value = contributionValue(contribution);
  return {
    ...action,
    ...NO_STAFF_COLUMNS,
    row_type: 'CONTRIBUTION' satisfies BudgetRowType,
    category: contribution.kind,
    label: row.description,
    party:
      contribution.kind === 'FUNDER'
        ? text(row.organization_name)
        : text(partyNames.get(row.collectivity_id ?? 0)),
    amount: amount(value),
    currency: value.currency,
    executed: amount(contribution.executed ?? null),
    executed_on: text(row.executed_on),
    funding_status: contribution.kind === 'FUNDER' ? contribution.status : '',
    year: text(row.year),
    id: encodeGlobalID('Contribution', row.id),
  };
}

/** Staff time (A5): `amount` and `executed` are days × daily cost, computed. */
export function staffCsvRow(
  action: ActionColumns,
  row: StaffRow,
  partyNames: ReadonlyMap<number, string>,
): BudgetCsvRow {
  const staff = staffContributionOf(row);
  const value = contributionValue(staff);
  return {
    ...action,
    row_type: 'STAFF' satisfies BudgetRowType,
    category: staff.kind,
    label: row.role,
    party: text(partyNames.get(row.collectivity_id)),
    amount: amount(value),
    currency: value.currency,
    executed: amount(staff.executed ?? null),
    executed_on: text(row.executed_on),
    funding_status: '',
    year: text(row.year),
    days: decimalComma(row.days),
    daily_cost: amount({ amount: row.daily_cost, currency: value.currency }),
    executed_days: row.executed_days === null ? '' : decimalComma(row.executed_days),
    id: encodeGlobalID('StaffAssignment', row.id),
  };
}

/** The rows of one action, lines first, then contributions, then staff time. */
export function budgetCsvRows(
  { action, rows }: ActionBudget,
  partyNames: ReadonlyMap<number, string>,
): BudgetCsvRow[] {
  const common = actionColumns(action);
  return [
    ...rows.lines.map((row) => lineCsvRow(common, row)),
    ...rows.contributions.map((row) => contributionCsvRow(common, row, partyNames)),
    ...rows.staff.map((row) => staffCsvRow(common, row, partyNames)),
  ];
}

/** A CSV a French spreadsheet opens as it is (UTF-8 BOM, ";", CRLF), with a header row. */
export function frenchCsv(columns: readonly string[], rows: readonly Record<string, string>[]) {
  return stringify(rows as Record<string, string>[], {
    bom: true,
    header: true,
    columns: [...columns],
    delimiter: ';',
    record_delimiter: 'windows',
  });
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

async function budgetCsv(request: SignedInRequest): Promise<DownloadResult> {
  const convention = await visibleConvention(request, request.params[0] ?? '');
  if (!convention) return 'NOT_FOUND';
  const parties = await partiesOf(request.db, convention.id);
  const actions = await actionBudgetsOf(request.db, convention.id, parties.ids);
  const names = new Map([...parties.collectivities].map(([id, row]) => [id, row.name]));
  return {
    body: frenchCsv(
      BUDGET_CSV_COLUMNS,
      actions.flatMap((action) => budgetCsvRows(action, names)),
    ),
    contentType: CSV_CONTENT_TYPE,
    fileName: `${slug(convention.title)}-budget.csv`,
  };
}

export const budgetCsvRoute: DownloadRoute = {
  pattern: /^\/exports\/conventions\/([^/]+)\/budget\.csv$/,
  signIn: true,
  handle: budgetCsv,
};
