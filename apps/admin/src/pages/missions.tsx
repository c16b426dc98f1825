import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { useFormat } from '../format/use-format.js';
import { graphql } from '../graphql.js';
import { Empty, Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { Disclosure } from './convention/disclosure.js';
import { ProgrammeHeader } from './convention/programme-nav.js';
import { CreateMissionForm } from './mission/mission-form.js';

const ConventionMissionsQuery = graphql(`
  query ConventionMissions($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
        parties {
          collectivity {
            id
            name
          }
        }
        actions(first: 100) {
          edges {
            node {
              id
              title
            }
          }
        }
        missions(first: 100) {
          totalCount
          edges {
            node {
              id
              purpose
              departureDate
              returnDate
              origin {
                id
                name
              }
              host {
                id
                name
              }
              delegatesByCategory {
                category
                count
              }
              costSharing {
                collectivity {
                  id
                  name
                }
                amounts {
                  amount
                  currency
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** A convention's trips (A5), the latest first, with who pays what (A4.5), and a new one. */
export default function MissionsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  const [, navigate] = useLocation();
  const context = useMemo(() => ({ additionalTypenames: ['Mission'] }), []);
  const [result, refetch] = useQuery({
    query: ConventionMissionsQuery,
    variables: { id },
    context,
  });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  useDocumentTitle(
    convention ? t('missions.titleOf', { title: convention.title }) : t('missions.title'),
  );

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
  if (!convention) return <NotFound />;

  const parties = convention.parties.map((party) => party.collectivity);
  const missions = convention.missions.edges
    .map((edge) => edge.node)
    .sort((a, b) => b.departureDate.localeCompare(a.departureDate));
  return (
    <main id="main" className="page" tabIndex={-1}>
      <ProgrammeHeader convention={convention} current="missions" title={t('missions.title')} />
      {canEdit(viewer) && parties.length > 1 && (
        <Disclosure label={t('missions.new')}>
          {() => (
            <CreateMissionForm
              conventionId={convention.id}
              parties={parties}
              actions={convention.actions.edges.map((edge) => edge.node)}
              ownCollectivityId={viewer.collectivity.id}
              onCreated={(mission) => navigate(`/missions/${encodeURIComponent(mission)}`)}
            />
          )}
        </Disclosure>
      )}
      {missions.length === 0 ? (
        <Empty>{t('missions.empty')}</Empty>
      ) : (
        <>
          <p className="count">{t('missions.count', { count: convention.missions.totalCount })}</p>
          <div className="table-scroll">
            <table className="list">
              <caption className="visually-hidden">
                {t('missions.caption', { title: convention.title })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('missions.columns.dates')}</th>
                  <th scope="col">{t('missions.columns.trip')}</th>
                  <th scope="col">{t('missions.columns.purpose')}</th>
                  <th scope="col">{t('missions.columns.delegates')}</th>
                  <th scope="col">{t('missions.columns.costs')}</th>
                </tr>
              </thead>
              <tbody>
                {missions.map((mission) => (
                  <tr key={mission.id}>
                    <td>
                      {t('missions.dates', {
                        departure: format.shortDate(mission.departureDate),
                        return: format.shortDate(mission.returnDate),
                      })}
                    </td>
                    <td>
                      <Link href={`/missions/${encodeURIComponent(mission.id)}`}>
                        {t('missions.trip', {
                          origin: mission.origin.name,
                          host: mission.host.name,
                        })}
                      </Link>
                    </td>
                    <td>{mission.purpose}</td>
                    <td>
                      {format.list(
                        mission.delegatesByCategory
                          .filter((entry) => entry.count > 0)
                          .map((entry) =>
                            t(`missions.categoryCount.${entry.category}`, { count: entry.count }),
                          ),
                      )}
                    </td>
                    <td>
                      {mission.costSharing.map((share) => (
                        <span key={share.collectivity.id} className="block">
                          {share.amounts.length === 0
                            ? t('missions.paysNothing', { party: share.collectivity.name })
                            : t('missions.pays', {
                                party: share.collectivity.name,
                                amounts: share.amounts
                                  .map((money) => format.money(money))
                                  .join(' + '),
                              })}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {convention.missions.totalCount > missions.length && (
            <p className="count">
              {t('missions.partial', {
                shown: missions.length,
                count: convention.missions.totalCount,
              })}
            </p>
          )}
        </>
      )}
    </main>
  );
}
