/**
 * Money as the API sends it: `{ amount: "1234.50", currency: "MAD" }`, an exact decimal string
 * (A4.6). It is written with Intl for the chosen language without ever passing through a float,
 * which would lose cents on large amounts (2^53 is about nine thousand billion units).
 */
export interface MoneyValue {
  readonly amount: string;
  readonly currency: string;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Whether this engine's Intl.NumberFormat formats a decimal string exactly (ECMA-402 "v3"). */
let exactStrings: boolean | undefined;
function formatsStringsExactly(): boolean {
  exactStrings ??=
    new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 2 }).format(
      '9007199254740993.25' as Intl.StringNumericLiteral,
    ) === '9007199254740993.25';
  return exactStrings;
}

function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/**
 * "1234.50" MAD in French → "1 234,50 MAD"; in Arabic (Morocco) → "1.234,50 د.م.". The number of
 * decimals shown is the currency's, or more when the amount carries more: nothing is rounded.
 * A malformed amount or an unknown currency is shown as it came, never hidden.
 */
export function formatMoney(
  money: MoneyValue,
  locale: string,
  options: { forceFallback?: boolean } = {},
): string {
  const match = DECIMAL.exec(money.amount.trim());
  if (!match) return `${money.amount} ${money.currency}`;
  const [, sign = '', integer = '0', fraction = ''] = match;
  let format: Intl.NumberFormat;
  try {
    const digits = Math.max(fraction.length, currencyDigits(money.currency));
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    return `${money.amount} ${money.currency}`;
  }
  if (formatsStringsExactly() && !options.forceFallback) {
    return format.format(`${sign}${integer}.${fraction || '0'}` as Intl.StringNumericLiteral);
  }
  return formatWithBigInt(format, sign === '-', integer, fraction);
}

/**
 * For engines without exact decimal strings: the integer part goes through Intl as a BigInt (exact
 * at any size), and the fraction digits are placed where Intl puts them for the same pattern.
 */
function formatWithBigInt(
  format: Intl.NumberFormat,
  negative: boolean,
  integer: string,
  fraction: string,
): string {
  const digits = format.resolvedOptions().maximumFractionDigits ?? 0;
  const paddedFraction = fraction.padEnd(digits, '0');
  // The pattern of a value with the same sign, with every part Intl would write.
  const pattern = format.formatToParts(negative ? -1.5 : 1.5);
  const integerParts = new Intl.NumberFormat(format.resolvedOptions().locale, {
    useGrouping: format.resolvedOptions().useGrouping as boolean | undefined,
    maximumFractionDigits: 0,
  }).formatToParts(BigInt(integer));
  let written = '';
  let integerWritten = false;
  for (const part of pattern) {
    if (part.type === 'integer' || part.type === 'group') {
      if (!integerWritten) {
        written += integerParts
          .filter((item) => item.type === 'integer' || item.type === 'group')
          .map((item) => item.value)
          .join('');
        integerWritten = true;
      }
    } else if (part.type === 'fraction') {
      written += paddedFraction;
    } else if (part.type === 'decimal') {
      written += paddedFraction ? part.value : '';
    } else {
      written += part.value;
    }
  }
  return written;
}
