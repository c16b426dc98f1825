import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { evaluationReportPath } from '../exports/export-paths.js';
import { useFormat } from '../format/use-format.js';
import { ApprovalPanel } from '../joint-approval.js';
import { Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import {
  evaluationTitle,
  EvaluationQuery,
  useReloadEvaluation,
} from './evaluation/evaluation-query.js';
import { EvaluationReportView } from './evaluation/report.js';
import {
  CommunicationSection,
  EvaluationStatusBadge,
  SubmitSection,
  WritingSection,
} from './evaluation/workflow.js';

/**
 * An annual or programme evaluation (A6): written by the parties (a narrative per axis and a
 * summary), reviewed against its report, submitted, approved by every party, communicated to a
 * council, and printed.
 */
export default function EvaluationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  const [result, refetch] = useQuery({ query: EvaluationQuery, variables: { id } });
  const reload = useReloadEvaluation(id);
  const evaluation = result.data?.node?.__typename === 'Evaluation' ? result.data.node : null;
  const title = evaluation ? evaluationTitle(t, evaluation) : null;
  useDocumentTitle(title ?? t('evaluations.loading'));

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

  const editable = canEdit(viewer);
  const conventionPath = `/conventions/${encodeURIComponent(evaluation.convention.id)}`;
  const blockers = evaluation.status === 'DRAFT' ? [t('evaluations.submitFirst')] : [];
  return (
    <main id="main" className="page evaluation" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
        {' › '}
        <Link href={conventionPath}>
          <bdi>{evaluation.convention.title}</bdi>
        </Link>
        {' › '}
        <Link href={`${conventionPath}/evaluations`}>{t('programme.evaluations')}</Link>
      </nav>
      <div className="page-header">
        <h1>{title}</h1>
        <div className="actions">
          <Link
            href={`/evaluations/${encodeURIComponent(evaluation.id)}/report`}
            className="button"
          >
            {t('evaluations.printView')}
          </Link>
          {evaluation.year !== null && (
            // The server's report of the year (docs/exports.md), to file or send as it is.
            <a
              href={evaluationReportPath(evaluation.convention.id, evaluation.year)}
              className="button"
            >
              {t('exports.evaluationReport')}
            </a>
          )}
        </div>
      </div>
      <p>
        <EvaluationStatusBadge status={evaluation.status} />{' '}
        {evaluation.submittedAt && (
          <span className="muted">
            {t('evaluations.submittedAt', { date: format.dateTime(evaluation.submittedAt) })}
          </span>
        )}
      </p>

      <section aria-labelledby="workflow-heading">
        <h2 id="workflow-heading">{t('evaluations.workflow')}</h2>
        <SubmitSection evaluation={evaluation} editable={editable} onReload={reload} />
        <ApprovalPanel
          subjectId={evaluation.id}
          approval={evaluation.approval}
          ownCollectivityId={viewer.collectivity.id}
          editable={editable && evaluation.status !== 'APPROVED'}
          blockers={blockers}
          onReload={reload}
        />
      </section>
      <CommunicationSection evaluation={evaluation} editable={editable} onReload={reload} />
      <WritingSection evaluation={evaluation} editable={editable} onReload={reload} />
      <EvaluationReportView
        report={evaluation.report}
        summary={evaluation.summary}
        frozen={evaluation.status !== 'DRAFT'}
      />
    </main>
  );
}
