import { splitEvenly } from './allocation.js';
import type { Budget, PartyContribution } from './budget.js';
import {
  missingExchangeRate,
  rateOn,
  applyRate,
  type ExchangeRate,
  type MissingExchangeRate,
} from './exchange-rate.js';
import type { ActionId, CollectivityId } from './ids.js';
import { yearOf, type IsoDate } from './iso-date.js';
import { sumByCurrency, zeroMoney, type CurrencyCode, type Money } from './money.js';

/** An action as the APD declaration reads it. */
export interface ApdAction {
  readonly id: ActionId;
  readonly title: string;
  /** ISO 3166-1 alpha-2 codes of the partner parties' countries ("MA" for Chefchaouen). */
  readonly partnerCountries: readonly string[];
  readonly endDate: IsoDate | null;
  readonly budget: Pick<Budget, 'contributions'>;
}

export interface ApdInput {
  readonly collectivity: CollectivityId;
  /** The collectivity's own currency: the declaration is made in it. */
  readonly currency: CurrencyCode;
  readonly year: number;
  readonly actions: readonly ApdAction[];
  readonly rates: readonly ExchangeRate[];
}

export interface ApdActionLine {
  readonly actionId: ActionId;
  readonly title: string;
  readonly cash: Money;
  readonly inKind: Money;
  readonly staffTime: Money;
  readonly total: Money;
}

export interface ApdCountry {
  /** ISO 3166-1 alpha-2, or "" for actions with no partner country recorded. */
  readonly country: string;
  readonly actions: ApdActionLine[];
  readonly total: Money;
}

export interface ApdDeclaration {
  readonly collectivity: CollectivityId;
  readonly year: number;
  readonly currency: CurrencyCode;
  readonly countries: ApdCountry[];
  readonly total: Money;
  /** Executed contributions with no date to place them in a year: not declared, to be dated. */
  readonly undated: { readonly actionId: ActionId; readonly kind: PartyContribution['kind'] }[];
  /** Amounts in a currency without a rate are left out and listed here. */
  readonly missingRates: MissingExchangeRate[];
}

type Kind = PartyContribution['kind'];
const KINDS: readonly Kind[] = ['PARTY_CASH', 'PARTY_IN_KIND', 'STAFF_TIME'];

/**
 * The year's development-assistance (APD) declaration of one collectivity: its OWN funds — cash,
 * in kind, staff time — actually spent on cooperation actions in the calendar year, by partner
 * country, in its currency. Funders' money is theirs to declare and is left out.
 *
 * - Only executed values count (what was paid or given, not what was planned).
 * - A contribution counts in the year of its `executedOn` date, or else of the action's end date.
 * - Amounts in another currency are converted at the rate in force on 31 December of the year.
 * - An action with several partner countries is split evenly between them, losing no cent.
 */
export function apdDeclaration(input: ApdInput): ApdDeclaration {
  const { currency, year } = input;
  const yearEnd = `${year}-12-31` as IsoDate;
  const missing = new Map<CurrencyCode, MissingExchangeRate>();
  const undated: ApdDeclaration['undated'] = [];
  const convert = (money: Money): bigint => {
    if (money.currency === currency) return money.amount;
    const applied = rateOn(input.rates, money.currency, currency, yearEnd);
    if (!applied) {
      missing.set(money.currency, missingExchangeRate(money.currency, currency, yearEnd));
      return 0n;
    }
    return applyRate(money, currency, applied).amount;
  };

  const byCountry = new Map<string, ApdActionLine[]>();
  for (const action of input.actions) {
    const spent: Record<Kind, Money[]> = { PARTY_CASH: [], PARTY_IN_KIND: [], STAFF_TIME: [] };
    for (const contribution of action.budget.contributions) {
      if (contribution.kind === 'FUNDER' || contribution.party !== input.collectivity) continue;
      if (!contribution.executed) continue;
      const date = contribution.executedOn ?? action.endDate;
      if (!date) {
        undated.push({ actionId: action.id, kind: contribution.kind });
        continue;
      }
      if (yearOf(date) === year) spent[contribution.kind].push(contribution.executed);
    }
    const amounts = KINDS.map((kind) =>
      sumByCurrency(spent[kind]).reduce((total, money) => total + convert(money), 0n),
    );
    if (amounts.every((amount) => amount === 0n)) continue;
    const countries = action.partnerCountries.length > 0 ? action.partnerCountries : [''];
    const shares = amounts.map((amount) => splitEvenly({ amount, currency }, countries.length));
    countries.forEach((country, index) => {
      const [cash, inKind, staffTime] = shares.map((parts) => parts[index] ?? zeroMoney(currency));
      const line: ApdActionLine = {
        actionId: action.id,
        title: action.title,
        cash: cash ?? zeroMoney(currency),
        inKind: inKind ?? zeroMoney(currency),
        staffTime: staffTime ?? zeroMoney(currency),
        total: {
          amount: (cash?.amount ?? 0n) + (inKind?.amount ?? 0n) + (staffTime?.amount ?? 0n),
          currency,
        },
      };
      byCountry.set(country, [...(byCountry.get(country) ?? []), line]);
    });
  }

  const countries: ApdCountry[] = [...byCountry.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([country, actions]) => ({
      country,
      actions,
      total: { amount: actions.reduce((sum, line) => sum + line.total.amount, 0n), currency },
    }));
  return {
    collectivity: input.collectivity,
    year,
    currency,
    countries,
    total: { amount: countries.reduce((sum, c) => sum + c.total.amount, 0n), currency },
    undated,
    missingRates: [...missing.values()],
  };
}
