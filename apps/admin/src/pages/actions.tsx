import { ACTION_STATUSES } from '@coop/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import {
  actionFilterFromSearch,
  matchesActionFilter,
  searchFromActionFilter,
  type ActionListFilter,
} from '../actions/action-filter.js';
import { useFormat } from '../format/use-format.js';
import { graphql } from '../graphql.js';
import { Empty, Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { CreateActionForm } from './action/action-form.js';
import { ActionStatusBadge } from './action/action-status.js';
import { Disclosure } from './convention/disclosure.js';
import { ProgrammeHeader } from './convention/programme-nav.js';

const ConventionActionsQuery = graphql(`
  query ConventionActions($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
        axes {
          id
          title
          periodStart
          periodEnd
        }
        actions(first: 100) {
          totalCount
          edges {
            node {
              id
              title
              status
              startDate
              endDate
              axis {
                id
                title
              }
              periodFlags {
                code
              }
              specificConvention {
                signed
              }
              budget {
                id
                approval {
                  state
                }
                totals {
                  expenses {
                    reporting {
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
    }
  }
`);

/** A convention's actions, filtered by status and axis in the URL, and a new one. */
export default function ActionsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = actionFilterFromSearch(search);
  // An empty list names no Action: say which type a new one would refresh.
  const context = useMemo(() => ({ additionalTypenames: ['Action'] }), []);
  const [result, refetch] = useQuery({ query: ConventionActionsQuery, variables: { id }, context });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  useDocumentTitle(
    convention ? t('actions.titleOf', { title: convention.title }) : t('actions.title'),
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

  const apply = (next: ActionListFilter) =>
    navigate(
      `/conventions/${encodeURIComponent(convention.id)}/actions${searchFromActionFilter(next, search)}`,
      { replace: true },
    );
  const all = convention.actions.edges.map((edge) => edge.node);
  const shown = all.filter((action) => matchesActionFilter(action, filter));
  const filtered = filter.statuses.length > 0 || filter.axisId !== '';

  return (
    <main id="main" className="page" tabIndex={-1}>
      <ProgrammeHeader convention={convention} current="actions" title={t('actions.title')} />
      {canEdit(viewer) && convention.axes.length > 0 && (
        <Disclosure label={t('actions.new')}>
          {() => (
            <CreateActionForm
              conventionId={convention.id}
              axes={convention.axes}
              onCreated={(action) => navigate(`/actions/${encodeURIComponent(action.id)}`)}
            />
          )}
        </Disclosure>
      )}
      <form
        className="filters"
        role="search"
        aria-label={t('actions.filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <fieldset className="statuses">
          <legend>{t('actions.filters.status')}</legend>
          {ACTION_STATUSES.map((status) => (
            <label key={status} className="check">
              <input
                type="checkbox"
                checked={filter.statuses.includes(status)}
                onChange={(event) =>
                  apply({
                    ...filter,
                    statuses: event.target.checked
                      ? [...filter.statuses, status]
                      : filter.statuses.filter((item) => item !== status),
                  })
                }
              />
              {t(`actionStatus.${status}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="filter-axis">{t('actions.filters.axis')}</label>
          <select
            id="filter-axis"
            value={filter.axisId}
            onChange={(event) => apply({ ...filter, axisId: event.target.value })}
          >
            <option value="">{t('actions.filters.anyAxis')}</option>
            {convention.axes.map((axis) => (
              <option key={axis.id} value={axis.id}>
                {axis.title}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="button" onClick={() => apply({ statuses: [], axisId: '' })}>
            {t('conventions.filters.reset')}
          </button>
        </div>
      </form>
      {shown.length === 0 ? (
        <Empty>{filtered ? t('actions.noMatch') : t('actions.empty')}</Empty>
      ) : (
        <>
          <p className="count" role="status">
            {t('actions.count', { count: shown.length })}
          </p>
          <div className="table-scroll">
            <table className="list">
              <caption className="visually-hidden">
                {t('actions.caption', { title: convention.title })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('actions.columns.title')}</th>
                  <th scope="col">{t('actions.columns.axis')}</th>
                  <th scope="col">{t('actions.columns.status')}</th>
                  <th scope="col">{t('actions.columns.period')}</th>
                  <th scope="col" className="number">
                    {t('actions.columns.budget')}
                  </th>
                  <th scope="col">{t('actions.columns.agreement')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((action) => (
                  <tr key={action.id}>
                    <td>
                      <Link href={`/actions/${encodeURIComponent(action.id)}`}>
                        <bdi>{action.title}</bdi>
                      </Link>
                    </td>
                    <td>{action.axis.title}</td>
                    <td>
                      <ActionStatusBadge status={action.status} />
                    </td>
                    <td>
                      {action.startDate && action.endDate
                        ? t('actions.fromTo', {
                            start: format.shortDate(action.startDate),
                            end: format.shortDate(action.endDate),
                          })
                        : t('actions.undated')}
                      {action.periodFlags.some((flag) => flag.code === 'OUTSIDE_AXIS_PERIOD') && (
                        <span className="flag block">{t('actions.outsideAxis')}</span>
                      )}
                    </td>
                    <td className="number">
                      {action.budget.totals.expenses.reporting
                        ? format.money(action.budget.totals.expenses.reporting)
                        : '—'}
                    </td>
                    <td>
                      <span className="block">
                        {action.budget.approval.state === 'AGREED'
                          ? t('actions.budgetAgreed')
                          : t('actions.budgetPending')}
                      </span>
                      <span className="block muted">
                        {action.specificConvention?.signed
                          ? t('actions.specificSigned')
                          : t('actions.specificUnsigned')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {convention.actions.totalCount > all.length && (
            <p className="count">
              {t('actions.partial', { shown: all.length, count: convention.actions.totalCount })}
            </p>
          )}
        </>
      )}
    </main>
  );
}
