import { today, yearOf } from '@coop/domain';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useFormat } from '../../format/use-format.js';
import { chartYears, progressChart, type YearProgress } from '../../indicators/progress-chart.js';
import { Empty, Loading } from '../../status.js';
import { allowedYearsOfTerms, IndicatorProgressQuery, type Indicator } from './indicator-query.js';

// The chart library comes with the chart, in a chunk of its own, after the figures.
const ProgressChart = lazy(() => import('./progress-chart.js'));

/**
 * The server's progress of each year (measured, or computed from the data), asked year by year:
 * the API answers `progress(year:)` for one year at a time. `key` changes with what the answer
 * depends on (the indicator's version and values), and the years are asked again.
 */
function useYearlyProgress(indicatorId: string, years: readonly number[], key: string) {
  const client = useClient();
  const yearsKey = years.join(',');
  const [answer, setAnswer] = useState<{ key: string; rows: YearProgress[] } | null>(null);
  useEffect(() => {
    let current = true;
    const asked = yearsKey ? yearsKey.split(',').map(Number) : [];
    void Promise.all(
      asked.map((year) =>
        client.query(IndicatorProgressQuery, { id: indicatorId, year }).toPromise(),
      ),
    ).then((results) => {
      if (!current) return;
      const rows = results.flatMap((result) =>
        result.data?.node?.__typename === 'Indicator' ? [result.data.node.progress] : [],
      );
      setAnswer({ key: `${key}|${yearsKey}`, rows });
    });
    return () => {
      current = false;
    };
  }, [client, indicatorId, key, yearsKey]);
  return {
    rows: answer?.rows ?? null,
    stale: answer !== null && answer.key !== `${key}|${yearsKey}`,
  };
}

/** A6: the year's value against the year's target, as a chart and as a table. */
export function ProgressSection({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const allowed = allowedYearsOfTerms(indicator.convention.terms);
  const thisYear = yearOf(today(Intl.DateTimeFormat().resolvedOptions().timeZone));
  const years = chartYears(indicator, allowed, thisYear);
  const key = JSON.stringify([
    indicator.version,
    indicator.targets,
    indicator.measurements.map((m) => [m.id, m.version, m.value]),
  ]);
  const { rows, stale } = useYearlyProgress(indicator.id, years, key);
  return (
    <section aria-labelledby="progress-heading" aria-busy={stale || rows === null}>
      <h2 id="progress-heading">{t('indicators.progress')}</h2>
      {years.length === 0 ? (
        <Empty>{t('indicators.noYears')}</Empty>
      ) : rows === null ? (
        <Loading />
      ) : (
        <>
          <Suspense fallback={<Loading />}>
            <ProgressChart
              chart={progressChart(rows, indicator.baseline)}
              unit={indicator.unit}
              name={indicator.name}
            />
          </Suspense>
          <div className="table-scroll">
            <table className="list" data-testid="progress-table">
              <caption>{t('indicators.progressTable', { unit: indicator.unit })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.year')}</th>
                  <th scope="col" className="number">
                    {t('indicators.target')}
                  </th>
                  <th scope="col" className="number">
                    {t('indicators.actual')}
                  </th>
                  <th scope="col">{t('indicators.statusLabel')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.year} data-year={row.year}>
                    <th scope="row">{row.year}</th>
                    <td className="number">
                      {row.target === null ? '—' : format.decimal(row.target)}
                    </td>
                    <td className="number">
                      {row.actual === null ? '—' : format.decimal(row.actual)}
                    </td>
                    <td>
                      <span className={`progress progress-${row.status.toLowerCase()}`}>
                        {t(`indicators.statuses.${row.status}`)}
                      </span>
                      {row.ratio !== null && (
                        <span className="muted">
                          {' '}
                          (
                          {t('indicators.ratio', {
                            ratio: format.percent(String(Math.round(row.ratio * 10000) / 100)),
                          })}
                          )
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
