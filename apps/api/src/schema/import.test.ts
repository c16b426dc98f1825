import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import {
  download,
  readOnlyToken,
  seedExportData,
  type ExportFixture,
} from '../../test/fixtures-exports.js';
import { gql, signIn } from '../../test/graphql-client.js';
import { BUDGET_CSV_COLUMNS, frenchCsv, type BudgetCsvRow } from '../http/exports/budget-csv.js';
import {
  MEASUREMENTS_CSV_COLUMNS,
  type MeasurementCsvRow,
} from '../http/exports/measurements-csv.js';
import { MAX_ROWS } from '../import/csv-file.js';
import { SQL_COUNT_HEADER } from '../yoga.js';

const IMPORT = /* GraphQL */ `
  mutation Import($input: ImportCsvInput!) {
    importCsv(input: $input) {
      __typename
      ... on ImportCsvSuccess {
        report {
          kind
          dryRun
          applied
          rowsRead
          unchangedCount
          skippedCount
          added {
            line
            rowType
            description
            objectId
            changes {
              column
              before
              after
            }
          }
          changed {
            line
            rowType
            description
            objectId
            changes {
              column
              before
              after
            }
          }
          refused {
            line
            rowType
            issues {
              column
              code
              message
            }
          }
        }
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          code
          message
        }
      }
    }
  }
`;

/** The fixture's expense line of the coaching action: 12 000 EUR, 4 500,50 executed. */
const TRAINING_LABEL = 'Coaching des coopératives; sessions « marketing »';

type Auth = { cookie: string } | { token: string };

function readCsv<Row>(text: string): Row[] {
  return parse<Row>(text, { bom: true, delimiter: ';', columns: true, skip_empty_lines: true });
}

/** A refused row's issues as "column:CODE", for short assertions. */
function issuesOf(report: any, line: number): string[] {
  const row = report.refused.find((refused: any) => refused.line === line);
  return (row?.issues ?? []).map((issue: any) => `${issue.column}:${issue.code}`);
}

