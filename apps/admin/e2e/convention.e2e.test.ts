import { expect, it } from 'vitest';
import { describeInBrowser, signIn, useBrowser } from './browser.js';

describeInBrowser('a Chefchaouen officer in the browser', () => {
  const browser = useBrowser();

  it('signs in and reads the founding convention, and never sees Dijon’s convention with Mainz', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@chefchaouen.demo');
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count()).toBe(2); // the header and one convention
    expect(await page.getByText('Mayence').count()).toBe(0);

    await page.getByRole('link', { name: /Ville de Dijon et la Ville de Chefchaouen/ }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();
    const parties = page.getByRole('region', { name: 'Parties' });
    await expect
      .poll(() => parties.textContent())
      .toContain('François Rebsamen, Maire en exercice');
    expect(await parties.textContent()).toContain('Conseil municipal du 21 mars 2016');
    expect(await parties.textContent()).toContain('Mohamed Sefiani');
    const axes = page
      .getByRole('region', { name: 'Axes d’orientation (article 2)' })
      .getByRole('listitem');
    expect(await axes.count()).toBe(5);
    expect(await axes.nth(3).textContent()).toContain('Education et jeunesse');
    expect(await page.getByText('Signée le 1 juin 2016').count()).toBe(1);
    expect(await page.getByText('En 6 exemplaires originaux.').count()).toBe(1);
  });

  it('refuses a wrong password with a clear message and keeps what was typed', async () => {
    const page = await browser.newPage();
    await page.goto('/');
    await page.getByLabel('Adresse électronique').fill('admin@dijon.demo');
    await page.getByLabel('Mot de passe').fill('wrong');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'L’adresse ou le mot de passe n’est pas correct.',
    );
    expect(await page.getByLabel('Adresse électronique').inputValue()).toBe('admin@dijon.demo');
  });
});
