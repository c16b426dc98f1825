import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../../test/engines.js';
import { download, seedExportData, type ExportFixture } from '../../../test/fixtures-exports.js';
import { gql, signIn } from '../../../test/graphql-client.js';
import { SQL_COUNT_HEADER } from '../../yoga.js';

const DECLARATION = /* GraphQL */ `
  query Apd($id: ID!, $year: Int!) {
    node(id: $id) {
      ... on Collectivity {
        name
        apdDeclaration(year: $year) {
          year
          currency
          total {
            amount
            currency
          }
          countries {
            countryCode
            total {
              amount
            }
            actions {
              actionId
              title
              cash {
                amount
              }
              inKind {
                amount
              }
              staffTime {
                amount
              }
              total {
                amount
                currency
              }
            }
          }
          undated {
            actionId
            kind
          }
          missingRates {
            from
            to
            date
          }
        }
      }
    }
  }
`;

interface Declaration {
  year: number;
  currency: string;
  total: { amount: string; currency: string };
  countries: {
    countryCode: string | null;
    total: { amount: string };
    actions: {
      actionId: string;
      title: string;
      cash: { amount: string };
      inKind: { amount: string };
      staffTime: { amount: string };
      total: { amount: string; currency: string };
    }[];
  }[];
}

const cents = (amount: string | undefined) => Math.round(Number(amount ?? '0') * 100);

