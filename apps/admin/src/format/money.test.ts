import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';

/** Intl separates thousands with narrow no-break spaces in French: compare on plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f]/g, '');

describe('formatMoney', () => {
  it('writes a budget line of Dijon in euros, the French way', () => {
    expect(plain(formatMoney({ amount: '1234.50', currency: 'EUR' }, 'fr-FR'))).toBe('1 234,50 €');
  });

  it('writes dirhams for Chefchaouen in Arabic with Western digits', () => {
    expect(plain(formatMoney({ amount: '7500.00', currency: 'MAD' }, 'ar-MA'))).toBe(
      '7.500,00 د.م.',
    );
  });

  it('keeps every cent of an amount beyond the precision of a float', () => {
    const amount = { amount: '123456789012345678.91', currency: 'EUR' };
    expect(plain(formatMoney(amount, 'en-GB'))).toBe('€123,456,789,012,345,678.91');
    expect(plain(formatMoney(amount, 'en-GB', { forceFallback: true }))).toBe(
      '€123,456,789,012,345,678.91',
    );
  });

  it('writes the exact digits through BigInt where Intl cannot format strings', () => {
    const amount = { amount: '9007199254740993.05', currency: 'EUR' };
    expect(plain(formatMoney(amount, 'fr-FR', { forceFallback: true }))).toBe(
      '9 007 199 254 740 993,05 €',
    );
    expect(
      plain(formatMoney({ amount: '-10.25', currency: 'EUR' }, 'fr-FR', { forceFallback: true })),
    ).toBe('-10,25 €');
    expect(
      plain(formatMoney({ amount: '12.345', currency: 'TND' }, 'en-GB', { forceFallback: true })),
    ).toBe('TND 12.345');
  });

  it('shows the currency’s own decimals: three for the Tunisian dinar, none for the yen', () => {
    expect(plain(formatMoney({ amount: '12.345', currency: 'TND' }, 'en-GB'))).toBe('TND 12.345');
    expect(plain(formatMoney({ amount: '1500', currency: 'JPY' }, 'en-GB'))).toBe('JP¥1,500');
    expect(plain(formatMoney({ amount: '10', currency: 'EUR' }, 'en-GB'))).toBe('€10.00');
  });

  it('never rounds an amount carrying more decimals than its currency', () => {
    expect(plain(formatMoney({ amount: '0.125', currency: 'EUR' }, 'en-GB'))).toBe('€0.125');
  });

  it('shows a malformed amount or an unknown currency as it came', () => {
    expect(formatMoney({ amount: '12,5', currency: 'EUR' }, 'fr-FR')).toBe('12,5 EUR');
    expect(formatMoney({ amount: '12.50', currency: 'XXXX' }, 'fr-FR')).toBe('12.50 XXXX');
  });
});
