import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.js';
import { cellValueOf } from '../../import/cell-value.js';
import { countsOf, importIssueMessage } from '../../import/import-report.js';
import type { AddedRow, ChangedRow, ImportReport, RefusedRow } from './import-documents.js';

/** A report value ("12000.00", "2018-05-14") in the reader's language, every decimal kept. */
function useCellText() {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    // Amounts carry at most a few decimals: one format per count, made once.
    const formats = Array.from(
      { length: 7 },
      (_unused, digits) =>
        new Intl.NumberFormat(format.locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
    );
    const decimal = (digits: number) =>
      formats[digits] ??
      new Intl.NumberFormat(format.locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    return (column: string, value: string): string => {
      const cell = cellValueOf(column, value);
      switch (cell.kind) {
        case 'empty':
          return t('import.report.empty');
        case 'decimal':
          return decimal(cell.fractionDigits).format(cell.value as Intl.StringNumericLiteral);
        case 'date':
          return format.shortDate(cell.value);
        case 'text':
          return cell.value;
      }
    };
  }, [format, t]);
}

function RowType({ rowType }: { rowType: string | null | undefined }) {
  const { t } = useTranslation();
  if (!rowType) return <>—</>;
  return <>{t(`import.report.rowTypes.${rowType}`, { defaultValue: rowType })}</>;
}

/** The rows refused, one line per reason: the file's line, the column, and why. */
function RefusedTable({ rows }: { rows: readonly RefusedRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="list import-refused" data-testid="refused-rows">
        <caption className="visually-hidden">{t('import.report.refusedTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.report.line')}</th>
            <th scope="col">{t('import.report.rowType')}</th>
            <th scope="col">{t('import.report.column')}</th>
            <th scope="col">{t('import.report.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            row.issues.map((issue, index) => (
              <tr key={`${row.line}-${index}`} data-line={row.line} data-code={issue.code}>
                <td className="number">{format.number(row.line)}</td>
                <td>
                  <RowType rowType={row.rowType} />
                </td>
                <td>{issue.column ? <code>{issue.column}</code> : t('import.report.wholeRow')}</td>
                <td>{importIssueMessage(t, issue)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The rows that change something, each column's value before and after. */
function ChangedTable({ rows }: { rows: readonly ChangedRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cell = useCellText();
  return (
    <div className="table-scroll">
      <table className="list import-changed" data-testid="changed-rows">
        <caption className="visually-hidden">{t('import.report.changedTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.report.line')}</th>
            <th scope="col">{t('import.report.rowType')}</th>
            <th scope="col">{t('import.report.what')}</th>
            <th scope="col">{t('import.report.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-line={row.line}>
              <td className="number">{format.number(row.line)}</td>
              <td>
                <RowType rowType={row.rowType} />
              </td>
              <td>
                <bdi>{row.description}</bdi>
              </td>
              <td>
                <ul className="import-changes">
                  {row.changes.map((change) => (
                    <li key={change.column} data-column={change.column}>
                      <code>{change.column}</code> :{' '}
                      <del
                        aria-label={`${t('import.report.before')} ${cell(change.column, change.before)}`}
                      >
                        {cell(change.column, change.before)}
                      </del>{' '}
                      <span aria-hidden="true">{t('import.report.arrow')}</span>{' '}
                      <ins
                        aria-label={`${t('import.report.after')} ${cell(change.column, change.after)}`}
                      >
                        {cell(change.column, change.after)}
                      </ins>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddedTable({ rows }: { rows: readonly AddedRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="list import-added" data-testid="added-rows">
        <caption className="visually-hidden">{t('import.report.addedTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.report.line')}</th>
            <th scope="col">{t('import.report.rowType')}</th>
            <th scope="col">{t('import.report.what')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-line={row.line}>
              <td className="number">{format.number(row.line)}</td>
              <td>
                <RowType rowType={row.rowType} />
              </td>
              <td>
                <bdi>{row.description}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What the import would do (a dry run) or did: the counts, then the refused rows first — they
 * are what to fix —, then the changed rows with before → after, then the added rows.
 */
export function ImportReportView({
  report,
  headingRef,
}: {
  report: ImportReport;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = countsOf(report);
  const title = report.dryRun
    ? t('import.report.dryRunTitle')
    : report.applied
      ? t('import.report.appliedTitle')
      : t('import.report.notAppliedTitle');
  const written = !report.dryRun && report.applied;
  const figures = [
    ['rowsRead', counts.rowsRead, t('import.report.rowsRead')],
    ['added', counts.added, written ? t('import.report.addedDone') : t('import.report.added')],
    [
      'changed',
      counts.changed,
      written ? t('import.report.changedDone') : t('import.report.changed'),
    ],
    ['unchanged', counts.unchanged, t('import.report.unchanged')],
    ['skipped', counts.skipped, t('import.report.skipped')],
    ['refused', counts.refused, t('import.report.refused')],
  ] as const;

  return (
    <section
      aria-labelledby="import-report-heading"
      className="import-report"
      data-testid="import-report"
    >
      <h2 id="import-report-heading" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <h3 className="visually-hidden">{t('import.report.counts')}</h3>
      <dl className="facts import-counts">
        {figures.map(([key, value, label]) => (
          <div key={key} data-count={key}>
            <dt>{label}</dt>
            <dd className="number">{format.number(value)}</dd>
          </div>
        ))}
      </dl>

      <h3>{t('import.report.refusedTitle')}</h3>
      {report.refused.length ? (
        <RefusedTable rows={report.refused} />
      ) : (
        <p className="empty">{t('import.report.refusedEmpty')}</p>
      )}

      <h3>{t('import.report.changedTitle')}</h3>
      {report.changed.length ? (
        <ChangedTable rows={report.changed} />
      ) : (
        <p className="empty">{t('import.report.changedEmpty')}</p>
      )}

      <h3>{t('import.report.addedTitle')}</h3>
      {report.added.length ? (
        <AddedTable rows={report.added} />
      ) : (
        <p className="empty">{t('import.report.addedEmpty')}</p>
      )}
    </section>
  );
}
