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
 * the budget import reads this very file back.
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

/** The rows of one action, lines first, then contributions, then staff time. */
export function budgetCsvRows(
  { action, rows }: ActionBudget,
  partyNames: ReadonlyMap<number, string>,
): BudgetCsvRow[] {
  const common = { action_id: encodeGlobalID('Action', action.id), action_title: action.title };
  const empty = { funding_status: '', days: '', daily_cost: '', executed_days: '' };
  return [
    ...rows.lines.map((row): BudgetCsvRow => {
      const line = expenseLineOf(row);
      return {
        ...common,
        ...empty,
        row_type: 'LINE' satisfies BudgetRowType,
        category: line.category,
        label: line.label,
        party: '',
        amount: amount(line.amount),
        currency: line.amount.currency,
        executed: amount(line.executed ?? null),
        executed_on: text(row.executed_on),
        year: text(row.year),
      };
    }),
    ...rows.contributions.map((row): BudgetCsvRow => {
      const contribution = contributionOf(row);
      const value = contributionValue(contribution);
      return {
        ...common,
        ...empty,
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
      };
    }),
    ...rows.staff.map((row): BudgetCsvRow => {
      const staff = staffContributionOf(row);
      const value = contributionValue(staff);
      return {
        ...common,
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
      };
    }),
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
