import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { graphql } from './graphql.js';
import { changeLanguage } from './i18n/index.js';
import { isLanguage, LANGUAGES } from './i18n/language.js';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

interface Props {
  viewer: { displayName: string; collectivity: { name: string } };
  onSignedOut: () => void;
  children: ReactNode;
}

export function Layout({ viewer, onSignedOut, children }: Props) {
  const { t, i18n } = useTranslation();
  const [, logout] = useMutation(LogoutMutation);
  return (
    <>
      <header className="top-bar">
        <Link href="/" className="brand">
          {t('app.name')}
          <span className="tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <Link href="/">{t('nav.conventions')}</Link>
        </nav>
        <div className="session">
          <span className="who">
            {t('nav.signedInAs', {
              name: viewer.displayName,
              collectivity: viewer.collectivity.name,
            })}
          </span>
          <LanguagePicker value={i18n.language} />
          <button
            type="button"
            onClick={() => {
              void logout({}).then(onSignedOut);
            }}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      {children}
    </>
  );
}

export function LanguagePicker({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <label className="language">
      <span>{t('language.label')}</span>
      <select
        value={value}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
