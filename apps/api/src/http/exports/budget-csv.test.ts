import { formatMoney, multiplyMoney, parseMoney, unwrap, type Money } from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../../test/engines.js';
import { download, seedExportData, type ExportFixture } from '../../../test/fixtures-exports.js';
import { signIn } from '../../../test/graphql-client.js';
import { money } from '../../mapping/budget.js';
import { BUDGET_CSV_COLUMNS, frenchCsv, type BudgetCsvRow } from './budget-csv.js';

/** How a spreadsheet — or the budget import — reads the file back. */
function readBack(bytes: Uint8Array): BudgetCsvRow[] {
  return parse<BudgetCsvRow>(Buffer.from(bytes), {
    bom: true,
    delimiter: ';',
    columns: true,
    skip_empty_lines: true,
  });
}

/** A decimal-comma amount as exact money again. */
const amountOf = (text: string, currency: string): Money =>
  unwrap(parseMoney(text.replace(',', '.'), currency));

for (const engine of ENGINES) {
  describe(`the budget CSV export on ${engine}`, () => {
    const t = useTestApp(engine);
    let fixture: ExportFixture;
    let bytes: Uint8Array;
    let response: Response;
    let rows: BudgetCsvRow[];

    beforeAll(async () => {
      fixture = await seedExportData(t.db);
      const cookie = await signIn(t.app, 'admin@chefchaouen.demo');
      response = await download(
        t.app,
        `/exports/conventions/${encodeGlobalID('Convention', fixture.founding)}/budget.csv`,
        { cookie },
      );
      expect(response.status).toBe(200);
      bytes = new Uint8Array(await response.arrayBuffer());
      rows = readBack(bytes);
    });

    it('is a CSV download named after the convention', () => {
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="convention-de-partenariat-[a-z-]+-budget\.csv"/,
      );
    });

    it('opens in a French spreadsheet: UTF-8 with a BOM, semicolons, CRLF, decimal commas', () => {
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text.split('\r\n')[0]).toBe(BUDGET_CSV_COLUMNS.join(';'));
      expect(text).toContain(';12000,00;EUR;4500,50;2017-11-30;');
      expect(text).not.toMatch(/;\d+\.\d+;/);
    });

    it('has one row per expense line, contribution and staff assignment of every action', async () => {
      const actions = await t.db
        .selectFrom('action')
        .select('id')
        .where('convention_id', '=', fixture.founding)
        .execute();
      const ids = actions.map((action) => action.id);
      const count = async (table: 'expense_line' | 'contribution' | 'staff_assignment') =>
        (await t.db.selectFrom(table).select('id').where('action_id', 'in', ids).execute()).length;
      expect(rows.filter((row) => row.row_type === 'LINE')).toHaveLength(
        await count('expense_line'),
      );
      expect(rows.filter((row) => row.row_type === 'CONTRIBUTION')).toHaveLength(
        await count('contribution'),
      );
      expect(rows.filter((row) => row.row_type === 'STAFF')).toHaveLength(
        await count('staff_assignment'),
      );
      // Nothing of the Dijon–Mainz convention.
      expect(
        rows.some((row) => row.action_id === encodeGlobalID('Action', fixture.mainzAction)),
      ).toBe(false);
    });

    it('reads back the founding convention’s coaching action exactly', () => {
      const coaching = rows.filter(
        (row) => row.action_id === encodeGlobalID('Action', fixture.coaching),
      );
      // Each row carries its object's global ID, so that an edited export can be imported back.
      const idOf = (type: string) =>
        expect.toSatisfy(
          (id: string) => Buffer.from(id, 'base64').toString().startsWith(`${type}:`),
          `a global ID of ${type}`,
        );
      const common = {
        action_id: encodeGlobalID('Action', fixture.coaching),
        action_title: 'Espace de formation et coaching des coopératives',
      };
      expect(coaching).toEqual([
        {
          ...common,
          id: idOf('ExpenseLine'),
          row_type: 'LINE',
          category: 'TRAINING',
          label: 'Coaching des coopératives; sessions « marketing »',
          party: '',
          amount: '12000,00',
          currency: 'EUR',
          executed: '4500,50',
          executed_on: '2017-11-30',
          funding_status: '',
          year: '',
          days: '',
          daily_cost: '',
          executed_days: '',
        },
        {
          ...common,
          id: idOf('ExpenseLine'),
          row_type: 'LINE',
          category: 'EQUIPMENT',
          label: 'Équipement de l’espace de formation',
          party: '',
          amount: '50000,00',
          currency: 'MAD',
          executed: '48000,00',
          executed_on: '2017-06-20',
          funding_status: '',
          year: '2017',
          days: '',
          daily_cost: '',
          executed_days: '',
        },
        {
          ...common,
          id: idOf('Contribution'),
          row_type: 'CONTRIBUTION',
          category: 'PARTY_CASH',
          label: 'Subvention de la Ville de Dijon',
          party: 'Dijon',
          amount: '6000,00',
          currency: 'EUR',
          executed: '6000,00',
          executed_on: '2017-05-02',
          funding_status: '',
          year: '2017',
          days: '',
          daily_cost: '',
          executed_days: '',
        },
        {
          ...common,
          id: idOf('Contribution'),
          row_type: 'CONTRIBUTION',
          category: 'PARTY_IN_KIND',
          label: 'Mise à disposition de locaux',
          party: 'Chefchaouen',
          amount: '20000,00',
          currency: 'MAD',
          executed: '',
          executed_on: '',
          funding_status: '',
          year: '2017',
          days: '',
          daily_cost: '',
          executed_days: '',
        },
        {
          ...common,
          id: idOf('Contribution'),
          row_type: 'CONTRIBUTION',
          category: 'PARTY_CASH',
          label: '',
          party: 'Chefchaouen',
          amount: '30000,00',
          currency: 'MAD',
          executed: '',
          executed_on: '',
          funding_status: '',
          year: '2017',
          days: '',
          daily_cost: '',
          executed_days: '',
        },
        {
          ...common,
          id: idOf('Contribution'),
          row_type: 'CONTRIBUTION',
          category: 'FUNDER',
          label: 'Appel à projets',
          party: 'Agence française de développement',
          amount: '2500,00',
          currency: 'EUR',
          executed: '2500,00',
          executed_on: '2017-06-15',
          funding_status: 'RECEIVED',
          year: '2017',
          days: '',
          daily_cost: '',
          executed_days: '',
        },
        {
          ...common,
          id: idOf('StaffAssignment'),
          row_type: 'STAFF',
          category: 'STAFF_TIME',
          label: 'Chargée de mission coopération',
          party: 'Dijon',
          // 10.5 days × 333.33 = 3 499.965 → 3 499.96 (half to even, A5); 8 days done.
          amount: '3499,96',
          currency: 'EUR',
          executed: '2666,64',
          executed_on: '2017-12-15',
          funding_status: '',
          year: '2017',
          days: '10,50',
          daily_cost: '333,33',
          executed_days: '8,00',
        },
      ]);
    });

    it('gives back every amount of the database exactly, to the minor unit', async () => {
      const ids = (
        await t.db
          .selectFrom('action')
          .select('id')
          .where('convention_id', '=', fixture.founding)
          .execute()
      ).map((action) => action.id);
      const lines = await t.db
        .selectFrom('expense_line')
        .selectAll()
        .where('action_id', 'in', ids)
        .execute();
      const staff = await t.db
        .selectFrom('staff_assignment')
        .selectAll()
        .where('action_id', 'in', ids)
        .execute();
      const exported = (type: string) =>
        rows
          .filter((row) => row.row_type === type)
          .map((row) => formatMoney(amountOf(row.amount, row.currency)) + row.currency)
          .sort();
      expect(exported('LINE')).toEqual(
        lines.map((line) => formatMoney(money(line.amount, line.currency)) + line.currency).sort(),
      );
      expect(exported('STAFF')).toEqual(
        staff
          .map((row) => {
            const value = multiplyMoney(money(row.daily_cost, row.currency), row.days);
            return formatMoney(value) + row.currency;
          })
          .sort(),
      );
    });

    it('is written back byte for byte from what it reads: an import accepts it unchanged', () => {
      const again = frenchCsv(BUDGET_CSV_COLUMNS, rows);
      expect(Buffer.from(again, 'utf8').equals(Buffer.from(bytes))).toBe(true);
    });
  });
}
