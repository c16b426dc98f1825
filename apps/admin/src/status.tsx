import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { Link } from 'wouter';

/** Loading, empty, failed and not-found look and sound the same on every screen. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A request that failed outright (network, server): say so, offer to retry. */
export function Failure({ error, retry }: { error: CombinedError; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="failure" role="alert" data-error={error.name}>
      <p>{t('common.error')}</p>
      <button type="button" onClick={retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** What is missing and what is not the viewer's to see are answered alike. */
export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('common.notFoundTitle'));
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFound')}</p>
      <Link href="/">{t('common.backHome')}</Link>
    </main>
  );
}

/** The tab's title names the screen, as a screen reader announces it on navigation. */
export function useDocumentTitle(title: string | null | undefined) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} — ${app}` : app;
  }, [title, app]);
}
