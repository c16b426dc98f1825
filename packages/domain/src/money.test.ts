import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  compareMoney,
  currency,
  currencyExponent,
  formatMoney,
  moneyEquals,
  multiplyMoney,
  parseCurrency,
  parseMoney,
  subtractMoney,
  sumByCurrency,
  zeroMoney,
  type Money,
} from './money.js';
import { InvariantViolation } from './result.js';
import { EUR, MAD, eur, mad } from './test-fixtures/dijon-chefchaouen.js';

describe('currencies (ISO 4217)', () => {
  it('knows each currency’s minor unit: EUR 2, MAD 2, JPY 0, TND 3', () => {
    expect(['EUR', 'MAD', 'JPY', 'TND', 'CLF'].map((c) => currencyExponent(currency(c)))).toEqual([
      2, 2, 0, 3, 4,
    ]);
  });

  it('writes the ouguiya and the ariary with two decimals, as ISO 4217 does', () => {
    expect(currencyExponent(currency('MRU'))).toBe(2);
    expect(currencyExponent(currency('MGA'))).toBe(2);
  });

  it('accepts a lower-case code and refuses an unknown one', () => {
    expect(parseCurrency('mad')).toEqual({ ok: true, value: 'MAD' });
    expect(parseCurrency('XYZ')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CURRENCY' } });
  });
});

describe('parseMoney', () => {
  it('reads an amount into minor units', () => {
    expect(parseMoney('1234.5', 'EUR')).toEqual({
      ok: true,
      value: { amount: 123450n, currency: 'EUR' },
    });
    expect(parseMoney('12.345', 'TND')).toEqual({
      ok: true,
      value: { amount: 12345n, currency: 'TND' },
    });
    expect(parseMoney('1200', 'JPY')).toEqual({
      ok: true,
      value: { amount: 1200n, currency: 'JPY' },
    });
  });

  it('refuses more decimals than the currency has', () => {
    expect(parseMoney('12.345', 'EUR')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_DECIMALS', decimals: 2 },
    });
    expect(parseMoney('12.5', 'JPY')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_DECIMALS' },
    });
  });

  it('refuses a negative amount unless corrections are allowed', () => {
    expect(parseMoney('-10.00', 'EUR')).toMatchObject({
      ok: false,
      error: { code: 'NEGATIVE_AMOUNT' },
    });
    expect(parseMoney('-10.00', 'EUR', { allowNegative: true })).toEqual({
      ok: true,
      value: { amount: -1000n, currency: 'EUR' },
    });
  });

  it('refuses an unknown currency', () => {
    expect(parseMoney('10', 'EUX')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CURRENCY' },
    });
  });

  it.each(['1e3', '12,50', 'douze', '', '1.000,00'])(
    'refuses %j, which is not an amount',
    (input) => {
      expect(parseMoney(input, 'EUR')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_AMOUNT' },
      });
    },
  );

  it('refuses an absurdly large amount', () => {
    expect(parseMoney('1000000000000000', 'EUR')).toMatchObject({
      ok: false,
      error: { code: 'AMOUNT_TOO_LARGE' },
    });
    expect(parseMoney('999999999999999.99', 'EUR').ok).toBe(true);
  });
});

describe('formatMoney', () => {
  it('writes exactly the currency’s decimals', () => {
    expect(formatMoney(eur('1234.5'))).toBe('1234.50');
    expect(formatMoney(eur('-0.05'))).toBe('-0.05');
    expect(formatMoney({ amount: 12345n, currency: currency('TND') })).toBe('12.345');
    expect(formatMoney({ amount: 1200n, currency: currency('JPY') })).toBe('1200');
    expect(formatMoney(zeroMoney(MAD))).toBe('0.00');
  });

  it('round-trips through parseMoney for any amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }),
        fc.constantFrom('EUR', 'MAD', 'JPY', 'TND'),
        (amount, code) => {
          const money: Money = { amount, currency: currency(code) };
          expect(parseMoney(formatMoney(money), code, { allowNegative: true })).toEqual({
            ok: true,
            value: money,
          });
        },
      ),
    );
  });
});

describe('arithmetic', () => {
  it('adds and subtracts in one currency, exactly', () => {
    expect(addMoney(eur('0.10'), eur('0.20'))).toEqual(eur('0.30'));
    expect(subtractMoney(mad('100.00'), mad('0.01'))).toEqual(mad('99.99'));
  });

  it('refuses to add euros to dirhams: that is a bug, not a user’s mistake', () => {
    expect(() => addMoney(eur('1.00'), mad('1.00'))).toThrow(InvariantViolation);
    expect(() => compareMoney(eur('1.00'), mad('1.00'))).toThrow(InvariantViolation);
  });

  it('multiplies by a decimal factor, rounding half to even once', () => {
    expect(multiplyMoney(eur('180.25'), '2.5')).toEqual(eur('450.62')); // 450.625 → 450.62
    expect(multiplyMoney(eur('180.35'), '2.5')).toEqual(eur('450.88')); // 450.875 → 450.88
    expect(multiplyMoney(eur('0.01'), '0.5')).toEqual(eur('0.00'));
    expect(multiplyMoney(eur('0.03'), '0.5')).toEqual(eur('0.02'));
  });

  it('never equates amounts of different currencies', () => {
    expect(moneyEquals(eur('10.00'), mad('10.00'))).toBe(false);
    expect(moneyEquals(eur('10.00'), eur('10'))).toBe(true);
  });
});

describe('sumByCurrency', () => {
  const money = fc
    .tuple(
      fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      fc.constantFrom(EUR, MAD, currency('TND')),
    )
    .map(([amount, code]): Money => ({ amount, currency: code }));

  it('gives one total per currency, sorted by code', () => {
    expect(sumByCurrency([mad('10.00'), eur('1.00'), mad('5.50'), eur('2.00')])).toEqual([
      eur('3.00'),
      mad('15.50'),
    ]);
    expect(sumByCurrency([])).toEqual([]);
  });

  it('does not depend on the order of the amounts', () => {
    fc.assert(
      fc.property(
        fc
          .array(money, { maxLength: 40 })
          .chain((list) =>
            fc.tuple(
              fc.constant(list),
              fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            ),
          ),
        ([list, shuffled]) => {
          expect(sumByCurrency(shuffled)).toEqual(sumByCurrency(list));
        },
      ),
    );
  });

  it('keeps every minor unit of every currency', () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 40 }), (list) => {
        const totals = sumByCurrency(list);
        for (const total of totals) {
          const expected = list
            .filter((m) => m.currency === total.currency)
            .reduce((s, m) => s + m.amount, 0n);
          expect(total.amount).toBe(expected);
        }
        expect(totals.map((t) => t.currency)).toEqual(
          [...new Set(list.map((m) => m.currency))].sort(),
        );
      }),
    );
  });
});
