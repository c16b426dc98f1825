/**
 * A CSV file read in the browser before it is sent to `importCsv` (docs/api.md, "Importing CSV").
 * Only what the browser alone can tell is checked here — the text's encoding, the request's size,
 * whether the header looks like the kind chosen; every row is the server's to judge.
 */

/** What a file holds, as the API's `ImportKind` names it. */
export const IMPORT_KINDS = ['BUDGET', 'BUDGET_LINES', 'CONTRIBUTIONS', 'MEASUREMENTS'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The export a kind reads: budget.csv for the first three, measurements.csv for the last. */
export type ExportFile = 'budget' | 'measurements';

export function exportFileOf(kind: ImportKind): ExportFile {
  return kind === 'MEASUREMENTS' ? 'measurements' : 'budget';
}

/** The API refuses a request body above 1 MiB (about 4,000 budget rows). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** The query, the other variables and the JSON around the file's text, with room to spare. */
const REQUEST_OVERHEAD_BYTES = 4 * 1024;

/** The bytes the file's text takes in the JSON request: UTF-8, with its escapes. */
export function requestBytesOf(csv: string): number {
  return new TextEncoder().encode(JSON.stringify(csv)).length + REQUEST_OVERHEAD_BYTES;
}

/** How the file's bytes were read as text. */
export type FileEncoding = 'utf-8' | 'windows-1252';

export interface DecodedFile {
  readonly text: string;
  readonly encoding: FileEncoding;
}

/**
 * The file's text. The exports write UTF-8 (with a BOM); a spreadsheet on Windows may save the
 * file back in Windows-1252, which is not valid UTF-8: such bytes are read as Windows-1252, so
 * that "Dépenses" stays "Dépenses" instead of turning into replacement characters.
 */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  try {
    // A BOM is dropped here; the server reads the file with or without one.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252's bytes 0x80–0x9F (€, ’, «…), where it differs from Latin-1; 0 for the five
 * unassigned ones. Written out because some engines' TextDecoder reads "windows-1252" as Latin-1.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    const high = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : undefined;
    text += String.fromCharCode(high || byte);
  }
  return text;
}

/** Why the browser does not send a file; the server would refuse it, less clearly. */
export type FileProblem =
  | { readonly code: 'EMPTY_FILE' }
  | { readonly code: 'NOT_TEXT' }
  | { readonly code: 'TOO_LARGE'; readonly bytes: number; readonly limit: number };

/**
 * What keeps a file from being sent at all: nothing in it, bytes that are no text (a spreadsheet
 * sent as .xlsx), or a request above the API's limit.
 */
export function fileProblemOf(text: string): FileProblem | null {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (content.trim() === '') return { code: 'EMPTY_FILE' };
  if (content.includes('\u0000')) return { code: 'NOT_TEXT' };
  const bytes = requestBytesOf(text);
  if (bytes > MAX_REQUEST_BYTES) return { code: 'TOO_LARGE', bytes, limit: MAX_REQUEST_BYTES };
  return null;
}

/** The header line's column names, whichever separator the file uses. */
export function headerColumnsOf(text: string): string[] {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const header = /^[^\r\n]*/.exec(content)?.[0] ?? '';
  const delimiter = header.includes(';') ? ';' : ',';
  return header
    .split(delimiter)
    .map((name) => name.trim().replace(/^"(.*)"$/, '$1'))
    .filter(Boolean);
}

/**
 * Which export the header looks like: `row_type` is budget.csv's, `indicator_id` or
 * `indicator_code` measurements.csv's; null when it says neither.
 */
export function exportFileOfHeader(text: string): ExportFile | null {
  const columns = new Set(headerColumnsOf(text));
  if (columns.has('row_type')) return 'budget';
  if (columns.has('indicator_id') || columns.has('indicator_code')) return 'measurements';
  return null;
}

/**
 * The kind that fits a file whose header says it is the other export, or null when the kind
 * chosen fits (or the header says nothing): a hint for the person, the server decides.
 */
export function betterKindFor(kind: ImportKind, text: string): ImportKind | null {
  const file = exportFileOfHeader(text);
  if (!file || file === exportFileOf(kind)) return null;
  return file === 'measurements' ? 'MEASUREMENTS' : 'BUDGET';
}

/** A file chosen with ".csv" or a CSV type; other files are still read, with a warning. */
export function looksLikeCsv(file: { name: string; type: string }): boolean {
  return (
    /\.(csv|txt)$/i.test(file.name) ||
    ['text/csv', 'text/plain', 'application/vnd.ms-excel', 'application/csv'].includes(file.type)
  );
}
