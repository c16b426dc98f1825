import { decimalFromNumber, rescale, type Decimal } from './decimal.js';
import type { Money } from './money.js';
import { InvariantViolation } from './result.js';

/**
 * Splits an amount by ratios so that the parts always add up to the whole (A4.6: "conversions
 * and splits lose no cent").
 *
 * Largest-remainder method: every part first gets its exact share rounded down to the minor
 * unit; the minor units left over go one each to the parts whose exact share lost the most,
 * earlier parts first on a tie. Unlike dinero.js' allocate (which hands leftovers to the largest
 * ratios), each part is thus within one minor unit of its exact share, and the result does not
 * depend on how a sort treats equal ratios. A negative amount is split as its opposite, negated.
 *
 * Ratios are integers or plain decimals (50, 33.5, 2n), zero or more, at least one positive;
 * anything else is a bug of the caller.
 */
export function splitMoney(total: Money, ratios: readonly (bigint | number)[]): Money[] {
  if (ratios.length === 0) throw new InvariantViolation('splitMoney needs at least one ratio');
  const weights = integerWeights(ratios);
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (weights.some((weight) => weight < 0n) || sum === 0n) {
    throw new InvariantViolation('ratios must be zero or more, with at least one positive');
  }
  const negative = total.amount < 0n;
  const whole = negative ? -total.amount : total.amount;

  const parts = weights.map((weight) => (whole * weight) / sum);
  const remainders = weights.map((weight, index) => ({
    index,
    remainder: (whole * weight) % sum,
  }));
  let leftover = whole - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  // leftover < number of parts with a non-zero remainder, so one pass is enough.
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((amount) => ({
    amount: negative ? -amount : amount,
    currency: total.currency,
  }));
}

/** `count` parts as equal as the minor unit allows, the first ones one unit larger. */
export function splitEvenly(total: Money, count: number): Money[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new InvariantViolation(`cannot split an amount into ${count} parts`);
  }
  return splitMoney(
    total,
    Array.from({ length: count }, () => 1n),
  );
}

/** Ratios brought to integers of one common scale, so that the split stays in bigint. */
function integerWeights(ratios: readonly (bigint | number)[]): bigint[] {
  const decimals: Decimal[] = ratios.map((ratio) =>
    typeof ratio === 'bigint' ? { units: ratio, scale: 0 } : decimalFromNumber(ratio),
  );
  const scale = Math.max(...decimals.map((value) => value.scale));
  return decimals.map((value) => rescale(value, scale));
}
