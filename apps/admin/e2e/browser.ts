import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';

/**
 * Debian's Chromium, started the way this machine allows: headless, no sandbox (root), and none
 * of the background traffic a closed network would refuse.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const chromiumPath = inject('chromiumPath');
export const baseUrl = inject('baseUrl');

/** describe() that is skipped, visibly, when the run has no browser (never under CI=true). */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

export function useBrowser(): {
  page: () => Page;
  newPage: (options?: { locale?: string }) => Promise<Page>;
} {
  let browser: Browser | undefined;
  let current: Page | undefined;
  beforeAll(async () => {
    if (!chromiumPath) return;
    browser = await chromium.launch({ executablePath: chromiumPath, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    page: () => {
      if (!current) throw new TypeError('open a page first');
      return current;
    },
    newPage: async (options = {}) => {
      if (!browser) throw new TypeError('no browser');
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: options.locale ?? 'fr-FR',
      });
      current = await context.newPage();
      return current;
    },
  };
}

export async function signIn(page: Page, email: string, password = 'coop-demo'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Conventions', level: 1 }).waitFor();
}
