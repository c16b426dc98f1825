import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { ActionQuery, useReloadAction } from './action/action-query.js';
import { ActionStatusBadge } from './action/action-status.js';
import { BudgetSection } from './action/budget.js';
import { DetailsSection, StatusSection } from './action/details.js';
import { OrganizationsSection, ParticipationSection } from './action/partnership.js';
import { SpecificConventionSection } from './action/specific-convention.js';

/**
 * One action of a convention's programme (A2–A5): its status and what it needs to start, its
 * definition and dates, its specific convention, its budget agreed jointly, the organisations
 * associated and the civil society involved.
 */
export default function ActionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const [result, refetch] = useQuery({ query: ActionQuery, variables: { id } });
  const reload = useReloadAction(id);
  const action = result.data?.node?.__typename === 'Action' ? result.data.node : null;
  useDocumentTitle(action?.title ?? t('actions.loading'));

  if (result.fetching && !result.data) {
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  }
  if (result.error && !result.data) {
    return (
      <main id="main" className="page">
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      </main>
    );
  }
  if (!action) return <NotFound />;

  const editable = canEdit(viewer);
  const conventionPath = `/conventions/${encodeURIComponent(action.convention.id)}`;
  return (
    <main id="main" className="page action" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
        {' › '}
        <Link href={conventionPath}>
          <bdi>{action.convention.title}</bdi>
        </Link>
        {' › '}
        <Link href={`${conventionPath}/actions`}>{t('programme.actions')}</Link>
      </nav>
      <div className="page-header">
        <h1>
          <bdi>{action.title}</bdi>
        </h1>
        <ActionStatusBadge status={action.status} />
      </div>
      <p className="lead">{t('actions.underAxis', { axis: action.axis.title })}</p>

      <StatusSection action={action} editable={editable} onReload={reload} />
      <DetailsSection action={action} editable={editable} onReload={reload} />
      <SpecificConventionSection action={action} editable={editable} onReload={reload} />
      <BudgetSection
        action={action}
        editable={editable}
        ownCollectivityId={viewer.collectivity.id}
        ownCurrency={viewer.collectivity.currency}
        onReload={reload}
      />
      <OrganizationsSection action={action} editable={editable} />
      <ParticipationSection action={action} editable={editable} />
    </main>
  );
}
