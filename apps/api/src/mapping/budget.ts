import {
  asId,
  DEFAULT_BUDGET_POLICY,
  multiplyMoney,
  type Budget,
  type BudgetContext,
  type BudgetPolicy,
  type Contribution,
  type CurrencyCode,
  type ExchangeRate,
  type ExpenseCategory,
  type ExpenseLine,
  type IsoDate,
  type Money,
} from '@coop/domain';
import type { ConventionRow } from '../db/tables/convention.js';
import type { BudgetRows } from '../repositories/budget.js';

/** Rows → the domain's values for the budget rules (A4, A5). Every rule itself is in @coop/domain. */
export function money(amount: bigint, currency: string): Money {
  return { amount, currency: currency as CurrencyCode };
}

function executed(amount: bigint | null, currency: string): Money | null {
  return amount === null ? null : money(amount, currency);
}

export function expenseLineOf(row: BudgetRows['lines'][number]): ExpenseLine {
  return {
    category: row.category as ExpenseCategory,
    label: row.label,
    amount: money(row.amount, row.currency),
    executed: executed(row.executed_amount, row.currency),
  };
}

export function contributionOf(row: BudgetRows['contributions'][number]): Contribution {
  // Spelled out rather than spread: this runs for every contribution of a national dashboard.
  const amount = money(row.amount, row.currency);
  const done = executed(row.executed_amount, row.currency);
  const executedOn = row.executed_on as IsoDate | null;
  if (row.kind === 'FUNDER') {
    return {
      kind: 'FUNDER',
      funder: asId<'Organization'>(row.organization_id ?? 0),
      funderName: row.organization_name,
      amount,
      status: row.funding_status ?? 'REQUESTED',
      executed: done,
      executedOn,
    };
  }
  const party = asId<'Collectivity'>(row.collectivity_id ?? 0);
  return row.kind === 'PARTY_CASH'
    ? { kind: 'PARTY_CASH', party, amount, executed: done, executedOn }
    : {
        kind: 'PARTY_IN_KIND',
        party,
        amount,
        description: row.description,
        executed: done,
        executedOn,
      };
}

/** Staff time (A5) as the employer's contribution; its executed value is the days actually worked. */
export function staffContributionOf(row: BudgetRows['staff'][number]): Contribution {
  return {
    kind: 'STAFF_TIME',
    party: asId<'Collectivity'>(row.collectivity_id),
    days: row.days,
    dailyCost: money(row.daily_cost, row.currency),
    executed:
      row.executed_days === null
        ? null
        : multiplyMoney(money(row.daily_cost, row.currency), row.executed_days),
    executedOn: row.executed_on as IsoDate | null,
  };
}

export function budgetOf(rows: BudgetRows, partyIds: readonly number[]): Budget {
  return {
    parties: partyIds.map((id) => asId<'Collectivity'>(id)),
    lines: rows.lines.map(expenseLineOf),
    contributions: [
      ...rows.contributions.map(contributionOf),
      ...rows.staff.map(staffContributionOf),
    ],
  };
}

/** The convention's policy (A4.2, A4.3), the domain's defaults for the rest. */
export function budgetPolicyOf(convention: ConventionRow): BudgetPolicy {
  return {
    ...DEFAULT_BUDGET_POLICY,
    funderCapPercent: convention.funder_cap_percent,
    minimumPartySharePercent: convention.minimum_party_share_percent,
  };
}

export function budgetContextOf(
  convention: ConventionRow,
  rates: readonly ExchangeRate[],
  date: IsoDate,
): BudgetContext {
  return { reportingCurrency: convention.reporting_currency as CurrencyCode, rates, date };
}
