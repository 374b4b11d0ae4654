import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../runtime/cli/main.ts';
import { axeViolations, launchChromium, screenshotPath } from '../support/browser.ts';
import { composeBundles } from '../../engine/index.ts';
import { matters, projectRoot, realCatalogue } from '../support/catalogue.ts';

let browser: Browser;
let dir: string;
let reportUrl: string;
// the catalogue's own figures, read from the definitions (it is being corrected: no count is written in)
// (with the bundles, each composed: a bundle's regional bundles are its variants)
const composed = composeBundles(realCatalogue.catalogue).map((b) => b.value);
const bundleMatters = [...new Set(composed.map((d) => d.id))].map((id) => ({ id, baseline: composed.find((d) => d.id === id && d.kind === 'baseline')!, variants: composed.filter((d) => d.id === id && d.kind === 'variant') }));
const reviewed = [...matters(), ...bundleMatters].filter((m) => m.baseline);
const matterCount = reviewed.length;
const variantCount = reviewed.reduce((n, m) => n + m.variants.length, 0);
// the catalogue's figures count matters (bundles are reviewed beside them); a proposal needs regional variants
const definitions = matters().filter((m) => m.baseline).flatMap((m) => [m.baseline, ...m.variants]);
const proposals = reviewed.filter((m) => m.variants.length > 0).length;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onematter-report-'));
  const quiet = { write: () => true };
  const code = await main(['review', 'definitions', '--out', join(dir, 'review.html'), '--levelled', '60'], { stdout: quiet, stderr: quiet, cwd: projectRoot });
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

    expect(await page.title()).toBe(`onematter review — ${matterCount} matters, ${variantCount} variants`);
    expect(await page.locator('section.matter').count()).toBe(matterCount);
    expect(await page.locator('table.matrix tbody tr.variant').count()).toBe(variantCount);
    expect(await page.locator('figure.chart svg g.bar').count()).toBe(matterCount + variantCount);
    expect(await page.locator('details.plan').count()).toBe(variantCount);
    expect(await page.locator('section.proposal').count()).toBe(proposals);

    const pujiang = page.locator('section[data-matter="330000-GA-0101"] tr[data-region="330726"]');
    expect(await pujiang.locator('td[data-metric="visits"]').getAttribute('data-deviation')).toBe('3');
    expect(await pujiang.locator('td[data-metric="visits"]').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 179, 138)');
    const bar = page.locator('section[data-matter="330000-GA-0101"] g.bar[data-region="330726"] rect');
    const box = await bar.boundingBox();
    expect(box!.width).toBeGreaterThan(0);
    expect(box!.width).toBeLessThan(440 * 0.5);

    // the province's catalogue metrics, at the threshold given (60)
    const catalogue = page.locator('section.catalogue');
    expect(await catalogue.locator('h2').innerText()).toContain('Catalogue metrics');
    for (const key of ['zeroMaterials', 'zeroForm', 'atMostOneVisit', 'levelled']) {
      const row = catalogue.locator(`tr[data-metric="${key}"]`);
      expect(Number(await row.getAttribute('data-total')), key).toBe(key === 'levelled' ? definitions.length - matters().filter((m) => m.baseline).length : definitions.length);
    }
    const atMostOne = catalogue.locator('tr[data-metric="atMostOneVisit"]');
    expect(Number(await atMostOne.getAttribute('data-count'))).toBe(definitions.filter((d) => d.visits <= 1).length);
    expect(await catalogue.locator('tr[data-metric="levelled"] th').innerText()).toContain('60');
    expect(await catalogue.locator('table.convergence tbody tr').count()).toBe(matters().filter((m) => m.baseline).length);
    // each row of a matrix says whether the definition meets the province's flags, and a levelled region is marked
    expect(await page.locator('table.matrix td[data-flag="atMostOneVisit"]').count()).toBe(reviewed.filter((m) => m.variants.length > 0).reduce((n, m) => n + 2 + m.variants.length, 0)); // baseline, variants, proposal (a matter with no variants has no matrix)
    expect(await pujiang.locator('td[data-flag="atMostOneVisit"]').innerText()).toBe('✗');
    expect(await page.locator('table.matrix tr.variant[data-levelled="true"]').count()).toBeGreaterThan(0);
    expect(await page.locator('figure.chart line.threshold[data-levelled="60"]').count()).toBe(matterCount);

    await page.screenshot({ path: screenshotPath('review-report.png'), fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
