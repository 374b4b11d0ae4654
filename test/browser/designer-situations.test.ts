/**
 * Situations (情形) in the designer, in Chromium against the real server. Shaoxing's variant of the residence permit
 * asks for a paper authorisation and charges postage, and its form asks how the permit is delivered with radio
 * buttons. The official, with the keyboard only, makes the authorisation a material asked for when the permit is
 * mailed, and sees the condition in words; in the live preview, the list of materials to supply and the amount due
 * follow the radio answer (evaluated in the analysis worker: the page's CSP allows no eval); undo takes the situation
 * back. Also: two materials made alternatives (a one-of group); a fee's situation in the service elements, and the
 * time-limit unit among them, with "no statutory limit" said by leaving the statutory days empty. axe-core finds
 * nothing serious, in Chinese or English; no console error, no CSP violation. Screenshots go to test-results/.
 */
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatterDefinition } from '../../engine/index.ts';
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
let draftId: string;

const byPost = { properties: { delivery: { properties: { method: { const: '邮寄送达' } }, required: ['method'] } }, required: ['delivery'] };

beforeAll(async () => {
  // npm test builds the web UIs once, before any test (a build here would race the other browser tests)
  server = await sandbox.start();
  // the variant as the city has it so far: a paper authorisation always asked for, postage charged for mail only,
  // and the delivery method as radio buttons
  const official = await Client.signedIn(server.url, 'officialShaoxing');
  const started = await official.post('/api/drafts', { variantOf: { id: permit }, region: '330600' });
  expect(started.status).toBe(201);
  draftId = started.body.id;
  const definition = started.body.definition as MatterDefinition;
  definition.materials.push({ id: 'mailAuthorisation', name: { zh: '邮寄送达委托书', en: 'Authorisation for delivery by mail' }, necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 } });
  definition.materials.push({ id: 'pickupAuthorisation', name: { zh: '代领委托书', en: 'Authorisation for collection by another person' }, necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 } });
  definition.fees.push({ id: 'postage', name: { zh: '邮寄费', en: 'Postage' }, amount: 12, when: byPost });
  definition.form.uiSchema = { ...definition.form.uiSchema, delivery: { method: { 'ui:widget': 'radio' } } };
  const saved = await official.put(`/api/drafts/${draftId}`, { definition, revision: started.body.revision });
  expect(saved.status).toBe(200);

  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser, { width: 1500, height: 1100 }));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });
const axeViolations = () => axeOf(page);
const shot = (name: string) => page.screenshot({ path: screenshotPath(`designer-situations-${name}.png`), fullPage: true });
const material = () => page.getByTestId('material').filter({ hasText: '邮寄送达委托书' });
const situation = (): Locator => page.getByTestId('situation-materialWhen');
const previewMaterials = () => page.getByTestId('preview-situation').getByTestId('preview-material').allTextContents();
const amount = () => page.getByTestId('preview-amount').textContent();
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
const whenOfDraft = async (): Promise<unknown> => page.evaluate(async (id) => {
  const draft = await (await fetch(`/api/drafts/${id}`)).json();
  return draft.definition.materials.find((m: { id: string }) => m.id === 'mailAuthorisation').when ?? null;
}, draftId);

