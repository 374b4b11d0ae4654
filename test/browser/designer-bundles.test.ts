/**
 * The bundle editor (一件事) in Chromium against the real server. The province's official opens the relocation bundle
 * (residence permit + medical insurance transfer) from the header, lists the mobile number as one fact of both
 * members and sees the saving change (one field fewer typed) and the composed form lose the second copy; lists the
 * reason for moving as one fact and sees a conflict naming both members' fields, whose link leads to the fact; undo
 * takes the conflict back and redo brings it again; a member found in the catalogue is added and taken back; the download is the bundle as a definitions folder holds it. A
 * reviewer sees the same bundle read only. axe-core finds nothing serious in Chinese or English; no console error,
 * no CSP violation. Screenshots go to test-results/.
 *
 * ONEMATTER_DESIGNER_DIR, when set, serves the designer from that build instead of designer/dist (the server's
 * answers are kept, headers included; only the files come from the other build).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisWorkerCsp } from '../../runtime/server/headers.ts';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, launchChromium, screenshotPath, signInToDesigner, watchedPage } from '../support/browser.ts';
import { serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const relocation = JSON.parse(readFileSync(new URL('../../definitions/bundles/relocation.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const designerDir = process.env.ONEMATTER_DESIGNER_DIR;
const types: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
let consoleErrors: string[] = [];

/** Answers the designer's files from another build, with the server's own headers (CSP and all). */
async function serveDesignerFrom(target: Page, dir: string): Promise<void> {
  await target.route((url) => url.pathname === '/designer' || url.pathname.startsWith('/designer/'), async (route) => {
    const response = await route.fetch();
    const path = new URL(route.request().url()).pathname.replace(/^\/designer\/?/, '');
    const file = normalize(path).replace(/^([/\\]|\.\.[/\\]?)+/, '');
    const found = file && file !== '.' && existsSync(join(dir, file)) && statSync(join(dir, file)).isFile() ? file : 'index.html';
    const { 'content-length': _l, 'content-type': _t, etag: _e, 'last-modified': _m, ...headers } = response.headers();
    if (/^assets\/analysis-worker-[\w-]+\.js$/.test(found)) headers['content-security-policy'] = analysisWorkerCsp;
    await route.fulfill({ status: 200, headers: { ...headers, 'content-type': types[extname(found)] ?? 'application/octet-stream' }, body: readFileSync(join(dir, found)) });
  });
}

async function openPage(): Promise<{ page: Page; cspViolations: string[]; consoleErrors: string[] }> {
  const watched = await watchedPage(browser, { width: 1500, height: 1100 });
  if (designerDir) await serveDesignerFrom(watched.page, designerDir);
  return watched;
}

beforeAll(async () => {
  // npm test builds the web UIs once, before any test (a build here would race the other browser tests)
  server = await sandbox.start();
  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await openPage());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });
const shot = (name: string, fullPage = false) => page.screenshot({ path: screenshotPath(`designer-bundles-${name}.png`), fullPage });
const saved = (metric: string) => page.getByTestId(`saving-${metric}`).locator('[data-col="saved"]').textContent();
const together = (metric: string) => page.getByTestId(`saving-${metric}`).locator('[data-col="together"]').textContent();
const problems = () => page.getByTestId('bundle-problem').allTextContents();
const facts = () => page.getByTestId('bundle-fact').evaluateAll((els) => els.map((e) => e.getAttribute('data-fact')));
const previewFields = (member: string) => page.getByTestId('bundle-preview').locator(`[id^="root_${member}_applicant_"]`).evaluateAll((els) => els.map((e) => e.id));

async function addFact(a: [string, string], b: [string, string]): Promise<void> {
  await page.getByTestId('fact-a-member').selectOption(a[0]);
  await page.getByTestId('fact-a-field').selectOption(a[1]);
  await page.getByTestId('fact-b-member').selectOption(b[0]);
  await page.getByTestId('fact-b-field').selectOption(b[1]);
  await page.getByTestId('add-fact').click();
}

