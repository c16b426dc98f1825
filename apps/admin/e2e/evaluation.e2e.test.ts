import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  DEMO,
  describeInBrowser,
  FOUNDING_TITLE,
  openConvention,
  signIn,
  useBrowser,
} from './browser.js';

/** The founding convention's evaluations page. */
async function openEvaluations(page: Page): Promise<void> {
  await openConvention(page, FOUNDING_TITLE);
  await page
    .getByRole('navigation', { name: 'Programme de la convention' })
    .getByRole('link', { name: /^Évaluations/ })
    .click();
  await page.getByRole('heading', { name: 'Évaluations', level: 1 }).waitFor();
}

describeInBrowser('an annual evaluation', () => {
  const browser = useBrowser();

  it('is written, submitted, approved by both parties, and printed', async () => {
    const dijon = await browser.newPage();
    await signIn(dijon, DEMO.dijon);
    await openEvaluations(dijon);
    // 2020 has no evaluation in the demo (2017–2019 do).
    await dijon.getByRole('button', { name: 'Nouvelle évaluation' }).click();
    await dijon.getByLabel('Type').selectOption('ANNUAL');
    await dijon.getByLabel('Année évaluée').selectOption('2020');
    await dijon.getByRole('button', { name: 'Ouvrir l’évaluation' }).click();
    await dijon.getByRole('heading', { name: 'Évaluation annuelle 2020', level: 1 }).waitFor();
    const evaluationPath = new URL(dijon.url()).pathname;

    // A draft cannot be approved: it must be submitted first.
    await dijon.getByText('En rédaction', { exact: true }).first().waitFor();
    const approve = dijon.getByRole('button', { name: /au nom de Dijon$/ });
    expect(await approve.isDisabled()).toBe(true);
    expect(await dijon.locator('section.approval').textContent()).toContain(
      'L’évaluation doit d’abord être soumise aux parties.',
    );
    // A draft's figures follow the data; submitted, they are frozen as the parties approve them.
    expect(await dijon.locator('main').textContent()).toContain(
      'Brouillon : les chiffres suivent les données telles qu’elles sont',
    );

    await dijon.getByRole('button', { name: 'Rédiger la synthèse et les bilans par axe' }).click();
    await dijon
      .getByRole('textbox', { name: 'Synthèse' })
      .fill('Année marquée par la crise sanitaire : résidences reportées, échanges à distance.');
    await dijon.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dijon.getByText('La rédaction est enregistrée.').waitFor();
    await expect
      .poll(() => dijon.locator('main').textContent())
      .toContain('Année marquée par la crise sanitaire');

    await dijon.getByRole('button', { name: 'Soumettre aux parties' }).click();
    await dijon.getByText('Soumise aux parties', { exact: true }).first().waitFor();
    await dijon.getByText('Chiffres tels que soumis', { exact: false }).waitFor();
    await expect.poll(() => approve.isEnabled()).toBe(true);
    await approve.click();
    await expect
      .poll(() => dijon.locator('section.approval').getByRole('status').textContent())
      .toContain('en attente de l’approbation de Chefchaouen');

    const chefchaouen = await browser.newPage();
    await signIn(chefchaouen, DEMO.chefchaouen);
    await chefchaouen.goto(evaluationPath);
    await chefchaouen
      .getByRole('heading', { name: 'Évaluation annuelle 2020', level: 1 })
      .waitFor();
    await chefchaouen.getByRole('button', { name: /au nom de Chefchaouen$/ }).click();
    await expect
      .poll(() => chefchaouen.locator('section.approval').getAttribute('data-state'))
      .toBe('AGREED');
    await chefchaouen.getByText('Approuvée', { exact: true }).first().waitFor();
    expect(await chefchaouen.locator('main').textContent()).toContain(
      'L’évaluation est approuvée par toutes les parties : elle ne change plus.',
    );

    // Printing: the app's print view, and the server's report of the year to file.
    const conventionPath = await chefchaouen
      .getByRole('navigation', { name: 'Fil d’Ariane' })
      .getByRole('link', { name: FOUNDING_TITLE })
      .getAttribute('href');
    const report = chefchaouen.getByRole('link', { name: 'Rapport à transmettre (fichier)' });
    expect(await report.getAttribute('href')).toBe(`/exports${conventionPath}/evaluations/2020`);
    await chefchaouen.getByRole('link', { name: 'Version imprimable' }).click();
    await chefchaouen
      .getByRole('heading', { name: 'Évaluation annuelle 2020', level: 1 })
      .waitFor();
    expect(await chefchaouen.getByRole('button', { name: 'Imprimer' }).count()).toBe(1);
    expect(await chefchaouen.locator('main').textContent()).toContain(
      'Approuvée par Dijon et Chefchaouen.',
    );
    expect(await chefchaouen.locator('main').textContent()).toContain(
      'Année marquée par la crise sanitaire',
    );
  });
});
