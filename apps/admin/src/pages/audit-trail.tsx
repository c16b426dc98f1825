import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { auditDiff } from '../audit/diff.js';
import { useFormat } from '../format/use-format.js';
import { graphql, type ResultOf } from '../graphql.js';
import { Empty, Failure, Loading, NotFound, useDocumentTitle } from '../status.js';

const PAGE_SIZE = 20;

const AuditTrailQuery = graphql(`
  query AuditTrail($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
        auditTrail(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              at
              actor
              actorCollectivity {
                id
                name
              }
              operation
              subjectType
              subjectId
              before
              after
            }
          }
        }
      }
    }
  }
`);

type Entry = Extract<
  NonNullable<ResultOf<typeof AuditTrailQuery>['node']>,
  { __typename: 'Convention' }
>['auditTrail']['edges'][number]['node'];

/**
 * Every change to a convention and what is under it, newest first (who, when, what, before and
 * after). Pages of twenty, each its own query, so that "more" adds to the list without
 * reloading what is already shown.
 */
export default function AuditTrailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [first] = useQuery({
    query: AuditTrailQuery,
    variables: { id, first: PAGE_SIZE, after: null },
    requestPolicy: 'cache-and-network',
  });
  const convention = first.data?.node?.__typename === 'Convention' ? first.data.node : null;
  useDocumentTitle(convention ? t('audit.titleOf', { title: convention.title }) : t('audit.title'));

  if (first.fetching && !first.data) {
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  }
  if (first.error && !first.data) {
    return (
      <main id="main" className="page">
        <Failure error={first.error} retry={() => setCursors([null])} />
      </main>
    );
  }
  if (!convention) return <NotFound />;
  const path = `/conventions/${encodeURIComponent(convention.id)}`;

  return (
    <main id="main" className="page" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
        {' › '}
        <Link href={path}>
          <bdi>{convention.title}</bdi>
        </Link>
      </nav>
      <h1>{t('audit.title')}</h1>
      {convention.auditTrail.totalCount === 0 ? (
        <Empty>{t('audit.empty')}</Empty>
      ) : (
        <>
          <p className="count">{t('audit.count', { count: convention.auditTrail.totalCount })}</p>
          <ol className="audit">
            {cursors.map((cursor) => (
              <AuditPage
                key={cursor ?? 'first'}
                id={id}
                after={cursor}
                isLast={cursor === cursors.at(-1)}
                onMore={(next) => setCursors((current) => [...current, next])}
              />
            ))}
          </ol>
        </>
      )}
    </main>
  );
}

function AuditPage({
  id,
  after,
  isLast,
  onMore,
}: {
  id: string;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({
    query: AuditTrailQuery,
    variables: { id, first: PAGE_SIZE, after },
  });
  const trail = result.data?.node?.__typename === 'Convention' ? result.data.node.auditTrail : null;
  if (!trail) {
    return (
      <li className="audit-status">
        {result.error ? (
          <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading />
        )}
      </li>
    );
  }
  return (
    <>
      {trail.edges.map((edge) => (
        <AuditEntryItem key={edge.cursor} entry={edge.node} />
      ))}
      {isLast && trail.pageInfo.hasNextPage && trail.pageInfo.endCursor && (
        <li className="audit-more">
          <button type="button" onClick={() => onMore(trail.pageInfo.endCursor ?? '')}>
            {t('audit.more')}
          </button>
        </li>
      )}
    </>
  );
}

function AuditEntryItem({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lines = auditDiff(entry.before, entry.after);
  return (
    <li className="audit-entry">
      <p className="audit-head">
        <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>{' '}
        <strong>
          {t(`audit.operations.${entry.operation}`, { defaultValue: entry.operation })}
        </strong>{' '}
        <span className="muted">
          {t('audit.by', {
            actor: entry.actor,
            collectivity: entry.actorCollectivity?.name ?? '—',
          })}
        </span>
      </p>
      {lines.length === 0 ? (
        <p className="muted">{t('audit.noChange')}</p>
      ) : (
        <table className="diff">
          <caption className="visually-hidden">
            {t('audit.diffCaption', {
              subject: t(`audit.subjects.${entry.subjectType}`, {
                defaultValue: entry.subjectType,
              }),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.field} className={`diff-${line.change}`}>
                <th scope="row">
                  {line.field
                    ? t(`audit.fields.${line.field}`, { defaultValue: line.field })
                    : t('audit.value')}
                </th>
                <td className="diff-before">
                  {line.before === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <del>{line.before}</del>
                  )}
                </td>
                <td className="diff-after">
                  {line.after === null ? <span className="muted">—</span> : <ins>{line.after}</ins>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
