import {
  decimalFromNumber,
  divideDecimals,
  formatDecimal,
  parseDecimal,
  type Decimal,
} from './decimal.js';
import {
  applyRate,
  missingExchangeRate,
  rateOn,
  type AppliedRate,
  type ExchangeRate,
  type MissingExchangeRate,
} from './exchange-rate.js';
import type { CollectivityId, OrganizationId } from './ids.js';
import type { IsoDate } from './iso-date.js';
import {
  approve,
  type ApprovalError,
  type ApprovalRequest,
  type JointSubject,
} from './joint-approval.js';
import {
  formatMoney,
  multiplyMoney,
  sumByCurrency,
  type CurrencyCode,
  type Money,
} from './money.js';
import { err, ok, type Result } from './result.js';

/**
 * What an action spends on. A short, fixed list so that budgets of different conventions can be
 * compared and exported (IATI, APD): STAFF (salaries charged to the action), TRAVEL (transport of
 * missions), ACCOMMODATION (and meals of a stay), EQUIPMENT (goods bought), SERVICES (studies,
 * consultants, subcontracting), COMMUNICATION (publications, translation), EVENTS (venues,
 * exhibitions, festivals), TRAINING (courses, coaching), OTHER (anything else, named by its label).
 */
export type ExpenseCategory =
  | 'STAFF'
  | 'TRAVEL'
  | 'ACCOMMODATION'
  | 'EQUIPMENT'
  | 'SERVICES'
  | 'COMMUNICATION'
  | 'EVENTS'
  | 'TRAINING'
  | 'OTHER';

export const EXPENSE_CATEGORIES: readonly ExpenseCategory[] = [
  'STAFF',
  'TRAVEL',
  'ACCOMMODATION',
  'EQUIPMENT',
  'SERVICES',
  'COMMUNICATION',
  'EVENTS',
  'TRAINING',
  'OTHER',
];

/** One planned expense of an action, in its own currency, and what was actually spent. */
export interface ExpenseLine {
  readonly category: ExpenseCategory;
  readonly label: string;
  readonly amount: Money;
  /** Spent so far, in the same currency; null or absent while nothing is recorded. */
  readonly executed?: Money | null;
}

/** A4.3: where a funder's money stands. */
export type FundingStatus = 'REQUESTED' | 'GRANTED' | 'RECEIVED';

interface Executed {
  /**
   * What was actually paid or given, in the currency of the contribution (for staff time, the
   * value of the days actually worked); null or absent while nothing is recorded.
   */
  readonly executed?: Money | null;
  /** When it was paid or given: the year it counts in for the APD declaration. */
  readonly executedOn?: IsoDate | null;
}

/**
 * A resource of an action's budget (A4.2, A4.3, A5). A party participates in cash, in kind, or
 * with the time of its staff; a funder organisation co-finances.
 */
export type Contribution =
  | (Executed & {
      readonly kind: 'PARTY_CASH';
      readonly party: CollectivityId;
      readonly amount: Money;
    })
  | (Executed & {
      readonly kind: 'PARTY_IN_KIND';
      readonly party: CollectivityId;
      readonly amount: Money;
      readonly description: string;
    })
  | (Executed & {
      /** A5: "agents mobilisés", valued as the employer's in-kind contribution. */
      readonly kind: 'STAFF_TIME';
      readonly party: CollectivityId;
      /** A decimal number of days: "2.5". */
      readonly days: string;
      readonly dailyCost: Money;
    })
  | (Executed & {
      readonly kind: 'FUNDER';
      readonly funder: OrganizationId;
      readonly funderName?: string | null;
      readonly amount: Money;
      readonly status: FundingStatus;
    });

export type ContributionKind = Contribution['kind'];
export type PartyContribution = Exclude<Contribution, { kind: 'FUNDER' }>;
export type FunderContribution = Extract<Contribution, { kind: 'FUNDER' }>;

