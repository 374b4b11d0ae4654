/**
 * The public page a printed certificate's QR code opens (/verify/:id), in Chromium, Chinese and English, desktop and
 * a 390 px phone: a stranger (not signed in) reads valid / not valid in words and a symbol, the holder by name with
 * the number masked, issuer, matter and validity; a certificate whose stored row was edited shows as not valid with
 * the reason; an unknown id says so. The print view shows its QR code and validity under its own strict policy.
 * axe-core finds nothing serious, no page breaks its CSP, and nothing is wider than the phone.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { demoCitizens } from '../../runtime/shared-data/demo.ts';
import { axeViolations, collectPageErrors, launchChromium, requirePortalBuild, screenshotPath, watchCspViolations } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const masked = `${demoCitizens.zhangWei.slice(0, 4)}**********${demoCitizens.zhangWei.slice(-4)}`;
let server: RunningServer;
let browser: Browser;
let certificate: { id: string; html: string };
let zhang: Client;
const csp: string[][] = []; // each page's list, filled as violations happen
const pageErrors: string[] = [];

/** A residence-permit certificate for zhangWei through the whole journey over HTTP: submit, accept, approve. */
async function issue(base: string) {
  const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
  const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
  const submitted = await zhang.post(`/api/cases/${started.body.id}/submit`, { data, revision: started.body.revision });
  const accepted = await (await Client.signedIn(base, 'clerk')).post(`/api/cases/${started.body.id}/actions`, { event: 'ACCEPT', revision: submitted.body.revision });
  const approved = await (await Client.signedIn(base, 'approver')).post(`/api/cases/${started.body.id}/actions`, { event: 'APPROVE', revision: accepted.body.revision });
  expect(approved.status, approved.text).toBe(200);
  return approved.body.certificates[0] as { id: string; html: string };
}

/** A fresh anonymous page (a stranger with a phone or a desk), watched for CSP violations and errors. */
async function stranger(width: number, locale: 'zh-CN' | 'en', { notFound = false } = {}): Promise<Page> {
  const phone = width < 600;
  const page = await browser.newPage({ viewport: { width, height: phone ? 844 : 900 }, locale, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
  csp.push(await watchCspViolations(page.context()));
  const errors = collectPageErrors(page);
  // an unknown id's page asks for it and gets 404, which Chromium logs: that is the page working
  page.on('close', () => pageErrors.push(...errors.filter((e) => !(notFound && e.includes('status of 404')))));
  // the portal keeps the chosen language in localStorage; a first visit shows Chinese, the toggle switches
  if (locale === 'en') await page.addInitScript(() => window.localStorage.setItem('onematter.locale', 'en'));
  return page;
}

async function check(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(`certificate-public-${name}.png`), fullPage: true });
  expect(await axeViolations(page), name).toEqual([]);
  // nothing sideways on the phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
}

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start({ sweepSeconds: 0 });
  zhang = await Client.signedIn(server.url, 'zhangWei');
  certificate = await issue(server.url);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

describe('/verify/:id', () => {
  for (const [width, locale] of [[1200, 'zh-CN'], [390, 'zh-CN'], [1200, 'en'], [390, 'en']] as const) {
    it(`shows a valid certificate to a stranger, ${locale} at ${width} px`, async () => {
      const page = await stranger(width, locale);
      await page.goto(`${server.url}/verify/${certificate.id}`);
      const status = page.getByTestId('public-cert-status');
      await status.waitFor();
      const zh = locale === 'zh-CN';
      expect(await page.locator('.public-cert-state').getAttribute('data-status')).toBe('valid');
      expect(await status.textContent()).toBe(zh ? '✓ 有效电子印章核验通过，且在有效期内。' : '✓ ValidThe electronic seal checks out and the certificate is within its validity.');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(zh ? '电子证照核验结果' : 'E-certificate check');
      expect(await page.title()).toContain(zh ? '电子证照核验结果' : 'E-certificate check');
      const details = page.getByTestId('public-cert-details');
      expect(await details.locator('[data-field="holder"] dd').textContent()).toBe('张伟');
      expect(await details.locator('[data-field="id-number"] dd').textContent()).toBe(masked);
      expect(await details.locator('[data-field="seal"] dd').textContent()).toBe(zh ? '核验通过' : 'Checks out');
      expect(await details.locator('[data-field="validity"] dd').textContent()).toContain(zh ? '未载明截止日期' : 'No end date stated');
      expect(await page.locator('body').textContent()).not.toContain(demoCitizens.zhangWei);
      // the stranger is not signed in
      expect(await page.getByTestId('nav-sign-in').isVisible()).toBe(true);
      await check(page, `valid-${locale}-${width}`);
      await page.close();
    }, 60_000);
  }

  it('shows a certificate whose stored row was edited as not valid, with the reason, and an unknown id as not found', async () => {
    const db = new Database(join(sandbox.dataDir, 'onematter.sqlite'));
    const row = db.prepare('select document from certificates where id = ?').get(certificate.id) as { document: string };
    const signed = JSON.parse(row.document);
    signed.document.holder.name = '李四';
    db.prepare('update certificates set document = ? where id = ?').run(JSON.stringify(signed), certificate.id);
    try {
      for (const locale of ['zh-CN', 'en'] as const) {
        const page = await stranger(390, locale);
        await page.goto(`${server.url}/verify/${certificate.id}`);
        await page.getByTestId('public-cert-status').waitFor();
        expect(await page.locator('.public-cert-state').getAttribute('data-status')).toBe('invalid');
        expect(await page.getByTestId('public-cert-reason').getAttribute('data-code')).toBe('signature-mismatch');
        expect(await page.getByTestId('public-cert-reason').textContent()).toContain(locale === 'en' ? 'it was altered' : '内容已被改动');
        expect(await page.getByTestId('public-cert-details').locator('[data-field="id-number"]').count()).toBe(0);
        await check(page, `invalid-${locale}-390`);
        await page.close();
      }
    } finally {
      db.prepare('update certificates set document = ? where id = ?').run(row.document, certificate.id);
      db.close();
    }
    const page = await stranger(1200, 'zh-CN', { notFound: true });
    await page.goto(`${server.url}/verify/${certificate.id}x`);
    await page.getByTestId('public-cert-not-found').waitFor();
    expect(await page.getByTestId('public-cert-not-found').textContent()).toContain('未找到这份电子证照');
    await check(page, 'not-found-zh-CN-1200');
    // the file check is one link away and still works
    await page.getByRole('link', { name: '用证照文件核验' }).click();
    await page.getByTestId('verify-input').waitFor();
    await page.close();
  }, 120_000);
});

describe('the print view', () => {
  it('shows the QR code of the verification page and the validity, under its own strict policy', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    csp.push(await watchCspViolations(page.context()));
    await page.context().addCookies([...zhang.cookies].map(([name, value]) => ({ name, value, url: server.url })));
    await page.goto(`${server.url}${certificate.html}`);
    const qr = page.locator('.qr svg');
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThan(100); // drawn, not refused
    expect(await page.locator('.url').textContent()).toBe(`${server.url}/verify/${certificate.id}`);
    expect(await page.locator('.validity').textContent()).toContain('未载明截止日期 no end date stated');
    await page.screenshot({ path: screenshotPath('certificate-public-print.png'), fullPage: true });
    await page.close();
  }, 60_000);
});

describe('every page', () => {
  it('kept to its Content-Security-Policy and logged no error', () => {
    expect(csp.flat()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
