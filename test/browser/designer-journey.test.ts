/**
 * The designer, end to end in Chromium against the real server: Shaoxing's official signs in through the portal and
 * lands in the designer, creates Shaoxing's variant of the residence permit and publishes it; an applicant starts a
 * case on it. The official opens the variant again, adds a required field and a paper material, watches the diff and
 * the score change, applies one level-up action, undoes an edit, and publishes the next version (a major one: old
 * submissions lack the new required field). A new case takes the new version; the earlier case stays on the old one.
 * axe-core finds nothing serious on the way; no console error, no CSP violation. Screenshots go to test-results/.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, watchedPage } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const permit = '330000-GA-0101';
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
let consoleErrors: string[] = [];
let applicant: Client;
let earlierCase: string;

beforeAll(async () => {
  // npm test builds the web UIs once, before any test
  server = await sandbox.start();
  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser));
  applicant = await Client.signedIn(server.url, 'zhangWei');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });
const shot = (name: string) => page.screenshot({ path: screenshotPath(`designer-journey-${name}.png`), fullPage: true });
const score = async () => Number((await page.getByTestId('score').textContent()) ?? NaN);
const metric = async (name: string) => Number(await page.getByTestId(`metric-${name}`).locator('td').first().textContent());
const axeViolations = () => axeOf(page);
async function publish(expected: RegExp): Promise<string> {
  await page.getByTestId('publish').click();
  const dialog = page.getByTestId('publish-dialog');
  await poll(() => dialog.getByTestId('proposed-version').textContent()).toMatch(expected);
  const version = await dialog.getByTestId('publish-version').inputValue();
  await dialog.getByTestId('confirm-publish').click();
  await poll(() => dialog.getByTestId('published').textContent()).toContain(version);
  return version;
}

describe('a city official levels up their variant in the designer', () => {
  it('signs in at the portal and lands in the designer, scoped to Shaoxing', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sign-in-username').fill('officialShaoxing');
    await page.getByTestId('sign-in-password').fill('demo1234');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(/\/designer$/);
    await poll(() => page.getByTestId('signed-in-user').textContent()).toContain('绍兴');
    await page.getByTestId('catalogue-row').first().waitFor();
    await shot('1-catalogue');
    expect(await axeViolations()).toEqual([]);
  });

  it("creates Shaoxing's variant of the residence permit and publishes it; an applicant starts a case on it", async () => {
    await page.getByTestId('catalogue-search').fill('居住证申领');
    const baseline = page.getByTestId('catalogue-row').filter({ hasText: '标杆' }).filter({ hasText: permit });
    await poll(() => baseline.count()).toBe(1);
    await baseline.getByRole('button', { name: '新建地方版本' }).click();
    await page.getByTestId('variant-region').selectOption('330600');
    await page.getByTestId('create-variant').click();
    await page.waitForURL(/\/designer\/drafts\/[^/]+$/);
    await poll(score).toBe(100); // a copy of the top runner
    expect(await publish(/1\.0\.0/)).toBe('1.0.0');
    const started = await applicant.post('/api/cases', { matterId: permit, region: '330600' });
    expect(started.status).toBe(201);
    expect(started.body.version).toBe('1.0.0');
    earlierCase = started.body.id;
  }, 120_000);

  it('adds a required field and a paper material, and watches the diff and the score move', async () => {
    await page.goto(`${server.url}/designer`);
    await page.getByTestId('catalogue-search').fill('居住证申领');
    const variant = page.getByTestId('catalogue-row').filter({ hasText: '绍兴市' }).filter({ hasText: permit });
    await poll(() => variant.count()).toBe(1);
    await variant.getByRole('button', { name: '编辑' }).click();
    await page.waitForURL(/\/designer\/drafts\/[^/]+$/);
    await poll(score).toBe(100);
    const fieldsTyped = await metric('fieldsTyped');
    const materials = await metric('materials');

    // a required field in the applicant's group
    await page.locator('[data-testid="field-item"][data-field="/applicant/mobile"] > .tree-row').click();
    await page.getByTestId('new-field-name').fill('wechat');
    await page.getByTestId('new-field-title').fill('微信号');
    await page.getByTestId('add-field').click();
    await page.getByTestId('field-required').check();
    await poll(() => metric('fieldsTyped')).toBe(fieldsTyped + 1);
    await poll(() => page.getByTestId('change').filter({ hasText: 'wechat' }).count()).toBeGreaterThan(0);
    const afterField = await score();
    expect(afterField).toBeLessThan(100);

    // a paper material the applicant brings
    await page.getByRole('tab', { name: '申请材料' }).click();
    await page.getByTestId('new-material-zh').fill('户口簿复印件');
    await page.getByTestId('new-material-en').fill('Copy of the household register');
    await page.getByTestId('add-material').click();
    expect(await page.getByTestId('material-paper').isChecked()).toBe(true);
    await poll(() => metric('materials')).toBe(materials + 1);
    await poll(score).toBeLessThan(afterField);
    expect(await page.getByTestId('change').filter({ hasText: '户口簿复印件' }).count()).toBeGreaterThan(0);
    await shot('2-diff');
    expect(await axeViolations()).toEqual([]);
  }, 120_000);

  it('applies one level-up action, then undoes it', async () => {
    const before = await score();
    const steps = await page.getByTestId('plan-step').count();
    const material = page.getByTestId('plan-step').filter({ hasText: '户口簿复印件' });
    await material.getByTestId('apply-step').click(); // "stop asking for …": the top runner does not
    await poll(score).toBeGreaterThan(before);
    await poll(() => page.getByTestId('plan-step').count()).toBe(steps - 1);
    await shot('3-applied');
    await page.getByTestId('undo').click();
    await poll(score).toBe(before);
    await poll(() => page.getByTestId('plan-step').count()).toBe(steps);
  }, 60_000);

  it('publishes the next version as a major one; new cases take it, the earlier case stays on 1.0.0', async () => {
    const version = await publish(/2\.0\.0/);
    expect(version).toBe('2.0.0');
    await shot('4-published');
    const next = await applicant.post('/api/cases', { matterId: permit, region: '330600' });
    expect(next.body.version).toBe('2.0.0');
    expect(next.body.definition.form.schema.properties.applicant.properties.wechat).toBeDefined();
    const earlier = await applicant.get(`/api/cases/${earlierCase}`);
    expect(earlier.body.version).toBe('1.0.0');
    expect(earlier.body.definition.form.schema.properties.applicant.properties.wechat).toBeUndefined();
    const history = await applicant.get(`/api/definitions/${permit}/330600/versions`);
    expect(history.body.versions.map((v: { version: string; publishedBy: string }) => `${v.version} ${v.publishedBy}`)).toEqual(['1.0.0 officialShaoxing', '2.0.0 officialShaoxing']);
  }, 60_000);

  it('imports a draft-07 form written elsewhere, with a report of every conversion, as one undoable edit', async () => {
    await page.goto(`${server.url}/designer`);
    await page.getByTestId('catalogue-search').fill('居住证申领');
    const variant = page.getByTestId('catalogue-row').filter({ hasText: '绍兴市' }).filter({ hasText: permit });
    await variant.getByRole('button', { name: '编辑' }).click();
    await page.waitForURL(/\/designer\/drafts\/[^/]+$/);
    await page.getByTestId('import-form').click();
    const rjsf = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { card: { type: 'string', title: '卡号' }, address: { type: 'string', title: '地址' }, kind: { type: 'string', enum: ['a', 'b'], enumNames: ['甲', '乙'] } },
      dependencies: { card: ['address'] },
    };
    await page.getByTestId('import-text').fill(JSON.stringify(rjsf));
    await page.getByRole('button', { name: /^(检查|Check)$/ }).click();
    const report = page.getByTestId('import-report');
    await poll(() => report.locator('.import-changes li').count()).toBeGreaterThanOrEqual(3); // $schema, dependencies, enumNames
    await shot('5-import');
    expect(await axeViolations()).toEqual([]);
    await page.getByTestId('import-apply').click();
    await poll(() => page.locator('[data-testid="field-item"][data-field="/card"]').count()).toBe(1);
    await page.getByTestId('undo').click();
    await poll(() => page.locator('[data-testid="field-item"][data-field="/card"]').count()).toBe(0);
    await poll(() => page.locator('[data-testid="field-item"][data-field="/applicant/wechat"]').count()).toBe(1);
  }, 60_000);

  it('breaks no rule of the Content-Security-Policy and logs no error', () => {
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
