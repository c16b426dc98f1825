import { today, yearOf } from '@coop/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { programmeBudget } from '../../budgets/programme-budget.js';
import { useFormat } from '../../format/use-format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { Empty, Failure, Loading } from '../../status.js';
import { HorizontalBars } from './horizontal-bars.js';

const ProgrammeQuery = graphql(`
  query DashboardProgramme($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
        reportingCurrency
        parties {
          collectivity {
            id
            name
          }
        }
        axes {
          id
          title
        }
        actions(first: 100) {
          totalCount
          edges {
            node {
              id
              status
              axis {
                id
              }
              budget {
                id
                totals {
                  expenses {
                    reporting {
                      amount
                      currency
                    }
                  }
                  executedExpenses {
                    reporting {
                      amount
                      currency
                    }
                  }
                  parties {
                    collectivity {
                      id
                    }
                    planned {
                      reporting {
                        amount
                        currency
                      }
                    }
                    executed {
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
        indicators {
          id
          targets {
            year
          }
          approval {
            state
          }
        }
      }
    }
  }
`);

const IndicatorsProgressQuery = graphql(`
  query DashboardIndicators($id: ID!, $year: Int!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        indicators {
          id
          code
          name
          unit
          approval {
            state
          }
          progress(year: $year) {
            target
            actual
            ratio
            status
          }
        }
      }
    }
  }
`);

interface ConventionChoice {
  readonly id: string;
  readonly title: string;
  readonly status: string;
}

/**
 * One convention's programme at a glance: its budget planned and executed per party and per axis
 * (A4), and its agreed indicators against the year's target (A6). The convention is chosen here;
 * one in force comes first.
 */
