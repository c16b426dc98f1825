import { parseCurrency, sumMoney } from '@coop/domain';
import type { MoneyValue } from '../format/money.js';
import { moneyOf, moneyValueOf } from '../format/money-input.js';

/**
 * A convention's programme budget as the dashboard charts it: planned and executed, per party
 * and per axis, in the convention's reporting currency, summed exactly (A4.6) over its actions'
 * totals as the server computed them. Cancelled actions are left out, as in the evaluations;
 * an action whose total is unknown (a missing exchange rate) is counted apart, never guessed.
 */
export interface ProgrammeAction {
  readonly status: 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';
  readonly axis: { readonly id: string };
  readonly budget: {
    readonly totals: {
      readonly expenses: { readonly reporting: MoneyValue | null };
      readonly executedExpenses: { readonly reporting: MoneyValue | null };
      readonly parties: readonly {
        readonly collectivity: { readonly id: string };
        readonly planned: { readonly reporting: MoneyValue | null };
        readonly executed: { readonly reporting: MoneyValue | null };
      }[];
    };
  };
}

export interface ProgrammeBar {
  readonly id: string;
  readonly label: string;
  readonly planned: MoneyValue;
  readonly executed: MoneyValue;
}

export interface ProgrammeBudget {
  readonly currency: string;
  readonly byParty: readonly ProgrammeBar[];
  readonly byAxis: readonly ProgrammeBar[];
  /** Actions left out of the sums because a rate is missing for their totals. */
  readonly unknown: number;
}

function total(amounts: readonly (MoneyValue | null)[], currency: string): MoneyValue {
  const code = parseCurrency(currency);
  if (!code.ok) return { amount: '0', currency };
  return moneyValueOf(
    sumMoney(
      amounts.flatMap((amount) => (amount ? [moneyOf(amount)] : [])),
      code.value,
    ),
  );
}

export function programmeBudget(
  actions: readonly ProgrammeAction[],
  parties: readonly { readonly id: string; readonly name: string }[],
  axes: readonly { readonly id: string; readonly title: string }[],
  reportingCurrency: string,
): ProgrammeBudget {
  const counted = actions.filter((action) => action.status !== 'CANCELLED');
  const known = counted.filter(
    (action) =>
      action.budget.totals.expenses.reporting !== null &&
      action.budget.totals.parties.every((party) => party.planned.reporting !== null),
  );
  const byParty = parties.map((party) => {
    const totals = known.flatMap((action) =>
      action.budget.totals.parties.filter((entry) => entry.collectivity.id === party.id),
    );
    return {
      id: party.id,
      label: party.name,
      planned: total(
        totals.map((entry) => entry.planned.reporting),
        reportingCurrency,
      ),
      executed: total(
        totals.map((entry) => entry.executed.reporting),
        reportingCurrency,
      ),
    };
  });
  const byAxis = axes.map((axis) => {
    const ofAxis = known.filter((action) => action.axis.id === axis.id);
    return {
      id: axis.id,
      label: axis.title,
      planned: total(
        ofAxis.map((action) => action.budget.totals.expenses.reporting),
        reportingCurrency,
      ),
      executed: total(
        ofAxis.map((action) => action.budget.totals.executedExpenses.reporting),
        reportingCurrency,
      ),
    };
  });
  return {
    currency: reportingCurrency,
    byParty,
    byAxis,
    unknown: counted.length - known.length,
  };
}
