/**
 * The portal and workbench against GOV.UK's service patterns, in Chromium on the residence permit, desktop and a
 * 390 px phone, Chinese and English: only the actions the user's role may take; a confirmation dialog for withdraw,
 * reject and approve (focus in, Escape cancels, focus back); an error summary that takes focus and links to each
 * field, with aria-invalid and messages that say how to fix the field; check your answers, then a confirmation with
 * the reference and what happens next; identity numbers masked, the applicant by name; a visible skip link; a
 * title per page; the draft notice brought into view; the submit button disabled while it works; a stacked audit
 * table on the phone. axe-core finds nothing serious on any of these pages, and no page breaks the CSP.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, launchChromium, requirePortalBuild, screenshotPath, setPortalLocale, signInPortal, watchCspViolations } from '../support/browser.ts';
import { serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const guide = '/matters/330000-GA-0101/regions/330000';
const masked = /^\d{4}\*{10}[\dX]{4}$/;
let server: RunningServer;
let browser: Browser;
let desk: Page;
let phone: Page;
const csp: string[][] = [];
let caseUrl = '';

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  browser = await launchChromium();
  desk = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  csp.push(await watchCspViolations(desk.context()), await watchCspViolations(phone.context()));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const signIn = (page: Page, user: string) => signInPortal(page, server.url, user);
const setLocale = setPortalLocale;
// a dialog is shot as the viewport shows it (its backdrop covers the viewport, not the whole page)
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`quality-${name}.png`), fullPage: !name.startsWith('dialog') });
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, id: el?.id, testid: el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid'), className: el?.className };
});
// the action buttons shown, and the events the server would accept from this user (eventRoles of the case JSON)
async function shownAndAllowed(page: Page, role: string) {
  const shown = await page.locator('[data-testid="case-actions"] [data-testid^="action-"]').evaluateAll((els) => els.filter((e) => e.tagName === 'BUTTON').map((e) => e.getAttribute('data-testid')!.slice('action-'.length)));
  const id = await page.getByTestId('case').getAttribute('data-case');
  const c = await page.evaluate(async (caseId) => (await fetch(`/api/cases/${caseId}`)).json(), id);
  const allowed = (c.events as string[]).filter((e) => e !== 'SUBMIT' && (c.eventRoles[e] as string[]).includes(role));
  return { shown: shown.sort(), allowed: allowed.sort() };
}
const inViewport = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
});

describe('portal and workbench quality', () => {
  it('shows the skip link visibly when focused, and names each page in the title', async () => {
    await signIn(desk, 'zhangWei');
    await desk.goto(server.url + guide);
    await expect.poll(() => desk.title()).toMatch(/^居住证.* · 办事指南 - 浙江政务服务$/);
    await desk.keyboard.press('Tab');
    const skip = await desk.locator('.skip-link').evaluate((el) => {
      const s = getComputedStyle(el);
      return { focused: document.activeElement === el, color: s.color, background: s.backgroundColor, left: el.getBoundingClientRect().left };
    });
    expect(skip.focused).toBe(true);
    expect(skip.color).not.toBe(skip.background);
    expect(skip.left).toBeGreaterThanOrEqual(0);
    await desk.screenshot({ path: screenshotPath('quality-skip-link.png') });
    await setLocale(desk, 'en');
    await expect.poll(() => desk.title()).toMatch(/ · Service guide - Zhejiang Government Services$/);
    await desk.goto(server.url + '/cases');
    await expect.poll(() => desk.title()).toBe('My cases - Zhejiang Government Services');
    await setLocale(desk, 'zh');
    await expect.poll(() => desk.title()).toBe('我的办件 - 浙江政务服务');
  });

  it('leads from a wrong answer to its field through a focused error summary, in zh and en', async () => {
    await desk.goto(server.url + guide);
    await desk.getByTestId('start-application').click();
    await desk.waitForURL(/\/cases\/[0-9a-f-]+$/);
    caseUrl = desk.url();
    await desk.waitForResponse((r) => /\/validator\.js$/.test(r.url()));
    // only what the applicant may send: WITHDRAW here, never ACCEPT, REQUEST_SUPPLEMENT or REJECT
    const { shown, allowed } = await shownAndAllowed(desk, 'applicant');
    expect(shown).toEqual(allowed);
    expect(shown).toEqual(['WITHDRAW']);

    const mobile = desk.locator('#root_applicant_mobile');
    await mobile.fill('1380013');
    await desk.getByTestId('save-draft').click();
    // the notice is brought into view and takes focus (it sits at the top of a long form)
    await expect.poll(async () => (await desk.getByTestId('form-notice').textContent())?.trim()).toBe('草稿已保存。');
    await expect.poll(() => inViewport(desk, 'form-notice')).toBe(true);
    expect((await focused(desk)).testid).toBe('form-notice');

    await desk.getByTestId('form-submit').click();
    const summary = desk.getByTestId('error-summary');
    await expect.poll(async () => (await focused(desk)).testid).toBe('error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    const link = summary.locator('a[href="#root_applicant_mobile"]');
    expect(await link.textContent()).toBe('请输入手机号码（以 1 开头的 11 位数字）');
    expect(await mobile.getAttribute('aria-invalid')).toBe('true');
    expect(await mobile.getAttribute('aria-describedby')).toContain('root_applicant_mobile__error');
    expect(await desk.locator('#root_applicant_mobile__error').textContent()).toBe('请输入手机号码（以 1 开头的 11 位数字）');
    await shot(desk, 'error-summary-zh');
    expect(await axeViolations(desk)).toEqual([]);
    // keyboard: from the summary, Tab reaches the first link, Enter puts the cursor in the field
    await desk.keyboard.press('Tab');
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await desk.keyboard.press('Enter');
    expect((await focused(desk)).id).toBe('root_applicant_mobile');

    await setLocale(desk, 'en');
    await desk.getByTestId('form-submit').click();
    await expect.poll(() => link.textContent()).toBe('Enter mobile phone number as an 11-digit number starting with 1');
    await shot(desk, 'error-summary-en');
    expect(await axeViolations(desk)).toEqual([]);
    await setLocale(desk, 'zh');
  });

  it('checks the answers on their own page, changes one, then submits with the button disabled while it works', async () => {
    await desk.locator('#root_applicant_mobile').fill('13800138000');
    await desk.locator('#root_delivery_method').selectOption({ index: 1 });
    await desk.getByTestId('form-submit').click();
    await expect.poll(async () => (await focused(desk)).id).toBe('check-heading');
    await expect.poll(() => desk.title()).toBe('提交前请核对您的申报信息 - 浙江政务服务');
    const mobileRow = desk.locator('[data-testid="check-row"][data-pointer="/applicant/mobile"]');
    expect(await mobileRow.textContent()).toContain('13800138000');
    // the verified identity number cannot be changed here and is not shown whole
    const idRow = desk.locator('[data-testid="check-row"][data-pointer="/applicant/idNumber"]');
    expect(await idRow.locator('dd.answer').textContent()).toMatch(masked);
    expect(await idRow.getByTestId('check-change').count()).toBe(0);
    await shot(desk, 'check-answers-zh');
    expect(await axeViolations(desk)).toEqual([]);

    await mobileRow.getByTestId('check-change').click();
    await expect.poll(async () => (await focused(desk)).id).toBe('root_applicant_mobile');
    await desk.locator('#root_applicant_mobile').fill('13900139000');
    await desk.getByTestId('form-submit').click();
    await expect.poll(() => mobileRow.textContent()).toContain('13900139000');

    // hold the submission back a moment to see the button while it works
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await desk.route('**/submit', async (route) => {
      await held;
      await route.continue();
    });
    await desk.getByTestId('check-submit').click();
    const button = desk.getByTestId('check-submit');
    await expect.poll(() => button.textContent()).toBe('正在提交…');
    expect(await button.isDisabled()).toBe(true);
    release();
    await expect.poll(() => desk.getByTestId('submitted-notice').isVisible()).toBe(true);
    await desk.unroute('**/submit');
    // focus lands on the confirmation, not on <body>
    await expect.poll(async () => (await focused(desk)).testid).toBe('submitted-notice');
    expect(await desk.getByTestId('case-reference').textContent()).toMatch(/^ZJ-2026-\d{6}$/);
    expect(await desk.getByTestId('what-next').textContent()).toContain('受理');
    await expect.poll(() => desk.title()).toBe('申请已提交 - 浙江政务服务');
    await shot(desk, 'confirmation-zh');
    expect(await axeViolations(desk)).toEqual([]);
    // the applicant is named in the audit trail, the identity number masked in the facts
    expect(await desk.getByTestId('audit-actor').first().textContent()).toContain('张伟');
    expect(await desk.getByTestId('case-applicant').textContent()).toMatch(/^张伟 \d{4}\*{10}[\dX]{4}$/);
  });

  it('asks before withdrawing: Escape cancels and focus returns; confirming withdraws', async () => {
    await desk.goto(server.url + guide);
    await desk.getByTestId('start-application').click();
    await desk.waitForURL(/\/cases\/[0-9a-f-]+$/);
    const withdraw = desk.getByTestId('action-WITHDRAW');
    await withdraw.focus();
    await desk.keyboard.press('Enter');
    const dialog = desk.getByTestId('confirm-dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect((await focused(desk)).testid).toBe('confirm-cancel'); // the safe choice first
    expect(await dialog.getByRole('heading').textContent()).toBe('确定撤回这份申请吗？');
    await shot(desk, 'dialog-withdraw-zh');
    expect(await axeViolations(desk)).toEqual([]);
    await desk.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect((await focused(desk)).testid).toBe('action-WITHDRAW');
    expect(await desk.getByTestId('case').getAttribute('data-state')).toBe('draft');

    await desk.keyboard.press('Enter');
    await desk.keyboard.press('Shift+Tab'); // from Cancel back to the confirming button
    expect((await focused(desk)).testid).toBe('confirm-yes');
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.getByTestId('case').getAttribute('data-state')).toBe('withdrawn');
  });

  it('shows the clerk only their actions, the applicant by name in the queue, and confirms a rejection', async () => {
    await signIn(phone, 'clerk');
    await phone.goto(server.url + '/queue');
    await expect.poll(() => phone.getByTestId('queue-case').count()).toBe(1);
    // the name shared data verified, never the identity number
    expect(await phone.getByTestId('queue-applicant').textContent()).toBe('张伟');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'queue-390-zh');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByTestId('queue-case').getByRole('link').click();
    await expect.poll(() => phone.getByTestId('case').getAttribute('data-state')).toBe('submitted');
    const { shown, allowed } = await shownAndAllowed(phone, 'clerk');
    expect(shown).toEqual(allowed);
    expect(shown).toEqual(['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT']);
    // the audit trail stacks on the phone: nothing scrolls sideways
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await phone.getByTestId('audit-actor').first().textContent()).toContain('张伟');

    await phone.getByTestId('action-note').fill('材料不全');
    await phone.getByTestId('action-REJECT').click();
    expect(await phone.getByTestId('confirm-dialog').getByRole('heading').textContent()).toBe('确定不予批准这份申请吗？');
    await shot(phone, 'dialog-reject-390-zh');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByTestId('confirm-cancel').click();
    expect((await focused(phone)).testid).toBe('action-REJECT');
    expect(await phone.getByTestId('case').getAttribute('data-state')).toBe('submitted');
    await phone.getByTestId('action-note').fill('');
    await phone.getByTestId('action-ACCEPT').click();
    await expect.poll(() => phone.getByTestId('case').getAttribute('data-state')).toBe('review');
    await expect.poll(async () => (await focused(phone)).testid).toBe('action-done');
    await shot(phone, 'accepted-390-zh');
  });

  it('has the approver confirm the approval, in English on the phone', async () => {
    await signIn(phone, 'approver');
    await setLocale(phone, 'en');
    await phone.goto(server.url + '/queue');
    await phone.getByTestId('queue-case').getByRole('link').click();
    await expect.poll(() => phone.getByTestId('case').getAttribute('data-state')).toBe('review');
    const { shown, allowed } = await shownAndAllowed(phone, 'approver');
    expect(shown).toEqual(allowed);
    await phone.getByTestId('action-APPROVE').click();
    expect(await phone.getByTestId('confirm-dialog').getByRole('heading').textContent()).toBe('Are you sure you want to approve this application?');
    await shot(phone, 'dialog-approve-390-en');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.keyboard.press('Shift+Tab');
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.getByTestId('case').getAttribute('data-state')).toBe('approved');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'approved-390-en');
    expect(await axeViolations(phone)).toEqual([]);
  });

  it('breaks no rule of the Content-Security-Policy', () => {
    expect(csp.flat()).toEqual([]);
  });
});
