import { describe, expect, it } from 'vitest';
import { chooseLanguage, directionOf, intlLocaleOf } from './language.js';

describe('chooseLanguage', () => {
  it('takes the lang parameter of a shared link first', () => {
    expect(chooseLanguage('?lang=ar', 'en')).toBe('ar');
  });

  it('falls back to the kept choice, then to French', () => {
    expect(chooseLanguage('', 'en')).toBe('en');
    expect(chooseLanguage('', null)).toBe('fr');
  });

  it('ignores a language the app does not offer', () => {
    expect(chooseLanguage('?lang=de', 'xx')).toBe('fr');
    expect(chooseLanguage('?lang=de', 'ar')).toBe('ar');
  });
});

describe('layout direction and formatting locale', () => {
  it('writes Arabic right to left with Western digits', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
    expect(new Intl.NumberFormat(intlLocaleOf('ar'), { useGrouping: false }).format(2016)).toBe(
      '2016',
    );
    expect(new Intl.NumberFormat('ar-EG', { useGrouping: false }).format(2016)).not.toBe('2016');
  });
});
