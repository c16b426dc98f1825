import { useTranslation } from 'react-i18next';

export type ActionStatus = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

/** An action's status in words and colour (the colour is never the only sign). */
export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status action-${status.toLowerCase()}`}>{t(`actionStatus.${status}`)}</span>
  );
}
