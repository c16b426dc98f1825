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

const money = (text: string) => new RegExp(text.replace(/ /g, '\\s?'));

/** A new trip of Dijon's to Chefchaouen, so that no other test sees its costs. */
async function createMission(page: Page, purpose: string): Promise<void> {
  await openConvention(page, FOUNDING_TITLE);
  await page
    .getByRole('navigation', { name: 'Programme de la convention' })
    .getByRole('link', { name: /^Missions/ })
    .click();
  await page.getByRole('button', { name: 'Nouvelle mission' }).click();
  await page.getByLabel('Collectivité qui se déplace').selectOption({ label: 'Dijon' });
  await page.getByLabel('Collectivité qui accueille').selectOption({ label: 'Chefchaouen' });
  await page.getByLabel('Départ').fill('2025-03-10');
  await page.getByLabel('Retour').fill('2025-03-14');
  await page.getByLabel('Objet de la mission').fill(purpose);
  await page.getByLabel('Nom du membre 1').fill('Nathalie Koenders');
  await page.getByLabel('Fonction du membre 1').fill('Première adjointe au maire');
  await page.getByRole('button', { name: 'Créer la mission' }).click();
  await page.getByRole('heading', { name: 'Dijon → Chefchaouen', level: 1 }).waitFor();
}

describeInBrowser('a mission’s costs', () => {
  const browser = useBrowser();

  it('gives each cost its payer by the shared-cost rule, an exception its reason, and splits them live', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await createMission(page, uniqueTitle('Mission technique sur la collecte des déchets'));
    const costs = page.getByRole('region', { name: 'Coûts et payeurs (article 4.5)' });
    const split = page.getByTestId('cost-split');
    const share = (party: string) => split.getByRole('row', { name: new RegExp(`^${party}`) });
    await costs.getByText('Aucun coût n’est encore enregistré.').waitFor();

    // International transport: the travelling party pays (A4.5), shown as it is typed.
    await costs.getByRole('button', { name: 'Ajouter un coût' }).click();
    await costs.getByLabel('Nature du coût').selectOption('INTERNATIONAL_TRANSPORT');
    await costs.getByLabel('Libellé').fill('Vols Lyon – Tanger');
    await costs.getByLabel('Montant').fill('2400');
    await expect
      .poll(() => costs.getByTestId('cost-payer').textContent())
      .toMatch(money('2 400,00 € payés par Dijon, selon la règle.'));
    expect(await split.getAttribute('data-source')).toBe('preview');
    expect(await share('Dijon').textContent()).toMatch(money('2 400,00 €'));
    expect(await share('Chefchaouen').textContent()).toContain('rien');
    await costs.getByRole('button', { name: 'Ajouter le coût' }).click();
    await costs.getByRole('cell', { name: 'Vols Lyon – Tanger', exact: true }).waitFor();

    // The stay: the host pays, in its own currency.
    await costs.getByRole('button', { name: 'Ajouter un coût' }).click();
    await costs.getByLabel('Nature du coût').selectOption('ACCOMMODATION');
    await costs.getByLabel('Libellé').fill('Riad de la médina, 4 nuits');
    await costs.getByLabel('Devise').selectOption('MAD');
    await costs.getByLabel('Montant').fill('9000');
    await expect
      .poll(() => costs.getByTestId('cost-payer').textContent())
      .toMatch(money('9 000,00 MAD payés par Chefchaouen, selon la règle.'));
    expect(await share('Chefchaouen').textContent()).toMatch(money('9 000,00 MAD'));
    await costs.getByRole('button', { name: 'Ajouter le coût' }).click();
    await costs.getByRole('cell', { name: 'Riad de la médina, 4 nuits', exact: true }).waitFor();

    // Interpreting on site is the host's by the rule; Dijon pays it by exception, with a reason.
    await costs.getByRole('button', { name: 'Ajouter un coût' }).click();
    await costs.getByLabel('Nature du coût').selectOption('INTERPRETING');
    await costs.getByLabel('Libellé').fill('Interprète arabe – français');
    await costs.getByLabel('Montant').fill('350');
    await expect
      .poll(() => costs.getByTestId('cost-payer').textContent())
      .toMatch(money('350,00 € payés par Chefchaouen, selon la règle.'));
    await costs
      .getByLabel('Payé par')
      .selectOption({ label: 'Dijon (exception, avec une raison)' });
    const reason = costs.getByLabel('Raison de l’exception');
    await reason.waitFor();
    await reason.fill('Interprète recruté par Dijon, convenu par courrier du 3 février');
    await expect
      .poll(() => costs.getByTestId('cost-payer').textContent())
      .toMatch(money('350,00 € payés par Dijon, par exception.'));
    // The split follows the exception before it is saved.
    expect(await share('Dijon').textContent()).toMatch(money('2 750,00 €'));
    expect(await share('Chefchaouen').textContent()).toMatch(money('9 000,00 MAD'));
    await costs.getByRole('button', { name: 'Ajouter le coût' }).click();
    const exception = costs.locator('tr[data-exception="true"]');
    await exception.waitFor();
    expect(await exception.textContent()).toContain(
      'Exception à la règle (payeur selon la règle : Chefchaouen) : Interprète recruté par Dijon',
    );
    expect(
      await costs
        .getByRole('table', { name: 'Coûts et payeurs (article 4.5)' })
        .locator('tbody tr')
        .count(),
    ).toBe(3);

    // Saved, the server's split says the same, per party and currency.
    await expect.poll(() => split.getAttribute('data-source')).toBe('saved');
    await expect.poll(() => share('Dijon').textContent()).toMatch(money('2 750,00 €'));
    expect(await share('Chefchaouen').textContent()).toMatch(money('9 000,00 MAD'));
    expect(await share('Chefchaouen').textContent()).not.toContain('€');
  });
});
