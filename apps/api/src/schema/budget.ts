import {
  EXPENSE_CATEGORIES,
  budgetTotals,
  budgetViolations,
  canApproveBudget,
  contributionValue,
  currency,
  validateContribution,
  validateExpenseLine,
  zeroMoney,
  type Budget as DomainBudget,
  type BudgetContext,
  type BudgetInputError,
  type BudgetPolicy,
  type BudgetTotals,
  type BudgetViolation,
  type Contribution as DomainContribution,
  type ExpenseCategory,
  type FunderTotal,
  type FundingStatus,
  type Id,
  type IsoDate,
  type MissingExchangeRate,
  type Money,
  type PartyTotal,
  type ReportedAmount,
  asId,
} from '@coop/domain';
import { createContextCache } from '@pothos/core';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { Transaction, Updateable } from 'kysely';
import { builder } from '../builder.js';
import type { ExchangeRateRow } from '../db/tables/evaluation.js';
import type { Context } from '../context.js';
import type { Database, Executor } from '../db/database.js';
import type {
  ActionRow,
  ContributionKind,
  ContributionTable,
  ExpenseLineTable,
  StaffAssignmentRow,
  StaffAssignmentTable,
} from '../db/tables/action.js';
import type { ConventionRow } from '../db/tables/convention.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { budgetDateOf } from '../mapping/action.js';
import { plainDecimal } from '../mapping/decimal.js';
import {
  budgetContextOf,
  budgetOf,
  budgetPolicyOf,
  contributionOf,
  expenseLineOf,
  money,
  staffContributionOf,
} from '../mapping/budget.js';
import { runMutation, type MutationScope } from '../mutation.js';
import {
  bumpBudgetVersion,
  findActionForUpdate,
  findVisibleActions,
} from '../repositories/action.js';
import {
  budgetsOfActions,
  deleteContribution,
  deleteExpenseLine,
  deleteStaffAssignment,
  findContribution,
  findExpenseLine,
  findStaffAssignment,
  insertContribution,
  insertExpenseLine,
  insertStaffAssignment,
  type BudgetRows,
} from '../repositories/budget.js';
import { findCollectivitiesByIds } from '../repositories/collectivity.js';
import { findParties, findVisibleConventions } from '../repositories/convention.js';
import { exchangeRatesOfConventions } from '../repositories/exchange-rate.js';
import { updateVersioned } from '../repositories/versioned.js';
import { Action, actionForEdit, knownOrganization } from './action.js';
import { jointApprovalOf, JointApprovalRef, registerApprovalSubject } from './approval.js';
import { Collectivity } from './collectivity.js';
import { Convention } from './convention.js';
import { EDIT_ERRORS } from './errors.js';
import { exchangeRatesLoader, ratesOf } from './exchange-rate.js';
import { requireDbId } from './global-id.js';
import { InputCheck } from './input-check.js';
import { collectivityRowLoader, partiesLoader, perRequest } from './loaders.js';
import { MoneyInput, MoneyRef, readMoney } from './money.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';
import { Organization } from './organization.js';

/**
 * An action's budget (A4): its expense lines, the parties' and co-funders' contributions, the
 * staff time the parties give (A5), with totals, violations and the parties' joint approval.
 * It is a Node of its own whose ID is its action's, so that `approve(subjectId:)` can name it;
 * its version is the action's budget_version, bumped by every change.
 */
export interface BudgetShape {
  readonly id: number;
  readonly action: ActionRow;
}

export function budgetOfAction(action: ActionRow): BudgetShape {
  return { id: action.id, action };
}

// ——— What the domain computes, from the rows ———

interface BudgetView {
  readonly budget: DomainBudget;
  readonly policy: BudgetPolicy;
  readonly context: BudgetContext;
  readonly totals: BudgetTotals;
  /** Computed when first asked for: a dashboard of totals does not pay for the rules' checks. */
  readonly violations: () => BudgetViolation[];
}

function budgetViewOf(parts: {
  action: ActionRow;
  rows: BudgetRows;
  partyIds: readonly number[];
  convention: ConventionRow;
  rates: readonly ExchangeRateRow[];
  today: IsoDate;
}): BudgetView {
  const budget = budgetOf(parts.rows, parts.partyIds);
  const policy = budgetPolicyOf(parts.convention);
  const context = budgetContextOf(
    parts.convention,
    ratesOf(parts.rates),
    budgetDateOf(parts.action, parts.today),
  );
  const totals = budgetTotals(budget, context, policy);
  let violations: BudgetViolation[] | undefined;
  return {
    budget,
    policy,
    context,
    totals,
    violations: () => (violations ??= budgetViolations(budget, policy, context, totals)),
  };
}

const budgetRowsLoader = perRequest((context, ids) => budgetsOfActions(context.db, ids));

/** Totals and violations share one computation per budget version and request. */
const budgetViews = createContextCache(
  (_context: Context) => new Map<string, Promise<BudgetView>>(),
);

function budgetView(context: Context, shape: BudgetShape): Promise<BudgetView> {
  const { action } = shape;
  const key = `${action.id}:${action.budget_version}`;
  const views = budgetViews(context);
  let view = views.get(key);
  if (!view) {
    view = Promise.all([
      budgetRowsLoader(context).load(action.id),
      partiesLoader(context).load(action.convention_id),
      Convention.getDataloader(context).load(action.convention_id),
      exchangeRatesLoader(context).load(action.convention_id),
    ]).then(([rows, parties, convention, rates]) =>
      // Only ever reached under a budget the viewer may see, so its convention is visible too.
      budgetViewOf({
        action,
        rows,
        partyIds: parties.map((party) => party.collectivity_id),
        convention,
        rates,
        today: context.today,
      }),
    );
    views.set(key, view);
  }
  return view;
}

/** The same computation inside a mutation's transaction, on what it has written so far. */
async function budgetViewInTransaction(
  trx: Transaction<Database>,
  context: Context,
  action: ActionRow,
): Promise<BudgetView> {
  const viewer = context.viewer;
  const [[rows], parties, [convention], [rates = []]] = await Promise.all([
    budgetsOfActions(trx, [action.id]),
    findParties(trx, action.convention_id),
    viewer ? findVisibleConventions(trx, viewer, [action.convention_id]) : Promise.resolve([]),
    exchangeRatesOfConventions(trx, [action.convention_id]),
  ]);
  if (!rows || !convention) throw new NotFoundError();
  return budgetViewOf({
    action,
    rows,
    partyIds: parties.map((party) => party.collectivity_id),
    convention,
    rates,
    today: context.today,
  });
}

