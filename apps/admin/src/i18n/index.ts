import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chooseLanguage, directionOf, STORAGE_KEY, type Language } from './language.js';

/**
 * Every visible string comes from these catalogues through i18next; French is the reference.
 * Each catalogue is its own chunk: a reader downloads only the language it reads.
 */
export const i18n = i18next.createInstance();

type Catalogue = Record<string, unknown>;
const CATALOGUES: Record<Language, () => Promise<{ default: Catalogue }>> = {
  fr: () => import('./fr.json'),
  ar: () => import('./ar.json'),
  en: () => import('./en.json'),
};

async function loadCatalogue(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const catalogue = await CATALOGUES[language]();
  i18n.addResourceBundle(language, 'translation', catalogue.default);
}

export async function startI18n(): Promise<void> {
  const language = chooseLanguage(window.location.search, localStorage.getItem(STORAGE_KEY));
  const catalogue = await CATALOGUES[language]();
  await i18n.use(initReactI18next).init({
    resources: { [language]: { translation: catalogue.default } },
    lng: language,
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
  });
  applyLanguage(language);
}

/** Sets the document's language and direction (Arabic mirrors the layout) and keeps the choice. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  localStorage.setItem(STORAGE_KEY, language);
}

export async function changeLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  await i18n.changeLanguage(language);
  applyLanguage(language);
}
