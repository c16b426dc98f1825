import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DEMO,
  describeInBrowser,
  FOUNDING_TITLE,
  openConvention,
  signIn,
  useBrowser,
} from './browser.js';

/** Where a locator's box starts, from the left of the page. */
async function leftOf(page: Page, selector: string, index: 'first' | 'last'): Promise<number> {
  const all = page.locator(selector);
  const box = await (index === 'first' ? all.first() : all.last()).boundingBox();
  if (!box) throw new TypeError(`${selector} is not laid out`);
  return box.x;
}

describeInBrowser('languages', () => {
  const browser = useBrowser();

  it('sets Arabic from a shared link, right to left, with the navigation mirrored', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    const ltr = {
      brand: await page.getByRole('link', { name: /^Coop/ }).boundingBox(),
      signOut: await page.getByRole('button', { name: 'Se déconnecter' }).boundingBox(),
    };

    await page.goto('/?lang=ar');
    await page.getByRole('heading', { name: 'لوحة القيادة', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    const rtl = {
      brand: await page.getByRole('link', { name: /^Coop/ }).boundingBox(),
      signOut: await page.getByRole('button', { name: 'تسجيل الخروج' }).boundingBox(),
      dashboard: await page.getByRole('link', { name: 'لوحة القيادة' }).boundingBox(),
      conventions: await page
        .getByRole('navigation', { name: 'التنقل الرئيسي' })
        .getByRole('link', { name: 'الاتفاقيات' })
        .boundingBox(),
    };
    if (
      !ltr.brand ||
      !ltr.signOut ||
      !rtl.brand ||
      !rtl.signOut ||
      !rtl.dashboard ||
      !rtl.conventions
    )
      throw new TypeError('the header is not laid out');
    const width = page.viewportSize()?.width ?? 1280;
    // French: the brand at the left edge, sign-out at the right. Arabic: the other way round.
    expect(ltr.brand.x).toBeLessThan(ltr.signOut.x);
    expect(rtl.brand.x).toBeGreaterThan(rtl.signOut.x);
    expect(rtl.brand.x + rtl.brand.width).toBeGreaterThan(width - 60);
    expect(rtl.signOut.x).toBeLessThan(60);
    // The navigation reads from the right: the first link stands right of the second.
    expect(rtl.dashboard.x).toBeGreaterThan(rtl.conventions.x);
    const align = await page
      .getByRole('heading', { name: 'لوحة القيادة', level: 1 })
      .evaluate((heading) => getComputedStyle(heading).direction);
    expect(align).toBe('rtl');
  });

  it('writes the convention in Arabic: dates, plural forms and statuses', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    await page.goto('/conventions?lang=ar');
    await page.getByRole('link', { name: FOUNDING_TITLE }).click();
    await page.getByRole('heading', { name: 'الأطراف', level: 2 }).waitFor();
    expect(await page.getByText('وُقّعت بتاريخ 1 يونيو 2016').count()).toBe(1);
    expect(await page.getByText('حُرّرت في 6 نسخ.').count()).toBe(1);
    expect(await page.getByText('5 سنوات ابتداءً من التوقيع').count()).toBe(1);
    expect(await page.getByText('سارية المفعول', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('mirrors a phase-2 screen in Arabic: the indicator’s chart, table and breadcrumb read from the right', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.chefchaouen);
    await openConvention(page, FOUNDING_TITLE);
    await page
      .getByRole('navigation', { name: 'Programme de la convention' })
      .getByRole('link', { name: /^Indicateurs/ })
      .click();
    await page.getByRole('link', { name: 'Artistes accueillis dans l’autre ville' }).click();
    await page.locator('.progress-chart rect.bar-target').first().waitFor();
    // French: the years run left to right, the first column of the table on the left.
    const bars = '.progress-chart rect.bar-target';
    const columns = '[data-testid="progress-table"] thead th';
    expect(await leftOf(page, bars, 'first')).toBeLessThan(await leftOf(page, bars, 'last'));
    expect(await leftOf(page, columns, 'first')).toBeLessThan(await leftOf(page, columns, 'last'));

    await page.goto(`${new URL(page.url()).pathname}?lang=ar`);
    await page.getByRole('heading', { name: 'التقدم حسب السنة', level: 2 }).waitFor();
    await page.locator(bars).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Arabic: the first year stands at the right, as do the table's first column and the
    // breadcrumb's first link.
    expect(await leftOf(page, bars, 'first')).toBeGreaterThan(await leftOf(page, bars, 'last'));
    expect(await leftOf(page, columns, 'first')).toBeGreaterThan(
      await leftOf(page, columns, 'last'),
    );
    const crumbs = 'nav.breadcrumb a';
    expect(await leftOf(page, crumbs, 'first')).toBeGreaterThan(await leftOf(page, crumbs, 'last'));
    const heading = page.getByRole('heading', { name: 'القياسات', level: 2 });
    expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await page.locator('.progress-chart svg title').first().textContent()).toMatch(/^2017/);
  });

  it('keeps the chosen language across a reload, and a link’s ?lang= wins over it', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.dijon);
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);

    await page.goto('/conventions?lang=fr');
    await page.getByRole('heading', { name: 'Conventions', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.goto('/');
    await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
  });
});