/**
 * The domain's violation in the parties' own names: its messages name parties by ID, which a
 * person cannot read.
 */
function violationMessage(violation: BudgetViolation, nameOf: (id: string) => string): string {
  const names = (ids: readonly string[]) => ids.map(nameOf).join(', ');
  switch (violation.code) {
    case 'PARTY_CONTRIBUTES_NOTHING':
      return `Every party contributes to every action (A4.2): ${names(violation.parties)} ${violation.parties.length > 1 ? 'give' : 'gives'} nothing`;
    case 'CONTRIBUTOR_NOT_A_PARTY':
      return `${names(violation.parties)} contributes but is not a party to the convention`;
    case 'PARTY_BELOW_MINIMUM_SHARE':
      return `${names(violation.parties)} covers ${violation.sharePercent}% of expenses, below the minimum of ${violation.minimumPercent}%`;
    default:
      return violation.message;
  }
}

function partiesNamedBy(violation: BudgetViolation): string[] {
  return 'parties' in violation ? violation.parties : [];
}

// ——— Types ———

export const ExpenseCategoryEnum = builder.enumType('ExpenseCategory', {
  description:
    'What an action spends on: a short fixed list, comparable across conventions (IATI, APD).',
  values: EXPENSE_CATEGORIES,
});

const ContributionKindEnum = builder.enumType('ContributionKind', {
  values: {
    PARTY_CASH: { description: 'A party’s money (A4.2).' },
    PARTY_IN_KIND: { description: 'What a party gives in kind, valued (A4.2).' },
    FUNDER: { description: 'External co-financing by an organisation (A4.3).' },
  },
});

export const FundingStatusEnum = builder.enumType('FundingStatus', {
  description: 'A4.3: where a co-funder’s money stands.',
  values: ['REQUESTED', 'GRANTED', 'RECEIVED'] as const,
});

const ExpenseLineRef = builder.objectRef<BudgetRows['lines'][number]>('ExpenseLine').implement({
  description: 'One planned expense, in its own currency, and what was actually spent.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('ExpenseLine', row.id) }),
    category: t.field({
      type: ExpenseCategoryEnum,
      resolve: (row) => row.category as ExpenseCategory,
    }),
    label: t.exposeString('label'),
    amount: t.field({ type: MoneyRef, resolve: (row) => expenseLineOf(row).amount }),
    executed: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'Spent so far; null while nothing is recorded.',
      resolve: (row) => expenseLineOf(row).executed ?? null,
    }),
    executedOn: t.expose('executed_on', { type: 'Date', nullable: true }),
    year: t.exposeInt('year', { nullable: true, description: 'The programme year it falls in.' }),
    version: t.exposeInt('version', { description: 'Send it back with recordExecution.' }),
  }),
});

const ContributionRef = builder
  .objectRef<BudgetRows['contributions'][number]>('Contribution')
  .implement({
    description:
      'A resource of the budget: a party’s cash or in-kind contribution (A4.2) or a co-funder’s (A4.3).',
    fields: (t) => ({
      id: t.id({ resolve: (row) => encodeGlobalID('Contribution', row.id) }),
      kind: t.field({ type: ContributionKindEnum, resolve: (row) => row.kind }),
      party: t.field({
        type: Collectivity,
        nullable: true,
        description: 'The contributing party; null for a co-funder.',
        resolve: (row) => row.collectivity_id,
      }),
      funder: t.field({
        type: Organization,
        nullable: true,
        description: 'The co-funder; null for a party.',
        resolve: (row) => row.organization_id,
      }),
      amount: t.field({ type: MoneyRef, resolve: (row) => contributionValue(contributionOf(row)) }),
      description: t.exposeString('description', { description: 'What is given in kind.' }),
      fundingStatus: t.field({
        type: FundingStatusEnum,
        nullable: true,
        resolve: (row) => row.funding_status,
      }),
      executed: t.field({
        type: MoneyRef,
        nullable: true,
        description: 'Actually paid or given; null while nothing is recorded.',
        resolve: (row) => contributionOf(row).executed ?? null,
      }),
      executedOn: t.expose('executed_on', {
        type: 'Date',
        nullable: true,
        description: 'When: the year it counts in for the APD declaration.',
      }),
      year: t.exposeInt('year', { nullable: true }),
      version: t.exposeInt('version'),
    }),
  });

const StaffAssignmentRef = builder.objectRef<StaffAssignmentRow>('StaffAssignment').implement({
  description: 'A5: municipal staff time, valued as the employer’s in-kind contribution.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('StaffAssignment', row.id) }),
    collectivity: t.field({
      type: Collectivity,
      description: 'The employer.',
      resolve: (row) => row.collectivity_id,
    }),
    role: t.exposeString('role', { description: '"Chargée de mission coopération".' }),
    days: t.string({
      description: 'An exact decimal: "2.5".',
      resolve: (row) => plainDecimal(row.days),
    }),
    dailyCost: t.field({ type: MoneyRef, resolve: (row) => staffDailyCost(row) }),
    value: t.field({
      type: MoneyRef,
      description: 'days × daily cost, rounded once, half to even.',
      resolve: (row) => contributionValue(staffContributionOf(row)),
    }),
    executedDays: t.string({
      nullable: true,
      resolve: (row) => (row.executed_days === null ? null : plainDecimal(row.executed_days)),
    }),
    executed: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The value of the days actually worked.',
      resolve: (row) => staffContributionOf(row).executed ?? null,
    }),
    executedOn: t.expose('executed_on', { type: 'Date', nullable: true }),
    year: t.exposeInt('year', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

function staffDailyCost(row: StaffAssignmentRow): Money {
  return money(row.daily_cost, row.currency);
}

const ReportedAmountRef = builder.objectRef<ReportedAmount>('ReportedAmount').implement({
  description:
    'An amount over several currencies: exact per currency, and in the reporting currency (A4.6).',
  fields: (t) => ({
    byCurrency: t.field({ type: [MoneyRef], resolve: (amount) => amount.byCurrency }),
    reporting: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'Null when an exchange rate is missing.',
      resolve: (amount) => amount.reporting,
    }),
  }),
});

