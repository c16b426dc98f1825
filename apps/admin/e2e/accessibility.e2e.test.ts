import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  DEMO,
  describeInBrowser,
  expectNoSeriousViolations,
  FOUNDING_TITLE,
  MAINZ_TITLE,
  openConvention,
  screenshot,
  signIn,
  useBrowser,
} from './browser.js';

const YOUTH_EXCHANGE = 'Échange de jeunes « Regards croisés » Dijon – Chefchaouen';
const YOUTH_INDICATOR = 'Jeunes ayant participé à un échange';

/**
 * Opens every disclosure of the page, so that axe also checks the forms behind them. A section
 * that opens one form at a time (a mission's costs) closes the previous one as the next opens:
 * each pass clicks every closed button once, and passes stop when they open nothing more.
 */
async function openAllForms(page: Page): Promise<void> {
  const closed = page.locator('button[aria-expanded="false"]');
  let before = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 5; pass++) {
    const count = await closed.count();
    if (count === 0 || count >= before) return;
    before = count;
    for (let index = count - 1; index >= 0; index--) {
      const toggle = closed.nth(index);
      if ((await toggle.count()) > 0) await toggle.click();
    }
  }
}

describeInBrowser('every screen, checked by axe-core (no serious or critical violation)', () => {
  const browser = useBrowser();

  it('the sign-in screen, with and without an error', async () => {
    const page = await browser.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    await screenshot(page, 'sign-in');
    await expectNoSeriousViolations(page, 'sign-in');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoSeriousViolations(page, 'sign-in with errors');
  });

  it('the dashboard, the conventions list, a convention and its forms, in French', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await page.locator('.timeline svg[role="img"]').waitFor();
    await screenshot(page, 'dashboard');
    await expectNoSeriousViolations(page, 'dashboard');

    await page.goto('/conventions');
    await page.getByRole('link', { name: MAINZ_TITLE }).waitFor();
    await screenshot(page, 'conventions');
    await expectNoSeriousViolations(page, 'conventions');
    await page.goto('/conventions?q=nothing-matches-this');
    await page.getByText('Aucune convention ne correspond à ces filtres.').waitFor();
    await expectNoSeriousViolations(page, 'conventions, empty');

    await openConvention(page, FOUNDING_TITLE);
    await screenshot(page, 'convention');
    await expectNoSeriousViolations(page, 'convention');
    await openAllForms(page);
    await expectNoSeriousViolations(page, 'convention with its forms open');
    const deliberations = page.getByRole('region', { name: 'Délibérations' });
    await deliberations.getByRole('button', { name: 'Enregistrer la délibération' }).click();
    await deliberations.getByText('Ce champ est obligatoire.').first().waitFor();
    await expectNoSeriousViolations(page, 'convention with a refused form');

    await page.getByRole('link', { name: 'Modifier la convention' }).click();
    await page.getByRole('heading', { name: 'Modifier la convention', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'edit convention');

    await page.goto('/conventions/new');
    await page.getByLabel('Chercher une collectivité partenaire').fill('ma');
    await page.getByRole('button', { name: 'Ajouter Mainz' }).waitFor();
    await expectNoSeriousViolations(page, 'new convention');

    await openConvention(page, MAINZ_TITLE);
    await page.getByRole('link', { name: 'Journal des modifications' }).click();
    await page.getByRole('heading', { name: 'Journal des modifications', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'audit trail');

    await page.goto('/account');
    await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'my account');

    await page.goto('/nowhere');
    await page.getByRole('heading', { name: 'Page introuvable', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'not found');
  });

  /** Signs Dijon in and opens one part of the founding convention's programme. */
  async function openProgramme(part: RegExp): Promise<Page> {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await openConvention(page, FOUNDING_TITLE);
    await page
      .getByRole('navigation', { name: 'Programme de la convention' })
      .getByRole('link', { name: part })
      .click();
    return page;
  }

  it('the actions, an action, and its budget editor with a preview', async () => {
    const page = await openProgramme(/^Actions/);
    await page.getByRole('heading', { name: 'Actions', level: 1 }).waitFor();
    await page.getByRole('link', { name: YOUTH_EXCHANGE }).waitFor();
    await expectNoSeriousViolations(page, 'actions');
    await page.getByRole('link', { name: YOUTH_EXCHANGE }).click();
    await page.getByRole('heading', { name: YOUTH_EXCHANGE, level: 1 }).waitFor();
    await page.getByTestId('budget-figures').waitFor();
    await screenshot(page, 'action');
    await expectNoSeriousViolations(page, 'action');
    // The budget editor with a line being typed: the preview, totals and violations live.
    await page.getByRole('button', { name: 'Ajouter une dépense' }).click();
    await page.getByLabel('Libellé').fill('Tirages photographiques de l’exposition');
    await page.getByLabel('Montant').fill('850');
    await expect
      .poll(() => page.getByTestId('budget-figures').getAttribute('data-source'))
      .toBe('preview');
    await page.evaluate(() => document.getElementById('budget-heading')?.scrollIntoView());
    await screenshot(page, 'budget');
    await expectNoSeriousViolations(page, 'budget editor with a preview');
    await openAllForms(page);
    await expectNoSeriousViolations(page, 'action with every form open');
  });

  it('the missions, and a mission with its costs and their split', async () => {
    const page = await openProgramme(/^Missions/);
    await page.getByRole('heading', { name: 'Missions', level: 1 }).waitFor();
    const firstMission = page.locator('main table tbody a').first();
    await firstMission.waitFor();
    await expectNoSeriousViolations(page, 'missions');
    await openAllForms(page);
    await expectNoSeriousViolations(page, 'missions with the new mission form');
    await firstMission.click();
    await page.getByTestId('cost-split').waitFor();
    await screenshot(page, 'mission');
    await expectNoSeriousViolations(page, 'mission');
    await page.getByRole('button', { name: 'Ajouter un coût' }).click();
    await page.getByLabel('Montant').fill('120');
    await expectNoSeriousViolations(page, 'mission with a cost being typed');
    await openAllForms(page);
    await expectNoSeriousViolations(page, 'mission with every form open');
  });

  it('the indicators, and an indicator with its progress chart', async () => {
    const page = await openProgramme(/^Indicateurs/);
    await page.getByRole('heading', { name: 'Indicateurs', level: 1 }).waitFor();
    await page.getByRole('link', { name: YOUTH_INDICATOR }).waitFor();
    await expectNoSeriousViolations(page, 'indicators');
    await page.getByRole('link', { name: YOUTH_INDICATOR }).click();
    await page.locator('.progress-chart svg[role="img"]').waitFor();
    await screenshot(page, 'indicator');
    await expectNoSeriousViolations(page, 'indicator');
    await openAllForms(page);
    await expectNoSeriousViolations(page, 'indicator with every form open');
  });

  it('the evaluations, an evaluation, its report, and a calendar feed’s address', async () => {
    const page = await openProgramme(/^Évaluations/);
    await page.getByRole('heading', { name: 'Évaluations', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Évaluation annuelle 2019' }).waitFor();
    await expectNoSeriousViolations(page, 'evaluations');
    await openAllForms(page);
    await expectNoSeriousViolations(page, 'evaluations with the new evaluation form');
    await page.getByRole('link', { name: 'Évaluation annuelle 2019' }).click();
    await page.getByRole('heading', { name: 'Évaluation annuelle 2019', level: 1 }).waitFor();
    await screenshot(page, 'evaluation');
    await expectNoSeriousViolations(page, 'evaluation');
    await openAllForms(page);
    await expectNoSeriousViolations(page, 'evaluation with every form open');
    await page.getByRole('link', { name: 'Version imprimable' }).click();
    await page.getByRole('button', { name: 'Imprimer' }).waitFor();
    await screenshot(page, 'evaluation-report');
    await expectNoSeriousViolations(page, 'evaluation report');

    await page.goto('/account');
    await page.getByRole('button', { name: 'Créer une adresse d’agenda' }).click();
    await page
      .getByLabel('Nom', { exact: true })
      .fill('Agenda du service des relations internationales');
    await page.getByRole('button', { name: 'Créer l’adresse' }).click();
    await page.getByLabel('Adresse à laquelle s’abonner').waitFor();
    await expectNoSeriousViolations(page, 'my account with a calendar feed’s address shown');
  });

  it('the administration, with its forms and a token’s secret shown', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.mainz);
    await page.goto('/administration');
    await page.getByRole('cell', { name: 'admin@mainz.demo' }).waitFor();
    const tokens = page.getByRole('region', { name: 'Jetons d’API' });
    await tokens.getByRole('button', { name: 'Créer un jeton' }).click();
    await tokens.getByLabel('Nom').fill('Outil de reporting de Mayence');
    await tokens.getByRole('button', { name: 'Créer le jeton' }).click();
    await tokens.getByLabel('Secret du jeton').waitFor();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'administration');
    await expectNoSeriousViolations(page, 'administration with a secret');
    await openAllForms(page);
    await expectNoSeriousViolations(page, 'administration with its forms open');
  });

  it('the main screens in Arabic, right to left', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    await page.goto('/?lang=ar');
    await page.getByRole('heading', { name: 'لوحة القيادة', level: 1 }).waitFor();
    await page.locator('.timeline svg[role="img"]').waitFor();
    await screenshot(page, 'dashboard-ar');
    await expectNoSeriousViolations(page, 'dashboard in Arabic');

    await page.goto('/conventions');
    await page.getByRole('link', { name: FOUNDING_TITLE }).click();
    await page.getByRole('heading', { name: 'الأطراف', level: 2 }).waitFor();
    await screenshot(page, 'convention-ar');
    await expectNoSeriousViolations(page, 'convention in Arabic');

    await page.goto('/conventions');
    await page.getByRole('link', { name: FOUNDING_TITLE }).waitFor();
    await expectNoSeriousViolations(page, 'conventions in Arabic');
    await page.goto('/administration');
    await page.getByRole('cell', { name: 'admin@chefchaouen.demo' }).waitFor();
    await expectNoSeriousViolations(page, 'administration in Arabic');
  });

  it('the programme’s screens in Arabic, right to left', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    await openConvention(page, FOUNDING_TITLE);
    const convention = new URL(page.url()).pathname;
    await page.getByRole('link', { name: YOUTH_EXCHANGE }).first().click();
    await page.getByTestId('budget-figures').waitFor();
    await page.goto(`${new URL(page.url()).pathname}?lang=ar`);
    await page.getByRole('heading', { name: YOUTH_EXCHANGE, level: 1 }).waitFor();
    await page.getByTestId('budget-figures').waitFor();
    await page.evaluate(() => document.getElementById('budget-heading')?.scrollIntoView());
    await screenshot(page, 'budget-ar');
    await expectNoSeriousViolations(page, 'action and budget in Arabic');

    await page.goto(`${convention}/indicators`);
    await page.getByRole('link', { name: YOUTH_INDICATOR }).click();
    await page.locator('.progress-chart svg[role="img"]').waitFor();
    await page.evaluate(() => document.getElementById('progress-heading')?.scrollIntoView());
    await screenshot(page, 'indicator-ar');
    await expectNoSeriousViolations(page, 'indicator in Arabic');

    await page.goto(`${convention}/missions`);
    await page.locator('main table tbody a').first().click();
    await page.getByTestId('cost-split').waitFor();
    await expectNoSeriousViolations(page, 'mission in Arabic');

    await page.goto(`${convention}/evaluations`);
    await page.locator('main table tbody a').first().click();
    await page.locator('section.approval').waitFor();
    await expectNoSeriousViolations(page, 'evaluation in Arabic');
  });
});
