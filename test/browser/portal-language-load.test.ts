/**
 * The English words are a chunk of their own (task E2, issue 12 "lighter applicant pages"): a visitor reading Chinese
 * never fetches them, pointing at (or tabbing to) the language toggle fetches them ahead of the click, the click then
 * shows English, and a visitor who chose English before gets it on the first paint of the next visit.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { launchChromium, requirePortalBuild, screenshotPath, watchCspViolations } from '../support/browser.ts';
import { serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
const pageErrors: string[] = [];
const scripts: string[] = [];
const english = () => scripts.filter((s) => /\/assets\/i18n-en-[\w-]+\.js$/.test(s));

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  cspViolations = await watchCspViolations(page.context());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

describe('the English words, loaded when wanted', () => {
  it('are not fetched for a visitor reading Chinese', async () => {
    await page.goto(server.url + '/');
    await expect.poll(() => page.getByTestId('matter').count()).toBeGreaterThan(0);
    await page.goto(server.url + '/matters/330000-GA-0101/regions/330000');
    await page.getByTestId('guide').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(english()).toEqual([]);
  });

  it('are fetched when the toggle is focused, and shown on the click', async () => {
    await page.getByTestId('locale-toggle').focus();
    await expect.poll(() => english().length).toBe(1);
    await page.getByTestId('locale-toggle').press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('locale-toggle').textContent()).toBe('中文');
    await expect.poll(() => page.getByRole('link', { name: 'Skip to main content' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('portal-language-english.png'), fullPage: true });
    // and back, with nothing more to fetch
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(english().length).toBe(1);
  });

  it('are there on the first paint of the next visit of someone who chose English', async () => {
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByTestId('guide').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('locale-toggle').textContent()).toBe('中文');
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
