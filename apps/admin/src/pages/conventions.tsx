import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery, type CombinedError } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import {
  apiFilterOf,
  CONVENTION_STATUSES,
  filterFromSearch,
  isFiltered,
  NO_FILTER,
  searchFromFilter,
  type ConventionListFilter,
} from '../conventions/filter.js';
import { useFormat } from '../format/use-format.js';
import { graphql, type ResultOf } from '../graphql.js';
import { StatusBadge } from './convention/status-badge.js';
import { Empty, Failure, Loading, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';

/** The API's largest page: a collectivity of a national platform may be party to more. */
const PAGE_SIZE = 100;

const ConventionsQuery = graphql(`
  query Conventions($filter: ConventionFilter, $first: Int!, $after: String) {
    conventions(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          endDate
          parties {
            collectivity {
              id
              name
              countryCode
            }
          }
        }
      }
    }
  }
`);

/**
 * The filter offers the countries of the viewer's partners, from all its conventions: the
 * directory holds every collectivity of the platform, thousands on a national one.
 */
const CountriesQuery = graphql(`
  query PartnerCountries {
    viewer {
      partnerCountries
    }
  }
`);

type Connection = ResultOf<typeof ConventionsQuery>['conventions'];

/** How long typing waits before the list follows: one request per pause, not per letter. */
const TYPING_PAUSE_MS = 300;

export default function ConventionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  useDocumentTitle(t('conventions.title'));
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = filterFromSearch(search);
  const variables = { filter: apiFilterOf(filter), first: PAGE_SIZE };
  const [result, refetch] = useQuery({ query: ConventionsQuery, variables });
  const [countries] = useQuery({ query: CountriesQuery });
  const connection = result.data?.conventions;
  const more = useMorePages(connection, variables);

  const apply = (next: ConventionListFilter) =>
    navigate(`/conventions${searchFromFilter(next, search)}`, { replace: true });

  const countryCodes = [...(countries.data?.viewer?.partnerCountries ?? [])].sort((a, b) =>
    format.country(a).localeCompare(format.country(b), format.locale),
  );
  if (filter.partnerCountry && !countryCodes.includes(filter.partnerCountry))
    countryCodes.push(filter.partnerCountry);

  return (
    <main id="main" className="page" tabIndex={-1}>
      <div className="page-header">
        <h1>{t('conventions.title')}</h1>
        {canEdit(viewer) && (
          <Link href="/conventions/new" className="button primary">
            {t('conventions.new')}
          </Link>
        )}
      </div>
      <Filters filter={filter} countryCodes={countryCodes} onChange={apply} />
      {result.fetching && !connection && <Loading />}
      {result.error && !connection && (
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {connection && connection.totalCount === 0 && (
        <Empty>{isFiltered(filter) ? t('conventions.noMatch') : t('conventions.empty')}</Empty>
      )}
      {connection && connection.totalCount > 0 && (
        <>
          <p className="count" role="status">
            {t('conventions.count', { count: connection.totalCount })}
          </p>
          <div className="table-scroll">
            <table className="list">
              <caption className="visually-hidden">{t('conventions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('conventions.columns.title')}</th>
                  <th scope="col">{t('conventions.columns.parties')}</th>
                  <th scope="col">{t('conventions.columns.status')}</th>
                  <th scope="col">{t('conventions.columns.term')}</th>
                </tr>
              </thead>
              <tbody>
                {[...connection.edges, ...more.edges].map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link href={`/conventions/${encodeURIComponent(node.id)}`}>
                        <bdi>{node.title}</bdi>
                      </Link>
                    </td>
                    <td>
                      {format.list(
                        node.parties.map(
                          (party) =>
                            `${party.collectivity.name} (${format.country(party.collectivity.countryCode)})`,
                        ),
                      )}
                    </td>
                    <td>
                      <StatusBadge status={node.status} />
                    </td>
                    <td>{node.endDate ? format.date(node.endDate) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more.error && <Failure error={more.error} retry={() => void more.load()} />}
          {more.hasNext && (
            <button
              type="button"
              className="button"
              disabled={more.loading}
              onClick={() => void more.load()}
            >
              {t('conventions.more', {
                count: Math.min(
                  PAGE_SIZE,
                  connection.totalCount - connection.edges.length - more.edges.length,
                ),
              })}
            </button>
          )}
        </>
      )}
    </main>
  );
}

/**
 * The pages after the first, read when asked and added below it; forgotten when the filters
 * change (the first page's query then changes too).
 */
function useMorePages(
  first: Connection | undefined,
  variables: { filter: ReturnType<typeof apiFilterOf>; first: number },
) {
  const client = useClient();
  const key = JSON.stringify(variables.filter);
  // Pages and failure belong to the filters they were read under: kept together, forgotten together.
  const [state, setState] = useState<{
    key: string;
    pages: Connection[];
    error: CombinedError | null;
  }>({ key, pages: [], error: null });
  const [loading, setLoading] = useState(false);
  const { pages, error } = state.key === key ? state : { pages: [], error: null };
  const last = pages.at(-1) ?? first;
  async function load() {
    const after = last?.pageInfo.endCursor;
    if (!after) return;
    setLoading(true);
    setState({ key, pages, error: null });
    const answer = await client.query(ConventionsQuery, { ...variables, after }).toPromise();
    setLoading(false);
    setState(
      answer.data && !answer.error
        ? { key, pages: [...pages, answer.data.conventions], error: null }
        : { key, pages, error: answer.error ?? null },
    );
  }
  return {
    edges: pages.flatMap((page) => page.edges),
    hasNext: last?.pageInfo.hasNextPage === true,
    loading,
    error,
    load,
  };
}

function Filters({
  filter,
  countryCodes,
  onChange,
}: {
  filter: ConventionListFilter;
  countryCodes: readonly string[];
  onChange: (filter: ConventionListFilter) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // Typed text shows at once; the list (and the URL) follow after a pause.
  const [typed, setTyped] = useState({ search: filter.search, axis: filter.axis });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const type = (field: 'search' | 'axis', value: string) => {
    const next = { ...typed, [field]: value };
    setTyped(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange({ ...filter, ...next }), TYPING_PAUSE_MS);
  };
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('conventions.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        onChange({ ...filter, ...typed });
      }}
    >
      <div className="field">
        <label htmlFor="filter-search">{t('conventions.filters.search')}</label>
        <input
          id="filter-search"
          type="search"
          value={typed.search}
          onChange={(event) => type('search', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-country">{t('conventions.filters.country')}</label>
        <select
          id="filter-country"
          value={filter.partnerCountry}
          onChange={(event) =>
            onChange({ ...filter, ...typed, partnerCountry: event.target.value })
          }
        >
          <option value="">{t('conventions.filters.anyCountry')}</option>
          {countryCodes.map((code) => (
            <option key={code} value={code}>
              {format.country(code)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-axis">{t('conventions.filters.axis')}</label>
        <input
          id="filter-axis"
          type="search"
          value={typed.axis}
          onChange={(event) => type('axis', event.target.value)}
        />
      </div>
      <fieldset className="statuses">
        <legend>{t('conventions.filters.status')}</legend>
        {CONVENTION_STATUSES.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={filter.statuses.includes(status)}
              onChange={(event) =>
                onChange({
                  ...filter,
                  ...typed,
                  statuses: event.target.checked
                    ? [...filter.statuses, status]
                    : filter.statuses.filter((item) => item !== status),
                })
              }
            />
            {t(`status.${status}`)}
          </label>
        ))}
      </fieldset>
      <div className="filter-actions">
        <button type="submit">{t('conventions.filters.apply')}</button>
        <button
          type="button"
          onClick={() => {
            clearTimeout(timer.current);
            setTyped({ search: '', axis: '' });
            onChange(NO_FILTER);
          }}
        >
          {t('conventions.filters.reset')}
        </button>
      </div>
    </form>
  );
}