/** An action's budget: the parties that must each contribute, what it spends, what pays for it. */
export interface Budget {
  readonly parties: readonly CollectivityId[];
  readonly lines: readonly ExpenseLine[];
  readonly contributions: readonly Contribution[];
}

/**
 * The rules a convention or a funder may tune.
 * - funderCapPercent: the largest share of the action's total expenses one funder may cover
 *   (A4.3, "for example at most 50%"); null for no cap.
 * - minimumPartySharePercent: the smallest share of total expenses each party must cover; 0
 *   means only "above zero" (A4.2: "within its means", shares may be unequal).
 * - countRequestedFunding: whether funding still REQUESTED counts toward the balance. By default
 *   it does (a budget is usually approved before the funder answers), with a warning.
 */
export interface BudgetPolicy {
  readonly funderCapPercent: number | null;
  readonly minimumPartySharePercent: number;
  readonly countRequestedFunding: boolean;
}

export const DEFAULT_BUDGET_POLICY: BudgetPolicy = {
  funderCapPercent: 50,
  minimumPartySharePercent: 0,
  countRequestedFunding: true,
};

/** How amounts in several currencies are brought together: in which currency, at which date. */
export interface BudgetContext {
  readonly reportingCurrency: CurrencyCode;
  readonly rates: readonly ExchangeRate[];
  readonly date: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Contributions

/** What a contribution is worth: its amount, or days × daily cost rounded half to even. */
export function contributionValue(contribution: Contribution): Money {
  return contribution.kind === 'STAFF_TIME'
    ? multiplyMoney(contribution.dailyCost, contribution.days)
    : contribution.amount;
}

export function contributionExecutedValue(contribution: Contribution): Money | null {
  return contribution.executed ?? null;
}

export function isPartyContribution(contribution: Contribution): contribution is PartyContribution {
  return contribution.kind !== 'FUNDER';
}

export type BudgetInputError =
  | {
      readonly code:
        | 'NEGATIVE_AMOUNT'
        | 'INVALID_DAYS'
        | 'EMPTY_LABEL'
        | 'EMPTY_DESCRIPTION'
        | 'CURRENCY_MISMATCH';
      readonly field: string;
      readonly message: string;
    }
  | {
      readonly code: 'NOT_A_PARTY';
      readonly field: 'party';
      readonly party: CollectivityId;
      readonly message: string;
    };

/** Checks a line before it is added: a label, no negative amount, executed in the same currency. */
export function validateExpenseLine(line: ExpenseLine): Result<ExpenseLine, BudgetInputError> {
  if (line.label.trim() === '') {
    return err({ code: 'EMPTY_LABEL', field: 'label', message: 'an expense needs a label' });
  }
  const amountError = checkAmounts(line.amount, line.executed);
  return amountError ? err(amountError) : ok(line);
}

/**
 * Checks a contribution before it is added: a party's contribution comes from a party of the
 * budget, amounts are not negative, days are a decimal number, executed is in the same currency.
 */
export function validateContribution(
  contribution: Contribution,
  parties: readonly CollectivityId[],
): Result<Contribution, BudgetInputError> {
  if (isPartyContribution(contribution) && !parties.includes(contribution.party)) {
    return err({
      code: 'NOT_A_PARTY',
      field: 'party',
      party: contribution.party,
      message: `${contribution.party} is not a party to this action's budget`,
    });
  }
  if (contribution.kind === 'PARTY_IN_KIND' && contribution.description.trim() === '') {
    return err({
      code: 'EMPTY_DESCRIPTION',
      field: 'description',
      message: 'an in-kind contribution says what is given',
    });
  }
  if (contribution.kind === 'STAFF_TIME') {
    const days = parseDecimal(contribution.days);
    if (!days.ok || days.value.units < 0n || days.value.scale > 2) {
      return err({
        code: 'INVALID_DAYS',
        field: 'days',
        message: `"${contribution.days}" is not a number of days such as 2.5`,
      });
    }
    const error = checkAmounts(contribution.dailyCost, contribution.executed, 'dailyCost');
    return error ? err(error) : ok(contribution);
  }
  const error = checkAmounts(contribution.amount, contribution.executed);
  return error ? err(error) : ok(contribution);
}

function checkAmounts(
  amount: Money,
  executed: Money | null | undefined,
  field = 'amount',
): BudgetInputError | null {
  if (amount.amount < 0n) {
    return { code: 'NEGATIVE_AMOUNT', field, message: `${field} cannot be negative` };
  }
  if (executed && executed.amount < 0n) {
    return { code: 'NEGATIVE_AMOUNT', field: 'executed', message: 'executed cannot be negative' };
  }
  if (executed && field === 'amount' && executed.currency !== amount.currency) {
    return {
      code: 'CURRENCY_MISMATCH',
      field: 'executed',
      message: `executed is in ${executed.currency} but the amount is in ${amount.currency}`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Totals

/**
 * An amount spread over currencies: exact per currency, and in the reporting currency. Each
 * currency's sum is converted once (so the order of lines never matters); `reporting` is null
 * when a rate is missing, and the missing rate is listed in the totals.
 */
export interface ReportedAmount {
  readonly byCurrency: Money[];
  readonly reporting: Money | null;
}

export interface PartyTotal {
  readonly party: CollectivityId;
  readonly planned: ReportedAmount;
  readonly executed: ReportedAmount;
  /** Percent of total expenses (display only, two decimals); null when unknown or no expenses. */
  readonly sharePercent: string | null;
}

export interface FunderTotal {
  readonly funder: OrganizationId;
  readonly funderName: string | null;
  readonly planned: ReportedAmount;
  readonly executed: ReportedAmount;
  /** The statuses of this funder's contributions, each once. */
  readonly statuses: FundingStatus[];
  readonly sharePercent: string | null;
}

export interface BudgetTotals {
  readonly reportingCurrency: CurrencyCode;
  readonly date: IsoDate;
  readonly expenses: ReportedAmount;
  readonly executedExpenses: ReportedAmount;
  /** The resources counted toward the balance (requested funding only if the policy says so). */
  readonly resources: ReportedAmount;
  /** Funding still REQUESTED, counted in `resources` or not according to the policy. */
  readonly requestedFunding: ReportedAmount;
  /** resources − expenses: positive is a surplus, negative a shortfall. */
  readonly balance: ReportedAmount;
  /** null when a missing rate makes the balance unknown. */
  readonly balanced: boolean | null;
  readonly parties: PartyTotal[];
  readonly funders: FunderTotal[];
  readonly missingRates: MissingExchangeRate[];
}

/**
 * Brings amounts into the reporting currency. Rates are looked up once per currency and missing
 * ones are remembered, so a whole budget is converted with a handful of look-ups.
 */
class Reporter {
  readonly #context: BudgetContext;
  readonly #missing = new Map<CurrencyCode, MissingExchangeRate>();
  readonly #rates = new Map<CurrencyCode, AppliedRate | null>();

  constructor(context: BudgetContext) {
    this.#context = context;
  }

  convert(money: Money): Money | null {
    const { reportingCurrency, rates, date } = this.#context;
    if (money.currency === reportingCurrency) return money;
    let applied = this.#rates.get(money.currency);
    if (applied === undefined) {
      applied = rateOn(rates, money.currency, reportingCurrency, date);
      this.#rates.set(money.currency, applied);
    }
    if (!applied) {
      this.#missing.set(
        money.currency,
        missingExchangeRate(money.currency, reportingCurrency, date),
      );
      return null;
    }
    return applyRate(money, reportingCurrency, applied);
  }

  report(amounts: readonly Money[]): ReportedAmount {
    const byCurrency = sumByCurrency(amounts);
    let total: bigint | null = 0n;
    for (const money of byCurrency) {
      const converted = this.convert(money);
      total = converted && total !== null ? total + converted.amount : null;
    }
    return {
      byCurrency,
      reporting:
        total === null ? null : { amount: total, currency: this.#context.reportingCurrency },
    };
  }

  get missingRates(): MissingExchangeRate[] {
    return [...this.#missing.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
  }
}

/**
 * The budget's totals per currency and in the reporting currency, per party and per funder.
 *
 * Balance rule (A4.4): for each currency, resources − expenses is computed exactly; those
 * differences are converted to the reporting currency and added. The budget is balanced when
 * that sum is exactly zero. When every amount shares one currency this is exact equality of
 * resources and expenses; across currencies, a currency that balances on its own contributes an
 * exact zero, so rounding never unbalances it.
 */
export function budgetTotals(
  budget: Budget,
  context: BudgetContext,
  policy: Pick<BudgetPolicy, 'countRequestedFunding'> = DEFAULT_BUDGET_POLICY,
): BudgetTotals {
  const reporter = new Reporter(context);
  const expenseAmounts = budget.lines.map((line) => line.amount);
  const executedAmounts: Money[] = [];
  for (const line of budget.lines) if (line.executed) executedAmounts.push(line.executed);

  const counted: Money[] = [];
  const requested: Money[] = [];
  const byParty = new Map<CollectivityId, { planned: Money[]; executed: Money[] }>(
    budget.parties.map((party) => [party, { planned: [], executed: [] }]),
  );
  const byFunder = new Map<
    OrganizationId,
    { name: string | null; planned: Money[]; executed: Money[]; statuses: Set<FundingStatus> }
  >();
  for (const contribution of budget.contributions) {
    const value = contributionValue(contribution);
    if (contribution.kind === 'FUNDER') {
      if (contribution.status === 'REQUESTED') requested.push(value);
      if (contribution.status !== 'REQUESTED' || policy.countRequestedFunding) counted.push(value);
      const entry = byFunder.get(contribution.funder) ?? {
        name: null,
        planned: [],
        executed: [],
        statuses: new Set<FundingStatus>(),
      };
      entry.name ??= contribution.funderName ?? null;
      entry.planned.push(value);
      if (contribution.executed) entry.executed.push(contribution.executed);
      entry.statuses.add(contribution.status);
      byFunder.set(contribution.funder, entry);
    } else {
      counted.push(value);
      const entry = byParty.get(contribution.party) ?? { planned: [], executed: [] };
      entry.planned.push(value);
      if (contribution.executed) entry.executed.push(contribution.executed);
      byParty.set(contribution.party, entry);
    }
  }

  const expenses = reporter.report(expenseAmounts);
  const resources = reporter.report(counted);
  const differences = sumByCurrency([
    ...counted,
    ...expenseAmounts.map((money) => ({ amount: -money.amount, currency: money.currency })),
  ]);
  const balance = reporter.report(differences);
  const share = (amount: Money | null): string | null => percentOf(amount, expenses.reporting);

  const parties = [...byParty.entries()].map(([party, entry]): PartyTotal => {
    const planned = reporter.report(entry.planned);
    return {
      party,
      planned,
      executed: reporter.report(entry.executed),
      sharePercent: share(planned.reporting),
    };
  });
  const funders = [...byFunder.entries()].map(([funder, entry]): FunderTotal => {
    const planned = reporter.report(entry.planned);
    return {
      funder,
      funderName: entry.name,
      planned,
      executed: reporter.report(entry.executed),
      statuses: [...entry.statuses],
      sharePercent: share(planned.reporting),
    };
  });

  return {
    reportingCurrency: context.reportingCurrency,
    date: context.date,
    expenses,
    executedExpenses: reporter.report(executedAmounts),
    resources,
    requestedFunding: reporter.report(requested),
    balance,
    balanced: balance.reporting === null ? null : balance.reporting.amount === 0n,
    parties,
    funders,
    missingRates: reporter.missingRates,
  };
}

/** part / whole as a percentage with two decimals, half to even ("33.33"). */
function percentOf(part: Money | null, whole: Money | null): string | null {
  if (!part || !whole || whole.amount === 0n) return null;
  return formatDecimal(
    divideDecimals({ units: part.amount * 100n, scale: 0 }, { units: whole.amount, scale: 0 }, 2),
  );
}

/** part / whole > percent / 100, decided exactly (no float crosses the threshold by accident). */
function exceedsPercent(part: bigint, whole: bigint, percent: Decimal): boolean {
  return part * 100n * 10n ** BigInt(percent.scale) > percent.units * whole;
}

// ---------------------------------------------------------------------------------------------
// Violations

export type BudgetViolation =
  | { readonly code: 'NO_EXPENSES'; readonly blocking: true; readonly message: string }
  | {
      readonly code: 'PARTY_CONTRIBUTES_NOTHING';
      readonly blocking: true;
      readonly parties: CollectivityId[];
      readonly message: string;
    }
  | {
      readonly code: 'CONTRIBUTOR_NOT_A_PARTY';
      readonly blocking: true;
      readonly parties: CollectivityId[];
      readonly message: string;
    }
  | {
      readonly code: 'UNBALANCED';
      readonly blocking: true;
      /** resources − expenses in the reporting currency: negative is a shortfall. */
      readonly difference: Money;
      readonly differenceByCurrency: Money[];
      readonly message: string;
    }
  | (MissingExchangeRate & { readonly blocking: true })
  | {
      readonly code: 'FUNDER_OVER_CAP';
      readonly blocking: false;
      readonly funder: OrganizationId;
      readonly funderName: string | null;
      readonly sharePercent: string;
      readonly capPercent: number;
      readonly message: string;
    }
  | {
      readonly code: 'PARTY_BELOW_MINIMUM_SHARE';
      readonly blocking: false;
      readonly parties: CollectivityId[];
      readonly sharePercent: string;
      readonly minimumPercent: number;
      readonly message: string;
    }
  | {
      readonly code: 'REQUESTED_FUNDING_COUNTED';
      readonly blocking: false;
      readonly funders: OrganizationId[];
      readonly amount: ReportedAmount;
      readonly message: string;
    };

export type BudgetViolationCode = BudgetViolation['code'];

/**
 * Every rule the budget breaks, blocking ones first. Blocking (the budget cannot be approved):
 * no expenses, a party giving nothing (A4.2), a contributor outside the parties, unbalanced
 * (A4.4), or a missing exchange rate (the balance cannot be established). Warnings: a funder
 * above its cap (A4.3, the funder decides), a party below the policy's minimum share, and
 * requested funding counted before it is granted.
 */
export function budgetViolations(
  budget: Budget,
  policy: BudgetPolicy,
  context: BudgetContext,
  totals: BudgetTotals = budgetTotals(budget, context, policy),
): BudgetViolation[] {
  const violations: BudgetViolation[] = [];
  if (budget.lines.length === 0) {
    violations.push({ code: 'NO_EXPENSES', blocking: true, message: 'the budget has no expense' });
  }

  const giving = new Set<CollectivityId>();
  const outsiders = new Set<CollectivityId>();
  for (const contribution of budget.contributions) {
    if (!isPartyContribution(contribution)) continue;
    if (!budget.parties.includes(contribution.party)) outsiders.add(contribution.party);
    if (contributionValue(contribution).amount > 0n) giving.add(contribution.party);
  }
  const givingNothing = budget.parties.filter((party) => !giving.has(party));
  if (givingNothing.length > 0) {
    violations.push({
      code: 'PARTY_CONTRIBUTES_NOTHING',
      blocking: true,
      parties: givingNothing,
      message: `every party contributes to every action (A4): ${givingNothing.join(', ')} gives nothing`,
    });
  }
  if (outsiders.size > 0) {
    violations.push({
      code: 'CONTRIBUTOR_NOT_A_PARTY',
      blocking: true,
      parties: [...outsiders],
      message: `${[...outsiders].join(', ')} contributes but is not a party to the budget`,
    });
  }

  for (const missing of totals.missingRates) violations.push({ ...missing, blocking: true });

  const difference = totals.balance.reporting;
  if (difference && difference.amount !== 0n) {
    violations.push({
      code: 'UNBALANCED',
      blocking: true,
      difference,
      differenceByCurrency: totals.balance.byCurrency.filter((m) => m.amount !== 0n),
      message:
        difference.amount < 0n
          ? `resources fall short of expenses by ${formatMoney({ ...difference, amount: -difference.amount })} ${difference.currency}`
          : `resources exceed expenses by ${formatMoney(difference)} ${difference.currency}`,
    });
  }

  const expenses = totals.expenses.reporting?.amount ?? null;
  if (policy.funderCapPercent !== null && expenses !== null && expenses > 0n) {
    const cap = decimalFromNumber(policy.funderCapPercent);
    for (const funder of totals.funders) {
      const amount = funder.planned.reporting?.amount;
      if (amount === undefined || !exceedsPercent(amount, expenses, cap)) continue;
      const sharePercent = funder.sharePercent ?? '';
      violations.push({
        code: 'FUNDER_OVER_CAP',
        blocking: false,
        funder: funder.funder,
        funderName: funder.funderName,
        sharePercent,
        capPercent: policy.funderCapPercent,
        message: `${funder.funderName ?? funder.funder} would cover ${sharePercent}% of expenses, above its cap of ${policy.funderCapPercent}%`,
      });
    }
  }

  if (policy.minimumPartySharePercent > 0 && expenses !== null && expenses > 0n) {
    const minimum = decimalFromNumber(policy.minimumPartySharePercent);
    for (const party of totals.parties) {
      const amount = party.planned.reporting?.amount;
      if (amount === undefined || !giving.has(party.party)) continue;
      // below the minimum ⇔ minimum exceeds the share: compare the other way round, exactly.
      if (amount * 100n * 10n ** BigInt(minimum.scale) >= minimum.units * expenses) continue;
      const sharePercent = party.sharePercent ?? '';
      violations.push({
        code: 'PARTY_BELOW_MINIMUM_SHARE',
        blocking: false,
        parties: [party.party],
        sharePercent,
        minimumPercent: policy.minimumPartySharePercent,
        message: `${party.party} covers ${sharePercent}% of expenses, below the minimum of ${policy.minimumPartySharePercent}%`,
      });
    }
  }

  const requestedFunders = totals.funders
    .filter((funder) => funder.statuses.includes('REQUESTED'))
    .map((funder) => funder.funder);
  if (policy.countRequestedFunding && requestedFunders.length > 0) {
    violations.push({
      code: 'REQUESTED_FUNDING_COUNTED',
      blocking: false,
      funders: requestedFunders,
      amount: totals.requestedFunding,
      message: 'the balance counts funding that is requested but not yet granted',
    });
  }
  return violations;
}

export interface BudgetNotApprovable {
  readonly code: 'BUDGET_NOT_APPROVABLE';
  readonly violations: BudgetViolation[];
  readonly message: string;
}

/** A4.2 and A4.4: whether the parties may approve the budget, or what blocks it. */
export function canApproveBudget(
  budget: Budget,
  policy: BudgetPolicy,
  context: BudgetContext,
): Result<BudgetTotals, BudgetNotApprovable> {
  const totals = budgetTotals(budget, context, policy);
  const blocking = budgetViolations(budget, policy, context, totals).filter((v) => v.blocking);
  if (blocking.length === 0) return ok(totals);
  return err({
    code: 'BUDGET_NOT_APPROVABLE',
    violations: blocking,
    message: blocking.map((v) => v.message).join('; '),
  });
}

/**
 * A4.1: one party's approval of a budget version, refused while the budget breaks a blocking
 * rule. The budget is agreed once every party approved the same version (joint-approval).
 */
export function approveBudget<B extends Budget & JointSubject>(
  budget: B,
  request: ApprovalRequest,
  policy: BudgetPolicy,
  context: BudgetContext,
): Result<B, ApprovalError | BudgetNotApprovable> {
  const approvable = canApproveBudget(budget, policy, context);
  if (!approvable.ok) return approvable;
  return approve(budget, request);
}
