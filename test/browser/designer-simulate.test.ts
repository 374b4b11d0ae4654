/**
 * The simulator in the designer, in Chromium against the real server: the province official opens a draft of the
 * residence permit, opens the Simulate panel and runs a case to the end with its buttons — the applicant fills the
 * form with example data and submits, acting as the approver at the clerk's step is refused by the runtime, the clerk
 * accepts, the approver approves — while the panel says whose turn it is, the deadline the submission set and the
 * audit trail the runtime wrote, ending with the certificate. axe-core finds nothing serious, in Chinese or English;
 * no console error, no CSP violation. Screenshots go to test-results/.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, signInToDesigner, watchedPage } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
let consoleErrors: string[] = [];
let draftId: string;

beforeAll(async () => {
  // npm test builds the web UIs once, before any test (a build here would race the other browser tests)
  server = await sandbox.start();
  const official = await Client.signedIn(server.url, 'official');
  const started = await official.post('/api/drafts', { edit: { id: '330000-GA-0101', region: '330000' } });
  expect(started.status).toBe(201);
  draftId = started.body.id;
  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser, { width: 1500, height: 1100 }));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });
const shot = (name: string) => page.screenshot({ path: screenshotPath(`designer-simulate-${name}.png`), fullPage: true });
const state = () => page.getByTestId('simulate-state').getAttribute('data-state');
const auditTypes = () => page.getByTestId('simulate-audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
const event = (type: string) => page.getByTestId(`simulate-event-${type}`);

describe('the simulator', () => {
  it('opens on the case as started: the applicant’s turn, prefilled from shared data, nothing written yet but “started”', async () => {
    await signInToDesigner(page, server.url, 'official');
    await poll(() => page.getByTestId('signed-in-user').textContent()).toContain('省级');
    await page.goto(`${server.url}/designer/drafts/${draftId}`);
    await page.getByTestId('panel-tab-simulate').click();
    await poll(state).toBe('draft');
    await poll(() => page.getByTestId('simulate-turn').textContent()).toContain('申请人');
    expect(await page.getByTestId('simulate-role').inputValue()).toBe('applicant');
    expect(await auditTypes()).toEqual(['started']);
    await expect(event('SUBMIT').isEnabled()).resolves.toBe(true);
    await poll(() => page.getByTestId('simulate-form').locator('input').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('simulate-deadline').textContent()).toContain('提交后开始计算承诺时限');
  }, 60_000);

  it('fills the form with example data and submits: the clerk’s turn, the promised deadline set', async () => {
    await page.getByTestId('simulate-fill').click();
    await poll(auditTypes).toEqual(['started', 'draft-saved']);
    await event('SUBMIT').click();
    await poll(state).toBe('submitted');
    await poll(() => page.getByTestId('simulate-turn').textContent()).toContain('受理窗口');
    expect(await page.getByTestId('simulate-role').inputValue()).toBe('clerk');
    expect(await page.getByTestId('simulate-deadline').textContent()).toMatch(/承诺时限 3 日/);
    expect(await auditTypes()).toEqual(['started', 'draft-saved', 'SUBMIT']);
    expect(await event('APPROVE').count()).toBe(0); // the clerk's step does not accept it
    // the clerk sees the answers submitted, read only: the example mobile number filled in beside the prefilled name
    await page.getByTestId('simulate-answers').locator('summary').click();
    expect(await page.getByTestId('simulate-answers').textContent()).toMatch(/手机号码1[3-9][0-9]{9}/);
    expect(await page.getByTestId('simulate-answers').textContent()).toContain('张伟');
    expect(await axeViolations()).toEqual([]);
    await shot('submitted-zh');
  }, 60_000);

  it('shows the runtime’s refusal when acting in a role whose turn it is not, and keeps nothing of it', async () => {
    await page.getByTestId('simulate-role').selectOption('approver');
    await poll(() => page.getByTestId('simulate-not-turn').isVisible()).toBe(true);
    await event('ACCEPT').click();
    await poll(() => page.getByTestId('simulate-error').getAttribute('data-code')).toBe('forbidden');
    expect(await page.getByTestId('simulate-error').textContent()).toContain('acted on by clerk, not approver');
    expect(await state()).toBe('submitted');
    expect(await auditTypes()).toEqual(['started', 'draft-saved', 'SUBMIT']);
    await page.getByTestId('simulate-role').selectOption('clerk');
  }, 60_000);

  it('runs to the end as clerk and approver: the approval’s note, actions and certificate in the audit trail', async () => {
    await page.getByTestId('simulate-note').fill('材料齐全，予以受理');
    await event('ACCEPT').click();
    await poll(state).toBe('review');
    expect(await page.getByTestId('simulate-error').count()).toBe(0);
    expect(await page.getByTestId('simulate-role').inputValue()).toBe('approver');
    // two days pass before the approver decides: the simulated clock moves, the deadline (3 days) is not yet passed
    const clock = () => page.getByTestId('simulate-state').locator('dd').nth(2).textContent();
    const before = await clock();
    await page.getByTestId('simulate-days').fill('2');
    await page.getByTestId('simulate-advance').click();
    await poll(clock).not.toBe(before);
    expect(await clock()).toContain('2026年3月4日');
    await page.getByTestId('simulate-note').fill('同意');
    await event('APPROVE').click();
    await poll(state).toBe('approved');
    expect(await page.getByTestId('simulate-state').getAttribute('data-status')).toBe('done');
    expect(await auditTypes()).toEqual(['started', 'draft-saved', 'SUBMIT', 'ACCEPT', 'APPROVE']);
    expect(await page.getByTestId('simulate-steps').locator('li').count()).toBe(5); // fill, submit, accept, time, approve
    const approval = page.getByTestId('simulate-audit-row').last();
    expect(await approval.textContent()).toContain('issueCertificate');
    expect(await approval.textContent()).toContain('“同意”');
    expect(await approval.locator('td').nth(1).textContent()).toContain('03/04');
    expect(await page.getByTestId('simulate-audit-row').nth(3).textContent()).toContain('受理窗口');
    expect(await page.getByTestId('simulate-certificates').textContent()).toContain('1');
    expect(await page.getByTestId('simulate-finished').isVisible()).toBe(true);
    expect(await page.getByTestId('simulate-deadline').textContent()).toContain('办结');
    expect(await axeViolations()).toEqual([]);
    await shot('approved-zh');
    // the side panel scrolls: the audit trail on its own
    await page.getByTestId('simulate-audit').screenshot({ path: screenshotPath('designer-simulate-audit-zh.png') });
  }, 60_000);

  it('reads in English, axe-clean; restart goes back to the case as started', async () => {
    await page.getByTestId('locale-toggle').click();
    await poll(() => page.getByTestId('simulate-certificates').textContent()).toContain('e-certificate');
    expect(await page.getByTestId('simulate-audit').locator('th').first().textContent()).toBe('#');
    expect(await axeViolations()).toEqual([]);
    await shot('approved-en');
    await page.getByTestId('simulate-restart').click();
    await poll(state).toBe('draft');
    await poll(auditTypes).toEqual(['started']);
    await page.getByTestId('locale-toggle').click(); // back to Chinese
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});

const axeViolations = () => axeOf(page);
