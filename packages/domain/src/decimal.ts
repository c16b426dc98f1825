import { InvariantViolation, err, ok, type Result } from './result.js';

/**
 * An exact decimal number: `units / 10^scale`. Exchange rates ("10.8123"), days of staff time
 * ("2.5"), indicator values and percentages are decimals written by people; reading them as
 * floats would make 0.1 + 0.2 differ from 0.3, so they are carried as a bigint and a scale.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export interface InvalidDecimal {
  readonly code: 'INVALID_DECIMAL';
  readonly input: string;
  readonly message: string;
}

/** Plain decimal notation only: "12", "-0.5", "10.8123". No exponent, no thousands separator. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
/** More digits than any amount, rate or count of this domain needs: beyond is a typing accident. */
const MAX_DIGITS = 40;

export function parseDecimal(input: string): Result<Decimal, InvalidDecimal> {
  const match = DECIMAL.exec(input.trim());
  if (!match) {
    return err({
      code: 'INVALID_DECIMAL',
      input,
      message: `"${input}" is not a decimal number such as 1234.50`,
    });
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  if (whole.length + fraction.length > MAX_DIGITS) {
    return err({ code: 'INVALID_DECIMAL', input, message: `"${input}" has too many digits` });
  }
  const units = BigInt(`${sign}${whole}${fraction}`);
  return ok({ units, scale: fraction.length });
}

/** A decimal written in code (a constant, a value already validated): malformed is a bug. */
export function decimal(input: string | Decimal): Decimal {
  if (typeof input !== 'string') return input;
  const parsed = parseDecimal(input);
  if (!parsed.ok) throw new InvariantViolation(parsed.error.message);
  return parsed.value;
}

/**
 * A JavaScript number given by a caller (a policy percentage such as 50 or 33.5) as an exact
 * decimal, through its shortest round-trip string: 0.1 becomes exactly 1/10.
 */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new InvariantViolation(`${value} is not a finite number`);
  const text = value.toString();
  if (text.includes('e')) {
    return decimal(value.toFixed(20).replace(/\.?0+$/, ''));
  }
  return decimal(text);
}

const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));

export function pow10(exponent: number): bigint {
  return POWERS_OF_TEN[exponent] ?? 10n ** BigInt(exponent);
}

/** The same value at a larger scale (no rounding: only zeros are appended). */
export function rescale(value: Decimal, scale: number): bigint {
  if (scale < value.scale) throw new InvariantViolation('rescale only widens a decimal');
  return value.units * pow10(scale - value.scale);
}

/**
 * THE rounding rule of the domain: to the nearest integer, ties to the even one ("banker's
 * rounding", the same rule as dinero.js' halfEven, which a property test checks it against).
 * Unbiased over many roundings, which matters when thousands of lines are converted and summed.
 * Written on bigint directly because it runs once per conversion of every total of every
 * budget: dinero's generic calculator made it the hottest function of a national-scale check.
 * The denominator may have either sign.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new InvariantViolation('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const quotient = numerator / denominator; // truncated toward zero
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  if (twice < denominator) return quotient;
  if (twice > denominator) return away;
  return quotient % 2n === 0n ? quotient : away;
}

/** The value rounded half-to-even to `scale` decimals (or kept exactly when already finer). */
export function roundDecimal(value: Decimal, scale: number): Decimal {
  if (scale >= value.scale) return { units: rescale(value, scale), scale };
  return { units: divideHalfEven(value.units, pow10(value.scale - scale)), scale };
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  return addDecimals(a, { units: -b.units, scale: b.scale });
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** a / b rounded half-to-even to `scale` decimals. */
export function divideDecimals(a: Decimal, b: Decimal, scale: number): Decimal {
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale); shifted to keep `scale` decimals.
  const numerator = a.units * pow10(b.scale + scale);
  const denominator = b.units * pow10(a.scale);
  return { units: divideHalfEven(numerator, denominator), scale };
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZeroDecimal(value: Decimal): boolean {
  return value.units === 0n;
}

/** Drops trailing zeros of the fraction: 2.50 → 2.5, 3.00 → 3. */
export function normalizeDecimal(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/** The decimal's text with exactly its scale: {units: 12345n, scale: 2} → "123.45". */
export function formatDecimal(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale);
  return `${negative ? '-' : ''}${whole}${value.scale > 0 ? `.${fraction}` : ''}`;
}

/** For display and ratios only: never feed the result back into an amount. */
export function decimalToNumber(value: Decimal): number {
  return Number(formatDecimal(value));
}
