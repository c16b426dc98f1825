import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { describeFailure, outcomeOf, type Failure as RequestFailure } from '../errors/outcome.js';
import { budgetCsvPath, measurementsCsvPath } from '../exports/export-paths.js';
import { useFormat } from '../format/use-format.js';
import {
  betterKindFor,
  decodeFile,
  exportFileOf,
  fileProblemOf,
  type FileEncoding,
  type FileProblem,
  type ImportKind,
} from '../import/import-file.js';
import {
  applyBlockerOf,
  applyResultOf,
  fileIssuesOf,
  importIssueMessage,
  isAboutTheFile,
} from '../import/import-report.js';
import { isBusy, type ImportProgress } from '../import/import-steps.js';
import { Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { FilePicker, KindPicker } from './import/file-picker.js';
import {
  IMPORT_TYPENAMES,
  ImportConventionQuery,
  ImportCsvMutation,
  type ImportReport,
} from './import/import-documents.js';
import { ImportProgressBar } from './import/import-progress.js';
import { ImportReportView } from './import/import-report.js';

/** Why the file was not checked or written: before sending, or the server's typed refusal. */
type Problem =
  | { readonly kind: 'noFile' }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'file'; readonly problem: FileProblem }
  | { readonly kind: 'otherKind'; readonly suggested: ImportKind }
  | { readonly kind: 'request'; readonly failure: RequestFailure };

/** The text the server checked, and the kind it was checked as: exactly what "Apply" sends. */
interface Checked {
  readonly kind: ImportKind;
  readonly csv: string;
  readonly encoding: FileEncoding;
}

/**
 * Import a budget.csv or measurements.csv edited in a spreadsheet (docs/api.md, "Importing CSV"):
 * the browser reads the file, the server checks it without writing (dry run), and only a file with
 * no refused row can then be applied, in one transaction.
 */
export default function ImportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const [result, refetch] = useQuery({ query: ImportConventionQuery, variables: { id } });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  useDocumentTitle(
    convention ? t('import.titleOf', { title: convention.title }) : t('import.title'),
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

  const path = `/conventions/${encodeURIComponent(convention.id)}`;
  return (
    <main id="main" className="page import-page" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
        {' › '}
        <Link href={path}>
          <bdi>{convention.title}</bdi>
        </Link>
      </nav>
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.lead')}</p>
      <CurrentExports conventionId={convention.id} />
      {canEdit(viewer) ? (
        <ImportForm conventionId={convention.id} />
      ) : (
        <p className="empty">{t('import.notEditable')}</p>
      )}
    </main>
  );
}

/** The files to start from: the exports the import reads back. */
function CurrentExports({ conventionId }: { conventionId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-downloads-heading">
      <h2 id="import-downloads-heading">{t('import.downloads.title')}</h2>
      <ul className="downloads">
        <li>
          <a href={budgetCsvPath(conventionId)} download>
            {t('import.downloads.budget')}
          </a>
        </li>
        <li>
          <a href={measurementsCsvPath(conventionId)} download>
            {t('import.downloads.measurements')}
          </a>
        </li>
      </ul>
      <p className="hint">{t('import.downloads.hint')}</p>
    </section>
  );
}

