import {
  compareDates,
  contributionValue,
  convertMoney,
  isPartyContribution,
  splitMoney,
  sumByCurrency,
  yearOf,
  type CurrencyCode,
  type IsoDate,
  type Money,
} from '@coop/domain';
import { expenseLineOf } from '../../mapping/budget.js';
import type { ActionBudget } from './convention-export.js';
import {
  iatiOrganisationRef,
  LOCAL_GOVERNMENT,
  ORGANISATION_TYPE,
  TRANSACTION,
} from './iati-codes.js';
import type { IatiAction, IatiSource } from './iati-xml.js';

/** An action's money in IATI terms: yearly budgets and dated transactions (A4). */

// ——— Calendar ———

/** Actual dates and transactions are never after today (IATI rule). */
export const notAfter = (date: IsoDate | null, today: IsoDate): date is IsoDate =>
  date !== null && compareDates(date, today) <= 0;

export const firstOfYear = (year: number) => `${year}-01-01` as IsoDate;
export const lastOfYear = (year: number) => `${year}-12-31` as IsoDate;

const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) >= 0 ? a : b);
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) <= 0 ? a : b);

function daysBetween(first: IsoDate, last: IsoDate): number {
  return Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1;
}

// ——— Budgets: one per year, never longer than a year (IATI rule) ———

export interface YearlyBudget {
  readonly year: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly amount: Money;
}

/**
 * The action's expenses (A4) by calendar year: a line with a year goes to that year; a line
 * without one is spread over the action's period in proportion to its days in each year
 * (splitMoney: no cent lost). Each year's period is the action's part of that year, or the
 * whole year when the action does not cover it (or only one day of it). A year's amounts are
 * converted into the convention's reporting currency at the period's start; with a rate
 * missing, that year gets one budget per currency instead.
 */
export function yearlyBudgets(
  source: Pick<IatiSource, 'rates' | 'convention'>,
  action: ActionBudget,
): YearlyBudget[] {
  const start = (action.action.start_date ?? action.action.end_date) as IsoDate | null;
  const end = (action.action.end_date ?? action.action.start_date) as IsoDate | null;
  const spans: { year: number; start: IsoDate; end: IsoDate }[] = [];
  if (start && end) {
    for (let year = yearOf(start); year <= yearOf(end); year++) {
      spans.push({
        year,
        start: maxDate(start, firstOfYear(year)),
        end: minDate(end, lastOfYear(year)),
      });
    }
  }
  const byYear = new Map<number, Money[]>();
  const add = (year: number, money: Money) =>
    byYear.set(year, [...(byYear.get(year) ?? []), money]);
  for (const row of action.rows.lines) {
    const line = expenseLineOf(row);
    if (row.year !== null) add(row.year, line.amount);
    else if (spans.length > 0) {
      const parts = splitMoney(
        line.amount,
        spans.map((span) => daysBetween(span.start, span.end)),
      );
      spans.forEach((span, index) => add(span.year, parts[index] ?? line.amount));
    }
  }
  const reporting = source.convention.reporting_currency.trim() as CurrencyCode;
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([year, amounts]) => {
      const span = spans.find((candidate) => candidate.year === year);
      const period =
        span && compareDates(span.start, span.end) < 0
          ? span
          : { start: firstOfYear(year), end: lastOfYear(year) };
      const sums = sumByCurrency(amounts).filter((money) => money.amount > 0n);
      const converted = sums.map((money) =>
        convertMoney(money, reporting, source.rates, period.start),
      );
      if (sums.length === 0) return [];
      if (converted.every((result) => result.ok)) {
        const total = converted.reduce((sum, result) => sum + result.value.amount, 0n);
        return [{ year, ...period, amount: { amount: total, currency: reporting } }];
      }
      return sums.map((amount) => ({ year, ...period, amount }));
    });
}

// ——— Transactions ———

export interface OrgRef {
  readonly name: string;
  readonly attributes: Record<string, string>;
}

export interface Transaction {
  readonly type: string;
  readonly date: IsoDate;
  readonly amount: Money;
  readonly description: string;
  readonly provider?: OrgRef;
  readonly receiver?: OrgRef;
}

/**
 * - Incoming funds (1) from a co-funder once RECEIVED, incoming commitment (11) once GRANTED,
 *   dated when executed, else when the specific convention was signed (A4.1, A4.3).
 * - Outgoing commitment (2): the reporting collectivity's own contributions (cash, in kind, staff
 *   time, per currency), on the signature of the specific convention fixing them (A4.1).
 * - Expenditure (4): each expense line's executed amount, on the day it was executed (else the
 *   action's end).
 * Never dated after today (IATI rule): what is to come is in the budgets.
 */
export function transactions(source: IatiSource, action: IatiAction): Transaction[] {
  const { reporter, scheme, today } = source;
  const signedOn = (action.specificConvention?.signed_on ?? null) as IsoDate | null;
  const reporterRef: OrgRef = {
    name: reporter.name,
    attributes: { ref: iatiOrganisationRef(scheme, reporter.id), type: LOCAL_GOVERNMENT },
  };
  const list: Transaction[] = [];
  for (const row of action.rows.contributions) {
    if (row.kind !== 'FUNDER' || row.funding_status === 'REQUESTED') continue;
    const funder = source.funders.get(row.organization_id ?? 0);
    const date = (row.executed_on as IsoDate | null) ?? signedOn;
    if (!notAfter(date, today)) continue;
    const received = row.funding_status === 'RECEIVED';
    list.push({
      type: received ? TRANSACTION.INCOMING_FUNDS : TRANSACTION.INCOMING_COMMITMENT,
      date,
      amount: {
        amount: received ? (row.executed_amount ?? row.amount) : row.amount,
        currency: row.currency.trim() as CurrencyCode,
      },
      description:
        `${received ? 'Cofinancement reçu' : 'Cofinancement accordé'} : ${row.organization_name ?? ''}`.trim(),
      provider: {
        name: funder?.name ?? row.organization_name ?? '',
        attributes: {
          ...(funder?.iati_identifier ? { ref: funder.iati_identifier } : {}),
          ...(funder ? { type: ORGANISATION_TYPE[funder.kind] } : {}),
        },
      },
      receiver: reporterRef,
    });
  }
  if (notAfter(signedOn, today)) {
    const own = action.budget.contributions.filter(
      (contribution) =>
        isPartyContribution(contribution) && Number(contribution.party) === reporter.id,
    );
    for (const amount of sumByCurrency(own.map(contributionValue))) {
      if (amount.amount === 0n) continue;
      list.push({
        type: TRANSACTION.OUTGOING_COMMITMENT,
        date: signedOn,
        amount,
        description:
          `Contribution de ${reporter.name} fixée par la convention spécifique ${action.specificConvention?.reference ?? ''}`.trim(),
        provider: reporterRef,
      });
    }
  }
  for (const row of action.rows.lines) {
    const line = expenseLineOf(row);
    const date = (row.executed_on ?? action.action.end_date) as IsoDate | null;
    if (!line.executed || line.executed.amount === 0n || !notAfter(date, today)) continue;
    list.push({
      type: TRANSACTION.EXPENDITURE,
      date,
      amount: line.executed,
      description: line.label,
    });
  }
  return list;
}
