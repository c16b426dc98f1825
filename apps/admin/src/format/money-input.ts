import {
  formatMoney as exactDecimal,
  parseDecimal,
  parseMoney,
  unwrap,
  type Money,
  type MoneyError,
} from '@coop/domain';
import type { MoneyValue } from './money.js';

/**
 * An amount as a person types it: "1 234,50" in French, "1234.50" in English. Spaces (also the
 * no-break spaces Intl writes) are grouping and go; a comma is the decimal separator when it is
 * the only one. Text with both a dot and a comma ("1.234,50") is ambiguous across our languages:
 * it is left as typed, and the domain refuses it as not an amount.
 */
export function normaliseDecimal(text: string): string {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact.includes(',') && compact.includes('.')) return compact;
  return compact.replace(',', '.');
}

export type TypedAmountError = MoneyError | { readonly code: 'REQUIRED'; readonly message: string };

/**
 * A typed amount in a currency as the domain's exact Money (A4.6): minor units, never a float.
 * Empty is REQUIRED; everything else the domain decides (too many decimals, negative…).
 */
export function readMoney(
  text: string,
  currency: string,
): { ok: true; value: Money } | { ok: false; error: TypedAmountError } {
  const amount = normaliseDecimal(text);
  if (amount === '') return { ok: false, error: { code: 'REQUIRED', message: '' } };
  return parseMoney(amount, currency);
}

/** What the API takes: the decimal string as the person meant it, with a dot. */
export function moneyInputOf(text: string, currency: string): MoneyValue {
  return { amount: normaliseDecimal(text), currency };
}

/** The domain's Money as the API writes it ("1234.50"), for Intl to format exactly. */
export function moneyValueOf(money: Money): MoneyValue {
  return { amount: exactDecimal(money), currency: money.currency };
}

/** The API's Money as the domain's: the server sends exact amounts in known currencies. */
export function moneyOf(value: MoneyValue): Money {
  return unwrap(parseMoney(value.amount, value.currency, { allowNegative: true }));
}

/** A typed decimal number (days, an indicator's value): "2,5" → "2.5"; null when not a number. */
export function readDecimal(text: string): string | null {
  const value = normaliseDecimal(text);
  return value !== '' && parseDecimal(value).ok ? value : null;
}
