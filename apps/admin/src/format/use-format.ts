import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocaleOf, isLanguage } from '../i18n/language.js';
import { formatMoney, type MoneyValue } from './money.js';

/**
 * Dates, instants, numbers, money and country names as the chosen language writes them, all
 * through Intl. A calendar date ("2016-03-21") is read and written in UTC, so that no time zone
 * moves it to the day before; an instant (DateTime) is written in the reader's own zone.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocaleOf(isLanguage(i18n.language) ? i18n.language : 'fr');
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const shortDateFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const numberFormat = new Intl.NumberFormat(locale);
    // Decimal strings ("37.5", an indicator's value) go to Intl as strings: exact where supported.
    const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
    const percentFormat = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 2,
    });
    const regions = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
    const list = new Intl.ListFormat(locale, { type: 'conjunction' });
    return {
      locale,
      date: (isoDate: string) => dateFormat.format(new Date(`${isoDate}T00:00:00Z`)),
      shortDate: (isoDate: string) => shortDateFormat.format(new Date(`${isoDate}T00:00:00Z`)),
      dateTime: (instant: string) => dateTimeFormat.format(new Date(instant)),
      year: (isoDate: string) => isoDate.slice(0, 4),
      number: (value: number) => numberFormat.format(value),
      decimal: (value: string) => decimalFormat.format(value as Intl.StringNumericLiteral),
      /** "33.33" (a percentage, as the API writes it) → "33,33 %". */
      percent: (value: string) => percentFormat.format(`${value}E-2` as Intl.StringNumericLiteral),
      money: (money: MoneyValue) => formatMoney(money, locale),
      country: (code: string) => {
        try {
          return regions.of(code) ?? code;
        } catch {
          return code;
        }
      },
      list: (items: readonly string[]) => list.format(items),
    };
  }, [locale]);
}

export type Format = ReturnType<typeof useFormat>;
