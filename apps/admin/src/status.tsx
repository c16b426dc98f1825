import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
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