const PartyTotalRef = builder.objectRef<PartyTotal>('PartyTotal').implement({
  fields: (t) => ({
    collectivity: t.field({ type: Collectivity, resolve: (total) => Number(total.party) }),
    planned: t.field({ type: ReportedAmountRef, resolve: (total) => total.planned }),
    executed: t.field({ type: ReportedAmountRef, resolve: (total) => total.executed }),
    sharePercent: t.string({
      nullable: true,
      description: 'Percent of total expenses, two decimals (display only).',
      resolve: (total) => total.sharePercent,
    }),
  }),
});

const FunderTotalRef = builder.objectRef<FunderTotal>('FunderTotal').implement({
  fields: (t) => ({
    organization: t.field({ type: Organization, resolve: (total) => Number(total.funder) }),
    planned: t.field({ type: ReportedAmountRef, resolve: (total) => total.planned }),
    executed: t.field({ type: ReportedAmountRef, resolve: (total) => total.executed }),
    statuses: t.field({ type: [FundingStatusEnum], resolve: (total) => total.statuses }),
    sharePercent: t.string({ nullable: true, resolve: (total) => total.sharePercent }),
  }),
});

const MissingExchangeRateRef = builder
  .objectRef<MissingExchangeRate>('MissingExchangeRate')
  .implement({
    description: 'No rate from → to is recorded on or before the date: record one (A4.6).',
    fields: (t) => ({
      from: t.string({ resolve: (rate) => rate.from }),
      to: t.string({ resolve: (rate) => rate.to }),
      date: t.field({ type: 'Date', resolve: (rate) => rate.date }),
      message: t.exposeString('message'),
    }),
  });

const BudgetTotalsRef = builder.objectRef<BudgetTotals>('BudgetTotals').implement({
  description:
    'Totals per currency and in the convention’s reporting currency, at the action’s start date (today while undated).',
  fields: (t) => ({
    reportingCurrency: t.string({ resolve: (totals) => totals.reportingCurrency }),
    date: t.field({
      type: 'Date',
      description: 'The date of the exchange rates used.',
      resolve: (totals) => totals.date,
    }),
    expenses: t.field({ type: ReportedAmountRef, resolve: (totals) => totals.expenses }),
    executedExpenses: t.field({
      type: ReportedAmountRef,
      resolve: (totals) => totals.executedExpenses,
    }),
    resources: t.field({
      type: ReportedAmountRef,
      description: 'What counts toward the balance (requested funding according to the policy).',
      resolve: (totals) => totals.resources,
    }),
    requestedFunding: t.field({
      type: ReportedAmountRef,
      resolve: (totals) => totals.requestedFunding,
    }),
    balance: t.field({
      type: ReportedAmountRef,
      description: 'resources − expenses: negative is a shortfall (A4.4).',
      resolve: (totals) => totals.balance,
    }),
    balanced: t.boolean({
      nullable: true,
      description: 'Null when a missing rate makes the balance unknown.',
      resolve: (totals) => totals.balanced,
    }),
    parties: t.field({ type: [PartyTotalRef], resolve: (totals) => totals.parties }),
    funders: t.field({ type: [FunderTotalRef], resolve: (totals) => totals.funders }),
    missingRates: t.field({
      type: [MissingExchangeRateRef],
      resolve: (totals) => totals.missingRates,
    }),
  }),
});

const BudgetViolationCodeEnum = builder.enumType('BudgetViolationCode', {
  values: {
    NO_EXPENSES: { description: 'Blocking: the budget has no expense.' },
    PARTY_CONTRIBUTES_NOTHING: { description: 'Blocking (A4.2): a party gives nothing.' },
    CONTRIBUTOR_NOT_A_PARTY: { description: 'Blocking: a contributor is not a party.' },
    UNBALANCED: { description: 'Blocking (A4.4): resources differ from expenses.' },
    MISSING_EXCHANGE_RATE: {
      description: 'Blocking (A4.6): the balance cannot be established without a rate.',
    },
    FUNDER_OVER_CAP: { description: 'Warning (A4.3): a co-funder above its cap.' },
    PARTY_BELOW_MINIMUM_SHARE: { description: 'Warning: a party below the policy’s minimum.' },
    REQUESTED_FUNDING_COUNTED: {
      description: 'Warning: funding still requested counts toward the balance.',
    },
  },
});

const BudgetViolationRef = builder.objectRef<BudgetViolation>('BudgetViolation').implement({
  description: 'A rule of A4 the budget breaks; a blocking one prevents its approval.',
  fields: (t) => ({
    code: t.field({ type: BudgetViolationCodeEnum, resolve: (violation) => violation.code }),
    message: t.string({
      resolve: async (violation, _args, context) => {
        const ids = partiesNamedBy(violation).map(Number);
        const rows = await collectivityRowLoader(context).loadMany(ids);
        const names = new Map(
          rows.flatMap((row) => (row && !(row instanceof Error) ? [[row.id, row.name]] : [])),
        );
        return violationMessage(violation, (id) => names.get(Number(id)) ?? id);
      },
    }),
    blocking: t.boolean({ resolve: (violation) => violation.blocking }),
    parties: t.field({
      type: [Collectivity],
      description: 'The parties concerned.',
      resolve: (violation) => partiesNamedBy(violation).map(Number),
    }),
    funder: t.field({
      type: Organization,
      nullable: true,
      description: 'The co-funder above its cap.',
      resolve: (violation) =>
        violation.code === 'FUNDER_OVER_CAP' ? Number(violation.funder) : null,
    }),
    funders: t.field({
      type: [Organization],
      description: 'The co-funders concerned.',
      resolve: (violation) =>
        violation.code === 'FUNDER_OVER_CAP'
          ? [Number(violation.funder)]
          : violation.code === 'REQUESTED_FUNDING_COUNTED'
            ? violation.funders.map(Number)
            : [],
    }),
    difference: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'UNBALANCED: resources − expenses in the reporting currency.',
      resolve: (violation) => (violation.code === 'UNBALANCED' ? violation.difference : null),
    }),
    missingRate: t.field({
      type: MissingExchangeRateRef,
      nullable: true,
      resolve: (violation) => (violation.code === 'MISSING_EXCHANGE_RATE' ? violation : null),
    }),
    sharePercent: t.string({
      nullable: true,
      resolve: (violation) => ('sharePercent' in violation ? violation.sharePercent : null),
    }),
  }),
});

