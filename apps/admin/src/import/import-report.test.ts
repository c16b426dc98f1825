import { describe, expect, it } from 'vitest';
import { testI18n } from '../testing.js';
import {
  applyBlockerOf,
  applyResultOf,
  countsOf,
  fileIssuesOf,
  importIssueMessage,
  isAboutTheFile,
  type ImportReportValue,
} from './import-report.js';

/** A dry run of the founding convention's budget.csv with one amount changed. */
const checked: ImportReportValue = {
  dryRun: true,
  applied: false,
  rowsRead: 14,
  unchangedCount: 13,
  skippedCount: 0,
  added: [],
  changed: [{ line: 3 }],
  refused: [],
};

describe('the report of an import', () => {
  it('counts what is added, changed, unchanged, skipped and refused', () => {
    expect(countsOf({ ...checked, added: [{ line: 16 }], refused: [{ line: 15 }] })).toEqual({
      rowsRead: 14,
      added: 1,
      changed: 1,
      unchanged: 13,
      skipped: 0,
      refused: 1,
    });
  });

  it('offers to apply a dry run with no refused row and something to write', () => {
    expect(applyBlockerOf(checked)).toBeNull();
  });

  it('holds "Apply" back while any row is refused: a real import would write nothing', () => {
    expect(applyBlockerOf({ ...checked, refused: [{ line: 15 }] })).toBe('REFUSED_ROWS');
  });

  it('has nothing to apply when the file says what is stored already', () => {
    expect(applyBlockerOf({ ...checked, changed: [], unchangedCount: 14 })).toBe(
      'NOTHING_TO_WRITE',
    );
  });

  it('tells a written import from one the server refused at the last moment', () => {
    expect(applyResultOf({ ...checked, dryRun: false, applied: true })).toBe('APPLIED');
    expect(applyResultOf({ ...checked, dryRun: false, refused: [{ line: 3 }] })).toBe('REFUSED');
  });
});

describe('a file the server cannot read as a whole', () => {
  const issues = [
    {
      path: ['input', 'csv', 'columns', 'amout'],
      code: 'UNKNOWN_COLUMN',
      message: 'Unknown column "amout"',
    },
    { path: ['input', 'csv', 'columns', 'amount'], code: 'MISSING_COLUMN', message: 'required' },
    { path: ['input', 'csv'], code: 'TOO_MANY_ROWS', message: 'At most 20000 rows' },
  ];

  it('names the column of a header problem, and none for the file as a whole', () => {
    expect(fileIssuesOf(issues).map((issue) => [issue.column, issue.code])).toEqual([
      ['amout', 'UNKNOWN_COLUMN'],
      ['amount', 'MISSING_COLUMN'],
      [null, 'TOO_MANY_ROWS'],
    ]);
  });

  it('is told from a problem with another input', () => {
    expect(isAboutTheFile(issues)).toBe(true);
    expect(isAboutTheFile([{ path: ['input', 'conventionId'], code: 'X', message: '' }])).toBe(
      false,
    );
  });
});

describe('why a row is refused, in the reader’s language', () => {
  it('says the import’s own words for a code, in French and in Arabic', async () => {
    const fr = await testI18n('fr');
    const ar = await testI18n('ar');
    const issue = { column: 'row_type', code: 'INVALID_ROW_TYPE', message: 'Not a row type' };
    expect(importIssueMessage(fr.t, issue)).toBe(
      'Le type de ligne doit être LINE, CONTRIBUTION ou STAFF.',
    );
    expect(importIssueMessage(ar.t, issue)).toBe(
      'يجب أن يكون نوع السطر LINE أو CONTRIBUTION أو STAFF.',
    );
  });

  it('uses the app’s shared wording for a rule the forms apply too', async () => {
    const fr = await testI18n('fr');
    expect(
      importIssueMessage(fr.t, { column: 'amount', code: 'INVALID_AMOUNT', message: '12,3x' }),
    ).toBe('Ce n’est pas un montant : écrivez par exemple 1234,50.');
  });

  it('falls back on the server’s message for a code the client does not know yet', async () => {
    const en = await testI18n('en');
    expect(
      importIssueMessage(en.t, {
        column: null,
        code: 'SOMETHING_NEW',
        message: 'The server explains it',
      }),
    ).toBe('The server explains it');
  });
});
