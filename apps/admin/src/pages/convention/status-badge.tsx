import { useTranslation } from 'react-i18next';

/** A7's status, in words and colour (the colour is never the only sign). */
export function StatusBadge({ status }: { status: 'DRAFT' | 'IN_FORCE' | 'EXPIRING' | 'EXPIRED' }) {
  const { t } = useTranslation();
  return <span className={`status status-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}
