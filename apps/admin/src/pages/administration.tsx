import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../status.js';
import { canAdminister, useSignedInViewer } from '../viewer.js';
import { AccountsSection } from './administration/accounts.js';
import { ApiTokensSection } from './administration/api-tokens.js';

/** The collectivity's people and partner tools: for its administrators only. */
export default function AdministrationPage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  useDocumentTitle(t('administration.title'));
  if (!canAdminister(viewer)) {
    return (
      <main id="main" className="page" tabIndex={-1}>
        <h1>{t('administration.title')}</h1>
        <p>{t('administration.adminsOnly')}</p>
      </main>
    );
  }
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>{t('administration.title')}</h1>
      <p className="lead">{t('administration.lead', { collectivity: viewer.collectivity.name })}</p>
      <AccountsSection />
      <ApiTokensSection />
    </main>
  );
}
