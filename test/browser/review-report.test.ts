import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../runtime/cli/main.ts';
import { launchChromium, screenshotPath } from '../support/browser.ts';
import { projectRoot } from '../support/catalogue.ts';

let browser: Browser;
let dir: string;
let reportUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onematter-report-'));
  const quiet = { write: () => true };
  const code = await main(['review', 'definitions', '--out', join(dir, 'review.html')], { stdout: quiet, stderr: quiet, cwd: projectRoot });
  expect(code).toBe(0);
  reportUrl = pathToFileURL(join(dir, 'review.html')).href;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the review report in Chromium', () => {
  it('renders offline: every matter with its matrix, chart, plans and proposal, and fetches nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(reportUrl);

    expect(await page.title()).toBe('onematter review — 6 matters, 19 variants');
    expect(await page.locator('section.matter').count()).toBe(6);
    expect(await page.locator('table.matrix tbody tr.variant').count()).toBe(19);
    expect(await page.locator('figure.chart svg g.bar').count()).toBe(6 + 19);
    expect(await page.locator('details.plan').count()).toBe(19);
    expect(await page.locator('section.proposal').count()).toBe(6);

    const pujiang = page.locator('section[data-matter="330000-GA-0101"] tr[data-region="330726"]');
    expect(await pujiang.locator('td[data-metric="visits"]').getAttribute('data-deviation')).toBe('3');
    expect(await pujiang.locator('td[data-metric="visits"]').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 179, 138)');
    const bar = page.locator('section[data-matter="330000-GA-0101"] g.bar[data-region="330726"] rect');
    const box = await bar.boundingBox();
    expect(box!.width).toBeGreaterThan(0);
    expect(box!.width).toBeLessThan(440 * 0.5);

    await page.screenshot({ path: screenshotPath('review-report.png'), fullPage: false });
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
