import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';

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

/** The demo's three cities, as the README lists them. */
export const DEMO = {
  dijon: 'admin@dijon.demo',
  chefchaouen: 'admin@chefchaouen.demo',
  mainz: 'admin@mainz.demo',
} as const;
export const FOUNDING_TITLE =
  'Convention de partenariat entre la Ville de Dijon et la Ville de Chefchaouen';
export const MAINZ_TITLE =
  'Convention de coopération entre la Ville de Dijon et la Ville de Mayence (Mainz)';

export function useBrowser(): {
  page: () => Page;
  newContext: (options?: { locale?: string }) => Promise<BrowserContext>;
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
  const newContext = async (options: { locale?: string } = {}) => {
    if (!browser) throw new TypeError('no browser');
    return browser.newContext({
      baseURL: baseUrl,
      locale: options.locale ?? 'fr-FR',
      viewport: { width: 1280, height: 800 },
    });
  };
  return {
    page: () => {
      if (!current) throw new TypeError('open a page first');
      return current;
    },
    newContext,
    newPage: async (options = {}) => {
      const context = await newContext(options);
      current = await context.newPage();
      return current;
    },
  };
}

/** Signs in on the French sign-in screen and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = 'coop-demo'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
}

/** Opens a convention from the list by its title. */
export async function openConvention(page: Page, title: string | RegExp): Promise<void> {
  await page.goto('/conventions');
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { name: 'Parties', level: 2 }).waitFor();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core in the page (WCAG 2.x A and AA, and best practices) and fails on any serious or
 * critical violation, naming the rule and the elements.
 */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    );
  expect(serious, `axe on ${screen}`).toEqual([]);
}

const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Keeps a picture of a main screen for the README (docs/screenshots/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** A title no other test uses, so that tests sharing one database never see each other's. */
export function uniqueTitle(what: string): string {
  return `${what} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