export const Budget = builder.loadableNode('Budget', {
  description:
    'An action’s budget (A4): expenses, contributions, staff time, totals, violations and the parties’ joint approval. Its ID names it in `approve`.',
  id: { resolve: (budget: BudgetShape) => budget.id },
  authScopes: (budget) => ({ readConvention: budget.action.convention_id }),
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, async (ids) =>
      context.viewer
        ? (await findVisibleActions(context.db, context.viewer, ids)).map(budgetOfAction)
        : [],
    ),
  fields: (t) => ({
    action: t.field({ type: Action, resolve: (budget) => budget.action }),
    version: t.int({
      description:
        'Bumped by every change: the parties approve a version, and send it with each change.',
      resolve: (budget) => budget.action.budget_version,
    }),
    lines: t.field({
      type: [ExpenseLineRef],
      resolve: async (budget, _args, context) =>
        (await budgetRowsLoader(context).load(budget.id)).lines,
    }),
    contributions: t.field({
      type: [ContributionRef],
      resolve: async (budget, _args, context) =>
        (await budgetRowsLoader(context).load(budget.id)).contributions,
    }),
    staffAssignments: t.field({
      type: [StaffAssignmentRef],
      resolve: async (budget, _args, context) =>
        (await budgetRowsLoader(context).load(budget.id)).staff,
    }),
    totals: t.field({
      type: BudgetTotalsRef,
      resolve: async (budget, _args, context) => (await budgetView(context, budget)).totals,
    }),
    balance: t.field({
      type: ReportedAmountRef,
      description: 'resources − expenses (A4.4); the same as totals.balance.',
      resolve: async (budget, _args, context) => (await budgetView(context, budget)).totals.balance,
    }),
    violations: t.field({
      type: [BudgetViolationRef],
      description: 'Blocking ones first. A missing exchange rate is one of them, not an error.',
      resolve: async (budget, _args, context) => (await budgetView(context, budget)).violations(),
    }),
    approval: t.field({
      type: JointApprovalRef,
      description: 'A4.1: the budget is agreed once every party approved its current version.',
      resolve: (budget, _args, context) =>
        jointApprovalOf(context, {
          type: 'BUDGET',
          id: budget.id,
          version: budget.action.budget_version,
          conventionId: budget.action.convention_id,
        }),
    }),
  }),
});

builder.objectField(Action, 'budget', (t) =>
  t.field({
    type: Budget,
    // The action was checked, and its budget is of the same convention: not checked again.
    skipTypeScopes: true,
    resolve: (action) => budgetOfAction(action),
  }),
);

// ——— Joint approval of a budget (A4.1) ———

registerApprovalSubject({
  typename: 'Budget',
  type: 'BUDGET',
  async lock(trx, id) {
    const action = await findActionForUpdate(trx, id);
    return action ? { conventionId: action.convention_id, version: action.budget_version } : null;
  },
  // A4.2 and A4.4: a budget where a party gives nothing, or unbalanced, cannot be approved.
  async check(trx, id, context) {
    const action = await findActionForUpdate(trx, id);
    if (!action) throw new NotFoundError();
    const view = await budgetViewInTransaction(trx, context, action);
    const approvable = canApproveBudget(view.budget, view.policy, view.context);
    if (approvable.ok) return;
    const named = approvable.error.violations.flatMap(partiesNamedBy).map(Number);
    const names = new Map(
      (await findCollectivitiesByIds(trx, named)).map((row) => [row.id, row.name]),
    );
    throw new ValidationError(
      approvable.error.violations.map((violation) => ({
        path: ['input', 'subjectId'],
        message: violationMessage(violation, (party) => names.get(Number(party)) ?? party),
        code: violation.code,
      })),
    );
  },
  async load(trx, id) {
    const action = await findActionForUpdate(trx, id);
    if (!action) throw new NotFoundError();
    return budgetOfAction(action);
  },
});

// ——— Editing: every change takes the budget version the client saw and makes a new one ———

/**
 * The action whose budget changes, locked, once the viewer may edit its convention and the
 * version it saw is still the current one (else ConflictError, nothing written).
 */
async function budgetForChange(
  trx: Transaction<Database>,
  context: Context,
  actionId: number,
  budgetVersion: number,
): Promise<ActionRow> {
  const action = await actionForEdit(trx, context, actionId);
  if (action.budget_version !== budgetVersion) throw new ConflictError(action.budget_version);
  return action;
}

/** A4.1: a changed budget is a new version; the approvals of the previous one no longer count. */
async function newBudgetVersion(
  trx: Transaction<Database>,
  action: ActionRow,
): Promise<BudgetShape> {
  return budgetOfAction(await bumpBudgetVersion(trx, action.id));
}

/** The domain's input error on its field of the mutation's input. */
function addBudgetIssue(
  check: InputCheck,
  error: BudgetInputError,
  fields: Partial<Record<string, string>> = {},
): void {
  const field = fields[error.field] ?? (error.field === 'party' ? 'partyId' : error.field);
  check.add(['input', field], error.message, error.code);
}

function checkYear(check: InputCheck, year: number | null | undefined): number | null {
  return year == null ? null : check.integer(['input', 'year'], year, 1900, 2200);
}

function checkNotApplicable(check: InputCheck, field: string, value: unknown, why: string): void {
  if (value != null) check.add(['input', field], why, 'NOT_APPLICABLE');
}

/** The parties of the action's convention, as the domain checks a contribution against them. */
async function partiesOf(trx: Executor, action: ActionRow): Promise<Id<'Collectivity'>[]> {
  return (await findParties(trx, action.convention_id)).map((party) =>
    asId<'Collectivity'>(party.collectivity_id),
  );
}

