import { describe, expect, it } from 'vitest';
import { moneyOf, moneyValueOf, normaliseDecimal, readDecimal, readMoney } from './money-input.js';

describe('amounts as people type them', () => {
  it('reads the French way and the English way alike', () => {
    expect(normaliseDecimal('1 234,50')).toBe('1234.50');
    expect(normaliseDecimal('1\u202f234,5')).toBe('1234.5');
    expect(normaliseDecimal(' 1234.50 ')).toBe('1234.50');
    // Dot and comma together could be either way round: left as typed, and refused.
    expect(normaliseDecimal('1.234,50')).toBe('1.234,50');
    expect(readMoney('1.234,50', 'EUR')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT' },
    });
  });

  it('gives exact minor units, never a float', () => {
    expect(readMoney('4280,60', 'MAD')).toEqual({
      ok: true,
      value: { amount: 428060n, currency: 'MAD' },
    });
    expect(readMoney('90071992547409,93', 'EUR')).toEqual({
      ok: true,
      value: { amount: 9007199254740993n, currency: 'EUR' },
    });
  });

  it('lets the domain refuse what is not an amount of that currency', () => {
    expect(readMoney('', 'EUR')).toMatchObject({ ok: false, error: { code: 'REQUIRED' } });
    expect(readMoney('12,345', 'EUR')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_DECIMALS', decimals: 2 },
    });
    expect(readMoney('-5', 'EUR')).toMatchObject({ ok: false, error: { code: 'NEGATIVE_AMOUNT' } });
    expect(readMoney('5', 'XYZ')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CURRENCY' } });
  });

  it('goes between the API’s decimal strings and the domain’s Money without loss', () => {
    const money = moneyOf({ amount: '12.345', currency: 'TND' });
    expect(money).toEqual({ amount: 12345n, currency: 'TND' });
    expect(moneyValueOf(money)).toEqual({ amount: '12.345', currency: 'TND' });
    expect(moneyValueOf(moneyOf({ amount: '-400.00', currency: 'EUR' }))).toEqual({
      amount: '-400.00',
      currency: 'EUR',
    });
  });

  it('reads days and indicator values as decimals', () => {
    expect(readDecimal('2,5')).toBe('2.5');
    expect(readDecimal('deux')).toBeNull();
    expect(readDecimal('')).toBeNull();
  });
});