for (const engine of ENGINES) {
  describe(`importCsv on ${engine}`, () => {
    const t = useTestApp(engine);
    let fixture: ExportFixture;
    let dijon: Auth;
    let chefchaouen: Auth;
    let mainz: Auth;
    let conventionId: string;

    const importCsv = async (
      auth: Auth,
      input: { kind: string; csv: string; dryRun: boolean; conventionId?: string },
    ) => {
      const response = await gql(t.app, IMPORT, { input: { conventionId, ...input } }, auth);
      if (response.errors) throw new TypeError(JSON.stringify(response.errors));
      return response.data.importCsv;
    };

    const exported = async (auth: Auth, file: 'budget.csv' | 'measurements.csv') => {
      const response = await download(t.app, `/exports/conventions/${conventionId}/${file}`, auth);
      expect(response.status).toBe(200);
      return response.text();
    };

    const budgetRows = async (auth: Auth) =>
      readCsv<BudgetCsvRow>(await exported(auth, 'budget.csv'));

    const lineAmount = async (label: string) =>
      (
        await t.db
          .selectFrom('expense_line')
          .select(['amount', 'version'])
          .where('label', '=', label)
          .executeTakeFirstOrThrow()
      ).amount;

    const auditCount = async () =>
      (
        await t.db
          .selectFrom('audit_entry')
          .select((eb) => eb.fn.countAll<bigint>().as('count'))
          .where('operation', '=', 'importCsv')
          .executeTakeFirstOrThrow()
      ).count.toString();

    beforeAll(async () => {
      fixture = await seedExportData(t.db);
      dijon = { cookie: await signIn(t.app, 'admin@dijon.demo') };
      chefchaouen = { cookie: await signIn(t.app, 'admin@chefchaouen.demo') };
      mainz = { cookie: await signIn(t.app, 'admin@mainz.demo') };
      conventionId = encodeGlobalID('Convention', fixture.founding);
    });

    describe('the budget', () => {
      it('reads its own export back as all unchanged, for either party', async () => {
        for (const auth of [dijon, chefchaouen]) {
          const rows = await budgetRows(auth);
          expect(rows.length).toBeGreaterThan(5);
          const result = await importCsv(auth, {
            kind: 'BUDGET',
            csv: await exported(auth, 'budget.csv'),
            dryRun: false,
          });
          expect(result.__typename).toBe('ImportCsvSuccess');
          expect(result.report).toMatchObject({
            kind: 'BUDGET',
            applied: true,
            rowsRead: rows.length,
            unchangedCount: rows.length,
            skippedCount: 0,
            added: [],
            changed: [],
            refused: [],
          });
        }
        expect(await auditCount()).toBe('0');
      });

      it('dry run: reports what is added, changed and refused, row by row, and writes nothing', async () => {
        const rows = await budgetRows(dijon);
        const training = rows.find((row) => row.label === TRAINING_LABEL);
        const dijonCash = rows.find(
          (row) =>
            row.category === 'PARTY_CASH' &&
            row.party === 'Dijon' &&
            row.action_id === training?.action_id,
        );
        const chefchaouenKind = rows.find(
          (row) => row.category === 'PARTY_IN_KIND' && row.action_id === training?.action_id,
        );
        if (!training || !dijonCash || !chefchaouenKind)
          throw new TypeError('fixture rows missing');
        const blank = Object.fromEntries(
          BUDGET_CSV_COLUMNS.map((column) => [column, '']),
        ) as BudgetCsvRow;
        const line = (values: Partial<BudgetCsvRow>): BudgetCsvRow => ({
          ...blank,
          action_id: training.action_id,
          row_type: 'LINE',
          category: 'SERVICES',
          label: 'Interprétariat',
          amount: '800,00',
          currency: 'EUR',
          ...values,
        });
        const file = [
          { ...training, amount: '12500,00' }, // line 2: changed
          line({}), // line 3: added
          line({ amount: '12,3x' }), // line 4: bad amount
          line({ currency: 'XYZ' }), // line 5: unknown currency
          line({ action_id: encodeGlobalID('Action', fixture.mainzAction) }), // line 6: not this convention's
          { ...chefchaouenKind, amount: '25000,00' }, // line 7: Chefchaouen's contribution, by Dijon
          { ...dijonCash, id: '', party: 'Lyon' }, // line 8: no such party
          line({ row_type: 'AUTRE' }), // line 9: unknown row type
          { ...dijonCash, executed: '6100,00' }, // line 10: Dijon's own: changed (executed only)
        ];
        const before = await lineAmount(training.label);
        const counts = await t.db
          .selectFrom('expense_line')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .executeTakeFirstOrThrow();

        const result = await importCsv(dijon, {
          kind: 'BUDGET',
          csv: frenchCsv(BUDGET_CSV_COLUMNS, file),
          dryRun: true,
        });
        expect(result.__typename).toBe('ImportCsvSuccess');
        const report = result.report;
        expect(report).toMatchObject({
          dryRun: true,
          applied: false,
          rowsRead: 9,
          unchangedCount: 0,
        });
        expect(report.added).toEqual([
          expect.objectContaining({ line: 3, rowType: 'LINE', objectId: null, changes: [] }),
        ]);
        expect(report.added[0].description).toContain('SERVICES « Interprétariat »: 800.00 EUR');
        expect(report.changed.map((row: any) => row.line)).toEqual([2, 10]);
        expect(report.changed[0].changes).toEqual([
          { column: 'amount', before: '12000.00', after: '12500.00' },
        ]);
        expect(report.changed[0].objectId).toBe(training.id);
        expect(report.changed[1].changes).toEqual([
          { column: 'executed', before: '6000.00', after: '6100.00' },
        ]);
        expect(report.refused.map((row: any) => row.line)).toEqual([4, 5, 6, 7, 8, 9]);
        expect(issuesOf(report, 4)).toEqual(['amount:INVALID_AMOUNT']);
        expect(issuesOf(report, 5)).toEqual(['currency:UNKNOWN_CURRENCY']);
        expect(issuesOf(report, 6)).toEqual(['action_id:UNKNOWN_ACTION']);
        expect(issuesOf(report, 7)).toEqual(['party:NOT_YOUR_PARTY']);
        expect(issuesOf(report, 8)).toEqual(['party:UNKNOWN_PARTY']);
        expect(issuesOf(report, 9)).toEqual(['row_type:INVALID_ROW_TYPE']);
        const amountIssue = report.refused[0].issues[0];
        expect(amountIssue.message).toContain('12,3x');

        // Nothing written.
        expect(await lineAmount(training.label)).toBe(before);
        expect(
          await t.db
            .selectFrom('expense_line')
            .select((eb) => eb.fn.countAll<string>().as('count'))
            .executeTakeFirstOrThrow(),
        ).toEqual(counts);
        expect(await auditCount()).toBe('0');

        // The real import of a file with a refused row writes nothing either, and says so.
        const refused = await importCsv(dijon, {
          kind: 'BUDGET',
          csv: frenchCsv(BUDGET_CSV_COLUMNS, file),
          dryRun: false,
        });
        expect(refused.report).toMatchObject({ dryRun: false, applied: false });
        expect(refused.report.refused).toHaveLength(6);
        expect(await lineAmount(training.label)).toBe(before);
        expect(await auditCount()).toBe('0');
      });

      it('applies every accepted row in one go, with its audit entries and a new budget version', async () => {
        const rows = await budgetRows(dijon);
        const training = rows.find((row) => row.label === TRAINING_LABEL);
        if (!training) throw new TypeError('fixture rows missing');
        const action = async () =>
          t.db
            .selectFrom('action')
            .select('budget_version')
            .where('id', '=', fixture.coaching)
            .executeTakeFirstOrThrow();
        const versionBefore = (await action()).budget_version;
        const added: BudgetCsvRow = {
          ...training,
          id: '',
          category: 'SERVICES',
          label: 'Interprétariat',
          amount: '800,00',
          executed: '',
          executed_on: '',
        };
        const result = await importCsv(dijon, {
          kind: 'BUDGET',
          csv: frenchCsv(BUDGET_CSV_COLUMNS, [{ ...training, amount: '12500,00' }, added]),
          dryRun: false,
        });
        expect(result.report).toMatchObject({ applied: true, refused: [] });
        expect(result.report.changed).toHaveLength(1);
        expect(result.report.added).toHaveLength(1);
        const addedId = result.report.added[0].objectId as string;
        expect(addedId).toMatch(/.+/);

        expect(await lineAmount(training.label)).toBe(1_250_000n);
        const interpreting = await t.db
          .selectFrom('expense_line')
          .selectAll()
          .where('label', '=', 'Interprétariat')
          .executeTakeFirstOrThrow();
        expect(interpreting).toMatchObject({
          amount: 80_000n,
          currency: 'EUR',
          category: 'SERVICES',
        });
        expect(encodeGlobalID('ExpenseLine', interpreting.id)).toBe(addedId);
        // A4.1: a changed budget is a new version, whose approvals start afresh.
        expect((await action()).budget_version).toBe(versionBefore + 1);

        const entries = await t.db
          .selectFrom('audit_entry')
          .selectAll()
          .where('operation', '=', 'importCsv')
          .execute();
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({
          convention_id: fixture.founding,
          subject_type: 'Budget',
          subject_id: fixture.coaching,
        });
        expect(JSON.stringify(entries[0]?.after)).toContain('Interprétariat');

        // Read back: the export now says what was imported, and imports as all unchanged.
        const again = await importCsv(dijon, {
          kind: 'BUDGET',
          csv: await exported(dijon, 'budget.csv'),
          dryRun: true,
        });
        expect(again.report.added).toEqual([]);
        expect(again.report.changed).toEqual([]);
        expect(again.report.refused).toEqual([]);
      });

      it('BUDGET_LINES and CONTRIBUTIONS read their own rows of budget.csv and skip the others', async () => {
        const rows = await budgetRows(dijon);
        const csv = await exported(dijon, 'budget.csv');
        const lines = rows.filter((row) => row.row_type === 'LINE').length;
        const lineImport = await importCsv(dijon, { kind: 'BUDGET_LINES', csv, dryRun: true });
        expect(lineImport.report).toMatchObject({
          rowsRead: rows.length,
          unchangedCount: lines,
          skippedCount: rows.length - lines,
        });
        const contributions = await importCsv(dijon, { kind: 'CONTRIBUTIONS', csv, dryRun: true });
        expect(contributions.report).toMatchObject({
          unchangedCount: rows.length - lines,
          skippedCount: lines,
        });
      });

      it('reads a plain CSV too: commas and decimal points, columns in any order', async () => {
        const coaching = encodeGlobalID('Action', fixture.coaching);
        const csv = [
          'row_type,action_id,category,label,amount,currency,year',
          `LINE,${coaching},EVENTS,Forum des coopératives,1500.50,EUR,2017`,
          `LINE,${coaching},EVENTS,Forum bis,"1500,50",EUR,2017`,
          `LINE,${coaching},EVENTS,Forum ter,-3,EUR,2017`,
        ].join('\n');
        const result = await importCsv(dijon, { kind: 'BUDGET', csv, dryRun: true });
        expect(result.report.added).toEqual([
          expect.objectContaining({ line: 2, description: expect.stringContaining('1500.50 EUR') }),
        ]);
        expect(issuesOf(result.report, 3)).toEqual(['amount:INVALID_AMOUNT']);
        expect(issuesOf(result.report, 4)).toEqual(['amount:NEGATIVE_AMOUNT']);
      });

      it('reads and writes in the same few statements whatever the number of rows (no N+1)', async () => {
        const coaching = encodeGlobalID('Action', fixture.coaching);
        const youth = encodeGlobalID('Action', fixture.youth);
        const file = (count: number) =>
          [
            'action_id;row_type;category;label;amount;currency',
            ...Array.from(
              { length: count },
              (_, index) =>
                `${index % 2 ? coaching : youth};LINE;OTHER;Ligne ${count}-${index};${index + 1},00;EUR`,
            ),
          ].join('\r\n');
        const statements = async (count: number, dryRun: boolean) => {
          const response = await gql(
            t.app,
            IMPORT,
            { input: { conventionId, kind: 'BUDGET', csv: file(count), dryRun } },
            dijon,
          );
          expect(response.data.importCsv.report.added).toHaveLength(count);
          return Number(response.headers.get(SQL_COUNT_HEADER));
        };
        expect(await statements(300, true)).toBe(await statements(2, true));
        expect(await statements(300, false)).toBe(await statements(2, false));
        await t.db.deleteFrom('expense_line').where('label', 'like', 'Ligne %').execute();
      });

      it('refuses a file it cannot read as a whole: unknown columns, too many rows', async () => {
        const unknown = await importCsv(dijon, {
          kind: 'BUDGET',
          csv: 'action_id;row_type;category;montant\n',
          dryRun: true,
        });
        expect(unknown.__typename).toBe('ValidationError');
        expect(unknown.issues).toEqual([
          expect.objectContaining({
            path: ['input', 'csv', 'columns', 'montant'],
            code: 'UNKNOWN_COLUMN',
          }),
        ]);
        const big = [
          'action_id;row_type;category',
          ...Array.from({ length: MAX_ROWS + 1 }, () => 'x;LINE;OTHER'),
        ].join('\n');
        const tooMany = await importCsv(dijon, { kind: 'BUDGET', csv: big, dryRun: true });
        expect(tooMany.__typename).toBe('ValidationError');
        expect(tooMany.issues[0].code).toBe('TOO_MANY_ROWS');
        expect(tooMany.issues[0].message).toContain(String(MAX_ROWS));
      });
    });

    describe('measurements', () => {
      it('reads its own export back as all unchanged', async () => {
        const csv = await exported(chefchaouen, 'measurements.csv');
        const rows = readCsv<MeasurementCsvRow>(csv);
        expect(rows.length).toBeGreaterThan(0);
        const result = await importCsv(chefchaouen, { kind: 'MEASUREMENTS', csv, dryRun: true });
        expect(result.report).toMatchObject({
          rowsRead: rows.length,
          unchangedCount: rows.length,
          refused: [],
        });
      });

      it('adds and changes the party’s own values, refuses the rest with reasons', async () => {
        const rows = readCsv<MeasurementCsvRow>(await exported(chefchaouen, 'measurements.csv'));
        const own = rows.find(
          (row) => row.indicator_code === 'EXP-COOP' && row.collectivity === 'Chefchaouen',
        );
        const dijonValue = rows.find((row) => row.collectivity === 'Dijon');
        if (!own || !dijonValue) throw new TypeError('fixture measurements missing');
        const blank = Object.fromEntries(
          MEASUREMENTS_CSV_COLUMNS.map((column) => [column, '']),
        ) as MeasurementCsvRow;
        const file: MeasurementCsvRow[] = [
          { ...own, value: '9', note: 'Deux coopératives de plus' }, // 2: changed
          {
            ...blank,
            indicator_code: 'EXP-COOP',
            year: '2018',
            value: '15,5',
            collectivity: 'Chefchaouen',
          }, // 3: added
          {
            ...blank,
            indicator_code: 'EXP-COOP',
            year: '2150',
            value: '20',
            collectivity: 'Chefchaouen',
          }, // 4
          {
            ...blank,
            indicator_code: 'EXP-MISSIONS',
            year: '2017',
            value: '2',
            collectivity: 'Chefchaouen',
          }, // 5
          { ...dijonValue, value: '4' }, // 6: Dijon's value, by Chefchaouen
          { ...blank, indicator_code: 'NOPE', year: '2017', value: '1' }, // 7
          { ...blank, indicator_code: 'EXP-COOP', year: '2019', value: 'beaucoup' }, // 8
        ];
        const csv = frenchCsv(MEASUREMENTS_CSV_COLUMNS, file);
        const dry = await importCsv(chefchaouen, { kind: 'MEASUREMENTS', csv, dryRun: true });
        const report = dry.report;
        expect(report.changed).toEqual([
          expect.objectContaining({
            line: 2,
            rowType: 'MEASUREMENT',
            changes: [
              { column: 'value', before: '8', after: '9' },
              { column: 'note', before: '', after: 'Deux coopératives de plus' },
            ],
          }),
        ]);
        expect(report.added).toEqual([expect.objectContaining({ line: 3 })]);
        expect(report.added[0].description).toContain('2018 (Chefchaouen): 15.5');
        expect(issuesOf(report, 4)).toEqual(['year:YEAR_OUTSIDE_TERM']);
        expect(issuesOf(report, 5)).toEqual(['indicator_code:COMPUTED_INDICATOR']);
        expect(issuesOf(report, 6)).toEqual(['collectivity:NOT_YOUR_PARTY']);
        expect(issuesOf(report, 7)).toEqual(['indicator_code:UNKNOWN_INDICATOR']);
        expect(issuesOf(report, 8)).toEqual(['value:INVALID_VALUE']);

        const good = frenchCsv(MEASUREMENTS_CSV_COLUMNS, file.slice(0, 2));
        const applied = await importCsv(chefchaouen, {
          kind: 'MEASUREMENTS',
          csv: good,
          dryRun: false,
        });
        expect(applied.report).toMatchObject({ applied: true, refused: [] });
        const stored = await t.db
          .selectFrom('measurement')
          .select(['year', 'value', 'note'])
          .where('indicator_id', '=', fixture.indicators.cooperatives)
          .orderBy('year')
          .execute();
        expect(stored.map((row) => [row.year, Number(row.value), row.note])).toEqual([
          [2017, 9, 'Deux coopératives de plus'],
          [2018, 15.5, ''],
        ]);
        const entry = await t.db
          .selectFrom('audit_entry')
          .selectAll()
          .where('operation', '=', 'importCsv')
          .where('subject_type', '=', 'Indicator')
          .executeTakeFirstOrThrow();
        expect(entry.subject_id).toBe(fixture.indicators.cooperatives);
      });
    });

    describe('access', () => {
      it('answers NotFoundError to a collectivity that is not party, as for a missing convention', async () => {
        const csv = await exported(dijon, 'budget.csv');
        const foreign = await importCsv(mainz, { kind: 'BUDGET', csv, dryRun: true });
        const missing = await importCsv(mainz, {
          kind: 'BUDGET',
          csv,
          dryRun: true,
          conventionId: encodeGlobalID('Convention', 424242),
        });
        expect(foreign).toEqual({
          __typename: 'NotFoundError',
          code: 'NOT_FOUND',
          message: missing.message,
        });
        expect(missing.__typename).toBe('NotFoundError');
      });

      it('refuses a read-only token, even for a dry run', async () => {
        if (!('cookie' in dijon)) throw new TypeError('cookie expected');
        const token = await readOnlyToken(t.app, dijon.cookie);
        const result = await importCsv(
          { token },
          {
            kind: 'BUDGET',
            csv: await exported(dijon, 'budget.csv'),
            dryRun: true,
          },
        );
        expect(result).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
      });

      it('another convention’s actions in the file are unknown actions', async () => {
        const csv = frenchCsv(BUDGET_CSV_COLUMNS, [
          {
            ...(Object.fromEntries(
              BUDGET_CSV_COLUMNS.map((column) => [column, '']),
            ) as BudgetCsvRow),
            action_id: encodeGlobalID('Action', fixture.mainzAction),
            row_type: 'LINE',
            category: 'OTHER',
            amount: '1,00',
            currency: 'EUR',
          },
        ]);
        const result = await importCsv(dijon, { kind: 'BUDGET', csv, dryRun: true });
        expect(issuesOf(result.report, 2)).toEqual(['action_id:UNKNOWN_ACTION']);
      });
    });
  });
}
