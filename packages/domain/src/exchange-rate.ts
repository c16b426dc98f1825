import { decimal, divideHalfEven, parseDecimal, pow10, type Decimal } from './decimal.js';
import { compareDates, parseIsoDate, type IsoDate } from './iso-date.js';
import { currencyExponent, parseCurrency, type CurrencyCode, type Money } from './money.js';
import { err, ok, type Result } from './result.js';

/**
 * A dated exchange rate recorded in the system (A4.6): from `validFrom` on, one unit of `from`
 * is worth `rate` units of `to` ("1 EUR = 10.8123 MAD"), until a later rate replaces it.
 */
export interface ExchangeRate {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  /** A positive decimal string, kept as written: "10.8123". */
  readonly rate: string;
  readonly validFrom: IsoDate;
}

export type ExchangeRateError = {
  readonly code: 'UNKNOWN_CURRENCY' | 'INVALID_RATE' | 'SAME_CURRENCY' | 'INVALID_DATE';
  readonly field: 'from' | 'to' | 'rate' | 'validFrom';
  readonly input: string;
  readonly message: string;
};

/** Enough decimals for any published rate; more is a typing accident. */
const MAX_RATE_DECIMALS = 12;

export function parseRate(input: {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
  readonly validFrom: string;
}): Result<ExchangeRate, ExchangeRateError> {
  const from = parseCurrency(input.from);
  if (!from.ok) return err({ ...from.error, field: 'from' });
  const to = parseCurrency(input.to);
  if (!to.ok) return err({ ...to.error, field: 'to' });
  if (from.value === to.value) {
    return err({
      code: 'SAME_CURRENCY',
      field: 'to',
      input: input.to,
      message: `a rate converts between two different currencies, not ${from.value} to itself`,
    });
  }
  const rate = parseDecimal(input.rate);
  if (!rate.ok || rate.value.units <= 0n || rate.value.scale > MAX_RATE_DECIMALS) {
    return err({
      code: 'INVALID_RATE',
      field: 'rate',
      input: input.rate,
      message: `"${input.rate}" is not a positive rate with at most ${MAX_RATE_DECIMALS} decimals`,
    });
  }
  const validFrom = parseIsoDate(input.validFrom);
  if (!validFrom.ok) return err({ ...validFrom.error, field: 'validFrom' });
  return ok({
    from: from.value,
    to: to.value,
    rate: input.rate.trim(),
    validFrom: validFrom.value,
  });
}

/**
 * The rate as an exact decimal, parsed once per recorded rate: a national report converts
 * hundreds of thousands of totals with a handful of rates. Rates are immutable values, so the
 * memo cannot go stale, and a WeakMap lets them be collected with their owner.
 */
const parsedRates = new WeakMap<ExchangeRate, Decimal>();

function rateValue(rate: ExchangeRate): Decimal {
  let value = parsedRates.get(rate);
  if (!value) {
    value = decimal(rate.rate);
    parsedRates.set(rate, value);
  }
  return value;
}

/** The rate applied for a conversion: a recorded one, used as written or inverted. */
export interface AppliedRate {
  readonly rate: ExchangeRate;
  /** true when `rate` was recorded in the other direction (to → from) and is used as 1/rate. */
  readonly inverse: boolean;
}

/**
 * The rate in force on `date` for from → to: the recorded rate with the latest `validFrom` not
 * after `date`, in either direction (a MAD → EUR rate also converts EUR → MAD, inverted). On the
 * same day, a rate recorded in the requested direction wins over an inverted one.
 */
export function rateOn(
  rates: readonly ExchangeRate[],
  from: CurrencyCode,
  to: CurrencyCode,
  date: IsoDate,
): AppliedRate | null {
  let best: AppliedRate | null = null;
  for (const rate of rates) {
    const direct = rate.from === from && rate.to === to;
    const inverse = rate.from === to && rate.to === from;
    if ((!direct && !inverse) || compareDates(rate.validFrom, date) > 0) continue;
    const order = best ? compareDates(rate.validFrom, best.rate.validFrom) : 1;
    if (order > 0 || (order === 0 && direct && best?.inverse === true)) {
      best = { rate, inverse };
    }
  }
  return best;
}

export interface MissingExchangeRate {
  readonly code: 'MISSING_EXCHANGE_RATE';
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  readonly date: IsoDate;
  readonly message: string;
}

export function missingExchangeRate(
  from: CurrencyCode,
  to: CurrencyCode,
  date: IsoDate,
): MissingExchangeRate {
  return {
    code: 'MISSING_EXCHANGE_RATE',
    from,
    to,
    date,
    message: `no exchange rate from ${from} to ${to} is recorded on or before ${date}`,
  };
}

/**
 * Converts an amount with the rate in force on `date`. THE rounding rule: the exact product
 * (amount × rate, or amount ÷ rate for an inverted rate) is rounded once, half to even, to the
 * target currency's minor unit. Nothing is rounded before that, so chaining is never needed and
 * a conversion to the same currency returns the amount untouched.
 */
export function convertMoney(
  money: Money,
  to: CurrencyCode,
  rates: readonly ExchangeRate[],
  date: IsoDate,
): Result<Money, MissingExchangeRate> {
  if (money.currency === to) return ok(money);
  const applied = rateOn(rates, money.currency, to, date);
  if (!applied) return err(missingExchangeRate(money.currency, to, date));
  return ok(applyRate(money, to, applied));
}

/** The conversion itself, once the rate is known (shared with callers that cache the rate). */
export function applyRate(money: Money, to: CurrencyCode, applied: AppliedRate): Money {
  const rate = rateValue(applied.rate);
  // target minor = source minor × 10^(eTo − eFrom) × rate, with rate = units / 10^scale
  // (or its inverse), written as one fraction so that it is rounded only once.
  const shift = currencyExponent(to) - currencyExponent(money.currency);
  let numerator = money.amount * (applied.inverse ? pow10(rate.scale) : rate.units);
  let denominator = applied.inverse ? rate.units : pow10(rate.scale);
  if (shift >= 0) numerator *= pow10(shift);
  else denominator *= pow10(-shift);
  return { amount: divideHalfEven(numerator, denominator), currency: to };
}
