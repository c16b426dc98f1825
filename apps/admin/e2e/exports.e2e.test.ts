import { expect, it } from 'vitest';
import {
  DEMO,
  describeInBrowser,
  FOUNDING_TITLE,
  openConvention,
  signIn,
  useBrowser,
} from './browser.js';

describeInBrowser('exports, one click from their screen', () => {
  const browser = useBrowser();

  it('downloads the convention’s IATI XML and CSVs with the session, and the APD declaration', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await openConvention(page, FOUNDING_TITLE);
    const downloads = page.getByRole('region', { name: 'Téléchargements' });
    const files = [
      ['Activités IATI (XML)', 'application/xml', '<iati-activities'],
      ['Budgets des actions (CSV)', 'text/csv', 'action_id;action_title;row_type'],
      ['Mesures des indicateurs (CSV)', 'text/csv', 'indicator_id;indicator_code'],
    ] as const;
    for (const [name, type, start] of files) {
      const href = await downloads.getByRole('link', { name }).getAttribute('href');
      expect(href).toMatch(
        /^\/exports\/conventions\/[^/]+\/(iati\.xml|budget\.csv|measurements\.csv)$/,
      );
      // The same request the link makes: same origin, the session cookie signs it in.
      const response = await page.request.get(href ?? '');
      expect(response.status(), name).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="/);
      expect(await response.text()).toContain(start);
    }

    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByLabel('Année de la déclaration APD').selectOption('2020');
    const apd = page.getByRole('link', { name: 'Télécharger la déclaration APD 2020 (CSV)' });
    const apdHref = await apd.getAttribute('href');
    expect(apdHref).toMatch(/^\/exports\/collectivities\/[^/]+\/apd\/2020\.csv$/);
    const response = await page.request.get(apdHref ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');

    // Signed out, the same address answers 401: the link works only with the session.
    const stranger = await browser.newContext();
    expect((await stranger.request.get(apdHref ?? '')).status()).toBe(401);
    await stranger.close();
  });

  it('creates a calendar feed whose secret address is shown once and serves the deadlines', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    await page.goto('/account');
    const calendar = page.getByRole('region', { name: 'Agenda des échéances' });
    await calendar.getByText('Aucun agenda n’est encore abonné.').waitFor();
    await calendar.getByRole('button', { name: 'Créer une adresse d’agenda' }).click();
    await calendar.getByLabel('Nom').fill('Agenda de la division de la coopération');
    await calendar.getByRole('button', { name: 'Créer l’adresse' }).click();
    const secret = calendar.getByLabel('Adresse à laquelle s’abonner');
    await secret.waitFor();
    const url = await secret.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/coopc_[^/]+\.ics$/);
    await calendar
      .getByRole('cell', { name: 'Agenda de la division de la coopération', exact: true })
      .waitFor();

    // The address alone is the credential: no session needed.
    const stranger = await browser.newContext();
    const feed = await stranger.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    // Shown once: gone after "copied", and never again after a reload.
    await calendar.getByRole('button', { name: 'J’ai copié l’adresse' }).click();
    expect(await calendar.getByLabel('Adresse à laquelle s’abonner').count()).toBe(0);
    await page.reload();
    await calendar
      .getByRole('cell', { name: 'Agenda de la division de la coopération', exact: true })
      .waitFor();
    expect(await page.locator('main').textContent()).not.toContain('coopc_');

    // Revoked, the address answers as any unknown one.
    await calendar
      .getByRole('button', { name: 'Révoquer « Agenda de la division de la coopération »' })
      .click();
    await calendar
      .getByRole('button', {
        name: 'Confirmer la révocation de « Agenda de la division de la coopération »',
      })
      .click();
    await calendar
      .getByText('L’adresse « Agenda de la division de la coopération » est révoquée.')
      .waitFor();
    expect((await stranger.request.get(url)).status()).toBe(404);
    await stranger.close();
  });
});
