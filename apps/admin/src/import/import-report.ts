import type { TFunction } from 'i18next';
import type { Issue } from '../errors/outcome.js';

/** The API's ImportReport, as far as the screen reads it. */
export interface ImportReportValue {
  readonly dryRun: boolean;
  readonly applied: boolean;
  readonly rowsRead: number;
  readonly unchangedCount: number;
  readonly skippedCount: number;
  readonly added: readonly { readonly line: number }[];
  readonly changed: readonly { readonly line: number }[];
  readonly refused: readonly { readonly line: number }[];
}

export interface ReportCounts {
  readonly rowsRead: number;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly refused: number;
}

export function countsOf(report: ImportReportValue): ReportCounts {
  return {
    rowsRead: report.rowsRead,
    added: report.added.length,
    changed: report.changed.length,
    unchanged: report.unchangedCount,
    skipped: report.skippedCount,
    refused: report.refused.length,
  };
}

/** Why "Apply" waits: a refused row (nothing would be written), or nothing to write. */
export type ApplyBlocker = 'REFUSED_ROWS' | 'NOTHING_TO_WRITE';

/**
 * Whether the checked file can be applied: a real import writes nothing when any row is refused,
 * so the button is offered only for a dry run with no refused row and something to add or change.
 */
export function applyBlockerOf(report: ImportReportValue): ApplyBlocker | null {
  if (report.refused.length > 0) return 'REFUSED_ROWS';
  if (report.added.length + report.changed.length === 0) return 'NOTHING_TO_WRITE';
  return null;
}

/** What the outcome of a real import was. */
export type ApplyResult = 'APPLIED' | 'REFUSED';

export function applyResultOf(report: ImportReportValue): ApplyResult {
  return report.applied ? 'APPLIED' : 'REFUSED';
}

/** One reason a row or the file is refused, with the column it concerns (null: the row, the file). */
export interface ImportIssue {
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
}

/**
 * The file-wide problems of a ValidationError: the API names them under ["input", "csv", …], with
 * the column after "columns" for a header problem (["input", "csv", "columns", "amout"]).
 */
export function fileIssuesOf(issues: readonly Issue[]): ImportIssue[] {
  return issues.map((issue) => {
    const [input, csv, columns, column] = issue.path;
    const named = input === 'input' && csv === 'csv' && columns === 'columns' && column;
    return { column: named ? column : null, code: issue.code, message: issue.message };
  });
}

/** Whether a ValidationError is about the file (input.csv), rather than another input. */
export function isAboutTheFile(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.path[0] === 'input' && issue.path[1] === 'csv');
}

/**
 * An issue in the reader's language: the import's own wording of a code first
 * (`import.codes.*`, which may name the column), then the app's shared one (`errors.codes.*`),
 * then the server's own message for a code the client does not know yet.
 */
export function importIssueMessage(t: TFunction, issue: ImportIssue): string {
  const fallback = t(`errors.codes.${issue.code}`, {
    defaultValue: issue.message || issue.code,
  });
  return t(`import.codes.${issue.code}`, {
    column: issue.column ?? '',
    defaultValue: fallback,
  });
}
