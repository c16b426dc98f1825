import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.js';
import { Empty } from '../../status.js';
import { Reported } from '../action/budget-figures.js';
import type { EvaluationReport } from './evaluation-query.js';

/** An execution rate as the API writes it ("93.55"), or a dash. */
function useRate() {
  const format = useFormat();
  return (rate: string | null) => (rate === null ? '—' : format.percent(rate));
}

/**
 * A6's report, as the parties review it and as it is printed for the councils: every agreed
 * indicator against its target, the budget planned and executed per action, per party and per
 * axis, with the narratives, and the totals. The server computes it with the domain; this only
 * writes it out.
 */
export function EvaluationReportView({
  report,
  summary,
  frozen,
}: {
  report: EvaluationReport;
  summary: string;
  /** Submitted or approved: the server answers the report as it was submitted. */
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = useRate();
  const flagText = (flag: string) => t(`report.flags.${flag}`, { defaultValue: flag });
  return (
    <div className="report">
      <section aria-labelledby="report-summary">
        <h2 id="report-summary">{t('report.summary')}</h2>
        {summary ? (
          <p className="prose">{summary}</p>
        ) : (
          <p className="empty">{t('report.noSummary')}</p>
        )}
        <p className="muted">
          {t('report.asOf', { date: format.date(report.date), currency: report.reportingCurrency })}
        </p>
        <p className="muted">{t(frozen ? 'report.frozen' : 'report.live')}</p>
        {report.missingRates.length > 0 && (
          <ul className="flag">
            {report.missingRates.map((rate) => (
              <li key={`${rate.from}-${rate.to}-${rate.date}`}>
                {t('budget.violations.MISSING_EXCHANGE_RATE', {
                  from: rate.from,
                  to: rate.to,
                  date: format.date(rate.date),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="report-totals">
        <h2 id="report-totals">{t('report.totals')}</h2>
        <dl className="facts">
          <dt>{t('report.planned')}</dt>
          <dd data-testid="report-planned">
            <Reported amount={report.totals.planned} />
          </dd>
          <dt>{t('report.executed')}</dt>
          <dd data-testid="report-executed">
            <Reported amount={report.totals.executed} />
          </dd>
          <dt>{t('report.rate')}</dt>
          <dd>{rate(report.totals.executionRatePercent)}</dd>
          <dt>{t('report.missionsHeld')}</dt>
          <dd>{format.number(report.totals.missionsHeld)}</dd>
          <dt>{t('report.delegates')}</dt>
          <dd>
            {report.totals.delegates.some((entry) => entry.count > 0)
              ? format.list(
                  report.totals.delegates
                    .filter((entry) => entry.count > 0)
                    .map((entry) =>
                      t(`missions.categoryCount.${entry.category}`, { count: entry.count }),
                    ),
                )
              : '—'}
          </dd>
          <dt>{t('report.actionsByStatus')}</dt>
          <dd>
            {report.totals.actionsByStatus.length > 0
              ? format.list(
                  report.totals.actionsByStatus.map((entry) =>
                    t('report.statusCount', {
                      status: t(`actionStatus.${entry.status}`, { defaultValue: entry.status }),
                      count: entry.count,
                    }),
                  ),
                )
              : '—'}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="report-indicators">
        <h2 id="report-indicators">{t('report.indicators')}</h2>
        {report.indicators.length === 0 ? (
          <Empty>{t('report.noIndicators')}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="list" data-testid="report-indicators">
              <caption className="visually-hidden">{t('report.indicators')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.fields.code')}</th>
                  <th scope="col">{t('indicators.fields.name')}</th>
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
                {report.indicators.map((indicator) => (
                  <tr key={indicator.code}>
                    <td>{indicator.code}</td>
                    <td>
                      {indicator.name}
                      {indicator.yearly.length > 0 && (
                        <span className="muted block">
                          {indicator.yearly
                            .map((year) =>
                              t('report.yearly', {
                                year: year.year,
                                actual: year.actual === null ? '—' : format.decimal(year.actual),
                                target: year.target === null ? '—' : format.decimal(year.target),
                              }),
                            )
                            .join(' · ')}
                        </span>
                      )}
                    </td>
                    <td className="number">
                      {indicator.progress.target === null
                        ? '—'
                        : `${format.decimal(indicator.progress.target)} ${indicator.unit}`}
                    </td>
                    <td className="number">
                      {indicator.progress.actual === null
                        ? '—'
                        : `${format.decimal(indicator.progress.actual)} ${indicator.unit}`}
                    </td>
                    <td>
                      <span
                        className={`progress progress-${indicator.progress.status.toLowerCase()}`}
                      >
                        {t(`indicators.statuses.${indicator.progress.status}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {report.pendingIndicators.length > 0 && (
          <>
            <p>{t('report.pending')}</p>
            <ul>
              {report.pendingIndicators.map((indicator) => (
                <li key={indicator.code}>
                  {t('report.pendingIndicator', {
                    name: indicator.name,
                    parties: format.list(indicator.waitingFor.map((party) => party.name)),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="report-axes">
        <h2 id="report-axes">{t('report.axes')}</h2>
        {report.axes.map((axis) => (
          <div key={axis.axis.id} className="report-axis">
            <h3>{axis.title}</h3>
            {axis.narrative ? (
              <p className="prose">{axis.narrative}</p>
            ) : (
              <p className="empty">{t('report.noNarrative')}</p>
            )}
            <dl className="facts">
              <dt>{t('report.planned')}</dt>
              <dd>
                <Reported amount={axis.planned} />
              </dd>
              <dt>{t('report.executed')}</dt>
              <dd>
                <Reported amount={axis.executed} />
              </dd>
            </dl>
          </div>
        ))}
      </section>

      <section aria-labelledby="report-actions">
        <h2 id="report-actions">{t('report.actions')}</h2>
        {report.actions.length === 0 ? (
          <Empty>{t('report.noActions')}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="list" data-testid="report-actions">
              <caption className="visually-hidden">{t('report.actions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('actions.columns.title')}</th>
                  <th scope="col">{t('actions.columns.status')}</th>
                  <th scope="col" className="number">
                    {t('report.planned')}
                  </th>
                  <th scope="col" className="number">
                    {t('report.executed')}
                  </th>
                  <th scope="col" className="number">
                    {t('report.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.actions.map((action) => (
                  <tr key={action.actionId}>
                    <td>
                      {action.title}
                      <span className="muted block">{action.axis.title}</span>
                      {action.flags.map((flag) => (
                        <span key={flag} className="flag block">
                          {flagText(flag)}
                        </span>
                      ))}
                    </td>
                    <td>{t(`actionStatus.${action.status}`, { defaultValue: action.status })}</td>
                    <td className="number">
                      <Reported amount={action.planned} />
                    </td>
                    <td className="number">
                      <Reported amount={action.executed} />
                    </td>
                    <td className="number">{rate(action.executionRatePercent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="report-parties">
        <h2 id="report-parties">{t('report.parties')}</h2>
        <table className="list" data-testid="report-parties">
          <caption className="visually-hidden">{t('report.parties')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.party')}</th>
              <th scope="col" className="number">
                {t('report.planned')}
              </th>
              <th scope="col" className="number">
                {t('report.executed')}
              </th>
              <th scope="col" className="number">
                {t('report.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.parties.map((party) => (
              <tr key={party.collectivity.id}>
                <th scope="row">{party.collectivity.name}</th>
                <td className="number">
                  <Reported amount={party.planned} />
                </td>
                <td className="number">
                  <Reported amount={party.executed} />
                </td>
                <td className="number">{rate(party.executionRatePercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
