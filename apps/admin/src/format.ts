import { useTranslation } from 'react-i18next';
import { intlLocaleOf, isLanguage } from './i18n/language.js';

/**
 * Dates as the chosen language writes them, through Intl. A calendar date ("2016-03-21") is read
 * in UTC and written in UTC, so no time zone moves it to the day before.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocaleOf(isLanguage(i18n.language) ? i18n.language : 'fr');
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    locale,
    date: (isoDate: string) => dateFormat.format(new Date(`${isoDate}T00:00:00Z`)),
    year: (isoDate: string) => isoDate.slice(0, 4),
  };
}
