/** The languages of the app: French first, Arabic for the Moroccan side, English for others. */
export const LANGUAGES = ['fr', 'ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';
export const STORAGE_KEY = 'coop.lang';

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/**
 * A shared link's `?lang=ar` wins, then the choice kept from last time, then French.
 */
export function chooseLanguage(search: string, stored: string | null): Language {
  const requested = new URLSearchParams(search).get('lang');
  if (isLanguage(requested)) return requested;
  if (isLanguage(stored)) return stored;
  return DEFAULT_LANGUAGE;
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The locale `Intl` formats with: Moroccan Arabic writes Western digits, as Chefchaouen's
 * documents do.
 */
export function intlLocaleOf(language: Language): string {
  return { fr: 'fr-FR', ar: 'ar-MA', en: 'en-GB' }[language];
}
