import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO, describeInBrowser, screenshot, signIn, uniqueTitle, useBrowser } from './browser.js';

/** Creates a convention of Dijon with Chefchaouen through the form; returns its page's URL. */
async function createConvention(page: Page, title: string): Promise<string> {
  await page.goto('/conventions/new');
  await page.getByRole('heading', { name: 'Nouvelle convention', level: 1 }).waitFor();
  await page.getByLabel('Intitulé', { exact: true }).fill(title);
  await page.getByLabel('Nom du signataire').fill('Nathalie Koenders');
  await page.getByLabel('Qualité', { exact: true }).fill('Maire en exercice');
  await page.getByLabel('Chercher une collectivité partenaire').fill('chef');
  await page.getByRole('button', { name: 'Ajouter Chefchaouen' }).click();
  await page.getByLabel('Signataire pour Chefchaouen', { exact: true }).fill('Mohamed Sefiani');
  await page
    .getByLabel('Qualité du signataire pour Chefchaouen')
    .fill('Président du Conseil communal');
  await page.getByLabel('Objet (article 1)').fill('Échanges entre les services des deux villes.');
  await page.getByRole('button', { name: 'Créer la convention' }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  return page.url();
}

describeInBrowser('editing conventions', () => {
  const browser = useBrowser();

  it('creates a convention, keeps the typed form when the server refuses, then signs it', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    const title = uniqueTitle('Convention test Dijon – Chefchaouen');

    // No partner yet: the server's refusal lands on the partner field, and nothing typed is lost.
    await page.goto('/conventions/new');
    await page.getByLabel('Intitulé', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Créer la convention' }).click();
    const partnerField = page.getByLabel('Chercher une collectivité partenaire');
    await expect.poll(() => partnerField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Ce champ est obligatoire.').count()).toBe(1);
    expect(await page.getByLabel('Intitulé', { exact: true }).inputValue()).toBe(title);

    const url = await createConvention(page, title);
    expect(await page.getByText('Projet', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Pas encore signée').count()).toBe(1);

    await page.getByRole('button', { name: 'Enregistrer la signature' }).click();
    await page.getByLabel('Lieu').fill('Chefchaouen');
    await page.getByLabel('Date de signature').fill('2026-10-15');
    await page.getByLabel('Nombre d’exemplaires originaux').fill('4');
    // The domain computes the term while the user types (A7: five years less a day).
    await expect
      .poll(() => page.getByTestId('term-preview').textContent())
      .toContain('Première période : du 15 octobre 2026 au 14 octobre 2031');
    expect(await page.getByTestId('term-preview').textContent()).toContain('En vigueur');
    await page.getByRole('button', { name: 'Enregistrer la signature' }).last().click();
    await page.getByText('Signée à Chefchaouen le 15 octobre 2026').waitFor();
    expect(await page.getByText('En 4 exemplaires originaux.').count()).toBe(1);
    expect(await page.getByText('En vigueur', { exact: true }).count()).toBe(1);
    expect(page.url()).toBe(url);

    // The audit trail tells the story, newest first, with before and after.
    await page.getByRole('link', { name: 'Journal des modifications' }).click();
    await page.getByRole('heading', { name: 'Journal des modifications', level: 1 }).waitFor();
    const entries = page.locator('.audit-entry');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.nth(0).textContent()).toContain('Enregistrement de la signature');
    const signatureRow = entries.nth(0).getByRole('row', { name: /Date de signature/ });
    expect(await signatureRow.textContent()).toContain('2026-10-15');
    expect(await entries.nth(1).textContent()).toContain('Création de la convention');
    expect(await entries.nth(1).textContent()).toContain(
      'par Admin Dijon (admin@dijon.demo), Dijon',
    );
  });

  it('tells the slower of two tabs that the convention changed, and keeps its typed text to reapply', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await signIn(first, DEMO.dijon);
    const title = uniqueTitle('Convention en conflit');
    const url = await createConvention(first, title);
    const second = await context.newPage();

    await first.goto(`${url}/edit`);
    await second.goto(`${url}/edit`);
    await first.getByLabel('Intitulé', { exact: true }).waitFor();
    await second.getByLabel('Intitulé', { exact: true }).waitFor();

    await first.getByLabel('Objet (article 1)').fill('Objet revu par le premier onglet.');
    await first.getByRole('button', { name: 'Enregistrer' }).click();
    await first.getByRole('heading', { name: title, level: 1 }).waitFor();

    const typed = `${title} (titre du second onglet)`;
    await second.getByLabel('Intitulé', { exact: true }).fill(typed);
    await second.getByRole('button', { name: 'Enregistrer' }).click();
    const alert = second.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Quelqu’un d’autre a modifié cet élément depuis que vous l’avez ouvert.',
    );
    expect(await second.getByLabel('Intitulé', { exact: true }).inputValue()).toBe(typed);
    await screenshot(second, 'conflict');

    await second.getByRole('button', { name: 'Charger la dernière version' }).click();
    await second
      .getByText('La dernière version est chargée et vos saisies sont conservées.', {
        exact: false,
      })
      .waitFor();
    // Untouched fields now show the other tab's change; the typed title is still there.
    expect(await second.getByLabel('Objet (article 1)').inputValue()).toBe(
      'Objet revu par le premier onglet.',
    );
    expect(await second.getByLabel('Intitulé', { exact: true }).inputValue()).toBe(typed);
    await second.getByRole('button', { name: 'Enregistrer' }).click();
    await second.getByRole('heading', { name: typed, level: 1 }).waitFor();
    expect(await second.getByText('Objet revu par le premier onglet.').count()).toBe(1);
    await context.close();
  });

  it('records a deliberation, showing the server’s refusal on the field it concerns', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await createConvention(page, uniqueTitle('Convention à délibérer'));
    const section = page.getByRole('region', { name: 'Délibérations' });
    await section.getByRole('button', { name: 'Enregistrer une délibération' }).click();
    await section.getByLabel('Partie').selectOption({ label: 'Chefchaouen' });
    await section.getByLabel('Date').fill('2026-09-14');
    await section.getByLabel('Référence').fill('2026/09/14-03');
    await section.getByLabel('Objet').fill('Autorisation de signer la convention avec Dijon');
    // The body is left blank: the server refuses, and says so on that field.
    await section.getByRole('button', { name: 'Enregistrer la délibération' }).click();
    const body = section.getByLabel('Instance');
    await expect.poll(() => body.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await body.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(`[id="${describedBy.split(' ').at(-1)}"]`);
    expect(await error.textContent()).toBe('Ce champ est obligatoire.');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('body');
    expect(await section.getByLabel('Référence').inputValue()).toBe('2026/09/14-03');
    expect(await section.getByLabel('Objet').inputValue()).toBe(
      'Autorisation de signer la convention avec Dijon',
    );

    await body.fill('Conseil communal');
    await section.getByRole('button', { name: 'Enregistrer la délibération' }).click();
    await section.getByText('La délibération est enregistrée.').waitFor();
    const row = section.locator('tbody tr').first();
    expect(await row.textContent()).toContain('14 septembre 2026');
    expect(await row.textContent()).toContain('Conseil communal');
    expect(await row.textContent()).toContain('Autorisation de signer');
    // It authorises Chefchaouen's signature, so the party's card says so.
    const parties = page.getByRole('region', { name: 'Parties' });
    await expect
      .poll(() => parties.textContent())
      .toContain('Conseil communal du 14 septembre 2026');
  });

  it('adds an axis and warns while typing when its period is reversed', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await createConvention(page, uniqueTitle('Convention à axes'));
    const axes = page.getByRole('region', { name: 'Axes d’orientation (article 2)' });
    await axes.getByRole('button', { name: 'Ajouter un axe' }).click();
    await axes.getByLabel('Intitulé de l’axe').fill('Jeunesse et sport');
    await axes.getByLabel('Début de la période').fill('2027-01-01');
    await axes.getByLabel('Fin de la période').fill('2026-01-01');
    await axes.getByText('La période de l’axe se termine avant de commencer.').waitFor();
    await axes.getByLabel('Fin de la période').fill('2030-12-31');
    await axes.getByRole('button', { name: 'Enregistrer' }).click();
    await axes.getByRole('heading', { name: 'Jeunesse et sport', level: 3 }).waitFor();
    expect(await axes.textContent()).toContain('2027 – 2030');
  });
});
