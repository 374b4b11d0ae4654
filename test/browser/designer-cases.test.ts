/**
 * Running cases and a new version, in Chromium against the real server. Three residence-permit cases run on the
 * published version (a draft, a submitted application, one asked for supplements); the province publishes the next
 * version, which renames the applicant's mobile to phone and drops the supplement step. In a draft's "Running cases"
 * panel the official sees the cases per step and why two cannot move; with the keyboard declares the rename, sees the
 * submitted case become compatible, and migrates (confirm dialog): two move, one stays. axe-clean in Chinese and
 * English; no console error, no CSP violation. Screenshots go to test-results/.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, signInToDesigner, watchedPage } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const permit = '330000-GA-0101';
const published = (JSON.parse(readFileSync(new URL('../../definitions/matters/residence-permit/baseline.json', import.meta.url), 'utf8')) as { version: string }).version;
const next = (() => {
  const [major, minor] = published.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
})();
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
let consoleErrors: string[] = [];
let draftId: string;
const ids = { draft: '', submitted: '', supplement: '' };
let zhang: Client;

beforeAll(async () => {
  // npm test builds the web UIs once, before any test
  server = await sandbox.start();
  zhang = await Client.signedIn(server.url, 'zhangWei');
  const clerk = await Client.signedIn(server.url, 'clerk');
  const start = async () => (await zhang.post('/api/cases', { matterId: permit, region: '330000' })).body;
  const submit = async (c: { id: string; revision: number; data: any }) => {
    const data = { ...c.data, applicant: { ...c.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
    const reply = await zhang.post(`/api/cases/${c.id}/submit`, { data, revision: c.revision });
    expect(reply.status, reply.text).toBe(200);
    return reply.body;
  };
  ids.draft = (await start()).id;
  ids.submitted = (await submit(await start())).id;
  const s = await submit(await start());
  expect((await clerk.post(`/api/cases/${s.id}/actions`, { event: 'REQUEST_SUPPLEMENT', revision: s.revision })).status).toBe(200);
  ids.supplement = s.id;

  // the next version: mobile renamed to phone, no supplement step
  const official = await Client.signedIn(server.url, 'official');
  const draft = (await official.post('/api/drafts', { edit: { id: permit, region: '330000' } })).body;
  const definition = structuredClone(draft.definition);
  const applicant = definition.form.schema.properties.applicant;
  applicant.properties = Object.fromEntries(Object.entries(applicant.properties).map(([k, v]) => [k === 'mobile' ? 'phone' : k, v]));
  applicant.required = applicant.required.map((r: string) => (r === 'mobile' ? 'phone' : r));
  delete definition.process.states.supplement;
  delete definition.process.states.submitted.on.REQUEST_SUPPLEMENT;
  expect((await official.put(`/api/drafts/${draft.id}`, { definition, revision: 1 })).status).toBe(200);
  const done = await official.post(`/api/drafts/${draft.id}/publish`, { revision: 2, version: next });
  expect(done.status, done.text).toBe(201);
  // the official's next draft of the matter: where the designer shows its running cases
  draftId = (await official.post('/api/drafts', { edit: { id: permit, region: '330000' } })).body.id;

  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser, { width: 1500, height: 1100 }));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });
const shot = (name: string) => page.screenshot({ path: screenshotPath(`designer-cases-${name}.png`), fullPage: true });
const older = () => page.getByTestId(`cases-version-${published}`);

describe('running cases on an older version', () => {
  it('shows them per step, and why two of three cannot move', async () => {
    await signInToDesigner(page, server.url, 'official');
    await poll(() => page.getByTestId('signed-in-user').count()).toBe(1);
    await page.goto(`${server.url}/designer/drafts/${draftId}`);
    await page.getByTestId('panel-tab-cases').click();
    await poll(() => page.getByTestId('cases-target').inputValue()).toBe(next);
    await poll(() => older().getByTestId('cases-compatible').textContent()).toBe('3 件中 1 件可以迁移');
    const rows = await older().locator('tbody tr').allTextContents();
    expect(rows).toEqual(['draft草稿1存在applicant', 'submitted办理中1存在clerk', 'supplement办理中1不存在applicant → —']);
    const reasons = await older().getByTestId('cases-reasons').locator('li').allTextContents();
    expect(reasons).toEqual(expect.arrayContaining([
      '环节“supplement”在新版本的流程中不存在（1 件）',
      '/applicant/phone：新表单要求填写此项（2 件）',
      '/applicant/mobile：新表单中没有此字段（可映射到新字段）（2 件）',
    ]));
    await shot('1-plan');
    expect(await axeOf(page)).toEqual([]);
  }, 60_000);

  it('declares the rename with the keyboard, and the submitted case becomes compatible', async () => {
    await page.getByTestId('mapping-add').focus();
    await page.keyboard.press('Enter'); // a new row, its "from" field focused
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mapping-from-0');
    await page.keyboard.type('/applicant/mobile');
    await page.keyboard.press('Tab');
    await page.keyboard.type('/applicant/phone');
    await page.getByTestId('mapping-check').focus();
    await page.keyboard.press('Enter');
    await poll(() => older().getByTestId('cases-compatible').textContent()).toBe('3 件中 2 件可以迁移');
    expect(await older().getByTestId('cases-reasons').locator('li').allTextContents()).toEqual(['环节“supplement”在新版本的流程中不存在（1 件）']);
    await poll(() => older().getByTestId('cases-migrate').textContent()).toBe('迁移 2 件可迁移的案件…');
    expect(await axeOf(page)).toEqual([]);
  }, 60_000);

  it('migrates after a confirmation: two move, one stays pinned', async () => {
    await older().getByTestId('cases-migrate').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('cases-confirm');
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('应用 1 条字段映射');
    // Escape cancels; nothing moved
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    expect((await zhang.get(`/api/cases/${ids.submitted}`)).body.version).toBe(published);
    await older().getByTestId('cases-migrate').click();
    await poll(() => dialog.isVisible()).toBe(true);
    await shot('2-confirm');
    expect(await axeOf(page)).toEqual([]);
    await dialog.getByTestId('cases-confirm-migrate').click();
    await poll(() => older().getByTestId('cases-result').textContent()).toBe('已迁移 2 件；1 件不能迁移，保留在原版本。');
    await poll(() => older().getByTestId('cases-compatible').textContent()).toBe('1 件中 0 件可以迁移');
    expect(await older().getByTestId('cases-migrate').count()).toBe(0);
    const moved = (await zhang.get(`/api/cases/${ids.submitted}`)).body;
    expect(moved).toMatchObject({ version: next });
    expect(moved.data.applicant.phone).toBe('13800138000');
    expect(moved.audit.at(-1)).toMatchObject({ type: 'migrate', payload: { fromVersion: published, toVersion: next, mapping: [{ from: '/applicant/mobile', to: '/applicant/phone' }] } });
    expect((await zhang.get(`/api/cases/${ids.supplement}`)).body.version).toBe(published);
    await shot('3-migrated');
  }, 60_000);

  it('reads in English, axe-clean, with no console error or CSP violation', async () => {
    await page.getByTestId('locale-toggle').click();
    await poll(() => older().getByTestId('cases-compatible').textContent()).toBe('0 of 1 can move');
    expect(await older().getByTestId('cases-reasons').locator('li').allTextContents()).toEqual(['Step "supplement" is not in the new version\'s process (1 case)']);
    expect(await older().getByTestId('cases-result').textContent()).toBe('2 moved; 1 cannot move and stays on its version.');
    await shot('4-english');
    expect(await axeOf(page)).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
