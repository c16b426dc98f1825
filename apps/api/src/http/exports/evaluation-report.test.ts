import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../../test/engines.js';
import { download, seedExportData, type ExportFixture } from '../../../test/fixtures-exports.js';
import { signIn } from '../../../test/graphql-client.js';
import { escapeHtml } from './evaluation-report.js';

const INJECTED = '<img src=x onerror="alert(1)">';

for (const engine of ENGINES) {
  describe(`the printable annual evaluation report on ${engine}`, () => {
    const t = useTestApp(engine);
    let fixture: ExportFixture;
    let dijon: string;
    let chefchaouen: string;
    let mainz: string;
    let path: (year: number | string, conventionId?: number) => string;

    beforeAll(async () => {
      fixture = await seedExportData(t.db);
      dijon = await signIn(t.app, 'admin@dijon.demo');
      chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      mainz = await signIn(t.app, 'admin@mainz.demo');
      path = (year, conventionId = fixture.founding) =>
        `/exports/conventions/${encodeGlobalID('Convention', conventionId)}/evaluations/${year}`;
      // What a party typed, markup included: the page must show it, never run it.
      await t.db
        .updateTable('action')
        .set({ title: `Espace de formation ${INJECTED}` })
        .where('id', '=', fixture.coaching)
        .execute();
      const evaluation = await t.db
        .selectFrom('evaluation')
        .select('id')
        .where('convention_id', '=', fixture.founding)
        .where('scope', '=', 'ANNUAL')
        .where('year', '=', 2017)
        .executeTakeFirst();
      const evaluationId =
        evaluation?.id ??
        (
          await t.db
            .insertInto('evaluation')
            .values({
              convention_id: fixture.founding,
              scope: 'ANNUAL',
              year: 2017,
              term_number: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      // As if approved before reports were frozen at submission: with no frozen report, the page
      // computes it from the data seeded here (schema/evaluation.test.ts checks the frozen one).
      await t.db
        .deleteFrom('evaluation_report')
        .where('evaluation_id', '=', evaluationId)
        .execute();
      await t.db
        .updateTable('evaluation')
        .set({ summary: `Une année de lancement </p><script>alert("x")</script>` })
        .where('id', '=', evaluationId)
        .execute();
      const [economy] = fixture.axes;
      await t.db
        .deleteFrom('evaluation_axis_narrative')
        .where('evaluation_id', '=', evaluationId)
        .where('axis_id', '=', economy ?? 0)
        .execute();
      await t.db
        .insertInto('evaluation_axis_narrative')
        .values({
          evaluation_id: evaluationId,
          axis_id: economy ?? 0,
          narrative: 'Huit coopératives accompagnées & deux ateliers « marketing ».',
        })
        .execute();
    });

    it('is an HTML page of the year: indicators against targets, budget per action and party, narratives', async () => {
      const response = await download(t.app, path(2017), { cookie: chefchaouen });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^inline; filename="convention-de-partenariat-[a-z-]+-evaluation-2017\.html"/,
      );
      const html = await response.text();
      expect(html).toMatch(/^<!doctype html>\n<html lang="fr" dir="ltr">/);
      expect(html).toContain('<title>Évaluation annuelle 2017 — ');
      // The agreed indicator, its 2017 target (10) and Chefchaouen's measurement (8).
      expect(html).toContain(
        '<td>EXP-COOP</td><td>Coopératives accompagnées</td><td>coopératives</td><td>0</td><td>10</td><td>8</td><td>En bonne voie</td>',
      );
      // Not agreed by every party: listed apart, waiting for Chefchaouen.
      expect(html).toContain(
        '<td>EXP-PENDING</td><td>Indicateur en discussion</td><td>Chefchaouen</td>',
      );
      expect(html).toContain('Budget par action');
      expect(html).toContain('<td>Dijon</td><td>17999,96 EUR</td>');
      expect(html).toMatch(/<tfoot><tr><td>Total<\/td><td><\/td><td><\/td><td>\d+,\d\d EUR<\/td>/);
      expect(html).toContain('Approuvée — Communiquée le 2018-03-26 (Conseil municipal de Dijon)');
      expect(html).toContain('Huit coopératives accompagnées &amp; deux ateliers « marketing ».');
      // Nothing of the Dijon–Mainz convention.
      expect(html).not.toContain('Mainz');
    });

    it('escapes every value: markup typed by a party is shown, never run', async () => {
      const html = await (await download(t.app, path(2017), { cookie: dijon })).text();
      expect(html).not.toContain(INJECTED);
      expect(html).not.toContain('<script>');
      expect(html).toContain(escapeHtml(INJECTED));
      expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
    });

    it('speaks English, and Arabic right to left', async () => {
      const english = await (
        await download(t.app, `${path(2017)}?lang=en`, { cookie: dijon })
      ).text();
      expect(english).toMatch(/<html lang="en" dir="ltr">/);
      expect(english).toContain('Annual evaluation 2017');
      const arabic = await (
        await download(t.app, `${path(2017)}?lang=ar`, { cookie: chefchaouen })
      ).text();
      expect(arabic).toMatch(/<html lang="ar" dir="rtl">/);
      expect(arabic).toContain('التقييم السنوي 2017');
    });

    it('answers 404 alike for another tenant’s convention, a missing one, and a year outside the term', async () => {
      const answers = await Promise.all([
        download(t.app, path(2017), { cookie: mainz }),
        download(t.app, path(2017, 424242), { cookie: dijon }),
        download(t.app, path(2150), { cookie: dijon }),
        download(t.app, path('deux-mille'), { cookie: dijon }),
        download(t.app, '/exports/conventions/not-an-id/evaluations/2017', { cookie: dijon }),
      ]);
      const bodies = await Promise.all(answers.map((response) => response.text()));
      expect(answers.map((response) => response.status)).toEqual([404, 404, 404, 404, 404]);
      expect(new Set(bodies).size).toBe(1);
      // Mainz sees its own convention's report.
      const own = await download(t.app, path(2024, fixture.mainzConvention), { cookie: mainz });
      expect(own.status).toBe(200);
    });

    it('needs a sign-in and a GET', async () => {
      expect((await download(t.app, path(2017))).status).toBe(401);
      expect((await download(t.app, path(2017), { cookie: dijon, method: 'POST' })).status).toBe(
        405,
      );
    });
  });
}