describe("a material's situation", () => {
  it('opens the variant on its materials, the authorisation asked for always', async () => {
    await page.goto(`${server.url}/designer`);
    await page.getByLabel('用户名').fill('officialShaoxing');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.getByTestId('signed-in-user').textContent()).toContain('绍兴');
    await page.goto(`${server.url}/designer/drafts/${draftId}`);
    await page.getByRole('tab', { name: '申请材料' }).click();
    await material().click();
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('总是适用：没有条件。');
  }, 60_000);

  it('adds the situation with the keyboard: a field, then its value from the options, described in words', async () => {
    await situation().getByTestId('add-clause').focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('new-clause-field'); // the field list takes the focus
    // arrowing through the fields commits nothing: the condition is added once its field is chosen
    const options = await situation().getByTestId('new-clause-field').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const steps = options.indexOf('/delivery/method');
    expect(steps).toBeGreaterThan(0);
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    expect(await situation().getByTestId('new-clause-field').inputValue()).toBe('/delivery/method');
    expect(await whenOfDraft()).toBeNull();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('new-clause-add');
    await page.keyboard.press('Enter');
    // the new condition's value takes the focus: its first option, then the next one
    expect(await focused()).toBe('clause-value');
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('仅当：「领取方式」为「电子证照」');
    await page.keyboard.press('ArrowDown');
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('仅当：「领取方式」为「邮寄送达」');
    expect(await situation().getByTestId('clause-op').inputValue()).toBe('is');
    expect(await material().getByTestId('material-conditional').textContent()).toBe('有条件');
    await poll(whenOfDraft).toEqual(byPost); // autosaved as the JSON Schema the engine evaluates
  }, 60_000);

  it("changes the preview's materials and amount due when the radio answer changes", async () => {
    await page.getByTestId('panel-tab-preview').click();
    const preview = page.getByTestId('preview');
    await poll(previewMaterials).toEqual(expect.arrayContaining([expect.stringContaining('居民身份证')]));
    expect((await previewMaterials()).join()).not.toContain('邮寄送达委托书'); // not answered yet
    expect(await amount()).toBe('不收费');
    await preview.getByRole('radio', { name: '邮寄送达' }).check();
    await poll(previewMaterials).toEqual(expect.arrayContaining([expect.stringContaining('邮寄送达委托书')]));
    await poll(amount).toBe('合计：12 元');
    await shot('1-by-post');
    await page.getByTestId('preview-situation').screenshot({ path: screenshotPath('designer-situations-1-preview.png') });
    expect(await axeViolations()).toEqual([]);
    await preview.getByRole('radio', { name: '窗口领取' }).check();
    await poll(async () => (await previewMaterials()).join()).not.toContain('邮寄送达委托书');
    await poll(amount).toBe('不收费');
  }, 60_000);

  it('undoes the situation: the authorisation is asked for whatever the answer', async () => {
    await page.getByTestId('undo').click();
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('仅当：「领取方式」为「电子证照」');
    await page.keyboard.press('Control+z');
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('总是适用：没有条件。');
    await poll(previewMaterials).toEqual(expect.arrayContaining([expect.stringContaining('邮寄送达委托书')]));
    await poll(whenOfDraft).toBeNull();
    await page.keyboard.press('Control+Shift+z'); // and redo brings the first step back
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('仅当：「领取方式」为「电子证照」');
  }, 60_000);

  it('reads and edits it in English, axe-clean', async () => {
    await page.getByTestId('locale-toggle').click();
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('Only when: How to receive the permit is 电子证照');
    await page.getByTestId('panel-tab-preview').click();
    await page.getByTestId('preview-locale').selectOption('en');
    await poll(() => page.getByTestId('preview-situation').locator('h2').textContent()).toBe('Materials to supply, given these answers');
    await situation().getByTestId('edit-situation-json').click();
    const json = situation().getByTestId('situation-json').locator('.cm-content'); // inside the editor's shadow root
    await poll(() => json.textContent()).toContain('"const": "电子证照"');
    await shot('2-english');
    expect(await axeViolations()).toEqual([]);
  }, 60_000);

  it('writes a situation the builder cannot show as JSON: described, applied with Ctrl+Enter, undone with Ctrl+Z', async () => {
    const json = situation().getByTestId('situation-json').locator('.cm-content');
    const study = { properties: { residence: { properties: { reason: { const: '就读' } }, required: ['reason'] } }, required: ['residence'] };
    await json.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(JSON.stringify({ anyOf: [byPost, study] }));
    await page.keyboard.press('Control+Enter');
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('Only when: How to receive the permit is 邮寄送达 or Reason for residence is 就读');
    expect(await situation().getByTestId('clause').count()).toBe(0); // beyond the builder: JSON only
    await poll(whenOfDraft).toEqual({ anyOf: [byPost, study] });
    await page.keyboard.press('Control+z'); // in the editor: the model's undo, once
    await poll(() => situation().getByTestId('situation-text').textContent()).toBe('Only when: How to receive the permit is 电子证照');
    expect(await situation().getByTestId('clause').count()).toBe(1);
    await json.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('{ "properties": ');
    await page.keyboard.press('Control+Enter');
    await poll(() => situation().getByRole('alert').textContent()).toMatch(/^Not valid JSON/);
  }, 60_000);

  it('follows a problem inside the situation back to its material', async () => {
    const misspelt = { properties: { delivery: { properties: { metod: { const: '邮寄送达' } }, required: ['metod'] } }, required: ['delivery'] };
    const json = situation().getByTestId('situation-json').locator('.cm-content');
    await json.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(JSON.stringify(misspelt));
    await page.keyboard.press('Control+Enter');
    await poll(whenOfDraft).toEqual(misspelt);
    await page.getByTestId('material').first().click(); // another material
    await page.getByTestId('panel-tab-problems').click();
    const problem = page.getByTestId('problem').filter({ hasText: 'condition.unknown-field' });
    await poll(() => problem.count()).toBeGreaterThan(0);
    expect(await problem.first().locator('code').textContent()).toMatch(/^\/materials\/\d+\/when\//);
    await problem.first().click();
    await poll(() => page.getByTestId('material-form').locator('legend').first().textContent()).toBe('Authorisation for delivery by mail');
    await poll(() => situation().getByTestId('situation-problems').textContent()).toContain('delivery/metod');
    expect(await situation().getByTestId('clause-field').inputValue()).toBe('/delivery/metod'); // shown as it is, marked missing
    await shot('3-problem');
    expect(await axeViolations()).toEqual([]);
  }, 60_000);
});

