import { today as todayIn } from '@coop/domain';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { CONVENTION_STATUSES } from '../conventions/filter.js';
import { useFormat } from '../format/use-format.js';
import { graphql } from '../graphql.js';
import { Empty, Failure, Loading, useDocumentTitle } from '../status.js';
import { canAdminister, canEdit, useSignedInViewer } from '../viewer.js';
import { ApdDownload } from './dashboard/apd-download.js';
import { deadlineKey, upcomingDeadlines, type Deadline } from './dashboard/deadlines.js';

// The chart library comes with the chart, in a chunk of its own, after the figures.
const TermTimeline = lazy(() => import('./dashboard/term-timeline.js'));
// The programme's budget and indicators: a query and charts of their own, after the figures.
const ProgrammePanel = lazy(() => import('./dashboard/programme-panel.js'));

// 50 conventions × 100 missions each stays under the API's query cost limit (1.5 M, apps/api
// yoga.ts); 100 × 100 does not. Beyond 50 the page says that it shows only part of them.
const DashboardQuery = graphql(`
  query Dashboard {
    conventions(first: 50) {
      totalCount
      edges {
        node {
          id
          title
          status
          startDate
          endDate
          parties {
            collectivity {
              id
              name
            }
          }
          terms {
            number
            startDate
            endDate
          }
          renewal {
            eligible
            issues {
              code
            }
          }
          missions(first: 100) {
            edges {
              node {
                id
                departureDate
                returnDate
                purpose
                origin {
                  name
                }
                host {
                  name
                }
              }
            }
          }
          evaluations {
            id
            scope
            year
            status
          }
        }
      }
    }
  }
`);

/**
 * The office's morning page: the conventions in force and their terms, what falls due soon (terms,
 * renewals, missions, evaluations), a convention's programme budget and indicators, the ways in.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const format = useFormat();
  useDocumentTitle(t('dashboard.title'));
  const [result, refetch] = useQuery({ query: DashboardQuery });
  const connection = result.data?.conventions;
  const conventions =
    connection?.edges.map(({ node }) => ({
      ...node,
      missions: node.missions.edges.map((edge) => edge.node),
    })) ?? [];
  const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const deadlines = upcomingDeadlines(conventions, today);
  const counts = Object.fromEntries(
    CONVENTION_STATUSES.map((status) => [
      status,
      conventions.filter((convention) => convention.status === status).length,
    ]),
  );

  return (
    <main id="main" className="page dashboard" tabIndex={-1}>
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.lead', { collectivity: viewer.collectivity.name })}</p>
      {result.fetching && !connection && <Loading />}
      {result.error && !connection && (
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {connection && (
        <>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t('dashboard.summary')}</h2>
            <ul className="tiles">
              {CONVENTION_STATUSES.map((status) => (
                <li key={status} className={`tile status-${status.toLowerCase()}`}>
                  <Link href={`/conventions?status=${status}`}>
                    <span className="tile-figure">{format.number(counts[status] ?? 0)}</span>
                    <span className="tile-label">
                      {t(`dashboard.counts.${status}`, { count: counts[status] ?? 0 })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="due-heading">
            <h2 id="due-heading">{t('dashboard.due.title')}</h2>
            {deadlines.length === 0 ? (
              <Empty>{t('dashboard.due.empty')}</Empty>
            ) : (
              <ul className="deadlines">
                {deadlines.map((deadline) => (
                  <li
                    key={deadlineKey(deadline)}
                    className={`deadline deadline-${deadline.kind.toLowerCase()}${deadline.kind === 'ANNUAL_EVALUATION' && deadline.overdue ? ' overdue' : ''}`}
                  >
                    <time dateTime={deadline.date}>{format.date(deadline.date)}</time>
                    <div>
                      <Link href={`/conventions/${encodeURIComponent(deadline.convention.id)}`}>
                        <bdi>{deadline.convention.title}</bdi>
                      </Link>
                      <DeadlineText deadline={deadline} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('dashboard.timeline.title')}</h2>
            {conventions.length === 0 ? (
              <Empty>{t('conventions.empty')}</Empty>
            ) : (
              <Suspense fallback={<Loading />}>
                <TermTimeline conventions={conventions} today={today} />
              </Suspense>
            )}
            {connection.totalCount > conventions.length && (
              <p className="count">
                {t('dashboard.partial', {
                  shown: conventions.length,
                  count: connection.totalCount,
                })}
              </p>
            )}
          </section>

          <section aria-labelledby="programme-heading">
            <h2 id="programme-heading">{t('dashboard.programme.title')}</h2>
            {conventions.some((convention) => convention.terms.length > 0) ? (
              <Suspense fallback={<Loading />}>
                <ProgrammePanel
                  conventions={conventions.filter((convention) => convention.terms.length > 0)}
                />
              </Suspense>
            ) : (
              <Empty>{t('dashboard.timeline.empty')}</Empty>
            )}
          </section>

          <section aria-labelledby="links-heading">
            <h2 id="links-heading">{t('dashboard.links.title')}</h2>
            <ul className="quick-links">
              <li>
                <Link href="/conventions">{t('dashboard.links.conventions')}</Link>
              </li>
              <li>
                <Link href="/conventions?status=EXPIRING">{t('dashboard.links.expiring')}</Link>
              </li>
              {canEdit(viewer) && (
                <li>
                  <Link href="/conventions/new">{t('dashboard.links.newConvention')}</Link>
                </li>
              )}
              {canAdminister(viewer) && (
                <li>
                  <Link href="/administration">{t('dashboard.links.administration')}</Link>
                </li>
              )}
              <li>
                <Link href="/account">{t('dashboard.links.account')}</Link>
              </li>
            </ul>
            <ApdDownload collectivityId={viewer.collectivity.id} />
          </section>
        </>
      )}
    </main>
  );
}

/** One deadline in words: what falls due, and what it needs. */
function DeadlineText({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (deadline.kind) {
    case 'MISSION':
      return (
        <p>
          <Link href={`/missions/${encodeURIComponent(deadline.mission.id)}`}>
            {t('dashboard.due.MISSION', {
              origin: deadline.mission.origin.name,
              host: deadline.mission.host.name,
              start: format.date(deadline.mission.departureDate),
              end: format.date(deadline.mission.returnDate),
            })}
          </Link>{' '}
          <span className="muted">{deadline.mission.purpose}</span>
        </p>
      );
    case 'ANNUAL_EVALUATION':
      return (
        <p>
          <Link href={`/conventions/${encodeURIComponent(deadline.convention.id)}/evaluations`}>
            {t(
              deadline.overdue
                ? 'dashboard.due.ANNUAL_EVALUATION_overdue'
                : 'dashboard.due.ANNUAL_EVALUATION',
              {
                year: deadline.year,
                date: format.date(deadline.date),
              },
            )}
          </Link>
        </p>
      );
    default:
      return (
        <p>
          {t(`dashboard.due.${deadline.kind}`, { date: format.date(deadline.date) })}{' '}
          {deadline.kind === 'RENEWAL_OPEN' &&
            (deadline.convention.renewal.eligible
              ? t('dashboard.due.renewable')
              : t('dashboard.due.blockers', { count: deadline.blockers }))}
        </p>
      );
  }
}