/**
 * A party contributes only in its own name ("Access"): its cash, what it gives in kind and the
 * time of its staff are recorded by its own users.
 */
function requirePartyOwnName(context: Context, collectivityId: number | null): void {
  if (collectivityId !== null) context.access.requireActFor(collectivityId, 'contributes');
}

const BUDGET_ERRORS = { types: EDIT_ERRORS, dataField: { name: 'budget' } } as const;

/** What a change did to one item of a budget, for its audit entry. */
interface ItemChange {
  readonly action: ActionRow;
  readonly subjectType: 'ExpenseLine' | 'Contribution' | 'StaffAssignment';
  readonly subjectId: number;
  readonly before: object | null;
  readonly after: object | null;
}

/**
 * Every change to a budget's items runs the same way: one transaction (runMutation), the item
 * checked and written by `change`, its audit entry, and the budget as it now stands — a new
 * version after an edit (A4.1), the same version after execution recorded.
 */
function changeBudgetItem(
  context: Context,
  operation: string,
  change: (scope: MutationScope) => Promise<ItemChange>,
  version: 'new' | 'same' = 'new',
): Promise<BudgetShape> {
  return runMutation(context, operation, async (scope) => {
    const { action, ...entry } = await change(scope);
    await scope.audit({ conventionId: action.convention_id, ...entry });
    return version === 'new' ? newBudgetVersion(scope.trx, action) : budgetOfAction(action);
  });
}

// ——— Expense lines ———

const AddBudgetLineInput = builder.inputType('AddBudgetLineInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    budgetVersion: t.int({
      required: true,
      description: 'The budget version the change was made on.',
    }),
    category: t.field({ type: ExpenseCategoryEnum, required: true }),
    label: t.string({ required: true }),
    amount: t.field({ type: MoneyInput, required: true }),
    year: t.int({ description: 'The programme year it falls in.' }),
  }),
});

/**
 * The domain checks the label even while the amount is unreadable (then reported on its own):
 * zero in any currency stands in for it.
 */
const UNREAD_AMOUNT = zeroMoney(currency('EUR'));

builder.mutationField('addBudgetLine', (t) =>
  t.field({
    type: Budget,
    description: 'A planned expense, in its own currency.',
    args: { input: t.arg({ type: AddBudgetLineInput, required: true }) },
    errors: BUDGET_ERRORS,
    resolve: (_root, { input }, context) =>
      changeBudgetItem(context, 'addBudgetLine', async ({ trx }) => {
        const action = await budgetForChange(
          trx,
          context,
          requireDbId(input.actionId, 'Action'),
          input.budgetVersion,
        );
        const check = new InputCheck();
        const label = check.optionalText(['input', 'label'], input.label, 300) ?? '';
        const amount = readMoney(check, ['input', 'amount'], input.amount);
        const year = checkYear(check, input.year);
        const line = validateExpenseLine({
          category: input.category,
          label,
          amount: amount ?? UNREAD_AMOUNT,
        });
        if (!line.ok) addBudgetIssue(check, line.error);
        check.done();
        const row = await insertExpenseLine(trx, {
          action_id: action.id,
          category: input.category,
          label,
          amount: amount?.amount ?? 0n,
          currency: amount?.currency ?? '',
          executed_amount: null,
          executed_on: null,
          year,
        });
        return { action, subjectType: 'ExpenseLine', subjectId: row.id, before: null, after: row };
      }),
  }),
);

const UpdateBudgetLineInput = builder.inputType('UpdateBudgetLineInput', {
  description: 'Only the fields given change; null clears the year.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The expense line.' }),
    budgetVersion: t.int({ required: true }),
    category: t.field({ type: ExpenseCategoryEnum }),
    label: t.string(),
    amount: t.field({ type: MoneyInput }),
    year: t.int(),
  }),
});

builder.mutationField('updateBudgetLine', (t) =>
  t.field({
    type: Budget,
    args: { input: t.arg({ type: UpdateBudgetLineInput, required: true }) },
    errors: BUDGET_ERRORS,
    resolve: (_root, { input }, context) =>
      changeBudgetItem(context, 'updateBudgetLine', async ({ trx }) => {
        const before = await findExpenseLine(trx, requireDbId(input.id, 'ExpenseLine'));
        if (!before) throw new NotFoundError();
        const action = await budgetForChange(trx, context, before.action_id, input.budgetVersion);
        const check = new InputCheck();
        const changes: Updateable<ExpenseLineTable> = {};
        if (input.category != null) changes.category = input.category;
        if (input.label != null)
          changes.label = check.optionalText(['input', 'label'], input.label, 300) ?? '';
        if (input.amount != null) {
          const amount = readMoney(check, ['input', 'amount'], input.amount);
          if (amount) {
            changes.amount = amount.amount;
            changes.currency = amount.currency;
          }
        }
        if (input.year !== undefined) changes.year = checkYear(check, input.year);
        // Executed amounts stay in the line's currency (A4.6): the domain says so.
        const line = validateExpenseLine(expenseLineOf({ ...before, ...changes }));
        if (!line.ok) addBudgetIssue(check, line.error);
        check.done();
        const after = await updateVersioned(
          trx,
          'expense_line',
          before.id,
          before.version,
          changes,
        );
        return { action, subjectType: 'ExpenseLine', subjectId: before.id, before, after };
      }),
  }),
);

// ——— Contributions (A4.2, A4.3) ———

const AddContributionInput = builder.inputType('AddContributionInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    budgetVersion: t.int({ required: true }),
    kind: t.field({ type: ContributionKindEnum, required: true }),
    partyId: t.id({
      description:
        'PARTY_CASH / PARTY_IN_KIND: the viewer’s own collectivity (the default): a party contributes only in its own name.',
    }),
    organizationId: t.id({ description: 'FUNDER: the co-funding organisation.' }),
    fundingStatus: t.field({ type: FundingStatusEnum, description: 'FUNDER: required.' }),
    amount: t.field({ type: MoneyInput, required: true }),
    description: t.string({ description: 'PARTY_IN_KIND: what is given (required).' }),
    year: t.int(),
  }),
});

