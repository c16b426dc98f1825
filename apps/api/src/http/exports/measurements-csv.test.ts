import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../../test/engines.js';
import { download, seedExportData, type ExportFixture } from '../../../test/fixtures-exports.js';
import { signIn } from '../../../test/graphql-client.js';
import { MEASUREMENTS_CSV_COLUMNS, type MeasurementCsvRow } from './measurements-csv.js';

for (const engine of ENGINES) {
  describe(`the measurements CSV export on ${engine}`, () => {
    const t = useTestApp(engine);
    let fixture: ExportFixture;
    let chefchaouen: string;
    let mainz: string;
    let path: string;
    let response: Response;
    let text: string;
    let rows: MeasurementCsvRow[];

    beforeAll(async () => {
      fixture = await seedExportData(t.db);
      chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      mainz = await signIn(t.app, 'admin@mainz.demo');
      await t.db
        .insertInto('measurement')
        .values({
          indicator_id: fixture.indicators.cooperatives,
          year: 2018,
          value: '12.25',
          collectivity_id: fixture.chefchaouen,
          note: 'Comptage; « provisoire »',
        })
        .execute();
      path = `/exports/conventions/${encodeGlobalID('Convention', fixture.founding)}/measurements.csv`;
      response = await download(t.app, path, { cookie: chefchaouen });
      expect(response.status).toBe(200);
      text = await response.text();
      rows = parse<MeasurementCsvRow>(text, {
        bom: true,
        delimiter: ';',
        columns: true,
        skip_empty_lines: true,
      });
    });

    it('is a CSV in the budget export’s format, named after the convention', () => {
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="convention-de-partenariat-[a-z-]+-mesures\.csv"/,
      );
      expect(text.split('\r\n')[0]).toBe(MEASUREMENTS_CSV_COLUMNS.join(';'));
    });

    it('has one row per measurement of every party, decimal commas, ordered by indicator and year', () => {
      const cooperatives = rows.filter((row) => row.indicator_code === 'EXP-COOP');
      expect(cooperatives).toEqual([
        expect.objectContaining({
          indicator_id: encodeGlobalID('Indicator', fixture.indicators.cooperatives),
          indicator_name: 'Coopératives accompagnées',
          unit: 'coopératives',
          year: '2017',
          value: '8',
          collectivity: 'Chefchaouen',
          note: '',
        }),
        expect.objectContaining({
          year: '2018',
          value: '12,25',
          collectivity: 'Chefchaouen',
          note: 'Comptage; « provisoire »',
        }),
      ]);
      // Dijon's value of an indicator not yet agreed is there too: every party's measurements.
      expect(rows).toContainEqual(
        expect.objectContaining({
          indicator_code: 'EXP-PENDING',
          value: '3',
          collectivity: 'Dijon',
        }),
      );
      for (const row of rows) {
        expect(row.id).toMatch(/.+/);
        expect(row.recorded_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
    });

    it('answers 404 to a collectivity that is not party, as for a missing convention', async () => {
      const foreign = await download(t.app, path, { cookie: mainz });
      const missing = await download(
        t.app,
        `/exports/conventions/${encodeGlobalID('Convention', 424242)}/measurements.csv`,
        { cookie: mainz },
      );
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(await foreign.text()).toBe(await missing.text());
    });
  });
}
