/**
 * axe-core on every page of the portal and the workbench, as every kind of visitor, in Chinese and in English, with
 * the error states a visitor can reach: a wrong password, a certificate that is not JSON, an unknown certificate, an
 * unknown page, a case the reader may not open, a queue search that is not a reference, and a form submitted empty.
 * No serious or critical violation anywhere (test/support/browser.ts axeViolations), and no page wider than a phone at
 * 390 px. The journeys (portal-ningbo-journey, workbench-checklist, portal-upload, portal-form-controls) check the
 * states in between.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, launchChromium, requirePortalBuild, screenshotPath, signInPortal } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let caseId: string;
let draftId: string;

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  browser = await launchChromium();
  // a submitted case (in the clerk's queue) and a draft of Li Na's
  const zhang = await Client.signedIn(server.url, 'zhangWei');
  const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
  const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
  const submitted = await zhang.post(`/api/cases/${started.body.id}/submit`, { data, revision: started.body.revision });
  expect(submitted.status, submitted.text).toBe(200);
  caseId = started.body.id;
  const li = await Client.signedIn(server.url, 'liNa');
  draftId = (await li.post('/api/cases', { matterId: '330000-GA-0101', region: '330200' })).body.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

type Visit = { name: string; user?: string; path: string; act?: (page: Page) => Promise<void>; ready: (page: Page) => Promise<unknown> };

const visible = (testId: string) => (page: Page) => page.getByTestId(testId).first().waitFor();
const heading = (page: Page) => page.locator('h1').first().waitFor();

const visits = (): Visit[] => [
  { name: 'catalogue', path: '/', ready: heading },
  { name: 'guide', path: '/matters/330000-GA-0101/regions/330200', ready: heading },
  { name: 'sign-in', path: '/sign-in', ready: visible('sign-in-form') },
  {
    name: 'sign-in-refused', path: '/sign-in', ready: visible('sign-in-error'),
    act: async (page) => {
      await page.getByTestId('sign-in-username').fill('liNa');
      await page.getByTestId('sign-in-password').fill('wrong-password');
      await page.getByTestId('sign-in-submit').click();
    },
  },
  { name: 'verify', path: '/verify', ready: visible('verify-certificate') },
  {
    name: 'verify-not-json', path: '/verify', ready: visible('verify-result'),
    act: async (page) => {
      await page.getByTestId('verify-input').fill('{ not json');
      await page.getByTestId('verify-submit').click();
    },
  },
  { name: 'public-certificate-unknown', path: '/verify/no-such-certificate', ready: visible('public-certificate') },
  { name: 'not-found', path: '/no/such/page', ready: heading },
  { name: 'my-cases', user: 'liNa', path: '/cases', ready: heading },
  { name: 'applicant-form', user: 'liNa', path: `/cases/${'DRAFT'}`, ready: (page) => page.locator('#root_applicant_mobile').waitFor() },
  {
    name: 'applicant-form-errors', user: 'liNa', path: `/cases/${'DRAFT'}`, ready: visible('error-summary'),
    act: async (page) => {
      await page.locator('#root_applicant_mobile').waitFor();
      await page.locator('#root_applicant_mobile').fill('12');
      await page.getByTestId('form-submit').click();
    },
  },
  { name: 'forbidden-case', user: 'liNa', path: `/cases/${'CASE'}`, ready: visible('load-error') },
  { name: 'sessions', user: 'liNa', path: '/sessions', ready: heading },
  { name: 'queue', user: 'clerk', path: '/queue', ready: visible('queue-filters') },
  {
    name: 'queue-bad-search', user: 'clerk', path: '/queue', ready: visible('filter-q-error'),
    act: async (page) => {
      await page.getByTestId('filter-q').fill('不是编号!!');
      await page.getByTestId('filter-apply').click();
    },
  },
  { name: 'workbench-case', user: 'clerk', path: `/cases/${'CASE'}`, ready: visible('case') },
  { name: 'approver-queue', user: 'approver', path: '/queue', ready: visible('queue-filters') },
];

describe.each([
  { locale: 'zh', viewport: { width: 1280, height: 900 } },
  { locale: 'en', viewport: { width: 390, height: 844 } },
] as const)('every page, $locale at $viewport.width px', ({ locale, viewport }) => {
  let page: Page;
  let signedInAs: string | undefined;
  beforeAll(async () => {
    page = await browser.newPage({ viewport, locale: 'zh-CN' });
    // the language is the visitor's stored choice, as the toggle leaves it
    await page.addInitScript((l) => window.localStorage.setItem('onematter.locale', l), locale);
  }, 60_000);
  afterAll(() => page?.close());

  it.each(visits().map((v) => [v.name, v] as const))('%s', async (_name, visit) => {
    if (visit.user !== signedInAs) {
      await page.context().clearCookies();
      if (visit.user) await signInPortal(page, server.url, visit.user);
      signedInAs = visit.user;
    }
    await page.goto(server.url + visit.path.replace('DRAFT', draftId).replace('CASE', caseId));
    await visit.act?.(page);
    await visit.ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toContain(locale);
    await page.screenshot({ path: screenshotPath(`axe-${locale}-${visit.name}.png`), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  }, 60_000);
});