describe('a one-of group', () => {
  const groupsOfDraft = async (): Promise<Record<string, string>> => page.evaluate(async (id) => {
    const draft = await (await fetch(`/api/drafts/${id}`)).json();
    return Object.fromEntries(draft.definition.materials.filter((m: { oneOfGroup?: string }) => m.oneOfGroup).map((m: { id: string; oneOfGroup: string }) => [m.id, m.oneOfGroup]));
  }, draftId);

  it('makes the two authorisations alternatives: a group of one is named until its second member joins', async () => {
    await situation().getByTestId('remove-situation').click(); // the misspelt situation goes first
    await poll(whenOfDraft).toBeNull();
    const group = page.getByTestId('material-form').getByTestId('material-group');
    await group.selectOption({ label: 'New one-of group (group1)' });
    await poll(() => page.getByTestId('group-problems').textContent()).toContain('[materials.one-of-single]');
    expect(await group.getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('material').filter({ hasText: 'Authorisation for collection' }).click();
    await group.selectOption('group1');
    await poll(() => page.getByTestId('group-problems').count()).toBe(0);
    await poll(groupsOfDraft).toEqual({ employmentProof: 'residenceGround', housingProof: 'residenceGround', studyProof: 'residenceGround', mailAuthorisation: 'group1', pickupAuthorisation: 'group1' });
    expect(await page.getByTestId('material').filter({ hasText: 'one of group1' }).count()).toBe(2);
    await page.getByTestId('panel-tab-preview').click();
    await poll(previewMaterials).toContain('Any one of: Authorisation for delivery by mail, Authorisation for collection by another person');
    await shot('4-group');
    expect(await axeViolations()).toEqual([]);
    // undone step by step: the group goes, the situation comes back
    for (let i = 0; i < 3; i++) await page.getByTestId('undo').click();
    await poll(groupsOfDraft).toEqual({ employmentProof: 'residenceGround', housingProof: 'residenceGround', studyProof: 'residenceGround' });
    await poll(whenOfDraft).not.toBeNull();
  }, 60_000);
});

describe("a fee's situation among the service elements", () => {
  it("shows the postage's situation in words, the time-limit unit and validity kinds, axe-clean in Chinese", async () => {
    await page.getByTestId('locale-toggle').click(); // back to Chinese
    await page.getByRole('tab', { name: '服务要素' }).click();
    const fee = page.getByTestId('situation-feeWhen');
    await poll(() => fee.getByTestId('situation-text').textContent()).toBe('仅当：「领取方式」为「邮寄送达」');
    expect(await page.getByTestId('situation-feeWaivedWhen').getByTestId('situation-text').textContent()).toBe('不减免。');
    const service = page.getByTestId('service');
    expect(await service.getByText('时限单位').count()).toBeGreaterThan(0);
    expect(await service.getByText('可延长至').count()).toBeGreaterThan(0);
    expect(await service.getByText('现场办理时长（分钟）').count()).toBeGreaterThan(0);
    for (const part of ['timeLimit', 'outputs', 'contact']) await service.locator(`#root_${part}`).screenshot({ path: screenshotPath(`designer-situations-3-service-${part}.png`) });
    expect(await axeViolations()).toEqual([]);
  }, 60_000);

  it('waives the postage for students, with the reason beside the waiver; removing the waiver takes the reason along', async () => {
    const waiver = page.getByTestId('situation-feeWaivedWhen');
    await waiver.getByTestId('add-clause').click();
    await waiver.getByTestId('new-clause-field').selectOption('/residence/reason');
    await waiver.getByTestId('new-clause-add').click();
    await waiver.getByTestId('clause-value').selectOption('"就读"');
    await poll(() => waiver.getByTestId('situation-text').textContent()).toBe('减免条件：「申领事由」为「就读」');
    await waiver.getByTestId('waiver-reason-zh').fill('在校学生免收');
    const fee = async () => page.evaluate(async (id) => (await (await fetch(`/api/drafts/${id}`)).json()).definition.fees.find((f: { id: string }) => f.id === 'postage'), draftId);
    await poll(fee).toMatchObject({ waivedWhen: { properties: { residence: { properties: { reason: { const: '就读' } } } } }, waiverReason: { zh: '在校学生免收' } });
    await page.getByTestId('service').locator('#root_fees').screenshot({ path: screenshotPath('designer-situations-3-service-fees.png') });
    expect(await axeViolations()).toEqual([]);
    await waiver.getByTestId('remove-situation').click();
    await poll(() => waiver.getByTestId('situation-text').textContent()).toBe('不减免。');
    await poll(async () => Object.keys(await fee())).toEqual(['id', 'name', 'amount', 'when']);
  }, 60_000);

  it('says "no statutory limit" by an empty box: the element goes, undo brings it back', async () => {
    const statutory = page.locator('#root_timeLimit_statutoryDays');
    const timeLimit = async () => page.evaluate(async (id) => (await (await fetch(`/api/drafts/${id}`)).json()).definition.timeLimit, draftId);
    expect(await statutory.inputValue()).toBe('15');
    expect(await statutory.getAttribute('placeholder')).toBe('法律未规定时限');
    await statutory.fill('');
    await poll(timeLimit).toEqual({ unit: 'days', extendableTo: 30, promisedDays: 3 }); // absent, not null
    await page.getByTestId('undo').click();
    await poll(() => statutory.inputValue()).toBe('15');
    await poll(timeLimit).toEqual({ unit: 'days', statutoryDays: 15, extendableTo: 30, promisedDays: 3 });
  }, 60_000);

  it('breaks no rule of the Content-Security-Policy and logs no error', () => {
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