export default function ProgrammePanel({
  conventions,
}: {
  conventions: readonly ConventionChoice[];
}) {
  const { t } = useTranslation();
  const first =
    conventions.find(
      (convention) => convention.status === 'IN_FORCE' || convention.status === 'EXPIRING',
    ) ?? conventions[0];
  const [chosen, setChosen] = useState(first?.id ?? '');
  const [result, refetch] = useQuery({
    query: ProgrammeQuery,
    variables: { id: chosen },
    pause: !chosen,
  });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  const thisYear = yearOf(today(Intl.DateTimeFormat().resolvedOptions().timeZone));
  // The latest year up to this one that has a target among the agreed indicators.
  const targetYears = [
    ...new Set(
      (convention?.indicators ?? [])
        .filter((indicator) => indicator.approval.state === 'AGREED')
        .flatMap((indicator) => indicator.targets.map((target) => target.year)),
    ),
  ].sort((a, b) => a - b);
  const defaultYear = targetYears.filter((year) => year <= thisYear).at(-1) ?? thisYear;
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? defaultYear;

  return (
    <div className="programme-panel">
      <div className="field">
        <label htmlFor="programme-convention">{t('dashboard.programme.convention')}</label>
        <select
          id="programme-convention"
          value={chosen}
          onChange={(event) => {
            setChosen(event.target.value);
            setYear(null);
          }}
        >
          {conventions.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </div>
      {result.fetching && !convention && <Loading />}
      {result.error && !convention && (
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {convention && (
        <>
          <BudgetCharts convention={convention} />
          <div className="panel-block">
            <h3>{t('dashboard.programme.indicators')}</h3>
            <div className="field inline">
              <label htmlFor="programme-year">{t('dashboard.programme.year')}</label>
              <select
                id="programme-year"
                value={year}
                onChange={(event) => setYear(Number(event.target.value))}
              >
                {[...new Set([...targetYears, thisYear])]
                  .sort((a, b) => a - b)
                  .map((item) => (
                    <option key={item} value={item}>
                      {item}
                    </option>
                  ))}
              </select>
            </div>
            <IndicatorProgress conventionId={convention.id} year={year} />
          </div>
          <p>
            <Link href={`/conventions/${encodeURIComponent(convention.id)}/actions`}>
              {t('dashboard.programme.allActions')}
            </Link>
            {' · '}
            <Link href={`/conventions/${encodeURIComponent(convention.id)}/indicators`}>
              {t('dashboard.programme.allIndicators')}
            </Link>
          </p>
        </>
      )}
      {!result.fetching && !result.error && !convention && chosen && (
        <Empty>{t('common.notFound')}</Empty>
      )}
    </div>
  );
}

type ProgrammeConvention = Extract<
  NonNullable<ResultOf<typeof ProgrammeQuery>['node']>,
  { __typename: 'Convention' }
>;

function BudgetCharts({ convention }: { convention: ProgrammeConvention }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actions = convention.actions.edges.map((edge) => edge.node);
  if (actions.length === 0) return <Empty>{t('dashboard.programme.noActions')}</Empty>;
  const budget = programmeBudget(
    actions,
    convention.parties.map((party) => party.collectivity),
    convention.axes,
    convention.reportingCurrency,
  );
  const rows = (bars: typeof budget.byParty) =>
    bars.map((bar) => ({
      id: bar.id,
      label: bar.label,
      whole: Number(bar.planned.amount),
      part: Number(bar.executed.amount),
      text: t('dashboard.programme.plannedExecuted', {
        planned: format.money(bar.planned),
        executed: format.money(bar.executed),
      }),
    }));
  return (
    <div className="panel-charts">
      <div className="panel-block">
        <h3>{t('dashboard.programme.byParty')}</h3>
        <HorizontalBars
          rows={rows(budget.byParty)}
          label={t('dashboard.programme.byPartyLabel', {
            title: convention.title,
            currency: budget.currency,
          })}
          wholeLegend={t('dashboard.programme.planned')}
          partLegend={t('dashboard.programme.executed')}
        />
      </div>
      <div className="panel-block">
        <h3>{t('dashboard.programme.byAxis')}</h3>
        <HorizontalBars
          rows={rows(budget.byAxis)}
          label={t('dashboard.programme.byAxisLabel', {
            title: convention.title,
            currency: budget.currency,
          })}
          wholeLegend={t('dashboard.programme.planned')}
          partLegend={t('dashboard.programme.executed')}
        />
      </div>
      {budget.unknown > 0 && (
        <p className="flag">{t('dashboard.programme.unknown', { count: budget.unknown })}</p>
      )}
    </div>
  );
}

/** The agreed indicators against the year's target (A6: only agreed indicators count). */
function IndicatorProgress({ conventionId, year }: { conventionId: string; year: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [result, refetch] = useQuery({
    query: IndicatorsProgressQuery,
    variables: { id: conventionId, year },
  });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  if (result.fetching && !convention) return <Loading />;
  if (result.error && !convention) {
    return (
      <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  const agreed = (convention?.indicators ?? []).filter(
    (indicator) => indicator.approval.state === 'AGREED',
  );
  if (agreed.length === 0) return <Empty>{t('dashboard.programme.noIndicators')}</Empty>;
  return (
    <HorizontalBars
      rows={agreed.map((indicator) => ({
        id: indicator.id,
        label: indicator.name,
        whole: indicator.progress.target === null ? 0 : 1,
        part: indicator.progress.ratio ?? 0,
        className: `progress-${indicator.progress.status.toLowerCase()}`,
        text: t('dashboard.programme.indicatorValue', {
          actual:
            indicator.progress.actual === null ? '—' : format.decimal(indicator.progress.actual),
          target:
            indicator.progress.target === null ? '—' : format.decimal(indicator.progress.target),
          unit: indicator.unit,
          status: t(`indicators.statuses.${indicator.progress.status}`),
        }),
      }))}
      label={t('dashboard.programme.indicatorsLabel', { year })}
      wholeLegend={t('indicators.target')}
      partLegend={t('indicators.actual')}
    />
  );
}
