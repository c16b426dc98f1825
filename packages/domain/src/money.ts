import * as currencies from 'dinero.js/bigint/currencies';
import {
  decimal,
  divideHalfEven,
  formatDecimal,
  multiplyDecimals,
  parseDecimal,
  pow10,
  type Decimal,
} from './decimal.js';
import { InvariantViolation, err, ok, type Result } from './result.js';

/**
 * An ISO 4217 currency code known to dinero.js' table ("EUR", "MAD", "TND"…). Branded so that a
 * free string cannot be used where a checked code is expected.
 */
declare const currencyBrand: unique symbol;
export type CurrencyCode = string & { readonly [currencyBrand]: true };

/**
 * An exact amount (A4.6): an integer number of the currency's minor units, never a float.
 * 1234.50 EUR is `{ amount: 123450n, currency: 'EUR' }`; 12.345 TND is `{ amount: 12345n, … }`.
 */
export interface Money {
  readonly amount: bigint;
  readonly currency: CurrencyCode;
}

export type MoneyError =
  | { readonly code: 'UNKNOWN_CURRENCY'; readonly input: string; readonly message: string }
  | { readonly code: 'INVALID_AMOUNT'; readonly input: string; readonly message: string }
  | {
      readonly code: 'TOO_MANY_DECIMALS';
      readonly input: string;
      readonly currency: CurrencyCode;
      readonly decimals: number;
      readonly message: string;
    }
  | { readonly code: 'NEGATIVE_AMOUNT'; readonly input: string; readonly message: string }
  | { readonly code: 'AMOUNT_TOO_LARGE'; readonly input: string; readonly message: string };

export type UnknownCurrency = Extract<MoneyError, { code: 'UNKNOWN_CURRENCY' }>;

/**
 * Minor-unit exponents, from dinero.js' ISO 4217 table. Two codes are not decimal there: the
 * Malagasy ariary (MGA) and the Mauritanian ouguiya (MRU) are modelled as base 5 (one fifth).
 * ISO 4217 itself gives both two decimals, and that is how they are written and declared, so
 * Coop uses 2 for them: an amount must stay writable as a decimal string.
 */
const EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.values(currencies).map((currency) => [
    currency.code,
    currency.base === 10n ? Number(currency.exponent) : 2,
  ]),
);

/** Amounts at or beyond a thousand trillion major units are a typing accident, not a budget. */
const MAX_WHOLE_DIGITS = 15;

export function parseCurrency(code: string): Result<CurrencyCode, UnknownCurrency> {
  const upper = code.trim().toUpperCase();
  if (EXPONENTS.has(upper)) return ok(upper as CurrencyCode);
  return err({
    code: 'UNKNOWN_CURRENCY',
    input: code,
    message: `"${code}" is not an ISO 4217 currency code`,
  });
}

/** A currency code written in code (a fixture, a constant): unknown is a bug. */
export function currency(code: string): CurrencyCode {
  const parsed = parseCurrency(code);
  if (!parsed.ok) throw new InvariantViolation(parsed.error.message);
  return parsed.value;
}

/** How many decimals the currency's minor unit has: EUR 2, MAD 2, JPY 0, TND 3. */
export function currencyExponent(code: CurrencyCode): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new InvariantViolation(`unknown currency ${code}`);
  return exponent;
}

/**
 * Reads an amount typed by a person ("1234.5", "1234.50", "-12") in a currency. Refused: text
 * that is not a plain decimal, more decimals than the currency has (12.345 EUR: which cent?),
 * a negative amount unless allowed (corrections), an unknown currency, an absurd size.
 */
