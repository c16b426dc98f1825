import {
  asId,
  contributionValue,
  currency,
  EXPENSE_CATEGORIES,
  parseMoney,
  validateContribution,
  validateExpenseLine,
  zeroMoney,
  type BudgetInputError,
  type CollectivityId,
  type ExpenseCategory,
  type FundingStatus,
  type Money,
} from '@coop/domain';
import type {
  ActionRow,
  ContributionKind,
  ExpenseLineRow,
  OrganizationRow,
  StaffAssignmentRow,
} from '../db/tables/action.js';
import {
  actionColumns,
  BUDGET_CSV_COLUMNS,
  contributionCsvRow,
  lineCsvRow,
  staffCsvRow,
  type BudgetCsvRow,
  type BudgetRowType,
} from '../http/exports/budget-csv.js';
import { contributionOf, staffContributionOf } from '../mapping/budget.js';
import type { BudgetRows } from '../repositories/budget.js';
import { referencedDbId } from '../schema/foreign-id.js';
import {
  checkEmpty,
  numericText,
  readAmount,
  readOptionalDate,
  readOptionalYear,
  readText,
  type RowCells,
} from './csv-cells.js';
import type { CsvLayout } from './csv-file.js';
import { fieldChanges, RowCheck, type ImportedRow, type RowOutcome } from './import-report.js';
import { partyNamed, type ConventionParties } from './parties.js';

/**
 * One row of a budget file (the columns of budget.csv) read against the convention's budgets as
 * they stand: refused with its reasons, unchanged, or what to add or change. The rules are those
 * of the budget mutations (schema/budget.ts), through the same domain functions.
 */

export const BUDGET_LAYOUT: CsvLayout = {
  columns: BUDGET_CSV_COLUMNS,
  required: ['action_id', 'row_type', 'category'],
};

type ContributionRow = BudgetRows['contributions'][number];

/** What the rows are read against: the budgets of the actions the file names, locked. */
export interface StoredBudgets {
  /** The convention's actions the file names; another convention's are absent. */
  readonly actions: ReadonlyMap<number, ActionRow>;
  readonly lines: ReadonlyMap<number, ExpenseLineRow>;
  readonly contributions: ReadonlyMap<number, ContributionRow>;
  readonly staff: ReadonlyMap<number, StaffAssignmentRow>;
  readonly parties: ConventionParties;
  /** Organisations of the directory by lower-case name, for the co-funders the file names. */
  readonly funders: ReadonlyMap<string, readonly OrganizationRow[]>;
}

export interface ItemWrite<Row> {
  readonly report: ImportedRow;
  readonly actionId: number;
  readonly before: Row | null;
  /** The row as it is to be: an added one's ID and version are the database's to give. */
  readonly after: Row;
  /** The planned budget changes, not only what was executed: a new budget version (A4.1). */
  readonly planned: boolean;
}

export type BudgetWrite =
  | { readonly rowType: 'LINE'; readonly item: ItemWrite<ExpenseLineRow> }
  | { readonly rowType: 'CONTRIBUTION'; readonly item: ItemWrite<ContributionRow> }
  | { readonly rowType: 'STAFF'; readonly item: ItemWrite<StaffAssignmentRow> };

const TYPENAMES: Record<BudgetRowType, string> = {
  LINE: 'ExpenseLine',
  CONTRIBUTION: 'Contribution',
  STAFF: 'StaffAssignment',
};

const CONTRIBUTION_KINDS: readonly ContributionKind[] = ['PARTY_CASH', 'PARTY_IN_KIND', 'FUNDER'];
const FUNDING_STATUSES: readonly FundingStatus[] = ['REQUESTED', 'GRANTED', 'RECEIVED'];

/**
 * Recording what was executed states facts about the agreed budget and makes no new version of
 * it (as recordExecution); any other change does.
 */
const EXECUTION_COLUMNS = new Set(['executed', 'executed_on', 'executed_days']);

/** Columns that only say which row this is, or are there for reading. */
const IDENTITY_COLUMNS = new Set(['action_id', 'action_title', 'row_type', 'id']);
const DECIMAL_COLUMNS = new Set(['amount', 'executed', 'days', 'daily_cost', 'executed_days']);

/** The domain's field of an input error, as the file's column. */
const COLUMN_OF_FIELD: Record<string, string> = {
  label: 'label',
  description: 'label',
  amount: 'amount',
  executed: 'executed',
  party: 'party',
  days: 'days',
  dailyCost: 'daily_cost',
};