/** The contribution as the domain checks it, from the mutation's values. */
function domainContribution(values: {
  kind: ContributionKind;
  partyId: number | null;
  organizationId: number | null;
  amount: Money;
  description: string;
  fundingStatus: FundingStatus | null;
  executed?: Money | null;
}): DomainContribution {
  const executed = values.executed ?? null;
  if (values.kind === 'FUNDER') {
    return {
      kind: 'FUNDER',
      funder: asId<'Organization'>(values.organizationId ?? 0),
      amount: values.amount,
      status: values.fundingStatus ?? 'REQUESTED',
      executed,
    };
  }
  const party = asId<'Collectivity'>(values.partyId ?? 0);
  return values.kind === 'PARTY_CASH'
    ? { kind: 'PARTY_CASH', party, amount: values.amount, executed }
    : {
        kind: 'PARTY_IN_KIND',
        party,
        amount: values.amount,
        description: values.description,
        executed,
      };
}

builder.mutationField('addContribution', (t) =>
  t.field({
    type: Budget,
    description:
      'A party’s cash or in-kind contribution, in its own name; or a co-funder’s, recorded by any editor of a party.',
    args: { input: t.arg({ type: AddContributionInput, required: true }) },
    errors: BUDGET_ERRORS,
    resolve: (_root, { input }, context) =>
      changeBudgetItem(context, 'addContribution', async ({ trx, viewer }) => {
        const action = await budgetForChange(
          trx,
          context,
          requireDbId(input.actionId, 'Action'),
          input.budgetVersion,
        );
        const check = new InputCheck();
        const funder = input.kind === 'FUNDER';
        let partyId: number | null = null;
        let organizationId: number | null = null;
        if (funder) {
          checkNotApplicable(check, 'partyId', input.partyId, 'A co-funder is not a party');
          if (input.organizationId == null)
            check.add(['input', 'organizationId'], 'Name the co-funder', 'REQUIRED');
          else organizationId = await knownOrganization(trx, check, input.organizationId);
          if (input.fundingStatus == null)
            check.add(['input', 'fundingStatus'], 'Say where the funding stands', 'REQUIRED');
        } else {
          partyId = input.partyId
            ? requireDbId(input.partyId, 'Collectivity')
            : viewer.collectivityId;
          requirePartyOwnName(context, partyId);
          checkNotApplicable(check, 'organizationId', input.organizationId, 'Only for a co-funder');
          checkNotApplicable(check, 'fundingStatus', input.fundingStatus, 'Only for a co-funder');
        }
        const amount = readMoney(check, ['input', 'amount'], input.amount);
        const description =
          check.optionalText(['input', 'description'], input.description, 1000) ?? '';
        const year = checkYear(check, input.year);
        if (amount) {
          const valid = validateContribution(
            domainContribution({
              kind: input.kind,
              partyId,
              organizationId,
              amount,
              description,
              fundingStatus: input.fundingStatus ?? null,
            }),
            await partiesOf(trx, action),
          );
          if (!valid.ok) addBudgetIssue(check, valid.error);
        }
        check.done();
        const row = await insertContribution(trx, {
          action_id: action.id,
          kind: input.kind,
          collectivity_id: partyId,
          organization_id: organizationId,
          amount: amount?.amount ?? 0n,
          currency: amount?.currency ?? '',
          description,
          funding_status: funder ? (input.fundingStatus ?? null) : null,
          year,
          executed_amount: null,
          executed_on: null,
        });
        return { action, subjectType: 'Contribution', subjectId: row.id, before: null, after: row };
      }),
  }),
);

const UpdateContributionInput = builder.inputType('UpdateContributionInput', {
  description: 'Only the fields given change; the kind and the party do not.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The contribution.' }),
    budgetVersion: t.int({ required: true }),
    amount: t.field({ type: MoneyInput }),
    description: t.string(),
    organizationId: t.id({ description: 'FUNDER only.' }),
    fundingStatus: t.field({ type: FundingStatusEnum, description: 'FUNDER only.' }),
    year: t.int(),
  }),
});

builder.mutationField('updateContribution', (t) =>
  t.field({
    type: Budget,
    args: { input: t.arg({ type: UpdateContributionInput, required: true }) },
    errors: BUDGET_ERRORS,
    resolve: (_root, { input }, context) =>
      changeBudgetItem(context, 'updateContribution', async ({ trx }) => {
        const before = await findContribution(trx, requireDbId(input.id, 'Contribution'));
        if (!before) throw new NotFoundError();
        const action = await budgetForChange(trx, context, before.action_id, input.budgetVersion);
        requirePartyOwnName(context, before.collectivity_id);
        const check = new InputCheck();
        const changes: Updateable<ContributionTable> = {};
        if (before.kind === 'FUNDER') {
          if (input.organizationId != null)
            changes.organization_id = await knownOrganization(trx, check, input.organizationId);
          if (input.fundingStatus != null) changes.funding_status = input.fundingStatus;
        } else {
          checkNotApplicable(check, 'organizationId', input.organizationId, 'Only for a co-funder');
          checkNotApplicable(check, 'fundingStatus', input.fundingStatus, 'Only for a co-funder');
        }
        if (input.amount != null) {
          const amount = readMoney(check, ['input', 'amount'], input.amount);
          if (amount) {
            changes.amount = amount.amount;
            changes.currency = amount.currency;
          }
        }
        if (input.description != null)
          changes.description =
            check.optionalText(['input', 'description'], input.description, 1000) ?? '';
        if (input.year !== undefined) changes.year = checkYear(check, input.year);
        const valid = validateContribution(
          contributionOf({ ...before, ...changes }),
          await partiesOf(trx, action),
        );
        if (!valid.ok) addBudgetIssue(check, valid.error);
        check.done();
        const after = await updateVersioned(
          trx,
          'contribution',
          before.id,
          before.version,
          changes,
        );
        return { action, subjectType: 'Contribution', subjectId: before.id, before, after };
      }),
  }),
);

// ——— Staff time (A5) ———

