import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { graphql } from './graphql.js';
import { changeLanguage } from './i18n/index.js';
import { isLanguage, LANGUAGES } from './i18n/language.js';
import { canAdminister, type Viewer } from './viewer.js';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

interface Props {
  viewer: Viewer;
  onSignedOut: () => void;
  children: ReactNode;
}

/** The shell of every signed-in screen: who, where, in which language, and the way out. */
export function Layout({ viewer, onSignedOut, children }: Props) {
  const { t, i18n } = useTranslation();
  const [location] = useLocation();
  const [logoutState, logout] = useMutation(LogoutMutation);
  useFocusOnNavigation(location);
  const links = [
    { href: '/', label: t('nav.dashboard'), active: location === '/' },
    {
      href: '/conventions',
      label: t('nav.conventions'),
      // A convention's programme (actions, missions, indicators, evaluations) is under it.
      active: /^\/(conventions|actions|missions|indicators|evaluations)(\/|$)/.test(location),
    },
    ...(canAdminister(viewer)
      ? [
          {
            href: '/administration',
            label: t('nav.administration'),
            active: location.startsWith('/administration'),
          },
        ]
      : []),
    { href: '/account', label: t('nav.account'), active: location.startsWith('/account') },
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top-bar">
        <Link href="/" className="brand">
          {t('app.name')}
          <span className="tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="main-nav">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} aria-current={link.active ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="session">
          <p className="who" data-testid="viewer">
            <span className="who-name">{viewer.displayName}</span>
            <span className="who-collectivity">{viewer.collectivity.name}</span>
          </p>
          <LanguagePicker value={i18n.language} />
          <button
            type="button"
            className="sign-out"
            disabled={logoutState.fetching}
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

/**
 * After a move to another screen, the focus goes to the new screen's main region (as a page load
 * would put it at the top), so that keyboard and screen-reader users start from its beginning.
 */
function useFocusOnNavigation(location: string) {
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [location]);
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
