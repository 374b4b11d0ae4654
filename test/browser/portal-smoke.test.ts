/**
 * Smoke test of the web UI served by the real server: the catalogue lists the matters, and the residence-permit guide
 * marks the materials shared data waives once zhangWei has signed in (through "start application" → sign in → back);
 * and no page breaks the server's Content-Security-Policy.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { realCatalogue } from '../support/catalogue.ts';
import { launchChromium, screenshotPath, watchCspViolations, requirePortalBuild } from '../support/browser.ts';
import { serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let cspViolations: string[] = [];

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
  cspViolations = await watchCspViolations(page.context());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // the session probe (GET /api/session) answers 401 before sign-in; Chromium logs that, it is not a page error
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && pageErrors.push(m.text()));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

describe('the applicant portal', () => {
  it('lists the matters of the catalogue (the bundles apart), searchable in Chinese and English', async () => {
    await page.goto(server.url + '/');
    await expect.poll(() => page.getByTestId('matter').count()).toBe(new Set(realCatalogue.catalogue.definitions.map((d) => d.value.id)).size);
    expect(await page.getByTestId('bundle').count()).toBe(new Set(realCatalogue.catalogue.bundles.map((b) => b.value.id)).size);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('办事事项目录');
    await page.screenshot({ path: screenshotPath('portal-catalogue.png'), fullPage: true });

    await page.getByTestId('catalogue-search').fill('residence');
    await expect.poll(() => page.getByTestId('matter').count()).toBe(1);
    await page.getByTestId('catalogue-search').fill('居住证');
    await expect.poll(() => page.getByTestId('matter').count()).toBe(1);
    await page.getByTestId('catalogue-search').fill('');

    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Catalogue of matters');
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('shows the residence-permit guide; after signing in as zhangWei it marks the waived materials with the reason', async () => {
    const guide = `${server.url}/matters/330000-GA-0101/regions/330000`;
    await page.goto(guide);
    await expect.poll(() => page.getByTestId('material').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="material"][data-waived="true"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('portal-guide-anonymous.png'), fullPage: true });

    // "start application" asks to sign in first, then comes back to the guide
    await page.getByTestId('start-application').click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByTestId('sign-in-username').fill('zhangWei');
    await page.getByTestId('sign-in-password').fill('demo1234');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(guide);
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain('张伟');

    const waived = page.locator('[data-testid="material"][data-waived="true"]');
    await expect.poll(() => waived.count()).toBeGreaterThanOrEqual(3);
    expect(await waived.first().textContent()).toContain('您无需提交');
    expect(await page.locator('[data-material="identityCard"]').textContent()).toContain('通过公安人口信息共享核验身份');
    expect(await page.getByTestId('waived-summary').textContent()).toContain('免交');
    expect(await page.getByTestId('promised-days').textContent()).toContain('3');
    await page.screenshot({ path: screenshotPath('portal-guide-zhangwei.png'), fullPage: true });

    // starting the application opens the form with verified fields locked and the waived notice
    await page.getByTestId('start-application').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]+$/);
    await expect.poll(() => page.locator('.onematter-waived li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#root_applicant_name').getAttribute('readonly')).not.toBeNull();
    await page.screenshot({ path: screenshotPath('portal-form.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('breaks no rule of the Content-Security-Policy on any page (and a violation would be caught)', async () => {
    expect(cspViolations).toEqual([]);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('script'), { textContent: 'void 0' })));
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(cspViolations.join('\n')).toMatch(/script-src/);
    cspViolations.length = 0;
  });

  it('falls back to the UI for unknown pages and keeps JSON 404s under /api', async () => {
    const ui = await fetch(server.url + '/cases/nothing-here');
    expect(ui.headers.get('content-type')).toContain('text/html');
    const apiMiss = await fetch(server.url + '/api/nothing-here');
    expect(apiMiss.status).toBe(404);
    expect((await apiMiss.json()).error.code).toBe('not-found');
  });
});