const AddStaffAssignmentInput = builder.inputType('AddStaffAssignmentInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    budgetVersion: t.int({ required: true }),
    collectivityId: t.id({
      description: 'The employer: the viewer’s own collectivity (the default).',
    }),
    role: t.string({ description: '"Chargée de mission coopération".' }),
    days: t.string({ required: true, description: 'A decimal number of days: "2.5".' }),
    dailyCost: t.field({ type: MoneyInput, required: true }),
    year: t.int(),
  }),
});

/**
 * Days as the table keeps them, numeric(8,2) and above zero: the domain accepts zero days (a
 * contribution worth nothing), the table does not store it.
 */
const MAX_DAYS = 1_000_000;

function checkStoredDays(check: InputCheck, field: string, days: string): void {
  const value = Number(days);
  if (Number.isFinite(value) && (value <= 0 || value >= MAX_DAYS)) {
    check.add(['input', field], `A number of days above 0 and below ${MAX_DAYS}`, 'INVALID_DAYS');
  }
}

function staffTime(
  party: number,
  days: string,
  dailyCost: Money,
  executed?: Money | null,
): DomainContribution {
  return {
    kind: 'STAFF_TIME',
    party: asId<'Collectivity'>(party),
    days,
    dailyCost,
    executed: executed ?? null,
  };
}

builder.mutationField('addStaffAssignment', (t) =>
  t.field({
    type: Budget,
    description:
      'A5: staff of the viewer’s collectivity mobilised on the action, valued as its contribution.',
    args: { input: t.arg({ type: AddStaffAssignmentInput, required: true }) },
    errors: BUDGET_ERRORS,
    resolve: (_root, { input }, context) =>
      changeBudgetItem(context, 'addStaffAssignment', async ({ trx, viewer }) => {
        const action = await budgetForChange(
          trx,
          context,
          requireDbId(input.actionId, 'Action'),
          input.budgetVersion,
        );
        const employer = input.collectivityId
          ? requireDbId(input.collectivityId, 'Collectivity')
          : viewer.collectivityId;
        requirePartyOwnName(context, employer);
        const check = new InputCheck();
        const role = check.optionalText(['input', 'role'], input.role, 200) ?? '';
        const days = input.days.trim();
        const dailyCost = readMoney(check, ['input', 'dailyCost'], input.dailyCost);
        const year = checkYear(check, input.year);
        const valid = validateContribution(
          staffTime(employer, days, dailyCost ?? UNREAD_AMOUNT),
          await partiesOf(trx, action),
        );
        if (!valid.ok) addBudgetIssue(check, valid.error, { party: 'collectivityId' });
        else checkStoredDays(check, 'days', days);
        check.done();
        const row = await insertStaffAssignment(trx, {
          action_id: action.id,
          collectivity_id: employer,
          role,
          days,
          daily_cost: dailyCost?.amount ?? 0n,
          currency: dailyCost?.currency ?? '',
          year,
          executed_days: null,
          executed_on: null,
        });
        return {
          action,
          subjectType: 'StaffAssignment',
          subjectId: row.id,
          before: null,
          after: row,
        };
      }),
  }),
);

const UpdateStaffAssignmentInput = builder.inputType('UpdateStaffAssignmentInput', {
  description: 'Only the fields given change; the employer does not.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The staff assignment.' }),
    budgetVersion: t.int({ required: true }),
    role: t.string(),
    days: t.string(),
    dailyCost: t.field({ type: MoneyInput }),
    year: t.int(),
  }),
});

builder.mutationField('updateStaffAssignment', (t) =>
  t.field({
    type: Budget,
    args: { input: t.arg({ type: UpdateStaffAssignmentInput, required: true }) },
    errors: BUDGET_ERRORS,
    resolve: (_root, { input }, context) =>
      changeBudgetItem(context, 'updateStaffAssignment', async ({ trx }) => {
        const before = await findStaffAssignment(trx, requireDbId(input.id, 'StaffAssignment'));
        if (!before) throw new NotFoundError();
        const action = await budgetForChange(trx, context, before.action_id, input.budgetVersion);
        requirePartyOwnName(context, before.collectivity_id);
        const check = new InputCheck();
        const changes: Updateable<StaffAssignmentTable> = {};
        if (input.role != null)
          changes.role = check.optionalText(['input', 'role'], input.role, 200) ?? '';
        if (input.days != null) changes.days = input.days.trim();
        if (input.dailyCost != null) {
          const dailyCost = readMoney(check, ['input', 'dailyCost'], input.dailyCost);
          if (dailyCost) {
            changes.daily_cost = dailyCost.amount;
            changes.currency = dailyCost.currency;
          }
        }
        if (input.year !== undefined) changes.year = checkYear(check, input.year);
        const merged = { ...before, ...changes };
        const valid = validateContribution(
          staffTime(merged.collectivity_id, merged.days, staffDailyCost(merged)),
          await partiesOf(trx, action),
        );
        if (!valid.ok) addBudgetIssue(check, valid.error, { party: 'id' });
        else checkStoredDays(check, 'days', merged.days);
        check.done();
        const after = await updateVersioned(
          trx,
          'staff_assignment',
          before.id,
          before.version,
          changes,
        );
        return { action, subjectType: 'StaffAssignment', subjectId: before.id, before, after };
      }),
  }),
);

// ——— Removing an item ———

const RemoveBudgetItemInput = builder.inputType('RemoveBudgetItemInput', {
  description:
    'An expense line, a contribution or a staff assignment, and the budget version seen.',
  fields: (t) => ({
    id: t.id({ required: true }),
    budgetVersion: t.int({ required: true }),
  }),
});

/**
 * Removing an item: the same for the three kinds, but that a party's contribution and its staff
 * are removed only by its own users, as they are recorded.
 */
const REMOVALS = [
  {
    mutation: 'removeBudgetLine',
    subjectType: 'ExpenseLine',
    find: findExpenseLine,
    remove: deleteExpenseLine,
  },
  {
    mutation: 'removeContribution',
    subjectType: 'Contribution',
    find: findContribution,
    remove: deleteContribution,
  },
  {
    mutation: 'removeStaffAssignment',
    subjectType: 'StaffAssignment',
    find: findStaffAssignment,
    remove: deleteStaffAssignment,
  },
] as const;

