/**
 * The reviewers' workspace in Chromium against the real server: a reviewer opens the province view, then the
 * residence permit's matrix (chart, filters), drills into the lowest-scoring region with the keyboard and reads its
 * level-up plan — the same steps the API gives — in Chinese and English; the reviewer sees no way to write. The
 * province's official opens the proposed top runner as a draft and lands in the editor. axe-core finds nothing
 * serious in either language; no console error, no CSP violation. Screenshots go to test-results/.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, launchChromium, screenshotPath, watchedPage } from '../support/browser.ts';
import { Client, demoPassword, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const permit = '330000-GA-0101';
let server: RunningServer;
let browser: Browser;
const watched: { cspViolations: string[]; consoleErrors: string[]; failures: string[] }[] = [];

beforeAll(async () => {
  server = await sandbox.start();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });

/** A watched page signed in as `username` (through the API, in the page's own cookie jar). */
async function signedInPage(username: string): Promise<Page> {
  const { page, cspViolations, consoleErrors } = await watchedPage(browser);
  const failures: string[] = [];
  page.on('response', (r) => r.status() >= 500 && failures.push(`${r.status()} ${r.request().method()} ${r.url()}`));
  watched.push({ cspViolations, consoleErrors, failures });
  const csrf = (await (await page.request.get(`${server.url}/api/csrf`)).json()) as { token: string };
  const reply = await page.request.post(`${server.url}/api/session`, { data: { username, password: demoPassword }, headers: { 'x-csrf-token': csrf.token } });
  expect(reply.status()).toBe(200);
  return page;
}

describe('a reviewer reads the matrix and a region’s plan', () => {
  let page: Page;
  let lowest: { region: { code: string; name: { zh: string; en: string } }; score: number };
  const shot = (name: string, fullPage = true) => page.screenshot({ path: screenshotPath(`designer-review-${name}.png`), fullPage });

  beforeAll(async () => {
    page = await signedInPage('reviewer');
    const api = await Client.signedIn(server.url, 'reviewer');
    const rows = (await api.get(`/api/review/matters/${permit}`)).body.variants as (typeof lowest)[];
    lowest = rows.reduce((a, b) => (b.score < a.score ? b : a));
  }, 60_000);

  it('reaches the province view from the header and sorts it', async () => {
    await page.goto(`${server.url}/designer`);
    await page.getByTestId('nav-review').click();
    await page.waitForURL(/\/designer\/review$/);
    const table = page.getByTestId('review-province');
    await table.waitFor();
    await poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
    await page.getByTestId('review-sort-below').click();
    await poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await page.getByTestId('review-csv').getAttribute('href')).toContain('/api/review/province.csv?sort=below&order=desc');
    await shot('1-province-zh');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it("opens the residence permit's matrix: a chart, the numbers, filters by level", async () => {
    await page.getByTestId(`review-matter-${permit}`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/designer/review/${permit}$`));
    const matrix = page.getByTestId('review-matrix');
    await matrix.waitFor();
    const row = page.getByTestId(`review-row-${lowest.region.code}`);
    expect(Number(await row.getAttribute('data-score'))).toBe(lowest.score);
    expect(await row.getAttribute('data-levelled')).toBe('false');
    expect(await page.getByTestId('review-chart').locator('figcaption').textContent()).toContain(lowest.region.name.zh);
    await page.getByTestId('review-filter-level').selectOption('county');
    await poll(() => matrix.locator('tbody tr.clickable').count()).toBe(1);
    await page.getByTestId('review-filter-level').selectOption('');
    await poll(() => matrix.locator('tbody tr.clickable').count()).toBeGreaterThan(1);
    await shot('2-matrix-zh');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('drills into the lowest-scoring region with the keyboard and reads its plan, as the API words it', async () => {
    await page.getByTestId(`review-row-${lowest.region.code}`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/designer/review/${permit}/${lowest.region.code}$`));
    const plan = page.getByTestId('review-plan');
    await plan.waitFor();
    const api = await Client.signedIn(server.url, 'reviewer');
    const detail = (await api.get(`/api/review/matters/${permit}/variants/${lowest.region.code}`)).body as { plan: { action: { zh: string; en: string } }[] };
    expect(detail.plan.length).toBeGreaterThan(0);
    await poll(() => plan.locator('li').count()).toBe(detail.plan.length);
    expect(await plan.locator('li').first().textContent()).toContain(detail.plan[0]!.action.zh);
    expect(await page.getByTestId('review-summary').textContent()).toContain(String(lowest.score));
    await shot('3-plan-zh', false);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('locale-toggle').click();
    await poll(() => plan.locator('li').first().textContent()).toContain(detail.plan[0]!.action.en);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot('4-plan-en', false);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('reads the matrix and the proposal in English, and is offered no way to open it as a draft', async () => {
    await page.getByRole('link', { name: 'Back to the regions' }).click();
    await page.getByTestId('review-matrix').waitFor();
    expect(await page.getByTestId('review-matrix').locator('thead').textContent()).toContain('Score');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('review-proposal-link').click();
    await page.getByTestId('proposal-explanation').waitFor();
    expect(await page.getByTestId('proposal-explanation').textContent()).toMatch(/lighter in \d+ places?/);
    expect(await page.getByTestId('proposal-open-draft').count()).toBe(0);
    await shot('5-proposal-en');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});

describe('the province official opens the proposed top runner as a draft', () => {
  it('shows where each element comes from, law-required ones flagged, and opens it in the editor', async () => {
    const page = await signedInPage('official');
    await page.goto(`${server.url}/designer/review/${permit}/proposal`);
    await page.getByTestId('proposal-elements').waitFor();
    expect(await page.locator('[data-testid="proposal-elements"] tr[data-law="true"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('proposal-element-form').textContent()).toMatch(/市|县|现行标杆/);
    await page.screenshot({ path: screenshotPath('designer-review-6-proposal-official-zh.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('proposal-open-draft').click();
    await page.waitForURL(/\/designer\/drafts\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const official = await Client.signedIn(server.url, 'official');
    const draft = (await official.get(`/api/drafts/${id}`)).body;
    expect(draft).toMatchObject({ matterId: permit, region: '330000', kind: 'baseline' });
    await poll(() => page.getByTestId('score').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('designer-review-7-draft.png'), fullPage: true });
  }, 90_000);

  it('had no console error, no failed request and no CSP violation on any page', () => {
    for (const w of watched) {
      expect(w.cspViolations).toEqual([]);
      expect(w.failures).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    }
  });
});
