import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  DEMO,
  describeInBrowser,
  FOUNDING_TITLE,
  openConvention,
  signIn,
  uniqueTitle,
  useBrowser,
} from './browser.js';

/** Money as French Intl writes it, whatever spaces it puts between the digits. */
const money = (text: string) => new RegExp(text.replace(/ /g, '\\s?'));

/** A new action of the founding convention, so that no other test sees its budget change. */
async function createAction(page: Page, title: string): Promise<void> {
  await openConvention(page, FOUNDING_TITLE);
  await page
    .getByRole('navigation', { name: 'Programme de la convention' })
    .getByRole('link', { name: /^Actions/ })
    .click();
  await page.getByRole('button', { name: 'Nouvelle action' }).click();
  await page.getByLabel('Intitulé de l’action').fill(title);
  await page.getByRole('button', { name: 'Créer l’action' }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

/** The open form of the budget editor under its heading. */
const itemForm = (page: Page, heading: string) =>
  page.locator('.item-form', { has: page.getByRole('heading', { name: heading }) });

describeInBrowser('the budget editor', () => {
  const browser = useBrowser();

  it('totals and checks the budget while typing, until it balances; both parties approve it', async () => {
    const title = uniqueTitle('Atelier sur la gestion des déchets en médina');
    const dijon = await browser.newPage();
    await signIn(dijon, DEMO.dijon);
    await createAction(dijon, title);
    const actionPath = new URL(dijon.url()).pathname;

    const figures = dijon.getByTestId('budget-figures');
    const violations = dijon.getByTestId('violations');
    await violations.locator('[data-code="NO_EXPENSES"]').waitFor();
    expect(await figures.getAttribute('data-source')).toBe('saved');

    // An expense line: the totals and the rules follow each keystroke, before anything is sent.
    await dijon.getByRole('button', { name: 'Ajouter une dépense' }).click();
    const flights = itemForm(dijon, 'Nouvelle dépense');
    await flights.getByLabel('Catégorie').selectOption('TRAVEL');
    await flights.getByLabel('Libellé').fill('Billets d’avion de la délégation dijonnaise');
    await flights.getByLabel('Montant').fill('1200');
    await expect.poll(() => figures.getAttribute('data-source')).toBe('preview');
    await expect
      .poll(() => dijon.getByTestId('total-expenses').textContent())
      .toMatch(money('1 200,00 €'));
    expect(await violations.locator('[data-code="NO_EXPENSES"]').count()).toBe(0);
    expect(await violations.locator('[data-code="UNBALANCED"]').textContent()).toMatch(
      money('Il manque 1 200,00 € de ressources'),
    );
    await flights.getByLabel('Montant').fill('1250');
    await expect
      .poll(() => dijon.getByTestId('total-expenses').textContent())
      .toMatch(money('1 250,00 €'));
    await flights.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await dijon
      .getByRole('cell', { name: 'Billets d’avion de la délégation dijonnaise', exact: true })
      .waitFor();
    await expect.poll(() => figures.getAttribute('data-source')).toBe('saved');

    // A second line, in dirhams: each currency keeps its own amounts.
    await dijon.getByRole('button', { name: 'Ajouter une dépense' }).click();
    const stay = itemForm(dijon, 'Nouvelle dépense');
    await stay.getByLabel('Catégorie').selectOption('ACCOMMODATION');
    await stay.getByLabel('Libellé').fill('Hébergement et repas à Chefchaouen');
    await stay.getByLabel('Devise').selectOption('MAD');
    await stay.getByLabel('Montant').fill('6000');
    await expect
      .poll(() => dijon.getByTestId('total-expenses').textContent())
      .toMatch(money('6 000,00 MAD'));
    await stay.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await dijon
      .getByRole('cell', { name: 'Hébergement et repas à Chefchaouen', exact: true })
      .waitFor();

    // Dijon's own contribution: Chefchaouen still gives nothing (A4.2), and it does not balance.
    await dijon.getByRole('button', { name: 'Ajouter une contribution de Dijon' }).click();
    const cash = itemForm(dijon, 'Nouvelle contribution de Dijon');
    await cash.getByLabel('Montant').fill('1250');
    await expect
      .poll(() => dijon.getByTestId('total-resources').textContent())
      .toMatch(money('1 250,00 €'));
    expect(await violations.textContent()).toContain('Chefchaouen ne contribue pas encore');
    expect(await violations.locator('[data-code="UNBALANCED"]').count()).toBe(1);
    await cash.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect.poll(() => figures.getAttribute('data-source')).toBe('saved');
    expect(await violations.textContent()).toContain('Chefchaouen ne contribue pas encore');
    // Approval is not offered while the rules stand against it.
    const dijonApproves = dijon.getByRole('button', { name: /au nom de Dijon$/ });
    expect(await dijonApproves.isDisabled()).toBe(true);

    // Chefchaouen records its own contribution: the budget balances as it types.
    const chefchaouen = await browser.newPage();
    await signIn(chefchaouen, DEMO.chefchaouen);
    await chefchaouen.goto(actionPath);
    await chefchaouen.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(
      await chefchaouen.getByRole('button', { name: 'Ajouter une contribution de Dijon' }).count(),
    ).toBe(0);
    await chefchaouen
      .getByRole('button', { name: 'Ajouter une contribution de Chefchaouen' })
      .click();
    const theirs = itemForm(chefchaouen, 'Nouvelle contribution de Chefchaouen');
    expect(await theirs.getByLabel('Devise').inputValue()).toBe('MAD');
    await theirs.getByLabel('Montant').fill('6000');
    const balance = chefchaouen.getByTestId('balance');
    await expect.poll(() => balance.textContent()).toContain('Équilibré');
    expect(await chefchaouen.getByTestId('violations').textContent()).toContain(
      'Aucune règle ne s’oppose à l’approbation.',
    );
    await theirs.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect
      .poll(() => chefchaouen.getByTestId('budget-figures').getAttribute('data-source'))
      .toBe('saved');
    await expect.poll(() => balance.textContent()).toContain('Équilibré');

    // Dijon approves this version, then Chefchaouen: the budget is agreed (A4.1).
    await dijon.reload();
    const dijonApproval = dijon.locator('section.approval');
    await dijonApproves.waitFor();
    await expect.poll(() => dijonApproves.isEnabled()).toBe(true);
    await dijonApproves.click();
    await expect
      .poll(() => dijonApproval.getByRole('status').textContent())
      .toContain('en attente de l’approbation de Chefchaouen');
    expect(await dijonApproval.getAttribute('data-state')).toBe('PENDING');

    await chefchaouen.reload();
    const chefchaouenApproval = chefchaouen.locator('section.approval');
    await chefchaouen.getByRole('button', { name: /au nom de Chefchaouen$/ }).click();
    await expect.poll(() => chefchaouenApproval.getAttribute('data-state')).toBe('AGREED');
    expect(await chefchaouenApproval.getByRole('status').textContent()).toContain(
      'Approuvé par toutes les parties',
    );

    await dijon.reload();
    await expect
      .poll(() => dijon.locator('section.approval').getAttribute('data-state'))
      .toBe('AGREED');
  });
});