for (const engine of ENGINES) {
  describe(`the APD declaration on ${engine}`, () => {
    const t = useTestApp(engine);
    let fixture: ExportFixture;
    let dijon: string;
    let chefchaouen: string;
    let dijonId: string;
    const before = new Map<string, Declaration>();

    async function declaration(cookie: string, id: string, year: number) {
      const response = await gql(t.app, DECLARATION, { id, year }, { cookie });
      if (response.errors) throw new TypeError(JSON.stringify(response.errors));
      return {
        declaration: response.data.node.apdDeclaration as Declaration | null,
        statements: Number(response.headers.get(SQL_COUNT_HEADER)),
      };
    }

    const country = (declared: Declaration | null | undefined, code: string) =>
      declared?.countries.find((entry) => entry.countryCode === code);

    beforeAll(async () => {
      dijon = await signIn(t.app, 'admin@dijon.demo');
      chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const dijonRow = await t.db
        .selectFrom('collectivity')
        .select('id')
        .where('name', '=', 'Dijon')
        .executeTakeFirstOrThrow();
      dijonId = encodeGlobalID('Collectivity', dijonRow.id);
      // What the demo already declares, so that the fixture's own facts are read as a difference.
      for (const year of [2017, 2023]) {
        const found = (await declaration(dijon, dijonId, year)).declaration;
        if (found) before.set(String(year), found);
      }
      fixture = await seedExportData(t.db);
    });

    it('declares Dijon’s own executed cash and staff time for Morocco, co-funding left out', async () => {
      const { declaration: after } = await declaration(dijon, dijonId, 2017);
      expect(after).toMatchObject({ year: 2017, currency: 'EUR', total: { currency: 'EUR' } });
      const line = country(after, 'MA')?.actions.find(
        (entry) => entry.actionId === encodeGlobalID('Action', fixture.coaching),
      );
      // 6 000 EUR paid on 2017-05-02, 8 days × 333.33 EUR of staff time; AFD's 2 500 EUR are AFD's.
      expect(line).toEqual({
        actionId: encodeGlobalID('Action', fixture.coaching),
        title: 'Espace de formation et coaching des coopératives',
        cash: { amount: '6000.00' },
        inKind: { amount: '0.00' },
        staffTime: { amount: '2666.64' },
        total: { amount: '8666.64', currency: 'EUR' },
      });
      const previous = before.get('2017');
      expect(
        cents(country(after, 'MA')?.total.amount) - cents(country(previous, 'MA')?.total.amount),
      ).toBe(866_664);
      expect(cents(after?.total.amount) - cents(previous?.total.amount)).toBe(866_664);
    });

    it('declares Dijon’s funds for Germany in the year they were spent', async () => {
      const { declaration: after } = await declaration(dijon, dijonId, 2023);
      const previous = before.get('2023');
      expect(
        cents(country(after, 'DE')?.total.amount) - cents(country(previous, 'DE')?.total.amount),
      ).toBe(150_000);
    });

    it('answers null for another collectivity’s declaration', async () => {
      const { declaration: other } = await declaration(chefchaouen, dijonId, 2017);
      expect(other).toBeNull();
    });

    it('refuses a year that is not one', async () => {
      const response = await gql(t.app, DECLARATION, { id: dijonId, year: 17 }, { cookie: dijon });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('reads a fixed number of statements, however many actions there are', async () => {
      const first = (await declaration(dijon, dijonId, 2017)).statements;
      for (let index = 0; index < 4; index++) {
        const action = await t.db
          .insertInto('action')
          .values({
            convention_id: fixture.founding,
            axis_id: fixture.axes[1] ?? 0,
            title: `Saison culturelle ${index}`,
            start_date: '2017-01-01',
            end_date: '2017-12-31',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await t.db
          .insertInto('contribution')
          .values({
            action_id: action.id,
            kind: 'PARTY_CASH',
            collectivity_id: fixture.dijon,
            amount: 10_000n,
            currency: 'EUR',
            executed_amount: 10_000n,
            executed_on: '2017-09-01',
          })
          .execute();
      }
      const { statements, declaration: after } = await declaration(dijon, dijonId, 2017);
      expect(statements).toBe(first);
      expect(
        country(after, 'MA')?.actions.filter((line) => line.title.startsWith('Saison')),
      ).toHaveLength(4);
    });

    it('downloads as a CSV for a French spreadsheet, by country, with its totals', async () => {
      const response = await download(t.app, `/exports/collectivities/${dijonId}/apd/2017.csv`, {
        cookie: dijon,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="apd-2017-dijon\.csv"/,
      );
      const rows = parse<Record<string, string>>(Buffer.from(await response.arrayBuffer()), {
        bom: true,
        delimiter: ';',
        columns: true,
      });
      expect(
        rows.find((row) => row.action_id === encodeGlobalID('Action', fixture.coaching)),
      ).toEqual({
        year: '2017',
        row_type: 'ACTION',
        country_code: 'MA',
        action_id: encodeGlobalID('Action', fixture.coaching),
        action_title: 'Espace de formation et coaching des coopératives',
        cash: '6000,00',
        in_kind: '0,00',
        staff_time: '2666,64',
        total: '8666,64',
        currency: 'EUR',
        note: '',
      });
      const { declaration: declared } = await declaration(dijon, dijonId, 2017);
      expect(rows.find((row) => row.row_type === 'TOTAL')?.total).toBe(
        declared?.total.amount.replace('.', ','),
      );
      expect(
        rows.find((row) => row.row_type === 'COUNTRY_TOTAL' && row.country_code === 'MA')?.total,
      ).toBe(country(declared, 'MA')?.total.amount.replace('.', ','));
    });

    it('answers another collectivity’s declaration exactly as one that does not exist', async () => {
      const other = await download(t.app, `/exports/collectivities/${dijonId}/apd/2017.csv`, {
        cookie: chefchaouen,
      });
      const missing = await download(
        t.app,
        `/exports/collectivities/${encodeGlobalID('Collectivity', 999_999)}/apd/2017.csv`,
        { cookie: chefchaouen },
      );
      const notAYear = await download(t.app, `/exports/collectivities/${dijonId}/apd/17.csv`, {
        cookie: dijon,
      });
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(notAYear.status).toBe(404);
      const body = await other.text();
      expect(await missing.text()).toBe(body);
      expect(await notAYear.text()).toBe(body);
    });
  });
}