/** The domain checks the days even while the daily cost is unreadable (then reported on its own). */
const UNREAD_AMOUNT = zeroMoney(currency('EUR'));

/** Days as the table keeps them: numeric(8,2), above zero. */
const MAX_DAYS = 1_000_000;

/**
 * Reads one row. `seen` holds the stored objects earlier rows already update (by typename:id,
 * with their line): a second row for the same object is refused.
 */
export function readBudgetRow(
  stored: StoredBudgets,
  cells: RowCells,
  seen: Map<string, number>,
): RowOutcome<BudgetWrite> {
  const check = new RowCheck();
  const typeCell = cells.text('row_type');
  const rowType = (Object.keys(TYPENAMES) as BudgetRowType[]).find((type) => type === typeCell);
  if (!rowType) {
    check.add('row_type', `"${typeCell}" is not LINE, CONTRIBUTION or STAFF`, 'INVALID_ROW_TYPE');
  }
  const actionId = referencedDbId(cells.text('action_id'), 'Action');
  const action = actionId === null ? undefined : stored.actions.get(actionId);
  // Another convention's action, visible or not, is answered like a missing one.
  if (!action)
    check.add('action_id', 'No action with this ID in this convention', 'UNKNOWN_ACTION');
  if (!rowType || !action) return check.refused(cells.line, rowType ?? null);

  const idCell = cells.text('id');
  let itemId: number | null = null;
  if (idCell !== '') {
    itemId = referencedDbId(idCell, TYPENAMES[rowType]);
    const item = itemId === null ? undefined : storedItem(stored, rowType, itemId);
    if (!item || item.action_id !== action.id) {
      check.add('id', `No ${rowType.toLowerCase()} row with this ID in this action`, 'UNKNOWN_ID');
      return check.refused(cells.line, rowType);
    }
    const key = `${rowType}:${itemId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      check.add('id', `Line ${earlier} already has this row`, 'DUPLICATE_ROW');
      return check.refused(cells.line, rowType);
    }
    seen.set(key, cells.line);
  }
  const common = actionColumns(action);
  switch (rowType) {
    case 'LINE': {
      const before = itemId === null ? null : (stored.lines.get(itemId) ?? null);
      return readLine(
        check,
        before ? cells.over(lineCsvRow(common, before)) : cells,
        action,
        before,
      );
    }
    case 'CONTRIBUTION': {
      const before = itemId === null ? null : (stored.contributions.get(itemId) ?? null);
      const view = before && contributionCsvRow(common, before, stored.parties.names);
      return readContribution(check, view ? cells.over(view) : cells, stored, action, before);
    }
    case 'STAFF': {
      const before = itemId === null ? null : (stored.staff.get(itemId) ?? null);
      const view = before && staffCsvRow(common, before, stored.parties.names);
      return readStaff(check, view ? cells.over(view) : cells, stored, action, before);
    }
  }
}

function storedItem(stored: StoredBudgets, rowType: BudgetRowType, id: number) {
  switch (rowType) {
    case 'LINE':
      return stored.lines.get(id);
    case 'CONTRIBUTION':
      return stored.contributions.get(id);
    case 'STAFF':
      return stored.staff.get(id);
  }
}

// ——— Expense lines ———

function isExpenseCategory(value: string): value is ExpenseCategory {
  return (EXPENSE_CATEGORIES as readonly string[]).includes(value);
}

function readLine(
  check: RowCheck,
  cells: RowCells,
  action: ActionRow,
  before: ExpenseLineRow | null,
): RowOutcome<BudgetWrite> {
  checkEmpty(check, cells, 'party', 'An expense line names no party');
  checkEmpty(check, cells, 'funding_status', 'Only for a co-funder');
  for (const column of ['days', 'daily_cost', 'executed_days']) {
    checkEmpty(check, cells, column, 'Only for staff time');
  }
  const category = cells.text('category');
  if (!isExpenseCategory(category)) {
    check.add(
      'category',
      `"${category}" is not an expense category (${EXPENSE_CATEGORIES.join(', ')})`,
      'INVALID_CATEGORY',
    );
  }
  const label = readText(check, cells, 'label', 300);
  const { amount, executed } = readAmounts(check, cells);
  const executedOn = readOptionalDate(check, cells, 'executed_on');
  const year = readOptionalYear(check, cells);
  if (amount && isExpenseCategory(category)) {
    const valid = validateExpenseLine({ category, label, amount, executed });
    if (!valid.ok) addDomainIssue(check, valid.error);
  }
  if (!check.ok || !amount) return check.refused(cells.line, 'LINE');
  const after: ExpenseLineRow = {
    ...(before ?? { id: 0, version: 1, action_id: action.id }),
    category,
    label,
    amount: amount.amount,
    currency: amount.currency,
    executed_amount: executed?.amount ?? null,
    executed_on: executedOn,
    year,
  };
  const common = actionColumns(action);
  return outcomeOf({
    check,
    line: cells.line,
    rowType: 'LINE',
    action,
    storedId: before?.id ?? null,
    beforeView: before && lineCsvRow(common, before),
    afterView: lineCsvRow(common, after),
    write: (item) => ({ rowType: 'LINE', item: { ...item, before, after } }),
  });
}

// ——— Contributions of the parties (A4.2) and co-funders (A4.3) ———

function readContribution(
  check: RowCheck,
  cells: RowCells,
  stored: StoredBudgets,
  action: ActionRow,
  before: ContributionRow | null,
): RowOutcome<BudgetWrite> {
  for (const column of ['days', 'daily_cost', 'executed_days']) {
    checkEmpty(check, cells, column, 'Only for staff time');
  }
  const kindCell = cells.text('category');
  const kind = CONTRIBUTION_KINDS.find((candidate) => candidate === kindCell);
  if (!kind) {
    check.add(
      'category',
      `"${kindCell}" is not a kind of contribution (${CONTRIBUTION_KINDS.join(', ')})`,
      'INVALID_CATEGORY',
    );
  } else if (before && before.kind !== kind) {
    check.add('category', 'A contribution keeps its kind: add a new row', 'NOT_CHANGEABLE');
  }
  const description = readText(check, cells, 'label', 1000);
  let party: number | null = null;
  let funder: OrganizationRow | null = null;
  let status: FundingStatus | null = null;
  if (kind === 'FUNDER') {
    funder = funderOf(check, cells, stored, before);
    const statusCell = cells.text('funding_status');
    status = FUNDING_STATUSES.find((candidate) => candidate === statusCell) ?? null;
    if (!status) {
      check.add(
        'funding_status',
        statusCell
          ? `"${statusCell}" is not ${FUNDING_STATUSES.join(', ')}`
          : `Say where the co-funding stands: ${FUNDING_STATUSES.join(', ')}`,
        statusCell ? 'INVALID_FUNDING_STATUS' : 'REQUIRED',
      );
    }
  } else if (kind) {
    party = partyOf(check, cells, stored.parties, before?.collectivity_id ?? null);
    checkEmpty(check, cells, 'funding_status', 'Only for a co-funder');
  }
  const { amount, executed } = readAmounts(check, cells);
  const executedOn = readOptionalDate(check, cells, 'executed_on');
  const year = readOptionalYear(check, cells);
  if (!kind || !amount || (kind === 'FUNDER' ? !funder : party === null)) {
    return check.refused(cells.line, 'CONTRIBUTION');
  }
  const after: ContributionRow = {
    ...(before ?? { id: 0, version: 1, action_id: action.id }),
    kind,
    collectivity_id: party,
    organization_id: funder?.id ?? null,
    organization_name: funder?.name ?? null,
    amount: amount.amount,
    currency: amount.currency,
    description,
    funding_status: status,
    year,
    executed_amount: executed?.amount ?? null,
    executed_on: executedOn,
  };
  const valid = validateContribution(contributionOf(after), partyIdsOf(stored.parties));
  if (!valid.ok) addDomainIssue(check, valid.error);
  const common = actionColumns(action);
  const names = stored.parties.names;
  return outcomeOf({
    check,
    line: cells.line,
    rowType: 'CONTRIBUTION',
    action,
    // A party contributes only in its own name; a co-funder's money is recorded by any editor.
    owner: party,
    parties: stored.parties,
    storedId: before?.id ?? null,
    beforeView: before && contributionCsvRow(common, before, names),
    afterView: contributionCsvRow(common, after, names),
    write: (item) => ({ rowType: 'CONTRIBUTION', item: { ...item, before, after } }),
  });
}

/** The co-funder the row names, from the directory: by name, as the export writes it. */
function funderOf(
  check: RowCheck,
  cells: RowCells,
  stored: StoredBudgets,
  before: ContributionRow | null,
): OrganizationRow | null {
  const name = cells.text('party');
  if (name === '') {
    check.add(
      'party',
      'Name the co-funder, as the directory of organisations names it',
      'REQUIRED',
    );
    return null;
  }
  const key = name.toLowerCase();
  const candidates = stored.funders.get(key) ?? [];
  // The stored co-funder keeps its identity even when another organisation has the same name.
  const same = candidates.find((organization) => organization.id === before?.organization_id);
  if (same) return same;
  if (candidates.length === 1) return candidates[0] ?? null;
  check.add(
    'party',
    candidates.length === 0
      ? `No organisation named "${name}" in the directory: add it first`
      : `Several organisations are named "${name}": set this co-funder in Coop`,
    candidates.length === 0 ? 'UNKNOWN_FUNDER' : 'AMBIGUOUS_FUNDER',
  );
  return null;
}

// ——— Staff time (A5) ———

function readStaff(
  check: RowCheck,
  cells: RowCells,
  stored: StoredBudgets,
  action: ActionRow,
  before: StaffAssignmentRow | null,
): RowOutcome<BudgetWrite> {
  if (cells.text('category') !== 'STAFF_TIME') {
    check.add('category', 'Staff time is of the category STAFF_TIME', 'INVALID_CATEGORY');
  }
  checkEmpty(check, cells, 'funding_status', 'Only for a co-funder');
  const role = readText(check, cells, 'label', 200);
  const employer = partyOf(check, cells, stored.parties, before?.collectivity_id ?? null);
  const currency = cells.text('currency');
  const dailyCost = readAmount(check, cells, 'daily_cost', currency);
  const days = readDays(check, cells, 'days', employer, dailyCost, stored.parties);
  const executedDays =
    cells.text('executed_days') === ''
      ? null
      : readDays(check, cells, 'executed_days', employer, dailyCost, stored.parties);
  const executedOn = readOptionalDate(check, cells, 'executed_on');
  const year = readOptionalYear(check, cells);
  if (!check.ok || employer === null || !dailyCost || days === null) {
    return check.refused(cells.line, 'STAFF');
  }
  const after: StaffAssignmentRow = {
    ...(before ?? { id: 0, version: 1, action_id: action.id }),
    collectivity_id: employer,
    role,
    days,
    daily_cost: dailyCost.amount,
    currency: dailyCost.currency,
    year,
    executed_days: executedDays,
    executed_on: executedOn,
  };
  const staff = staffContributionOf(after);
  const beforeStaff = before && staffContributionOf(before);
  checkComputed(check, cells, 'amount', [
    contributionValue(staff),
    beforeStaff && contributionValue(beforeStaff),
  ]);
  checkComputed(check, cells, 'executed', [staff.executed ?? null, beforeStaff?.executed ?? null]);
  const common = actionColumns(action);
  const names = stored.parties.names;
  return outcomeOf({
    check,
    line: cells.line,
    rowType: 'STAFF',
    action,
    owner: employer,
    parties: stored.parties,
    storedId: before?.id ?? null,
    beforeView: before && staffCsvRow(common, before, names),
    afterView: staffCsvRow(common, after, names),
    write: (item) => ({ rowType: 'STAFF', item: { ...item, before, after } }),
  });
}

/** Days of staff time checked by the domain, as numeric(8,2) keeps them: "10,5" → "10.50". */
function readDays(
  check: RowCheck,
  cells: RowCells,
  column: 'days' | 'executed_days',
  employer: number | null,
  dailyCost: Money | null,
  parties: ConventionParties,
): string | null {
  const decimal = cells.decimal(check, column, 'INVALID_DAYS');
  if (decimal === null) return null;
  const valid = validateContribution(
    {
      kind: 'STAFF_TIME',
      party: asId<'Collectivity'>(employer ?? parties.viewerCollectivityId),
      days: decimal,
      dailyCost: dailyCost ?? UNREAD_AMOUNT,
      executed: null,
    },
    partyIdsOf(parties),
  );
  if (!valid.ok) {
    if (valid.error.field === 'days') check.add(column, valid.error.message, valid.error.code);
    else addDomainIssue(check, valid.error);
    return null;
  }
  const days = numericText(decimal, 2);
  const value = Number(decimal);
  if (days === null || value <= 0 || value >= MAX_DAYS) {
    check.add(column, `A number of days above 0 and below ${MAX_DAYS}`, 'INVALID_DAYS');
    return null;
  }
  return days;
}

/**
 * `amount` and `executed` of staff time are days × daily cost, computed (A5): a file may leave
 * them as the export wrote them, or as they become, but not set them to anything else.
 */
function checkComputed(
  check: RowCheck,
  cells: RowCells,
  column: 'amount' | 'executed',
  values: readonly (Money | null)[],
): void {
  const cell = cells.given(column);
  if (cell === undefined || cell === '') return;
  const decimal = cells.decimal(check, column, 'INVALID_AMOUNT');
  const expected = values[0];
  if (decimal === null || !expected) {
    if (decimal !== null)
      check.add(column, 'Nothing is executed: fill in executed_days', 'COMPUTED_COLUMN');
    return;
  }
  const read = parseMoney(decimal, expected.currency);
  const matches =
    read.ok && values.some((value) => value !== null && value.amount === read.value.amount);
  if (!matches) {
    check.add(
      column,
      `Staff time is valued days × daily cost (${decimal} is not that): change days, executed_days or daily_cost`,
      'COMPUTED_COLUMN',
    );
  }
}

// ——— Shared ———

/** The amount and what was executed, in the row's currency. */
function readAmounts(
  check: RowCheck,
  cells: RowCells,
): { amount: Money | null; executed: Money | null } {
  const currency = cells.text('currency');
  const amount = readAmount(check, cells, 'amount', currency);
  const executed =
    cells.text('executed') === '' ? null : readAmount(check, cells, 'executed', currency);
  return { amount, executed };
}

/** The party the row names (parties.ts); a stored row keeps its party. */
function partyOf(
  check: RowCheck,
  cells: RowCells,
  parties: ConventionParties,
  storedParty: number | null,
): number | null {
  const party = partyNamed(check, parties, 'party', cells.text('party'));
  if (party !== null && storedParty !== null && party !== storedParty) {
    check.add('party', 'A contribution keeps its party: add a new row', 'NOT_CHANGEABLE');
    return null;
  }
  return party;
}

function partyIdsOf(parties: ConventionParties): CollectivityId[] {
  return parties.ids.map((id) => asId<'Collectivity'>(id));
}

function addDomainIssue(check: RowCheck, error: BudgetInputError): void {
  check.add(COLUMN_OF_FIELD[error.field] ?? null, error.message, error.code);
}

/** The row's columns as the API writes values: decimal points, for the report. */
function comparable(view: BudgetCsvRow): Record<string, string> {
  return Object.fromEntries(
    Object.entries(view).flatMap(([column, value]) =>
      IDENTITY_COLUMNS.has(column)
        ? []
        : [[column, DECIMAL_COLUMNS.has(column) ? value.replace(',', '.') : value]],
    ),
  );
}

/**
 * Added, changed (with each field's before and after) or unchanged, comparing the export's rows
 * of the stored and the new object, so that "12000" and "12000,00" are the same amount. A row in
 * another party's name is refused only when it would change something: a whole file exported and
 * imported back by either party is all unchanged.
 */
function outcomeOf(options: {
  check: RowCheck;
  line: number;
  rowType: BudgetRowType;
  action: ActionRow;
  owner?: number | null;
  parties?: ConventionParties;
  storedId: number | null;
  beforeView: BudgetCsvRow | null;
  afterView: BudgetCsvRow;
  write: (item: Omit<ItemWrite<never>, 'before' | 'after'>) => BudgetWrite;
}): RowOutcome<BudgetWrite> {
  const { check, line, rowType, action, beforeView, afterView } = options;
  if (!check.ok) return check.refused(line, rowType);
  const after = comparable(afterView);
  const changes = beforeView ? fieldChanges(comparable(beforeView), after) : [];
  if (beforeView && changes.length === 0) return { kind: 'unchanged' };
  const owner = options.owner ?? null;
  if (owner !== null && options.parties && !options.parties.mayActFor(owner)) {
    check.add('party', 'A party contributes only in its own name', 'NOT_YOUR_PARTY');
    return check.refused(line, rowType);
  }
  const row: ImportedRow = {
    line,
    rowType,
    typename: TYPENAMES[rowType],
    description: describe(action, after),
    changes,
    id: options.storedId,
  };
  const planned = !beforeView || changes.some((change) => !EXECUTION_COLUMNS.has(change.column));
  return {
    kind: beforeView ? 'changed' : 'added',
    row,
    write: options.write({ report: row, actionId: action.id, planned }),
  };
}

/** "Espace de formation… — TRAINING « Coaching » (Dijon): 12000.00 EUR". */
function describe(action: ActionRow, view: Record<string, string>): string {
  const label = view.label ? ` « ${view.label} »` : '';
  const party = view.party ? ` (${view.party})` : '';
  return `${action.title} — ${view.category}${label}${party}: ${view.amount} ${view.currency}`;
}
