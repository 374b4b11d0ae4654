/**
 * The designer's form fields editor in Chromium against the real server: Shaoxing's official starts a Shaoxing variant
 * of the residence permit, adds a required field, changes its type, gives it options labelled in Chinese and English
 * and a prefill from shared data (the live preview shows both), makes the postal address show only for delivery by
 * post (that rjsf then hides it is shown in test/designer-field-commands.test.ts: the preview runs no live checks, so
 * it cannot evaluate a condition), reorders fields with the keyboard and by dragging, removes one, sees a problem on
 * its field, undoes, and renames the field in English. Screenshots go to test-results/; axe-core finds nothing serious on the way, in Chinese or English; no
 * console error, no CSP violation.
 */
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, watchedPage } from '../support/browser.ts';
import { projectRoot } from '../support/catalogue.ts';
import { serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
let consoleErrors: string[] = [];

beforeAll(async () => {
  // npm test builds the web UIs once, before any test (a build here would race the other browser tests)
  server = await sandbox.start();
  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const axeViolations = () => axeOf(page);
const shot = (name: string) => page.screenshot({ path: screenshotPath(`designer-fields-${name}.png`), fullPage: true });
const item = (field: string): Locator => page.locator(`[data-testid="field-item"][data-field="${field}"]`);
const row = (field: string): Locator => item(field).locator('> .tree-row');
const panel = () => page.getByTestId('field-panel');
// The fields of an object in tree order.
const childrenOf = (field: string) => page.locator(`[role="treeitem"][data-parent="${field}"]`).evaluateAll((items) => items.map((i) => i.getAttribute('data-field')));
const definitionOfDraft = async (): Promise<any> => {
  const id = page.url().split('/').at(-1);
  return page.evaluate(async (draft) => (await (await fetch(`/api/drafts/${draft}`)).json()).definition, id);
};

describe('the form fields editor', () => {
  const field = '/applicant/householdType';

  it("opens a Shaoxing variant of the residence permit on the field tree", async () => {
    await page.goto(`${server.url}/designer`);
    await page.getByLabel('用户名').fill('officialShaoxing');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain('绍兴');
    await page.getByTestId('catalogue-search').fill('居住证');
    const baseline = page.getByTestId('catalogue-row').filter({ hasText: '标杆' }).filter({ hasText: '居住证申领' });
    await expect.poll(() => baseline.count()).toBe(1);
    await baseline.getByRole('button', { name: '新建地方版本' }).click();
    await page.getByTestId('variant-region').selectOption('330600');
    await page.getByTestId('create-variant').click();
    await page.waitForURL(/\/designer\/drafts\/[^/]+$/);
    await expect.poll(() => page.getByRole('tree').getByRole('treeitem').count()).toBeGreaterThan(20);
    expect(await page.getByRole('treeitem', { name: /^applicant/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await item('/applicant/mobile').textContent()).toContain('共享格式');
    expect(await page.getByText('在左侧选择一个字段。').isVisible()).toBe(true);
    await shot('1-tree');
    expect(await axeViolations()).toEqual([]);
  });

  it('adds a required field inside an object, changes its type, labels its options in both languages and prefills it', async () => {
    await row('/applicant/name').click();
    expect(await page.getByTestId('add-field-parent').inputValue()).toBe('/applicant'); // beside the chosen field
    await page.getByTestId('new-field-name').fill('householdType');
    await page.getByTestId('new-field-title').fill('户别');
    await page.getByTestId('new-field-type').selectOption('boolean');
    await page.getByTestId('add-field').click();
    await expect.poll(() => panel().getAttribute('data-field')).toBe(field);
    expect(await item(field).getAttribute('aria-selected')).toBe('true');

    await panel().getByTestId('field-required').check();
    await expect.poll(() => item(field).textContent()).toContain('必填');
    await panel().getByTestId('field-label-en').pressSequentially('Household type');
    await panel().getByTestId('field-type').selectOption('string');
    await expect.poll(() => panel().getByTestId('field-maxLength').isVisible()).toBe(true);

    const addOption = async (value: string, zh: string, en: string) => {
      await panel().getByTestId('new-option-value').fill(value);
      await panel().getByTestId('new-option-zh').fill(zh);
      await panel().getByTestId('new-option-en').fill(en);
      await panel().getByRole('button', { name: '添加选项' }).click();
    };
    await addOption('家庭户', '家庭户', 'Family household');
    await addOption('集体户', '集体户', 'Collective household');
    await expect.poll(() => panel().getByTestId('option').count()).toBe(2);
    await panel().getByTestId('option-en').nth(1).fill('Collective household (e.g. a dormitory)');

    await panel().getByTestId('prefill-item').selectOption('household');
    await expect.poll(() => panel().getByTestId('prefill-field').inputValue()).toBe('householdType'); // the item's field of the same name
    expect(await panel().getByTestId('prefill-locked').isChecked()).toBe(true);
    await expect.poll(() => item(field).textContent()).toContain('预填');
    await shot('2-new-field');
    expect(await axeViolations()).toEqual([]);

    await expect.poll(async () => (await definitionOfDraft()).form.schema.properties.applicant.properties.householdType, { timeout: 10_000 }).toEqual({
      type: 'string', title: '户别', description: 'Household type',
      oneOf: [
        { const: '家庭户', title: '家庭户', description: 'Family household' },
        { const: '集体户', title: '集体户', description: 'Collective household (e.g. a dormitory)' },
      ],
    });
    const saved = await definitionOfDraft();
    expect(saved.form.schema.properties.applicant.required.at(-1)).toBe('householdType');
    expect(saved.form.prefill.at(-1)).toEqual({ field, item: 'household', value: 'householdType', locked: true });
  });

  it('shows the new field in the live preview, prefilled and labelled in English', async () => {
    await page.getByTestId('panel-tab-preview').click();
    await page.getByTestId('preview-locale').selectOption('en');
    const select = page.getByTestId('preview').locator('#root_applicant_householdType');
    await expect.poll(() => select.count()).toBe(1);
    expect(await select.locator('option:checked').textContent()).toBe('Family household');
    expect(await select.isDisabled()).toBe(true); // verified from shared data, read-only
    await shot('3-preview');
  });

  it('shows the postal address only when the certificate is mailed', async () => {
    // the catalogue's permit asks for it only when mailed, required once shown: the panel reads that condition and edits it
    const entry = (when: string) => ({ if: { properties: { method: { const: when } }, required: ['method'] }, then: { required: ['postalAddress'] }, else: { properties: { postalAddress: false } } });
    await row('/delivery/postalAddress').click();
    await expect.poll(() => item('/delivery/postalAddress').textContent()).toContain('条件显示');
    expect(await panel().getByTestId('condition-field').inputValue()).toBe('method');
    await panel().getByTestId('condition-value').selectOption({ label: '窗口领取' });
    await expect.poll(async () => (await definitionOfDraft()).form.schema.properties.delivery.allOf, { timeout: 10_000 }).toEqual([entry('窗口领取')]);
    await panel().getByTestId('condition-value').selectOption({ label: '邮寄送达' });
    await expect.poll(async () => (await definitionOfDraft()).form.schema.properties.delivery.allOf, { timeout: 10_000 }).toEqual([entry('邮寄送达')]);
    await shot('4-condition');
    expect(await axeViolations()).toEqual([]);
  });

  it('reorders with the keyboard: arrows move the focus, Alt+↑ moves the field, the move buttons too', async () => {
    await row(field).click();
    const before = await childrenOf('/applicant');
    expect(before.at(-1)).toBe(field);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => childrenOf('/applicant')).toEqual([...before.slice(0, -2), field, before.at(-2)]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe(field); // the focus stayed on it
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe(before.at(-3));
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().getAttribute('data-field')).toBe(before.at(-3));
    await page.keyboard.press('ArrowLeft'); // a leaf: to its parent
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('/applicant');
    await page.keyboard.press('ArrowLeft'); // an open group: closes it
    expect(await item('/applicant').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    expect(await item('/applicant').getAttribute('aria-expanded')).toBe('true');

    await row(field).click();
    await expect.poll(() => panel().getAttribute('data-field')).toBe(field);
    await panel().getByTestId('move-up').click();
    await expect.poll(() => childrenOf('/applicant')).toEqual([...before.slice(0, -3), field, ...before.slice(-3, -1)]);
    expect(await page.getByTestId('fields-status').textContent()).toContain('householdType');
    await shot('5-keyboard');
  });

  it('reorders by dragging among siblings, and undo puts the field back', async () => {
    const before = await childrenOf('/applicant');
    await row(field).dragTo(row('/applicant/name'));
    await expect.poll(() => childrenOf('/applicant')).toEqual([field, ...before.filter((f) => f !== field)]);
    // not into another object: the drop is not offered there
    await row(field).dragTo(row('/residence/address'));
    expect((await childrenOf('/applicant'))[0]).toBe(field);
    expect(await childrenOf('/residence')).not.toContain(field);
    await shot('6-dragged');
    await page.getByTestId('undo').click();
    await expect.poll(() => childrenOf('/applicant')).toEqual(before);
  });

  it('removes a field with its prefill, and undo brings both back', async () => {
    await row(field).click();
    await panel().getByTestId('remove-field').click();
    await expect.poll(() => item(field).count()).toBe(0);
    expect(await panel().getAttribute('data-field')).toBe('/applicant'); // the field around it is chosen
    await page.getByTestId('undo').click();
    await expect.poll(() => item(field).count()).toBe(1);
    expect(await item(field).textContent()).toContain('预填');
  });

  it('shows a problem on its field, in the tree and the panel', async () => {
    await row('/applicant/ethnicity').click();
    await panel().getByLabel('格式（正则）').fill('([a-z]+)+$');
    await expect.poll(() => panel().getByTestId('field-problems').textContent(), { timeout: 15_000 }).toContain('form.pattern-unsafe');
    expect(await item('/applicant/ethnicity').textContent()).toContain('1 个问题');
    await shot('7-problem');
    expect(await axeViolations()).toEqual([]);
    await page.getByTestId('undo').click();
    await expect.poll(() => panel().getByTestId('field-problems').count(), { timeout: 15_000 }).toBe(0);
  });

  it('reads the same in English', async () => {
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await row(field).click();
    expect(await panel().getByRole('heading', { level: 2 }).textContent()).toBe(`Field ${field}`);
    expect(await panel().getByTestId('option-en').first().inputValue()).toBe('Family household');
    await shot('8-english');
    expect(await axeViolations()).toEqual([]);

    // renamed when the name is committed; the prefill follows it
    await panel().getByTestId('field-name').fill('householdKind');
    await panel().getByTestId('field-name').press('Enter');
    await expect.poll(() => item('/applicant/householdKind').count()).toBe(1);
    expect(await item(field).count()).toBe(0);
    expect(await item('/applicant/householdKind').textContent()).toContain('prefilled');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('field-name');
  });

  it('broke no rule of the page: no console error, no CSP violation', () => {
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
