import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitEvenly, splitMoney } from './allocation.js';
import type { Money } from './money.js';
import { InvariantViolation } from './result.js';
import { EUR, eur, mad } from './test-fixtures/dijon-chefchaouen.js';

describe('splitMoney', () => {
  it('splits 100.00 EUR in three, the first part taking the leftover cent', () => {
    expect(splitEvenly(eur('100.00'), 3)).toEqual([eur('33.34'), eur('33.33'), eur('33.33')]);
  });

  it('gives leftover units to the parts whose exact share lost the most', () => {
    // exact shares of 1.00 by 1:2:2:5 → 0.10, 0.20, 0.20, 0.50; of 0.07 by 1:3:3 → 0.01, 0.03, 0.03
    expect(splitMoney(eur('0.07'), [1, 3, 3])).toEqual([eur('0.01'), eur('0.03'), eur('0.03')]);
    // 0.10 by 1:1:1:7 → 0.01, 0.01, 0.01, 0.07 exactly; 0.11 → the 7 share (0.077) gets the cent
    expect(splitMoney(eur('0.11'), [1, 1, 1, 7])).toEqual([
      eur('0.01'),
      eur('0.01'),
      eur('0.01'),
      eur('0.08'),
    ]);
  });

  it('accepts decimal ratios such as percentages', () => {
    expect(splitMoney(mad('1000.00'), [33.5, 66.5])).toEqual([mad('335.00'), mad('665.00')]);
  });

  it('gives nothing to a zero ratio', () => {
    expect(splitMoney(eur('10.00'), [0n, 1n])).toEqual([eur('0.00'), eur('10.00')]);
  });

  it('splits a negative amount as its opposite', () => {
    expect(splitEvenly(eur('-100.00'), 3)).toEqual([eur('-33.34'), eur('-33.33'), eur('-33.33')]);
  });

  it('treats impossible ratios as a bug', () => {
    expect(() => splitMoney(eur('1.00'), [])).toThrow(InvariantViolation);
    expect(() => splitMoney(eur('1.00'), [0, 0])).toThrow(InvariantViolation);
    expect(() => splitMoney(eur('1.00'), [-1, 2])).toThrow(InvariantViolation);
    expect(() => splitEvenly(eur('1.00'), 0)).toThrow(InvariantViolation);
  });

  it('always gives parts that add up to the whole, each within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 1, maxLength: 12 })
          .filter((r) => r.some((x) => x > 0n)),
        (amount, ratios) => {
          const total: Money = { amount, currency: EUR };
          const parts = splitMoney(total, ratios);
          expect(parts.reduce((sum, part) => sum + part.amount, 0n)).toBe(amount);
          const weight = ratios.reduce((a, b) => a + b, 0n);
          parts.forEach((part, i) => {
            // |part × weight − amount × ratio| < weight  ⇔  |part − exact share| < 1 unit
            const gap = part.amount * weight - amount * ratios[i]!;
            expect(gap < weight && gap > -weight).toBe(true);
          });
        },
      ),
    );
  });
});
