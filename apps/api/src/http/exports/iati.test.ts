import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertMoney, currency, unwrap, type IsoDate } from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { ENGINES, useTestApp } from '../../../test/engines.js';
import { download, seedExportData, type ExportFixture } from '../../../test/fixtures-exports.js';
import { signIn } from '../../../test/graphql-client.js';
import { rateOf } from '../../schema/exchange-rate.js';

/**
 * The official IATI 2.03 schema (shared/iati, provided beside the repository on this project's
 * machines, not committed): IATI_SCHEMA_DIR, else next to the clone, else the workplace's copy.
 */
const IATI_SCHEMA_DIR = [
  process.env.IATI_SCHEMA_DIR,
  fileURLToPath(new URL('../../../../../../shared/iati/', import.meta.url)),
  '/work/shared/iati/',
].find((dir) => dir && existsSync(join(dir, 'iati-activities-schema.xsd')));
if (!IATI_SCHEMA_DIR && process.env.CI === 'true') {
  throw new Error('CI=true and no IATI 2.03 schema found: set IATI_SCHEMA_DIR');
}
if (!IATI_SCHEMA_DIR) {
  console.warn(
    '*** IATI schema validation SKIPPED: no iati-activities-schema.xsd found (set IATI_SCHEMA_DIR). ***',
  );
}

async function validateIati(xml: string) {
  const file = (name: string) => readFileSync(join(IATI_SCHEMA_DIR ?? '', name), 'utf8');
  return validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [
      { fileName: 'iati-activities-schema.xsd', contents: file('iati-activities-schema.xsd') },
    ],
    preload: [
      { fileName: 'iati-common.xsd', contents: file('iati-common.xsd') },
      { fileName: 'xml.xsd', contents: file('xml.xsd') },
    ],
  });
}

/** The <iati-activity> whose identifier is `identifier`. */
function activityOf(xml: string, identifier: string): string {
  const activity = xml
    .split('<iati-activity ')
    .slice(1)
    .find((part) => part.includes(`<iati-identifier>${identifier}</iati-identifier>`));
  if (!activity) throw new TypeError(`no activity ${identifier}`);
  return activity.slice(0, activity.indexOf('</iati-activity>'));
}

interface Period {
  start: string;
  end: string;
  status: string;
  value: string;
  currency: string;
}

function budgetsOf(activity: string): Period[] {
  const pattern =
    /<budget type="1" status="(\d)">\s*<period-start iso-date="([\d-]+)"\/>\s*<period-end iso-date="([\d-]+)"\/>\s*<value currency="(\w+)" value-date="[\d-]+">([\d.]+)<\/value>/g;
  return [...activity.matchAll(pattern)].map(([, status, start, end, code, value]) => ({
    status: status ?? '',
    start: start ?? '',
    end: end ?? '',
    currency: code ?? '',
    value: value ?? '',
  }));
}

const days = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / 86_400_000;

