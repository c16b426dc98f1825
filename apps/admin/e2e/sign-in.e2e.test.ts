import { expect, it } from 'vitest';
import {
  DEMO,
  describeInBrowser,
  FOUNDING_TITLE,
  MAINZ_TITLE,
  signIn,
  useBrowser,
} from './browser.js';

/** Each city sees the conventions it is party to, every one of them, and nothing else. */
const CASES = [
  {
    city: 'Dijon',
    email: DEMO.dijon,
    name: 'Admin Dijon',
    sees: [FOUNDING_TITLE, MAINZ_TITLE],
    neverSees: [],
  },
  {
    city: 'Chefchaouen',
    email: DEMO.chefchaouen,
    name: 'Admin Chefchaouen',
    sees: [FOUNDING_TITLE],
    neverSees: [MAINZ_TITLE],
  },
  {
    city: 'Mainz',
    email: DEMO.mainz,
    name: 'Admin Mainz',
    sees: [MAINZ_TITLE],
    neverSees: [FOUNDING_TITLE],
  },
];

describeInBrowser('signing in as each demo city', () => {
  const browser = useBrowser();

  for (const { city, email, name, sees, neverSees } of CASES) {
    it(`${city} sees who it is and exactly its own conventions`, async () => {
      const page = await browser.newPage();
      await signIn(page, email);
      const viewer = page.getByTestId('viewer');
      expect(await viewer.textContent()).toBe(`${name}${city}`);

      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Conventions' })
        .click();
      await page.getByRole('heading', { name: 'Conventions', level: 1 }).waitFor();
      const table = page.getByRole('table', { name: 'Conventions de votre collectivité' });
      await table.waitFor();
      const rows = table.locator('tbody tr');
      // Other tests may add conventions to the same database: every row must name the city
      // among its parties, the demo's must all be there, and the others' never.
      const count = await rows.count();
      for (let index = 0; index < count; index++) {
        expect(await rows.nth(index).locator('td').nth(1).textContent()).toContain(city);
      }
      const titles = await table.locator('tbody tr td:first-child').allTextContents();
      for (const title of sees) expect(titles).toContain(title);
      for (const title of neverSees) expect(titles).not.toContain(title);
      expect(await page.getByText('Mayence').count()).toBe(city === 'Chefchaouen' ? 0 : 1);

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
      expect(page.url()).toMatch(/\/sign-in$/);
    });
  }

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

  it('brings a signed-out visitor back to the page asked for after signing in', async () => {
    const page = await browser.newPage();
    await page.goto('/conventions?status=EXPIRING');
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    await page.getByLabel('Adresse électronique').fill(DEMO.dijon);
    await page.getByLabel('Mot de passe').fill('coop-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Conventions', level: 1 }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=EXPIRING');
    await page.getByRole('link', { name: MAINZ_TITLE }).waitFor();
  });
});