function ImportForm({ conventionId }: { conventionId: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [kind, setKind] = useState<ImportKind>('BUDGET');
  const [file, setFile] = useState<File | null>(null);
  // Bumped to empty the file input after an import, for the next file.
  const [pickerKey, setPickerKey] = useState(0);
  const [progress, setProgress] = useState<ImportProgress>({ state: 'idle' });
  const [checked, setChecked] = useState<Checked | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [, importCsv] = useMutation(ImportCsvMutation);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  const busy = isBusy(progress);

  const focusLater = (target: { current: HTMLElement | null }) =>
    setTimeout(() => target.current?.focus(), 0);

  /** Another file or kind: the last check says nothing about it any more. */
  const forget = () => {
    setChecked(null);
    setReport(null);
    setProblem(null);
    setProgress({ state: 'idle' });
  };

  const stop = (step: 'reading' | 'checking' | 'writing', next: Problem) => {
    setProgress({ state: 'stopped', step });
    setProblem(next);
    focusLater(alert);
  };

  const check = async () => {
    if (!file) {
      setProblem({ kind: 'noFile' });
      document.getElementById(inputId)?.focus();
      return;
    }
    setReport(null);
    setChecked(null);
    setProblem(null);
    setProgress({ state: 'running', step: 'reading' });
    let decoded;
    try {
      decoded = decodeFile(new Uint8Array(await file.arrayBuffer()));
    } catch {
      stop('reading', { kind: 'unreadable' });
      return;
    }
    const fileProblem = fileProblemOf(decoded.text);
    if (fileProblem) {
      stop('reading', { kind: 'file', problem: fileProblem });
      return;
    }
    const suggested = betterKindFor(kind, decoded.text);
    if (suggested) {
      stop('reading', { kind: 'otherKind', suggested });
      return;
    }

    setProgress({ state: 'running', step: 'checking' });
    const answer = await importCsv({
      input: { conventionId, kind, csv: decoded.text, dryRun: true },
    });
    const outcome = outcomeOf(answer.data?.importCsv, answer.error);
    if (!outcome.ok) {
      stop('checking', { kind: 'request', failure: outcome.failure });
      return;
    }
    setChecked({ kind, csv: decoded.text, encoding: decoded.encoding });
    setReport(outcome.value.report);
    setProgress({ state: 'checked' });
    focusLater(reportHeading);
  };

  const apply = async () => {
    if (!checked) return;
    setProblem(null);
    setProgress({ state: 'running', step: 'writing' });
    const answer = await importCsv(
      { input: { conventionId, kind: checked.kind, csv: checked.csv, dryRun: false } },
      { additionalTypenames: IMPORT_TYPENAMES },
    );
    const outcome = outcomeOf(answer.data?.importCsv, answer.error);
    if (!outcome.ok) {
      stop('writing', { kind: 'request', failure: outcome.failure });
      return;
    }
    const written = outcome.value.report;
    setReport(written);
    setProgress(written.applied ? { state: 'done' } : { state: 'stopped', step: 'writing' });
    focusLater(reportHeading);
  };

  const again = () => {
    forget();
    setFile(null);
    setPickerKey((key) => key + 1);
    setTimeout(() => document.getElementById(inputId)?.focus(), 0);
  };

  const blocker = report?.dryRun ? applyBlockerOf(report) : null;
  const conventionPath = `/conventions/${encodeURIComponent(conventionId)}`;

  return (
    <>
      <section aria-labelledby="import-form-heading">
        <h2 id="import-form-heading">{t('import.form.title')}</h2>
        <form
          className="import-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          <KindPicker
            kind={kind}
            disabled={busy}
            onChange={(next) => {
              setKind(next);
              forget();
            }}
          />
          <FilePicker
            key={pickerKey}
            file={file}
            disabled={busy}
            inputId={inputId}
            onFile={(chosen) => {
              setFile(chosen);
              forget();
            }}
          />
          {problem?.kind === 'noFile' && (
            <p className="field-error" role="alert">
              {t('import.form.chooseFile')}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
              {busy && progress.state === 'running' && progress.step !== 'writing'
                ? t('import.form.checking')
                : t('import.form.check')}
            </button>
          </div>
        </form>
      </section>

      {progress.state !== 'idle' && <ImportProgressBar progress={progress} />}

      {problem && problem.kind !== 'noFile' && (
        <ProblemAlert
          problem={problem}
          alertRef={alert}
          onUseKind={(suggested) => {
            setKind(suggested);
            forget();
          }}
        />
      )}

      {checked?.encoding === 'windows-1252' && (
        <p className="form-notice">{t('import.form.encoding')}</p>
      )}

      {report && <ImportReportView report={report} headingRef={reportHeading} />}

      {report?.dryRun && (
        <section className="import-apply" aria-label={t('import.apply.button')}>
          <p id="import-apply-note" className={blocker ? 'flag' : 'ok'}>
            {blocker ? t(`import.apply.${blocker}`) : t('import.apply.ready')}
          </p>
          <button
            type="button"
            className="primary"
            disabled={blocker !== null || busy}
            aria-busy={busy || undefined}
            aria-describedby="import-apply-note"
            onClick={() => void apply()}
          >
            {busy ? t('import.apply.busy') : t('import.apply.button')}
          </button>
        </section>
      )}

      {report && !report.dryRun && (
        <section className="import-apply" aria-label={t('import.report.appliedTitle')}>
          <p className={report.applied ? 'ok' : 'flag'} role="status">
            {applyResultOf(report) === 'APPLIED'
              ? t('import.apply.applied')
              : t('import.apply.notApplied')}
          </p>
          <ul className="quick-links">
            <li>
              {exportFileOf(report.kind) === 'measurements' ? (
                <Link href={`${conventionPath}/indicators`}>{t('import.apply.seeIndicators')}</Link>
              ) : (
                <Link href={`${conventionPath}/actions`}>{t('import.apply.seeActions')}</Link>
              )}
            </li>
            <li>
              <button type="button" onClick={again}>
                {t('import.apply.again')}
              </button>
            </li>
          </ul>
        </section>
      )}
    </>
  );
}

function ProblemAlert({
  problem,
  alertRef,
  onUseKind,
}: {
  problem: Exclude<Problem, { kind: 'noFile' }>;
  alertRef: { current: HTMLDivElement | null };
  onUseKind: (kind: ImportKind) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = (bytes: number) =>
    new Intl.NumberFormat(format.locale, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 2,
    }).format(bytes / (1024 * 1024));

  const body = (() => {
    switch (problem.kind) {
      case 'unreadable':
        return <p>{t('import.problems.unreadable')}</p>;
      case 'file':
        return (
          <p>
            {problem.problem.code === 'TOO_LARGE'
              ? t('import.problems.TOO_LARGE', {
                  size: size(problem.problem.bytes),
                  limit: size(problem.problem.limit),
                })
              : t(`import.problems.${problem.problem.code}`)}
          </p>
        );
      case 'otherKind':
        return (
          <>
            <p>
              {t('import.form.otherKind', {
                file: t(`import.form.files.${exportFileOf(problem.suggested)}`),
              })}
            </p>
            <button type="button" onClick={() => onUseKind(problem.suggested)}>
              {t('import.form.useKind', { kind: t(`import.form.kinds.${problem.suggested}`) })}
            </button>
          </>
        );
      case 'request': {
        const { failure } = problem;
        if (failure.kind === 'validation' && isAboutTheFile(failure.issues)) {
          return (
            <>
              <ul className="file-issues" data-testid="file-issues">
                {fileIssuesOf(failure.issues).map((issue, index) => (
                  <li key={index} data-code={issue.code}>
                    {issue.column && (
                      <>
                        <code>{issue.column}</code>{' '}
                      </>
                    )}
                    {importIssueMessage(t, issue)}
                  </li>
                ))}
              </ul>
              <p>{t('import.problems.keptFile')}</p>
            </>
          );
        }
        return <p>{describeFailure(failure, [], t).summary}</p>;
      }
    }
  })();

  return (
    <div
      className="form-error"
      role="alert"
      tabIndex={-1}
      ref={alertRef}
      data-testid="import-problem"
    >
      <p>
        <strong>{t('import.problems.title')}</strong>
      </p>
      {body}
    </div>
  );
}
