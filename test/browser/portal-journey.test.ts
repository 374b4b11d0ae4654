/**
 * The residence-permit journey in Chromium against the real server and a fresh database: an applicant fills the
 * prefilled form, saves a draft, resumes it, fixes a field error and submits; a clerk accepts; an approver approves;
 * the applicant downloads the e-certificate, which verifies, while a tampered copy does not; signed in on a second
 * browser too, the applicant sees both sessions and ends the other one. Each step leaves a screenshot in
 * test-results/, axe-core checks the guide, form, status and sessions pages, and no page of the whole journey breaks
 * the server's Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, watchCspViolations, requirePortalBuild } from '../support/browser.ts';
import { serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
const guide = '/matters/330000-GA-0101/regions/330000';

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  cspViolations = await watchCspViolations(page.context());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

async function signIn(user: string) {
  if (await page.getByTestId('sign-out').isVisible().catch(() => false)) await page.getByTestId('sign-out').click();
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId('sign-in-username').fill(user);
  await page.getByTestId('sign-in-password').fill('demo1234');
  await page.getByTestId('sign-in-submit').click();
  await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(user === 'zhangWei' ? '张伟' : '');
}

const axeViolations = () => axeOf(page);
const shot = (name: string) => page.screenshot({ path: screenshotPath(`journey-${name}.png`), fullPage: true });

describe('residence permit, end to end in Chromium', () => {
  let caseUrl = '';

  it('shows the applicant the guide with the materials shared data waives', async () => {
    await signIn('zhangWei');
    await page.goto(server.url + guide);
    await expect.poll(() => page.locator('[data-testid="material"][data-waived="true"]').count()).toBeGreaterThanOrEqual(3);
    await shot('1-guide');
    expect(await axeViolations()).toEqual([]);
  });

  it('prefills the form, keeps a draft across a reload, shows a field error in place, then submits', async () => {
    await page.getByTestId('start-application').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]+$/);
    caseUrl = page.url();
    const name = page.locator('#root_applicant_name');
    await expect.poll(() => name.inputValue()).toBe('张伟');
    expect(await name.isEditable()).toBe(false);
    await page.locator('#root_applicant_mobile').fill('1380013');
    await page.getByRole('button', { name: /保存草稿|Save draft/ }).click();
    await expect.poll(() => page.getByTestId('form-notice').textContent()).toBeTruthy();
    await shot('2-draft-saved');

    // the form's checks run in the page from validators the server precompiled (the CSP allows no eval)
    const validators = page.waitForResponse((r) => /\/api\/forms\/[0-9a-f]{64}\/validator\.js$/.test(r.url()) && r.status() === 200);
    const submits: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/submit') && submits.push(r.url()));
    await page.goto(caseUrl); // resume later
    await validators;
    await expect.poll(() => page.locator('#root_applicant_mobile').inputValue()).toBe('1380013');
    await page.locator('#root_delivery_method').selectOption({ index: 1 });
    await page.getByTestId('form-submit').click();
    await expect.poll(() => page.getByText('请输入手机号码（以 1 开头的 11 位数字）').first().isVisible()).toBe(true);
    expect(submits).toEqual([]); // caught in the page, before anything was sent
    expect(page.url()).toBe(caseUrl); // the case did not move
    await shot('3-field-error');
    expect(await axeViolations()).toEqual([]);

    await page.locator('#root_applicant_mobile').fill('13800138000');
    // the answers are checked on their own page, then submitted
    await page.getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('check-answers').isVisible()).toBe(true);
    await page.getByTestId('check-submit').click();
    await expect.poll(() => page.getByTestId('submitted-notice').isVisible()).toBe(true);
    await shot('4-submitted');
  });

  it('lets the clerk accept and the approver approve from their queues', async () => {
    for (const [user, event] of [['clerk', 'ACCEPT'], ['approver', 'APPROVE']] as const) {
      await signIn(user);
      await page.goto(server.url + '/queue');
      await page.getByTestId('queue-case').first().getByRole('link').first().click();
      await page.getByTestId(`action-${event}`).click();
      if (event === 'APPROVE') await page.getByTestId('confirm-yes').click(); // a final decision is confirmed first
      await expect.poll(() => page.getByTestId('action-done').isVisible()).toBe(true);
      await shot(`5-${user}-${event.toLowerCase()}`);
    }
  });

  it('gives the applicant a certificate that verifies, and refuses a tampered copy', async () => {
    await signIn('zhangWei');
    await page.goto(server.url + '/cases');
    await expect.poll(() => page.locator('[data-testid="my-case"][data-state="approved"]').count()).toBe(1);
    expect(await axeViolations()).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('certificate-download').first().click()]);
    const certificate = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    await shot('6-status');

    await page.goto(server.url + '/verify');
    await page.getByTestId('verify-input').fill(JSON.stringify(certificate));
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.locator('[data-testid="verify-result"] [data-ok]').getAttribute('data-ok')).toBe('true');
    await shot('7-verified');

    certificate.document.holder.name = '李四';
    await page.getByTestId('verify-input').fill(JSON.stringify(certificate));
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.locator('[data-testid="verify-result"] [data-ok]').getAttribute('data-ok')).toBe('false');
    await shot('8-tampered');
  });

  it('lists the applicant’s sessions, this one marked, and ends the other one from the keyboard', async () => {
    const phone = await browser.newContext({ locale: 'zh-CN', userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36' });
    try {
      const phoneCsp = await watchCspViolations(phone);
      const phonePage = await phone.newPage();
      await phonePage.goto(`${server.url}/sign-in`);
      await phonePage.getByTestId('sign-in-username').fill('zhangWei');
      await phonePage.getByTestId('sign-in-password').fill('demo1234');
      await phonePage.getByTestId('sign-in-submit').click();
      await expect.poll(() => phonePage.getByTestId('signed-in-user').textContent()).toContain('张伟');

      await page.getByTestId('nav-sessions').click();
      await page.waitForURL(/\/sessions$/);
      await expect.poll(() => page.getByTestId('session').count()).toBe(2);
      expect(await page.locator('[data-testid="session"][data-current="true"]').textContent()).toContain('当前会话');
      expect(await page.locator('[data-testid="session"][data-current="false"] th').textContent()).toBe('Chrome 126 · Android');
      await shot('9-sessions');
      expect(await axeViolations()).toEqual([]);

      await page.getByTestId('locale-toggle').click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your sessions');
      await shot('9-sessions-en');
      await page.getByTestId('locale-toggle').click();

      const end = page.getByTestId('end-session');
      expect(await end.getAttribute('aria-label')).toMatch(/^结束 Chrome 126 · Android（登录于 .+）的会话$/);
      await end.focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await page.getByTestId('sessions-notice').textContent())?.trim()).toBe('已结束该会话。');
      await expect.poll(() => page.getByTestId('session').count()).toBe(1);
      expect(await page.getByTestId('no-other-sessions').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await shot('10-session-ended');

      const after = await phonePage.evaluate(async () => (await fetch('/api/session')).status);
      expect(after).toBe(401);
      expect(phoneCsp).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('breaks no rule of the Content-Security-Policy on any page of the journey', () => {
    expect(cspViolations).toEqual([]);
  });
});