for (const engine of ENGINES) {
  describe(`the IATI export on ${engine}`, () => {
    const t = useTestApp(engine);
    let fixture: ExportFixture;
    let dijon: string;
    let xml: string;
    const prefix = (collectivity: number) => `XX-COOP-${collectivity}`;

    beforeAll(async () => {
      fixture = await seedExportData(t.db);
      dijon = await signIn(t.app, 'admin@dijon.demo');
      const response = await download(
        t.app,
        `/exports/conventions/${encodeGlobalID('Convention', fixture.founding)}/iati.xml`,
        { cookie: dijon },
      );
      expect(response.status).toBe(200);
      xml = await response.text();
    });

    it.skipIf(!IATI_SCHEMA_DIR)(
      'is IATI 2.03 activity XML that the official schema accepts',
      async () => {
        const result = await validateIati(xml);
        expect(result.errors).toEqual([]);
        expect(result.valid).toBe(true);
        expect(xml).toContain('<iati-activities version="2.03"');
      },
    );

    it('is a download of XML named after the convention', async () => {
      const response = await download(
        t.app,
        `/exports/conventions/${encodeGlobalID('Convention', fixture.founding)}/iati.xml`,
        { cookie: dijon },
      );
      expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="convention-de-partenariat-entre-la-ville-de-dijon-et-la-iati\.xml"/,
      );
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    });

    it('publishes the convention as the parent activity and each action as its child', () => {
      const conventionId = `${prefix(fixture.dijon)}-COOP-CONV-${fixture.founding}`;
      const coachingId = `${prefix(fixture.dijon)}-COOP-ACT-${fixture.coaching}`;
      const convention = activityOf(xml, conventionId);
      const coaching = activityOf(xml, coachingId);
      expect(convention).toContain('hierarchy="1"');
      expect(convention).toContain(`<related-activity ref="${coachingId}" type="2"/>`);
      expect(coaching).toContain('hierarchy="2"');
      expect(coaching).toContain(`<related-activity ref="${conventionId}" type="1"/>`);
      expect(convention).toContain(
        `<reporting-org ref="${prefix(fixture.dijon)}" type="11">\n      <narrative>Dijon</narrative>`,
      );
      expect(convention).toContain('xml:lang="fr"');
      // The founding convention's own words (A1), its parties accountable and funding (A4.2).
      expect(convention).toContain('nouvelle génération de partenariat');
      expect(convention).toMatch(
        /<participating-org role="2" type="11" ref="XX-COOP-\d+">\s*<narrative>Chefchaouen/,
      );
      expect(convention).toMatch(
        /<participating-org role="1" type="11" ref="XX-COOP-\d+">\s*<narrative>Dijon/,
      );
      // The convention itself, as the document agreed by all parties.
      expect(convention).toMatch(
        /<document-link url="http:\/\/coop\.test\/conventions\/[^"]+" format="text\/html">[\s\S]*<category code="A09"\/>[\s\S]*<document-date iso-date="2016-06-01"\/>/,
      );
    });

    it('names the partner’s country, a DAC sector and the convention’s axes as sectors', () => {
      const convention = activityOf(xml, `${prefix(fixture.dijon)}-COOP-CONV-${fixture.founding}`);
      const coaching = activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.coaching}`);
      const youth = activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.youth}`);
      expect(convention).toContain('<recipient-country code="MA"/>');
      expect(convention).toContain('<sector vocabulary="1" code="43010" percentage="100"/>');
      const axisSectors = [
        ...convention.matchAll(
          /<sector vocabulary="99" vocabulary-uri="[^"]+" code="AXE-\d+" percentage="([\d.]+)">/g,
        ),
      ];
      expect(axisSectors).toHaveLength(5);
      expect(axisSectors.map(([, percentage]) => Number(percentage)).reduce((a, b) => a + b)).toBe(
        100,
      );
      expect(coaching).toContain('<sector vocabulary="1" code="25030" percentage="100"/>');
      expect(coaching).toContain(`code="AXE-${fixture.axes[0]}" percentage="100"`);
      expect(youth).toContain('<sector vocabulary="1" code="43010" percentage="100"/>');
    });

    it('dates the activities: an action started is actual, one planned is planned only', () => {
      const coaching = activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.coaching}`);
      const youth = activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.youth}`);
      expect(coaching).toContain('<activity-status code="2"/>');
      expect(coaching).toContain('<activity-date type="1" iso-date="2017-03-01"/>');
      expect(coaching).toContain('<activity-date type="2" iso-date="2017-03-01"/>');
      expect(coaching).toContain('<activity-date type="3" iso-date="2018-06-30"/>');
      expect(youth).toContain('<activity-status code="1"/>');
      expect(youth).not.toContain('<activity-date type="2"');
    });

    it('lists funders, implementing partners and associated organisations by their role', () => {
      const coaching = activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.coaching}`);
      const youth = activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.youth}`);
      expect(coaching).toMatch(
        /<participating-org role="1" type="15" ref="FR-6">\s*<narrative>Agence française de développement/,
      );
      expect(coaching).toMatch(
        /<participating-org role="4" type="80">\s*<narrative>Université de Bourgogne/,
      );
      expect(coaching).toMatch(
        /<participating-org role="4" type="22">\s*<narrative>Union des coopératives de Chefchaouen; artisans &amp; tisserands/,
      );
      expect(coaching).toMatch(
        /<participating-org role="4" type="11" ref="XX-COOP-\d+">\s*<narrative>Chefchaouen/,
      );
      // A requested co-funding funds nothing yet.
      expect(youth).not.toContain('Agence française de développement');
    });

    it('keeps every budget period within one year, its start before its end (IATI ruleset)', () => {
      const budgets = [...xml.split('<iati-activity ').slice(1)].flatMap(budgetsOf);
      expect(budgets.length).toBeGreaterThan(0);
      for (const budget of budgets) {
        expect(budget.start < budget.end).toBe(true);
        expect(days(budget.start, budget.end)).toBeLessThan(366);
      }
    });

    it('splits an action’s budget by year, committed once agreed, indicative before', async () => {
      const coaching = budgetsOf(
        activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.coaching}`),
      );
      expect(
        coaching.map((budget) => [budget.start, budget.end, budget.status, budget.currency]),
      ).toEqual([
        ['2017-03-01', '2017-12-31', '2', 'EUR'],
        ['2018-01-01', '2018-06-30', '2', 'EUR'],
      ]);
      // 12 000 EUR spread by days without losing a cent, plus 50 000 MAD of 2017 in EUR.
      const rates = (
        await t.db
          .selectFrom('exchange_rate')
          .selectAll()
          .where((eb) =>
            eb.or([eb('convention_id', '=', fixture.founding), eb('convention_id', 'is', null)]),
          )
          .orderBy('valid_from')
          .execute()
      ).map(rateOf);
      const equipment = unwrap(
        convertMoney(
          { amount: 5_000_000n, currency: currency('MAD') },
          currency('EUR'),
          rates,
          '2017-03-01' as IsoDate,
        ),
      );
      const cents = coaching.reduce(
        (sum, budget) => sum + Math.round(Number(budget.value) * 100),
        0,
      );
      expect(cents).toBe(1_200_000 + Number(equipment.amount));
      const youth = budgetsOf(
        activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.youth}`),
      );
      expect(youth).toEqual([
        { start: '2019-07-01', end: '2019-07-15', status: '1', currency: 'EUR', value: '5000.00' },
      ]);
    });

    it('reports incoming funds, the reporter’s commitment and expenditures, each dated and valued', () => {
      const coaching = activityOf(xml, `${prefix(fixture.dijon)}-COOP-ACT-${fixture.coaching}`);
      const transactions = [
        ...coaching.matchAll(
          /<transaction-type code="(\d+)"\/>\s*<transaction-date iso-date="([\d-]+)"\/>\s*<value currency="(\w+)" value-date="([\d-]+)">([\d.]+)<\/value>/g,
        ),
      ].map(([, type, date, code, valueDate, value]) => ({ type, date, code, valueDate, value }));
      expect(transactions).toEqual([
        { type: '1', date: '2017-06-15', code: 'EUR', valueDate: '2017-06-15', value: '2500.00' },
        // Dijon's cash 6 000 + 10.5 days × 333.33 (3 499.965 → 3 499.96, half to even).
        { type: '2', date: '2017-02-15', code: 'EUR', valueDate: '2017-02-15', value: '9499.96' },
        { type: '4', date: '2017-11-30', code: 'EUR', valueDate: '2017-11-30', value: '4500.50' },
        { type: '4', date: '2017-06-20', code: 'MAD', valueDate: '2017-06-20', value: '48000.00' },
      ]);
      expect(coaching).toMatch(
        /<provider-org ref="FR-6" type="15">\s*<narrative>Agence française de développement/,
      );
    });

    it('gives results only for indicators both parties agreed, with baseline, targets and actuals', () => {
      const convention = activityOf(xml, `${prefix(fixture.dijon)}-COOP-CONV-${fixture.founding}`);
      expect(convention).toContain('<reference vocabulary="99" code="EXP-COOP"/>');
      expect(convention).toContain('<reference vocabulary="99" code="EXP-MISSIONS"/>');
      expect(convention).not.toContain('EXP-PENDING');
      expect(convention).not.toContain('EXP-STALE');
      const cooperatives = convention.slice(convention.indexOf('Coopératives accompagnées'));
      expect(cooperatives).toMatch(/<baseline year="2016" iso-date="2016-06-01" value="0"\/>/);
      expect(cooperatives).toMatch(
        /<period-start iso-date="2017-01-01"\/>\s*<period-end iso-date="2017-12-31"\/>\s*<target value="10"\/>\s*<actual value="8">\s*<comment>\s*<narrative>Mesure de Chefchaouen/,
      );
      const missions = convention.slice(convention.indexOf('Missions réalisées'));
      // Computed from the data (A6): one mission departed in 2017.
      expect(missions).toMatch(/<target value="2"\/>\s*<actual value="1">/);
    });

    it('is published by Chefchaouen in its own name, the partner’s country being France', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const response = await download(
        t.app,
        `/exports/conventions/${encodeGlobalID('Convention', fixture.founding)}/iati.xml`,
        { cookie: chefchaouen },
      );
      const own = await response.text();
      const convention = activityOf(
        own,
        `${prefix(fixture.chefchaouen)}-COOP-CONV-${fixture.founding}`,
      );
      expect(convention).toContain('<recipient-country code="FR"/>');
      expect(convention).toMatch(
        /<reporting-org ref="XX-COOP-\d+" type="11">\s*<narrative>Chefchaouen/,
      );
      if (IATI_SCHEMA_DIR) expect((await validateIati(own)).valid).toBe(true);
    });
  });
}