export function parseMoney(
  input: string,
  currencyCode: string,
  options: { readonly allowNegative?: boolean } = {},
): Result<Money, MoneyError> {
  const currencyResult = parseCurrency(currencyCode);
  if (!currencyResult.ok) return currencyResult;
  const code = currencyResult.value;
  const parsed = parseDecimal(input);
  if (!parsed.ok) {
    return err({
      code: 'INVALID_AMOUNT',
      input,
      message: `"${input}" is not an amount such as 1234.50`,
    });
  }
  const exponent = currencyExponent(code);
  const value = parsed.value;
  if (value.scale > exponent) {
    return err({
      code: 'TOO_MANY_DECIMALS',
      input,
      currency: code,
      decimals: exponent,
      message: `${code} amounts have at most ${exponent} decimal${exponent === 1 ? '' : 's'}: "${input}" has ${value.scale}`,
    });
  }
  if (value.units < 0n && options.allowNegative !== true) {
    return err({
      code: 'NEGATIVE_AMOUNT',
      input,
      message: `"${input}" is negative; an amount here must be zero or more`,
    });
  }
  const amount = value.units * pow10(exponent - value.scale);
  if ((amount < 0n ? -amount : amount) >= pow10(MAX_WHOLE_DIGITS + exponent)) {
    return err({
      code: 'AMOUNT_TOO_LARGE',
      input,
      message: `"${input}" ${code} is larger than any amount Coop accepts`,
    });
  }
  return ok({ amount, currency: code });
}

/**
 * The exact decimal string of an amount, with exactly the currency's decimals: "1234.50" EUR,
 * "12.345" TND, "1200" JPY, "-0.05" EUR. This is the API's `Money.amount`.
 */
export function formatMoney(money: Money): string {
  return formatDecimal(moneyAsDecimal(money));
}

/** The amount in major units as an exact decimal (1234.50 EUR → 123450 at scale 2). */
export function moneyAsDecimal(money: Money): Decimal {
  return { units: money.amount, scale: currencyExponent(money.currency) };
}

export function zeroMoney(currencyCode: CurrencyCode): Money {
  return { amount: 0n, currency: currencyCode };
}

/**
 * Adding euros to dirhams is a bug of the caller, not a user's mistake: totals over several
 * currencies go through sumByCurrency, then convertMoney.
 */
function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new InvariantViolation(`cannot combine ${a.currency} and ${b.currency} amounts`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amount: a.amount - b.amount, currency: a.currency };
}

export function negateMoney(money: Money): Money {
  return { amount: -money.amount, currency: money.currency };
}

/**
 * The amount times a decimal factor ("2.5" days, "0.5" of a share), rounded once, half to even,
 * to the currency's minor unit. The factor comes from validated data: a malformed string is a bug.
 */
export function multiplyMoney(money: Money, factor: string | Decimal): Money {
  const product = multiplyDecimals({ units: money.amount, scale: 0 }, decimal(factor));
  return {
    amount: divideHalfEven(product.units, pow10(product.scale)),
    currency: money.currency,
  };
}

/** The sum of amounts all in `currencyCode` (zero for an empty list). */
export function sumMoney(amounts: readonly Money[], currencyCode: CurrencyCode): Money {
  let total = zeroMoney(currencyCode);
  for (const money of amounts) total = addMoney(total, money);
  return total;
}

/**
 * One total per currency, sorted by code: the same whatever the order of the amounts, since
 * bigint addition is exact. Currencies whose amounts cancel out keep a zero entry.
 */
export function sumByCurrency(amounts: readonly Money[]): Money[] {
  // Budgets hold one or two currencies: a short array beats a Map and a sort here.
  const codes: CurrencyCode[] = [];
  const totals: bigint[] = [];
  for (const money of amounts) {
    const index = codes.indexOf(money.currency);
    if (index === -1) {
      codes.push(money.currency);
      totals.push(money.amount);
    } else {
      totals[index] = (totals[index] ?? 0n) + money.amount;
    }
  }
  const result = codes.map((code, index) => ({ amount: totals[index] ?? 0n, currency: code }));
  return result.length > 1 ? result.sort((a, b) => (a.currency < b.currency ? -1 : 1)) : result;
}

/** Negative when a < b, zero when equal, positive when a > b; same currency only. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/** Same currency and same amount: 10 EUR is never equal to 10 MAD. */
export function moneyEquals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

export function isZeroMoney(money: Money): boolean {
  return money.amount === 0n;
}

export function isPositiveMoney(money: Money): boolean {
  return money.amount > 0n;
}

export function isNegativeMoney(money: Money): boolean {
  return money.amount < 0n;
}