for (const { mutation, subjectType, find, remove } of REMOVALS) {
  builder.mutationField(mutation, (t) =>
    t.field({
      type: Budget,
      args: { input: t.arg({ type: RemoveBudgetItemInput, required: true }) },
      errors: BUDGET_ERRORS,
      resolve: (_root, { input }, context) =>
        changeBudgetItem(context, mutation, async ({ trx }) => {
          const item = await find(trx, requireDbId(input.id, subjectType));
          if (!item) throw new NotFoundError();
          const action = await budgetForChange(trx, context, item.action_id, input.budgetVersion);
          if ('collectivity_id' in item) requirePartyOwnName(context, item.collectivity_id);
          await remove(trx, item.id);
          return { action, subjectType, subjectId: item.id, before: item, after: null };
        }),
    }),
  );
}

// ——— Execution: what was actually spent, paid or worked (A6, APD) ———

const RecordExecutionInput = builder.inputType('RecordExecutionInput', {
  description:
    'Sets what was executed on an expense line, a contribution or a staff assignment; leave `executed` and `executedDays` out to clear it.',
  fields: (t) => ({
    itemId: t.id({
      required: true,
      description: 'An ExpenseLine, a Contribution or a StaffAssignment.',
    }),
    version: t.int({ required: true, description: 'The item’s own version.' }),
    executed: t.field({
      type: MoneyInput,
      description: 'Line or contribution: in its own currency.',
    }),
    executedDays: t.string({ description: 'Staff assignment: the days actually worked.' }),
    executedOn: t.field({ type: 'Date', description: 'When: the year it counts in for the APD.' }),
  }),
});

type ExecutionInput = {
  itemId: string;
  version: number;
  executed?: { amount: string; currency: string } | null;
  executedDays?: string | null;
  executedOn?: IsoDate | null;
};

function typenameOf(globalId: string): string {
  try {
    return decodeGlobalID(globalId).typename;
  } catch {
    return '';
  }
}

/**
 * Recording execution does not make a new budget version: it states facts about the agreed
 * budget (A6 execution rate, APD) and must not clear the parties' agreement on it. Each item's own
 * version guards against two people recording on the same line at once.
 */
async function recordLineExecution(
  trx: Transaction<Database>,
  context: Context,
  input: ExecutionInput,
): Promise<ItemChange> {
  const before = await findExpenseLine(trx, requireDbId(input.itemId, 'ExpenseLine'));
  if (!before) throw new NotFoundError();
  const action = await actionForEdit(trx, context, before.action_id);
  const check = new InputCheck();
  checkNotApplicable(check, 'executedDays', input.executedDays, 'Only for staff time');
  const executed = input.executed ? readMoney(check, ['input', 'executed'], input.executed) : null;
  const line = validateExpenseLine({ ...expenseLineOf(before), executed });
  if (!line.ok) addBudgetIssue(check, line.error);
  check.done();
  const after = await updateVersioned(trx, 'expense_line', before.id, input.version, {
    executed_amount: executed?.amount ?? null,
    executed_on: input.executedOn ?? null,
  });
  return { action, subjectType: 'ExpenseLine', subjectId: before.id, before, after };
}

async function recordContributionExecution(
  trx: Transaction<Database>,
  context: Context,
  input: ExecutionInput,
): Promise<ItemChange> {
  const before = await findContribution(trx, requireDbId(input.itemId, 'Contribution'));
  if (!before) throw new NotFoundError();
  const action = await actionForEdit(trx, context, before.action_id);
  requirePartyOwnName(context, before.collectivity_id);
  const check = new InputCheck();
  checkNotApplicable(check, 'executedDays', input.executedDays, 'Only for staff time');
  const executed = input.executed ? readMoney(check, ['input', 'executed'], input.executed) : null;
  const valid = validateContribution(
    { ...contributionOf(before), executed },
    await partiesOf(trx, action),
  );
  if (!valid.ok) addBudgetIssue(check, valid.error);
  check.done();
  const after = await updateVersioned(trx, 'contribution', before.id, input.version, {
    executed_amount: executed?.amount ?? null,
    executed_on: input.executedOn ?? null,
  });
  return { action, subjectType: 'Contribution', subjectId: before.id, before, after };
}

async function recordStaffExecution(
  trx: Transaction<Database>,
  context: Context,
  input: ExecutionInput,
): Promise<ItemChange> {
  const before = await findStaffAssignment(trx, requireDbId(input.itemId, 'StaffAssignment'));
  if (!before) throw new NotFoundError();
  const action = await actionForEdit(trx, context, before.action_id);
  requirePartyOwnName(context, before.collectivity_id);
  const check = new InputCheck();
  checkNotApplicable(check, 'executed', input.executed, 'Staff time is executed in days');
  const executedDays = input.executedDays?.trim() || null;
  if (executedDays !== null) {
    const valid = validateContribution(
      staffTime(before.collectivity_id, executedDays, staffDailyCost(before)),
      await partiesOf(trx, action),
    );
    if (!valid.ok) addBudgetIssue(check, valid.error, { days: 'executedDays' });
    else checkStoredDays(check, 'executedDays', executedDays);
  }
  check.done();
  const after = await updateVersioned(trx, 'staff_assignment', before.id, input.version, {
    executed_days: executedDays,
    executed_on: input.executedOn ?? null,
  });
  return { action, subjectType: 'StaffAssignment', subjectId: before.id, before, after };
}

const EXECUTION_RECORDERS: Record<string, typeof recordLineExecution | undefined> = {
  ExpenseLine: recordLineExecution,
  Contribution: recordContributionExecution,
  StaffAssignment: recordStaffExecution,
};

builder.mutationField('recordExecution', (t) =>
  t.field({
    type: Budget,
    description:
      'What was actually spent, paid or worked. It does not change the agreed budget’s version.',
    args: { input: t.arg({ type: RecordExecutionInput, required: true }) },
    errors: BUDGET_ERRORS,
    resolve: (_root, { input }, context) =>
      changeBudgetItem(
        context,
        'recordExecution',
        async ({ trx }) => {
          const record = EXECUTION_RECORDERS[typenameOf(input.itemId)];
          if (!record) throw new NotFoundError();
          return record(trx, context, input);
        },
        'same',
      ),
  }),
);
