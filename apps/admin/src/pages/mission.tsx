import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useFormat } from '../format/use-format.js';
import { Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { Disclosure } from './convention/disclosure.js';
import { CostsSection } from './mission/costs.js';
import { DelegatesSection } from './mission/delegates.js';
import { EditMissionForm } from './mission/mission-form.js';
import { MissionQuery, useReloadMission } from './mission/mission-query.js';

/**
 * One trip between the cities (A5): who travels from where to where and when, why, for which
 * action, its delegates by category, and its costs with the payer of each by the shared-cost
 * rule (A4.5) and the split per party and currency.
 */
export default function MissionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  const [result, refetch] = useQuery({ query: MissionQuery, variables: { id } });
  const reload = useReloadMission(id);
  const mission = result.data?.node?.__typename === 'Mission' ? result.data.node : null;
  const title = mission
    ? t('missions.trip', { origin: mission.origin.name, host: mission.host.name })
    : null;
  useDocumentTitle(title ?? t('missions.loading'));

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
  if (!mission) return <NotFound />;

  const editable = canEdit(viewer);
  const conventionPath = `/conventions/${encodeURIComponent(mission.convention.id)}`;
  const actions = mission.convention.actions.edges.map((edge) => edge.node);
  const action = actions.find((item) => item.id === mission.actionId);
  return (
    <main id="main" className="page mission" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
        {' › '}
        <Link href={conventionPath}>
          <bdi>{mission.convention.title}</bdi>
        </Link>
        {' › '}
        <Link href={`${conventionPath}/missions`}>{t('programme.missions')}</Link>
      </nav>
      <h1>{title}</h1>
      <p className="lead">
        {t('missions.dates', {
          departure: format.date(mission.departureDate),
          return: format.date(mission.returnDate),
        })}
      </p>

      <section aria-labelledby="trip-heading">
        <h2 id="trip-heading">{t('missions.details')}</h2>
        <dl className="facts">
          <dt>{t('missions.fields.origin')}</dt>
          <dd>{mission.origin.name}</dd>
          <dt>{t('missions.fields.host')}</dt>
          <dd>{mission.host.name}</dd>
          <dt>{t('missions.fields.purpose')}</dt>
          <dd>{mission.purpose}</dd>
          <dt>{t('missions.fields.action')}</dt>
          <dd>
            {action ? (
              <Link href={`/actions/${encodeURIComponent(action.id)}`}>
                <bdi>{action.title}</bdi>
              </Link>
            ) : (
              t('missions.fields.noAction')
            )}
          </dd>
        </dl>
        {editable && (
          <Disclosure label={t('missions.edit')}>
            {(close) => (
              <EditMissionForm
                mission={mission}
                parties={mission.convention.parties.map((party) => party.collectivity)}
                actions={actions}
                onReload={reload}
                onDone={close}
              />
            )}
          </Disclosure>
        )}
      </section>

      <DelegatesSection mission={mission} editable={editable} onReload={reload} />
      <CostsSection mission={mission} editable={editable} onReload={reload} />
    </main>
  );
}
