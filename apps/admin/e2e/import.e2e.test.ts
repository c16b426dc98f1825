import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  DEMO,
  describeInBrowser,
  expectNoSeriousViolations,
  FOUNDING_TITLE,
  openConvention,
  screenshot,
  signIn,
  uniqueTitle,
  useBrowser,
} from './browser.js';

/** Money as French Intl writes it, whatever spaces it puts between the digits. */
const money = (text: string) => new RegExp(text.replace(/ /g, '\\s?'));

/** A GraphQL request from the page, with its session, as the app sends it. */
async function graphqlIn<T>(page: Page, query: string, variables: object): Promise<T> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-coop-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as unknown;
    },
    { query, variables },
  );
  return (answer as { data: T }).data;
}

/**
 * A new action of the founding convention with one expense line (300,00 EUR), so that no other
 * test sees its budget change. Returns the action's ID.
 */
async function actionWithOneLine(
  page: Page,
  conventionId: string,
  title: string,
  label: string,
): Promise<string> {
  const { node } = await graphqlIn<{ node: { axes: { id: string }[] } }>(
    page,
    'query ($id: ID!) { node(id: $id) { ... on Convention { axes { id } } } }',
    { id: conventionId },
  );
  const axisId = node.axes[0]?.id;
  const created = await graphqlIn<{
    createAction: { action?: { id: string; budget: { version: number } } };
  }>(
    page,
    `mutation ($input: CreateActionInput!) {
      createAction(input: $input) {
        ... on CreateActionSuccess { action { id budget { version } } }
      }
    }`,
    { input: { conventionId, axisId, title } },
  );
  const action = created.createAction.action;
  if (!action) throw new TypeError('the action was not created');
  const added = await graphqlIn<{ addBudgetLine: { __typename: string } }>(
    page,
    `mutation ($input: AddBudgetLineInput!) { addBudgetLine(input: $input) { __typename } }`,
    {
      input: {
        actionId: action.id,
        budgetVersion: action.budget.version,
        category: 'EQUIPMENT',
        label,
        amount: { amount: '300.00', currency: 'EUR' },
        year: 2018,
      },
    },
  );
  expect(added.addBudgetLine.__typename).toBe('AddBudgetLineSuccess');
  return action.id;
}

/** budget.csv as a spreadsheet would save it back: its own line breaks and separators. */
function editBudgetCsv(
  csv: string,
  edit: { label: string; amount: string; append?: string },
): { text: string; changedLine: number; appendedLine: number | null } {
  const newline = csv.includes('\r\n') ? '\r\n' : '\n';
  const lines = csv
    .split(newline)
    .filter((line, index, all) => line !== '' || index < all.length - 1);
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').split(';');
  const labelAt = header.indexOf('label');
  const amountAt = header.indexOf('amount');
  const index = lines.findIndex((line) => line.split(';')[labelAt] === edit.label);
  if (index < 1) throw new TypeError(`no row labelled ${edit.label}`);
  const cells = (lines[index] ?? '').split(';');
  cells[amountAt] = edit.amount;
  lines[index] = cells.join(';');
  if (edit.append) lines.push(edit.append);
  return {
    text: lines.join(newline) + newline,
    // The header is line 1, as a spreadsheet numbers rows.
    changedLine: index + 1,
    appendedLine: edit.append ? lines.length : null,
  };
}

