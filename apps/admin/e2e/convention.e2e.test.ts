import { expect, it } from 'vitest';
import {
  DEMO,
  describeInBrowser,
  FOUNDING_TITLE,
  MAINZ_TITLE,
  openConvention,
  signIn,
  useBrowser,
} from './browser.js';

describeInBrowser('the convention page', () => {
  const browser = useBrowser();

  it('shows Chefchaouen the founding convention as written: parties, signature, terms, axes', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    await openConvention(page, FOUNDING_TITLE);
    const parties = page.getByRole('region', { name: 'Parties' });
    await expect
      .poll(() => parties.textContent())
      .toContain('François Rebsamen, Maire en exercice');
    expect(await parties.textContent()).toContain('Conseil municipal du 21 mars 2016');
    expect(await parties.textContent()).toContain('Mohamed Sefiani');
    // The axes themselves, not the actions each lists under it.
    const axes = page
      .getByRole('region', { name: 'Axes d’orientation (article 2)' })
      .locator('ol.axes > li');
    expect(await axes.count()).toBe(5);
    expect(await axes.nth(3).textContent()).toContain('Education et jeunesse');
    // The founding axes 2016–2020 no longer orient the third term: flagged by the domain's rule.
    expect(await axes.nth(0).textContent()).toContain('à redéfinir');
    expect(await page.getByText('Signée le 1 juin 2016').count()).toBe(1);
    expect(await page.getByText('En 6 exemplaires originaux.').count()).toBe(1);
    const term = page.getByRole('region', { name: 'Durée (article 7)' });
    expect(await term.getByRole('listitem').allTextContents()).toEqual([
      'Période 1 : du 1 juin 2016 au 31 mai 2021',
      'Période 2 : du 1 juin 2021 au 31 mai 2026',
      'Période 3 : du 1 juin 2026 au 31 mai 2031',
    ]);
    const deliberations = page.getByRole('region', { name: 'Délibérations' });
    expect(await deliberations.locator('tbody tr').count()).toBe(5);
    expect(await deliberations.textContent()).toContain('Conseil communal');
  });

  it('shows Dijon why the Mainz convention cannot be renewed yet, blocker by blocker', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await openConvention(page, MAINZ_TITLE);
    expect(await page.getByText('Arrive à échéance', { exact: true }).count()).toBeGreaterThan(0);
    const renewal = page.getByRole('region', { name: 'Renouvellement (article 7)' });
    const blockers = renewal
      .getByRole('list', { name: 'Conditions à remplir' })
      .getByRole('listitem');
    const texts = await blockers.allTextContents();
    expect(texts).toContain(
      'Dijon n’a pas délibéré sur le renouvellement pendant la période en cours.',
    );
    expect(texts).toContain(
      'Mainz n’a pas délibéré sur le renouvellement pendant la période en cours.',
    );
    expect(await renewal.getByRole('button', { name: 'Renouveler la convention' }).count()).toBe(0);
    expect(await renewal.textContent()).toContain('Un renouvellement ouvrirait la période 2');

    // The dashboard says the same, in its list of what falls due.
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    // Its renewal window, among its other deadlines (evaluations due, missions).
    const renewalDue = page
      .getByRole('region', { name: 'À venir' })
      .locator('li.deadline-renewal_open', { has: page.getByRole('link', { name: MAINZ_TITLE }) });
    await renewalDue.waitFor();
    expect(await renewalDue.textContent()).toContain('le renouvellement est à délibérer');
  });

  it('filters the list, and the URL carries the filters to share them', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await page.goto('/conventions');
    await page.getByRole('link', { name: MAINZ_TITLE }).waitFor();
    await page.getByLabel('Pays partenaire').selectOption('MA');
    await expect.poll(() => new URL(page.url()).search).toBe('?country=MA');
    await expect.poll(() => page.getByRole('link', { name: MAINZ_TITLE }).count()).toBe(0);
    await page.getByRole('link', { name: FOUNDING_TITLE }).waitFor();

    await page.getByLabel('Pays partenaire').selectOption('');
    await page.getByRole('checkbox', { name: 'Arrive à échéance' }).check();
    await page.getByLabel('Axe contient').fill('jeunesse');
    await expect.poll(() => new URL(page.url()).search).toBe('?status=EXPIRING&axis=jeunesse');
    await page.getByRole('link', { name: MAINZ_TITLE }).waitFor();
    expect(await page.getByRole('link', { name: FOUNDING_TITLE }).count()).toBe(0);

    // The same URL opened elsewhere shows the same list, with its filters filled in.
    const shared = await browser.newPage();
    await signIn(shared, DEMO.dijon);
    await shared.goto('/conventions?status=EXPIRING&axis=jeunesse');
    await shared.getByRole('link', { name: MAINZ_TITLE }).waitFor();
    expect(await shared.getByLabel('Axe contient').inputValue()).toBe('jeunesse');
    expect(await shared.getByRole('checkbox', { name: 'Arrive à échéance' }).isChecked()).toBe(
      true,
    );
    expect(await shared.getByText('1 convention', { exact: true }).count()).toBe(1);

    await shared.getByLabel('Intitulé contient').fill('nothing like this');
    await shared.getByText('Aucune convention ne correspond à ces filtres.').waitFor();
  });
});
