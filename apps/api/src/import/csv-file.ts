import { CsvError, parse } from 'csv-parse/sync';
import { ValidationError, type Issue } from '../errors.js';

/**
 * A CSV file as the imports read it: the exports' own format (UTF-8 with or without a BOM,
 * semicolons, decimal commas) or the plain one (commas, decimal points), told apart by the header
 * line. Only the file's shape is checked here; what each row says is checked row by row.
 */
export interface CsvFile {
  readonly delimiter: ';' | ',';
  /** A semicolon file writes decimals with a comma (French locale), a comma file with a point. */
  readonly decimalSeparator: ',' | '.';
  /** The columns the header names, in its order. */
  readonly columns: readonly string[];
  readonly records: readonly CsvRecord[];
}

export interface CsvRecord {
  /** The file's line the record starts on, the header being line 1. */
  readonly line: number;
  /** The record's cells by column; a column the file lacks is absent. */
  readonly cells: ReadonlyMap<string, string>;
}

export interface CsvLayout {
  /** Every column the import knows: the export's own. */
  readonly columns: readonly string[];
  /** Columns without which no row can be read. */
  readonly required: readonly string[];
}

/** Enough for a convention's whole budget; a larger file is to be split. */
export const MAX_ROWS = 20_000;

const FILE_PATH = ['input', 'csv'];

/**
 * The file's header and records, or a ValidationError naming what makes it unreadable: not CSV,
 * no header, an unknown, repeated or missing column, too many rows.
 */
export function readCsvFile(text: string, layout: CsvLayout): CsvFile {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (content.includes('\u0000')) throw notCsv('The file is binary, not a CSV text');
  const headerLine = /^[^\r\n]*/.exec(content)?.[0] ?? '';
  if (headerLine.trim() === '') {
    throw ValidationError.of(FILE_PATH, 'The file is empty: it needs a header line', 'EMPTY_FILE');
  }
  // The header names no column with a semicolon in it: one there makes it the exports' format.
  const delimiter = headerLine.includes(';') ? ';' : ',';
  let parsed: { record: string[]; raw: string }[];
  try {
    // With `raw`, each record comes with its text; csv-parse's types do not say so.
    parsed = parse(content, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      raw: true,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (error) {
    if (error instanceof CsvError) throw notCsv(`The file is not a readable CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = parsed;
  const columns = checkHeader(
    (header?.record ?? []).map((name) => name.trim()),
    layout,
  );
  if (rows.length > MAX_ROWS) {
    throw ValidationError.of(
      FILE_PATH,
      `At most ${MAX_ROWS} rows in one file: this one has ${rows.length}; split it`,
      'TOO_MANY_ROWS',
    );
  }
  let line = 1 + lineBreaks(header?.raw ?? '');
  const records = rows.map(({ record, raw }): CsvRecord => {
    // Empty lines skipped before the record are at the start of its raw text.
    const start = line + lineBreaks(/^[\r\n]*/.exec(raw)?.[0] ?? '');
    line += lineBreaks(raw);
    return {
      line: start,
      cells: new Map(columns.map((column, index) => [column, record[index] ?? ''])),
    };
  });
  return { delimiter, decimalSeparator: delimiter === ';' ? ',' : '.', columns, records };
}

function checkHeader(columns: string[], layout: CsvLayout): string[] {
  const known = new Set(layout.columns);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    const path = [...FILE_PATH, 'columns', column];
    if (!known.has(column)) {
      issues.push({
        path,
        message: `Unknown column "${column}": the columns are ${layout.columns.join(', ')}`,
        code: 'UNKNOWN_COLUMN',
      });
    } else if (seen.has(column)) {
      issues.push({
        path,
        message: `The column "${column}" appears twice`,
        code: 'DUPLICATE_COLUMN',
      });
    }
    seen.add(column);
  }
  for (const column of layout.required) {
    if (!seen.has(column)) {
      issues.push({
        path: [...FILE_PATH, 'columns', column],
        message: `The column "${column}" is required`,
        code: 'MISSING_COLUMN',
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return columns;
}

function notCsv(message: string): ValidationError {
  return ValidationError.of(FILE_PATH, message, 'NOT_CSV');
}

/** Line breaks in raw text as csv-parse hands it back: CRLF, LF or a lone CR count once each. */
function lineBreaks(raw: string): number {
  return raw.match(/\r\n|\r|\n/g)?.length ?? 0;
}