describe('the relocation bundle in the bundle editor', () => {
  it('opens from the header’s 一件事 entry: the members, the saving, no problems, the composed form', async () => {
    await signInToDesigner(page, server.url, 'official');
    await page.getByTestId('nav-bundles').click();
    await page.waitForURL(/\/designer\/bundles$/);
    await page.getByTestId('bundle-row').filter({ hasText: 'bundles/relocation.json' }).getByTestId('bundle-open').click();
    await page.waitForURL(/\/designer\/bundles\/relocation$/);
    await poll(() => page.getByTestId('bundle-member').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual(['residencePermit', 'insuranceTransfer']);
    await poll(() => saved('submissions')).toBe('1');
    expect(await saved('fieldsTyped')).toBe('0');
    expect(await saved('promisedDays')).toBe('1.14');
    await page.getByTestId('bundle-problems-none').waitFor();
    await poll(() => previewFields('insuranceTransfer')).toContain('root_insuranceTransfer_applicant_mobile');
    expect(await page.getByTestId('publish-note').textContent()).toContain('发布一件事尚未提供');
    await shot('opened', true);
  }, 90_000);

  it('one fact of both members: one field fewer to type, and the composed form asks it once', async () => {
    await addFact(['residencePermit', '/applicant/mobile'], ['insuranceTransfer', '/applicant/mobile']);
    await poll(() => saved('fieldsTyped')).toBe('1');
    expect(await together('fieldsTyped')).toBe('6');
    expect(await facts()).toEqual(['mobile']);
    await poll(() => previewFields('insuranceTransfer')).not.toContain('root_insuranceTransfer_applicant_mobile');
    await page.getByTestId('bundle-problems-none').waitFor();
  }, 60_000);

  it('a fact whose fields differ: a conflict naming both members’ fields, linked to the fact', async () => {
    await addFact(['residencePermit', '/residence/reason'], ['insuranceTransfer', '/reason']);
    await poll(problems).toHaveLength(1);
    const [text] = await problems();
    expect(text).toContain('insuranceTransfer');
    expect(text).toContain('/reason');
    expect(text).toContain('residencePermit');
    expect(text).toContain('/residence/reason');
    expect(text).toContain('bundle.fact-conflict');
    expect(await saved('fieldsTyped')).toBe('1'); // both reasons stay asked
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('conflict');
    await page.getByTestId('bundle-problem-link').click();
    const fact = page.getByTestId('bundle-fact').filter({ has: page.locator('.code', { hasText: /^reason$/ }) });
    await poll(() => fact.evaluate((e) => e === document.activeElement && e.classList.contains('selected'))).toBe(true);
    await shot('followed');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('undo takes the conflict back, then the saving; redo brings them again', async () => {
    await page.getByTestId('undo').click();
    await page.getByTestId('bundle-problems-none').waitFor();
    expect(await facts()).toEqual(['mobile']);
    expect(await saved('fieldsTyped')).toBe('1');
    await page.getByTestId('undo').click();
    await poll(() => saved('fieldsTyped')).toBe('0');
    expect(await facts()).toEqual([]);
    await page.getByTestId('redo').click();
    await page.getByTestId('redo').click();
    await poll(problems).toHaveLength(1);
    await page.getByTestId('undo').click(); // keep the mobile number only
    await page.getByTestId('bundle-problems-none').waitFor();
    await shot('undone');
  }, 60_000);

  it('adds a member found in the catalogue (composed in at once) and takes it back with Ctrl+Z', async () => {
    await page.getByTestId('member-search').fill('出生登记');
    await page.getByTestId('member-result').filter({ hasText: '330000-GA-0102' }).click();
    expect(await page.getByTestId('new-member-key').inputValue()).toMatch(/^[a-z][A-Za-z0-9]*$/);
    await page.getByTestId('new-member-key').fill('birthRegistration');
    await page.getByTestId('new-member-department').fill('police');
    await page.getByTestId('add-member').click();
    await poll(() => page.getByTestId('bundle-member').count()).toBe(3);
    await poll(() => page.getByTestId('saving-submissions').locator('[data-col="separately"]').textContent()).toBe('3');
    await poll(() => page.getByTestId('bundle-preview').locator('[id^="root_birthRegistration_"]').count()).toBeGreaterThan(0);
    await shot('member-added');
    await page.getByRole('heading', { level: 1 }).click(); // out of the text fields: the shortcut is the editor's there
    await page.keyboard.press('Control+z');
    await poll(() => page.getByTestId('bundle-member').count()).toBe(2);
    expect(await page.getByTestId('saving-submissions').locator('[data-col="separately"]').textContent()).toBe('2');
  }, 60_000);

  it('downloads the bundle as a definitions folder holds it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bundle-download').click()]);
    expect(download.suggestedFilename()).toBe('relocation.json');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(text)).toEqual({ ...relocation, facts: [{ id: 'mobile', fields: [{ member: 'residencePermit', field: '/applicant/mobile' }, { member: 'insuranceTransfer', field: '/applicant/mobile' }] }] });
    expect(text.endsWith('}\n')).toBe(true);
  }, 60_000);

  it('reads in English too, with nothing serious for axe; no console error, no CSP violation', async () => {
    await page.getByTestId('locale-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
    await page.getByRole('heading', { name: /Bundle: Moving to another city for work/ }).waitFor();
    expect(await page.getByTestId('nav-bundles').textContent()).toBe('Bundles');
    expect(await page.getByTestId('publish-note').textContent()).toContain('Publishing bundles is not offered yet');
    await shot('english');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('locale-toggle').click();
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 60_000);
});

describe('a reviewer', () => {
  it('reads the bundle and its saving but changes nothing', async () => {
    const reviewer = await openPage();
    await signInToDesigner(reviewer.page, server.url, 'reviewer');
    await reviewer.page.goto(`${server.url}/designer/bundles/relocation`);
    await reviewer.page.getByTestId('saving-submissions').waitFor();
    await reviewer.page.getByTestId('bundle-preview').locator('form').first().waitFor();
    expect(await reviewer.page.getByRole('heading', { level: 1 }).textContent()).toBe('一件事：异地就业迁居“一件事”');
    expect(await reviewer.page.getByTestId('add-fact').count()).toBe(0);
    expect(await reviewer.page.getByTestId('member-remove').count()).toBe(0);
    expect(await reviewer.page.getByTestId('bundle-title-zh').getAttribute('readonly')).not.toBeNull();
    expect(await reviewer.page.getByTestId('undo').isDisabled()).toBe(true);
    await reviewer.page.screenshot({ path: screenshotPath('designer-bundles-reviewer.png'), fullPage: true });
    expect(reviewer.consoleErrors).toEqual([]);
    expect(reviewer.cspViolations).toEqual([]);
    await reviewer.page.close();
  }, 90_000);
});
