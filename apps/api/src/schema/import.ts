import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { FieldChange, ImportedRow, RefusedRow, RowIssue } from '../import/import-report.js';
import { IMPORT_KINDS, runImport, type RunImportReport } from '../import/run-import.js';
import { runMutation } from '../mutation.js';
import { requireDbId } from './global-id.js';

/**
 * Importing a CSV file into a convention (docs/api.md "Importing CSV"): the very files the exports
 * write (budget.csv, measurements.csv), edited in a spreadsheet and read back. A dry run reports
 * what the import would do, row by row, and writes nothing.
 */

const ImportKindEnum = builder.enumType('ImportKind', {
  description: 'What the file holds, in the columns of the export of the same name.',
  values: {
    BUDGET: {
      description:
        'budget.csv as it is: expense lines, contributions and staff time of the convention’s actions (A4, A5).',
    },
    BUDGET_LINES: {
      description:
        'Only the expense lines (row_type LINE) of a budget.csv; its other rows are skipped.',
    },
    CONTRIBUTIONS: {
      description:
        'Only the contributions and staff time (row_type CONTRIBUTION, STAFF) of a budget.csv; its expense lines are skipped.',
    },
    MEASUREMENTS: {
      description:
        'measurements.csv: each party’s yearly values of the convention’s indicators (A6).',
    },
  } satisfies Record<(typeof IMPORT_KINDS)[number], { description: string }>,
});

const ImportFieldChangeRef = builder.objectRef<FieldChange>('ImportFieldChange').implement({
  description: 'One column of a row that changes, with the stored value and the file’s.',
  fields: (t) => ({
    column: t.exposeString('column'),
    before: t.exposeString('before', { description: 'As the API writes values: "12000.00".' }),
    after: t.exposeString('after'),
  }),
});

const ImportedRowRef = builder.objectRef<ImportedRow>('ImportedRow').implement({
  description: 'A row of the file that adds or changes something.',
  fields: (t) => ({
    line: t.exposeInt('line', {
      description: 'The file’s line, the header being line 1: the row number a spreadsheet shows.',
    }),
    rowType: t.exposeString('rowType', {
      description: 'LINE, CONTRIBUTION, STAFF or MEASUREMENT.',
    }),
    description: t.exposeString('description', {
      description:
        '"Espace de formation… — TRAINING « Coaching »: 12000.00 EUR", "EXP-COOP Coopératives accompagnées — 2018 (Chefchaouen): 15.5 coopératives".',
    }),
    changes: t.field({
      type: [ImportFieldChangeRef],
      description: 'Empty for an added row.',
      resolve: (row) => [...row.changes],
    }),
    objectId: t.id({
      nullable: true,
      description:
        'The object changed, or added once written (ExpenseLine, Contribution, StaffAssignment, Measurement); null for an addition in a dry run.',
      resolve: (row) => (row.id === null ? null : encodeGlobalID(row.typename, row.id)),
    }),
  }),
});

const ImportRowIssueRef = builder.objectRef<RowIssue>('ImportRowIssue').implement({
  fields: (t) => ({
    column: t.exposeString('column', {
      nullable: true,
      description: 'The column concerned; null for the row as a whole.',
    }),
    code: t.exposeString('code', {
      description:
        'Stable: UNKNOWN_ACTION, UNKNOWN_PARTY, INVALID_AMOUNT, UNKNOWN_CURRENCY, YEAR_OUTSIDE_TERM, NOT_YOUR_PARTY…',
    }),
    message: t.exposeString('message'),
  }),
});

const RefusedRowRef = builder.objectRef<RefusedRow>('RefusedRow').implement({
  description: 'A row of the file that cannot be imported, and every reason why.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'The file’s line, the header being line 1.' }),
    rowType: t.exposeString('rowType', { nullable: true }),
    issues: t.field({ type: [ImportRowIssueRef], resolve: (row) => [...row.issues] }),
  }),
});

const ImportReportRef = builder.objectRef<RunImportReport>('ImportReport').implement({
  description:
    'What the import did, or would do in a dry run, row by row. A real import writes only when no row is refused, all its rows in one transaction with their audit entries.',
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, resolve: (report) => report.kind }),
    dryRun: t.exposeBoolean('dryRun'),
    applied: t.exposeBoolean('applied', {
      description:
        'True when the file was written: a real import with no refused row. Always false in a dry run.',
    }),
    rowsRead: t.exposeInt('rows', { description: 'Rows of the file, the header not counted.' }),
    added: t.field({ type: [ImportedRowRef], resolve: (report) => [...report.added] }),
    changed: t.field({ type: [ImportedRowRef], resolve: (report) => [...report.changed] }),
    unchangedCount: t.exposeInt('unchanged', {
      description: 'Rows that say what is stored already.',
    }),
    skippedCount: t.exposeInt('skipped', {
      description:
        'Rows of budget.csv of a type the kind does not read (BUDGET_LINES, CONTRIBUTIONS).',
    }),
    refused: t.field({ type: [RefusedRowRef], resolve: (report) => [...report.refused] }),
  }),
});

const ImportCsvInput = builder.inputType('ImportCsvInput', {
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    kind: t.field({ type: ImportKindEnum, required: true }),
    csv: t.string({
      required: true,
      description:
        'The file’s text: the export’s format (semicolons, decimal commas, a BOM or not) or plain CSV (commas, decimal points). At most 20,000 rows.',
    }),
    dryRun: t.boolean({
      required: true,
      description: 'true: only report what the import would do, and write nothing.',
    }),
  }),
});

builder.mutationField('importCsv', (t) =>
  t.field({
    type: ImportReportRef,
    description:
      'Imports budget rows or measurements into a convention from a CSV file in the export’s columns. A party contributes and measures only in its own name; a file with any refused row writes nothing.',
    args: { input: t.arg({ type: ImportCsvInput, required: true }) },
    // No ConflictError: the import reads the convention as it stands, in the transaction that writes.
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      dataField: { name: 'report' },
    },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'importCsv', (scope) =>
        runImport(
          { ...scope, context },
          {
            conventionId: requireDbId(input.conventionId, 'Convention'),
            kind: input.kind,
            csv: input.csv,
            dryRun: input.dryRun,
          },
        ),
      ),
  }),
);
