import { calculator, halfEven } from 'dinero.js/bigint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divideDecimals,
  divideHalfEven,
  formatDecimal,
  normalizeDecimal,
  parseDecimal,
  roundDecimal,
} from './decimal.js';
import { unwrap } from './result.js';

describe('exact decimals', () => {
  it('reads a rate as written, without float error', () => {
    expect(parseDecimal('10.8123')).toEqual({ ok: true, value: { units: 108123n, scale: 4 } });
    expect(formatDecimal(unwrap(parseDecimal('-0.05')))).toBe('-0.05');
  });

  it.each(['1e5', '1,5', '', '.5', '5.', '--1', 'NaN', '1 000'])('refuses %j', (input) => {
    const result = parseDecimal(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_DECIMAL');
  });

  it('rounds ties to the even neighbour, in both signs', () => {
    expect([5n, 15n, 25n, -5n, -15n, -25n].map((n) => divideHalfEven(n, 10n))).toEqual([
      0n,
      2n,
      2n,
      0n,
      -2n,
      -2n,
    ]);
    expect(divideHalfEven(7n, -2n)).toBe(-4n);
    expect(formatDecimal(roundDecimal(unwrap(parseDecimal('2.345')), 2))).toBe('2.34');
    expect(formatDecimal(roundDecimal(unwrap(parseDecimal('2.355')), 2))).toBe('2.36');
  });

  it('rounds exactly as dinero.js’ halfEven does', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (numerator, denominator) => {
          expect(divideHalfEven(numerator, denominator)).toBe(
            halfEven(numerator, denominator, calculator),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('divides to a fixed number of decimals', () => {
    const third = divideDecimals({ units: 1n, scale: 0 }, { units: 3n, scale: 0 }, 4);
    expect(formatDecimal(third)).toBe('0.3333');
  });

  it('drops trailing zeros when normalised', () => {
    expect(formatDecimal(normalizeDecimal(unwrap(parseDecimal('2.500'))))).toBe('2.5');
    expect(formatDecimal(normalizeDecimal(unwrap(parseDecimal('300'))))).toBe('300');
  });
});