describeInBrowser('importing a CSV', () => {
  const browser = useBrowser();

  it('downloads budget.csv, checks an edited file with a refused row, fixes it and applies it', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await openConvention(page, FOUNDING_TITLE);
    const conventionId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    const title = uniqueTitle('Fournitures de l’atelier d’écriture');
    const label = `Carnets et stylos ${title.slice(-6)}`;
    const actionId = await actionWithOneLine(page, conventionId, title, label);

    // From the convention's page, as an editor sees it.
    await page.getByRole('link', { name: 'Importer un fichier' }).click();
    await page.getByRole('heading', { name: 'Importer un fichier CSV', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'import');

    // The current budget, downloaded through the page's own link with the session.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le budget actuel (budget.csv)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toContain(label);

    // A header the import does not know: the whole file is refused, the choice is kept.
    const fileInput = page.getByLabel('Fichier CSV');
    await page.getByLabel('Le budget entier').check();
    await fileInput.setInputFiles({
      name: 'budget-faute.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(exported.replace('amount;', 'amout;')),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const problem = page.getByTestId('import-problem');
    await problem.waitFor();
    expect(await problem.locator('[data-code="UNKNOWN_COLUMN"]').textContent()).toContain('amout');
    expect(await page.getByTestId('import-progress').textContent()).toBe(
      'Arrêté à l’étape 2 sur 3 : vérification par le serveur, sans rien écrire',
    );
    expect(await page.getByLabel('Le budget entier').isChecked()).toBe(true);
    await page.getByText('Fichier choisi : budget-faute.csv').waitFor();
    await expectNoSeriousViolations(page, 'import, the file refused as a whole');

    // One amount changed, one row broken: the dry run says so, and nothing can be applied.
    const broken = `${actionId};;LINE;NOT_A_CATEGORY;Ligne cassée;;100,00;EUR;;;;2018;;;;`;
    const edited = editBudgetCsv(exported, { label, amount: '450,00', append: broken });
    await fileInput.setInputFiles({
      name: 'budget.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(edited.text),
    });
    expect(await page.getByTestId('import-problem').count()).toBe(0);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByRole('heading', { name: 'Résultat de la vérification', level: 2 }).waitFor();
    const report = page.getByTestId('import-report');
    expect(await report.locator('[data-count="changed"] dd').textContent()).toBe('1');
    expect(await report.locator('[data-count="refused"] dd').textContent()).toBe('1');
    expect(await report.locator('[data-count="added"] dd').textContent()).toBe('0');

    const changed = page.getByTestId('changed-rows').locator('tbody tr');
    expect(await changed.count()).toBe(1);
    expect(await changed.getAttribute('data-line')).toBe(String(edited.changedLine));
    const amount = changed.locator('[data-column="amount"]');
    expect(await amount.locator('del').textContent()).toBe('300,00');
    expect(await amount.locator('ins').textContent()).toBe('450,00');

    const refused = page.getByTestId('refused-rows').locator('tbody tr');
    expect(await refused.count()).toBe(1);
    expect(await refused.getAttribute('data-line')).toBe(String(edited.appendedLine));
    expect(await refused.getAttribute('data-code')).toBe('INVALID_CATEGORY');
    expect(await refused.textContent()).toContain('category');
    expect(await refused.textContent()).toContain(
      'Ce n’est pas une catégorie de dépense, un type de contribution ou STAFF_TIME.',
    );

    const apply = page.getByRole('button', { name: 'Appliquer l’import' });
    expect(await apply.isDisabled()).toBe(true);
    await page.getByText('Tant qu’une ligne est refusée, rien ne peut être écrit').waitFor();
    const progress = page.locator('progress');
    expect(await progress.getAttribute('value')).toBe('2');
    expect(await progress.getAttribute('max')).toBe('3');
    await page.evaluate(() => document.querySelector('.import-progress')?.scrollIntoView());
    await screenshot(page, 'import');
    await expectNoSeriousViolations(page, 'import, a dry run with a refused row');

    // The file fixed: nothing refused, "Apply" writes it, the steps go to the end.
    const fixed = editBudgetCsv(exported, { label, amount: '450,00' });
    await fileInput.setInputFiles({
      name: 'budget.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fixed.text),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByRole('heading', { name: 'Résultat de la vérification', level: 2 }).waitFor();
    await page.getByText('Aucune ligne refusée.').waitFor();
    expect(await report.locator('[data-count="changed"] dd').textContent()).toBe('1');
    expect(await apply.isEnabled()).toBe(true);
    await apply.click();
    await page.getByRole('heading', { name: 'Résultat de l’import', level: 2 }).waitFor();
    await page.getByText('Le fichier est importé.').waitFor();
    expect(await page.getByTestId('import-progress').textContent()).toBe(
      'Import terminé : le fichier est écrit.',
    );
    expect(await progress.getAttribute('value')).toBe('3');
    expect(
      await page
        .locator('.import-steps li')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-state'))),
    ).toEqual(['done', 'done', 'done']);
    expect(await report.locator('[data-count="changed"] dd').textContent()).toBe('1');
    await expectNoSeriousViolations(page, 'import, applied');

    // The convention's budget now says 450,00 €: in the list of actions, and on the action.
    await page.getByRole('link', { name: 'Voir les actions et leurs budgets' }).click();
    await page.getByRole('heading', { name: 'Actions', level: 1 }).waitFor();
    const actionRow = page.getByRole('row', { name: new RegExp(title) });
    await expect.poll(() => actionRow.textContent()).toMatch(money('450,00 €'));
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const line = page.getByRole('row', { name: new RegExp(label) });
    expect(await line.textContent()).toMatch(money('450,00 €'));

    // Exported again, the file says the new amount.
    const again = await page.request.get(
      `/exports/conventions/${encodeURIComponent(conventionId)}/budget.csv`,
    );
    expect(await again.text()).toMatch(new RegExp(`;${label};;450,00;EUR;`));
  });

  it('a VIEWER is not offered the import, and the page says why instead of a form', async () => {
    const admin = await browser.newPage();
    await signIn(admin, DEMO.dijon);
    const email = `lecture-${Date.now().toString(36)}@dijon.demo`;
    const created = await graphqlIn<{ createAccount: { __typename: string } }>(
      admin,
      `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { __typename } }`,
      {
        input: {
          email,
          displayName: 'Lecture seule',
          password: 'lecture-seule-2026',
          role: 'VIEWER',
        },
      },
    );
    expect(created.createAccount.__typename).toBe('CreateAccountSuccess');

    const page = await browser.newPage();
    await signIn(page, email, 'lecture-seule-2026');
    await openConvention(page, FOUNDING_TITLE);
    expect(await page.getByRole('link', { name: 'Importer un fichier' }).count()).toBe(0);
    await page.goto(`${new URL(page.url()).pathname}/import`);
    await page.getByRole('heading', { name: 'Importer un fichier CSV', level: 1 }).waitFor();
    await page
      .getByText('Votre compte permet de lire cette convention, pas d’y importer des données.')
      .waitFor();
    expect(await page.getByLabel('Fichier CSV').count()).toBe(0);
    // The current files stay one click away: reading them is a viewer's right.
    await page.getByRole('link', { name: 'Télécharger le budget actuel (budget.csv)' }).waitFor();
  });

  it('in Arabic, right to left, with the same steps and no serious axe violation', async () => {
    const page = await browser.newPage({ locale: 'ar-MA' });
    await signIn(page, DEMO.chefchaouen);
    await openConvention(page, FOUNDING_TITLE);
    await page.goto(`${new URL(page.url()).pathname}/import?lang=ar`);
    await page.getByRole('heading', { name: 'استيراد ملف CSV', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // Dropped on the file's box rather than chosen: the same choice.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(['indicator_code;year;value\nNOPE;2018;12\n'], 'mesures.csv', {
          type: 'text/csv',
        }),
      );
      return transfer;
    });
    await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: dropped });
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByText('الملف المختار: mesures.csv').waitFor();
    await page.getByRole('button', { name: 'فحص الملف' }).click();
    // A measurements file chosen as a budget: the browser says so before sending anything.
    await page.getByRole('button', { name: 'اختيار «قياسات المؤشرات»' }).click();
    await page.getByRole('button', { name: 'فحص الملف' }).click();
    await page.getByRole('heading', { name: 'نتيجة الفحص', level: 2 }).waitFor();
    const refused = page.getByTestId('refused-rows').locator('tbody tr');
    expect(await refused.first().getAttribute('data-code')).toBe('UNKNOWN_INDICATOR');
    expect(await refused.first().textContent()).toContain('هذا المؤشر لا ينتمي إلى الاتفاقية.');
    await expectNoSeriousViolations(page, 'import in Arabic');
  });
});
