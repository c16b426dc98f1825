import { expect, it } from 'vitest';
import { DEMO, describeInBrowser, signIn, uniqueTitle, useBrowser } from './browser.js';

describeInBrowser('administration of a collectivity', () => {
  const browser = useBrowser();

  it('opens an account, refusing a short password on its field, and changes a role', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    await page.getByRole('link', { name: 'Administration' }).first().click();
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    const accounts = page.getByRole('region', { name: 'Comptes' });
    await accounts.getByRole('cell', { name: 'admin@chefchaouen.demo' }).waitFor();

    const email = `${uniqueTitle('agent').replace(/\W/g, '')}@chefchaouen.demo`.toLowerCase();
    await accounts.getByRole('button', { name: 'Ouvrir un compte' }).click();
    await accounts.getByLabel('Nom', { exact: true }).fill('Fatima Zahra');
    await accounts.getByLabel('Adresse électronique').fill(email);
    await accounts.getByLabel('Rôle', { exact: true }).selectOption('VIEWER');
    await accounts.getByLabel('Premier mot de passe').fill('court');
    await accounts.getByRole('button', { name: 'Ouvrir le compte' }).click();
    const password = accounts.getByLabel('Premier mot de passe');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    await accounts.getByText('Le mot de passe doit compter au moins 10 caractères.').waitFor();
    expect(await accounts.getByLabel('Adresse électronique').inputValue()).toBe(email);

    await password.fill('une-phrase-assez-longue');
    await accounts.getByRole('button', { name: 'Ouvrir le compte' }).click();
    await accounts.getByRole('cell', { name: email }).waitFor();
    await accounts.getByLabel('Rôle de Fatima Zahra').selectOption('EDITOR');
    await accounts.getByText('Le compte de Fatima Zahra est modifié.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Rôle de Fatima Zahra').inputValue()).toBe('EDITOR');

    // The new colleague signs in, sees no Administration, and changes the first password.
    const colleague = await browser.newPage();
    await signIn(colleague, email, 'une-phrase-assez-longue');
    expect(
      await colleague
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Administration' })
        .count(),
    ).toBe(0);
    await colleague.getByRole('link', { name: 'Mon compte' }).click();
    await colleague.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot');
    await colleague
      .getByLabel('Nouveau mot de passe', { exact: true })
      .fill('encore-plus-longue-phrase');
    await colleague
      .getByLabel('Confirmer le nouveau mot de passe')
      .fill('encore-plus-longue-phrase');
    await colleague.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await colleague.getByText('Ce n’est pas votre mot de passe actuel.').waitFor();
    await colleague.getByLabel('Mot de passe actuel').fill('une-phrase-assez-longue');
    await colleague.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await colleague.getByText('Votre mot de passe est changé.').waitFor();
  });

  it('creates an API token whose secret is shown once, then revokes it', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    await page.goto('/administration');
    const tokens = page.getByRole('region', { name: 'Jetons d’API' });
    await tokens.getByRole('button', { name: 'Créer un jeton' }).click();
    const name = uniqueTitle('Outil de suivi');
    await tokens.getByLabel('Nom').fill(name);
    await tokens.getByLabel('Accès').selectOption('READ');
    await tokens.getByRole('button', { name: 'Créer le jeton' }).click();
    const secretBox = tokens.getByLabel('Secret du jeton');
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    expect(await tokens.textContent()).toContain('il ne sera plus jamais affiché');

    // The secret works as a Bearer token for the API, read-only.
    const answer = await page.evaluate(async (token) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'omit',
        headers: {
          'content-type': 'application/json',
          'x-coop-csrf': '1',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query: '{ viewer { canWrite collectivity { name } } }' }),
      });
      return (await response.json()) as unknown;
    }, secret);
    expect(answer).toEqual({
      data: { viewer: { canWrite: false, collectivity: { name: 'Chefchaouen' } } },
    });

    await tokens.getByRole('button', { name: 'J’ai copié le secret' }).click();
    expect(await secretBox.count()).toBe(0);
    const row = tokens.getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Actif');
    await page.reload();
    await tokens.getByRole('row', { name: new RegExp(name) }).waitFor();
    // Shown once: never again, anywhere on the page.
    expect(await page.content()).not.toContain(secret);

    await tokens.getByRole('button', { name: `Révoquer ${name}` }).click();
    await tokens.getByRole('button', { name: `Confirmer la révocation de ${name}` }).click();
    await tokens.getByText(`Le jeton ${name} est révoqué.`).waitFor();
    await expect
      .poll(() => tokens.getByRole('row', { name: new RegExp(name) }).textContent())
      .toContain('Révoqué le');
  });
});
