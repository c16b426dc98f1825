import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { chooseLanguage, directionOf, STORAGE_KEY, type Language } from './language.js';

/** Every visible string comes from these catalogues through i18next; French is the reference. */
export const i18n = i18next.createInstance();

export async function startI18n(): Promise<void> {
  const language = chooseLanguage(window.location.search, localStorage.getItem(STORAGE_KEY));
  await i18n.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en }, ar: { translation: ar } },
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
  await i18n.changeLanguage(language);
  applyLanguage(language);
}
