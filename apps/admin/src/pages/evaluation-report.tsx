import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useFormat } from '../format/use-format.js';
import { Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { evaluationTitle, EvaluationQuery } from './evaluation/evaluation-query.js';
import { EvaluationReportView } from './evaluation/report.js';
import { EvaluationStatusBadge } from './evaluation/workflow.js';

/**
 * The evaluation as the councils receive it: the report alone, laid out for paper by the print
 * style sheet (no navigation, no buttons, tables kept whole), and a button to print it.
 */
export default function EvaluationReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [result, refetch] = useQuery({ query: EvaluationQuery, variables: { id } });
  const evaluation = result.data?.node?.__typename === 'Evaluation' ? result.data.node : null;
  const title = evaluation ? evaluationTitle(t, evaluation) : null;
  useDocumentTitle(title ? t('report.titleOf', { title }) : t('evaluations.loading'));

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
  if (!evaluation) return <NotFound />;

  const approvedBy = evaluation.approval.parties.filter((party) => party.approved);
  return (
    <main id="main" className="page print-report" tabIndex={-1}>
      <div className="no-print print-actions">
        <Link href={`/evaluations/${encodeURIComponent(evaluation.id)}`}>{t('report.back')}</Link>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      <header className="report-header">
        <p className="report-convention">
          <bdi>{evaluation.convention.title}</bdi>
        </p>
        <h1>{title}</h1>
        <p>
          <EvaluationStatusBadge status={evaluation.status} />{' '}
          {approvedBy.length > 0 &&
            t('report.approvedBy', {
              parties: format.list(approvedBy.map((party) => party.collectivity.name)),
            })}
        </p>
        {evaluation.communicatedAt && (
          <p>
            {t('evaluations.communicatedTo', {
              body: evaluation.communicatedTo ?? '',
              date: format.date(evaluation.communicatedAt),
            })}
          </p>
        )}
        {evaluation.report.term && (
          <p className="muted">
            {t('convention.termLine', {
              number: evaluation.report.term.number,
              start: format.date(evaluation.report.term.startDate),
              end: format.date(evaluation.report.term.endDate),
            })}
          </p>
        )}
      </header>
      <EvaluationReportView
        report={evaluation.report}
        summary={evaluation.summary}
        frozen={evaluation.status !== 'DRAFT'}
      />
    </main>
  );
}
