import { expect, it } from 'vitest';
import {
  DEMO,
  describeInBrowser,
  FOUNDING_TITLE,
  openConvention,
  signIn,
  useBrowser,
} from './browser.js';

const YOUTH = 'Jeunes ayant participé à un échange';

describeInBrowser('an indicator’s measurements', () => {
  const browser = useBrowser();

  it('records Dijon’s measurement of a year and shows it in the progress chart and table', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await openConvention(page, FOUNDING_TITLE);
    await page
      .getByRole('navigation', { name: 'Programme de la convention' })
      .getByRole('link', { name: /^Indicateurs/ })
      .click();
    await page.getByRole('link', { name: YOUTH }).click();
    await page.getByRole('heading', { name: new RegExp(YOUTH), level: 1 }).waitFor();

    // 2020: a target of 10 young people, nothing measured yet (the demo stops in 2019).
    const year2020 = page.getByTestId('progress-table').locator('tr[data-year="2020"]');
    await year2020.waitFor();
    expect(await year2020.locator('td').nth(0).textContent()).toBe('10');
    expect(await year2020.locator('td').nth(1).textContent()).toBe('—');
    expect(await year2020.textContent()).toContain('Pas encore mesuré');
    const chart = page.locator('.progress-chart svg[role="img"]');
    await chart.waitFor();
    expect(await chart.locator('title', { hasText: '2020 : 7 jeunes atteints' }).count()).toBe(0);

    const measurements = page.getByRole('region', { name: 'Mesures' });
    await measurements.getByRole('button', { name: 'Enregistrer une mesure' }).click();
    await measurements.getByLabel('Année').selectOption('2020');
    await measurements.getByLabel('Valeur mesurée (jeunes)').fill('7');
    await measurements.getByLabel('Note').fill('Échange « Regards croisés » à Chefchaouen');
    await measurements.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    await measurements.getByText('La mesure 2020 est enregistrée.').waitFor();
    await measurements
      .getByRole('cell', { name: 'Échange « Regards croisés » à Chefchaouen' })
      .waitFor();

    // The progress is asked again: 7 of 10, behind, in the table and as a bar of the chart.
    await expect.poll(() => year2020.locator('td').nth(1).textContent()).toBe('7');
    expect(await year2020.textContent()).toContain('En retard');
    expect(await year2020.textContent()).toContain('70');
    await expect
      .poll(() =>
        page
          .locator('.progress-chart svg[role="img"] title', {
            hasText: '2020 : 7 jeunes atteints (En retard)',
          })
          .count(),
      )
      .toBe(1);
  });
});
