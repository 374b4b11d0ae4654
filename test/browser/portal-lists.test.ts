/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The case lists in Chromium (task B of issue 12): the clerk's queue with reference, matter, region, submitted date,
 * step and deadline columns, filtered by region and overdue and searched by reference through a labelled form whose
 * choices live in the URL (reload, back and forward keep them), paged with previous / next links used from the
 * keyboard, in Chinese and English, on a desktop and stacked on a 390 px phone; the applicant's My cases and the
 * answers they submitted on the case page. axe-core finds nothing serious, and the screenshots are kept.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../runtime/effects/clock.ts';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, launchChromium, requirePortalBuild, screenshotPath, setPortalLocale, signInPortal, watchCspViolations } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const monday = Date.parse('2026-11-30T02:00:00Z');
const clock = manualClock(monday);
const matter = '330000-GA-0101';
const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let desk: Page;
let phone: Page;
const csp: string[][] = [];
const references: { reference: string; region: string; overdue: boolean }[] = [];

// Starts and submits a residence permit case in `region`; its reference.
async function submitCase(who: Client, region: string): Promise<string> {
  const started = await who.post('/api/cases', { matterId: matter, region });
  const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
  data.residence ??= { regionCode: '330106', address: '杭州市西湖区文三路100号', registrationDate: '2024-01-01', reason: '就业', housingType: '租赁住房' };
  const submitted = await who.post(`/api/cases/${started.body.id}/submit`, { data, revision: 1 });
  if (submitted.status !== 200) throw new Error(submitted.text);
  clock.advance(60_000); // a minute apart: newest first is an order, not a tie
  return submitted.body.reference;
}

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start({ clock, sweepSeconds: 0 });
  // 4 cases submitted in 2026 (overdue by now), then 21 fresh ones in 2027: 25 in the clerks' queue, two pages of 20
  let zhang = await Client.signedIn(server.url, 'zhangWei');
  for (let i = 0; i < 4; i++) references.push({ reference: await submitCase(zhang, i % 2 ? '330100' : '330000'), region: i % 2 ? '330100' : '330000', overdue: true });
  clock.advance(60 * 86_400_000);
  zhang = await Client.signedIn(server.url, 'zhangWei');
  for (let i = 0; i < 21; i++) references.push({ reference: await submitCase(zhang, i % 3 ? '330000' : '330100'), region: i % 3 ? '330000' : '330100', overdue: false });
  browser = await launchChromium();
  desk = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  csp.push(await watchCspViolations(desk.context()), await watchCspViolations(phone.context()));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const signIn = (page: Page, user: string) => signInPortal(page, server.url, user);
const setLocale = setPortalLocale;
// a page of this machine's shared cores may take seconds to load: wait for it, up to a bound
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`lists-${name}.png`), fullPage: true });
const rows = (page: Page) => page.locator('[data-testid="queue-case"]');
const rowReferences = (page: Page) => page.locator('[data-testid="queue-case"] [data-testid="case-row-reference"]').allTextContents();
const search = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).toString());
// the queue has loaded this query's page (the count line says so)
const settled = async (page: Page, count: string) => poll(() => page.getByTestId('queue-count').textContent().catch(() => '')).toContain(count);

describe('the clerk’s queue in Chromium', () => {
  it('lists 20 cases a page with their columns and pages from the keyboard, back and forward keeping the page', async () => {
    await signIn(desk, 'clerk');
    await desk.goto(`${server.url}/queue`);
    await settled(desk, '共 25 件');
    expect(await desk.getByTestId('queue-count').textContent()).toBe('共 25 件 · 第 1 页，共 2 页');
    await poll(() => rows(desk).count()).toBe(20);
    // the soonest deadline first: the overdue ones lead, said in words
    const first = rows(desk).first();
    expect(await first.getAttribute('data-overdue')).toBe('true');
    expect(await first.getByTestId('case-row-deadline').textContent()).toContain('已超期');
    const headers = await desk.locator('[data-testid="queue"] thead th').allTextContents();
    expect(headers).toEqual(['办件编号', '事项', '申请人', '办理地区', '提交日期', '当前环节', '办结期限']);
    expect(await first.locator('td').allTextContents()).toEqual([expect.stringContaining('居住证'), '张伟', expect.stringMatching(/^(浙江省|杭州市)$/), '2026年11月30日', expect.any(String), expect.stringContaining('已超期')]);
    // numbered per year: the year turned between the old cases and the new
    expect(references.map((r) => r.reference.slice(0, 8))).toEqual([...Array(4).fill('ZJ-2026-'), ...Array(21).fill('ZJ-2027-')]);
    expect(references.map((r) => r.reference.slice(8)).slice(3, 6)).toEqual(['000004', '000001', '000002']);
    expect((await rowReferences(desk)).every((r) => /^ZJ-202[67]-\d{6}$/.test(r))).toBe(true);
    expect(await axeViolations(desk)).toEqual([]);
    await shot(desk, '1-queue-zh');
    // the next page, by keyboard: focus the link, press Enter
    await desk.getByTestId('pager-next').focus();
    await desk.keyboard.press('Enter');
    await settled(desk, '第 2 页，共 2 页');
    expect(await search(desk)).toBe('page=2');
    await poll(() => rows(desk).count()).toBe(5);
    expect(await desk.getByTestId('pager-next').count()).toBe(0);
    const second = await rowReferences(desk);
    await desk.goBack();
    await settled(desk, '第 1 页，共 2 页');
    const firstPage = await rowReferences(desk);
    expect(firstPage.filter((r) => second.includes(r))).toEqual([]);
    expect(new Set([...firstPage, ...second])).toEqual(new Set(references.map((r) => r.reference)));
    await desk.goForward();
    await settled(desk, '第 2 页，共 2 页');
    expect(await rowReferences(desk)).toEqual(second);
  });

  it('filters by region and overdue with a labelled form applied by its button; the URL keeps them through a reload', async () => {
    await desk.goto(`${server.url}/queue`);
    await settled(desk, '共 25 件');
    // every field has a label
    for (const id of ['filter-q', 'filter-matter', 'filter-region', 'filter-step', 'filter-overdue']) expect(await desk.locator(`label[for="${id}"]`).count(), id).toBe(1);
    await desk.getByLabel('办理地区').selectOption({ label: '杭州市' });
    await desk.getByLabel('只看已超期的办件').check();
    expect(await search(desk)).toBe(''); // nothing applies until the button is pressed
    await desk.getByTestId('filter-apply').click();
    const hangzhouOverdue = references.filter((r) => r.region === '330100' && r.overdue).map((r) => r.reference);
    await settled(desk, `共 ${hangzhouOverdue.length} 件`);
    expect(await search(desk)).toBe('region=330100&overdue=true');
    expect((await rowReferences(desk)).sort()).toEqual(hangzhouOverdue.sort());
    for (const row of await rows(desk).all()) expect(await row.getAttribute('data-overdue')).toBe('true');
    await shot(desk, '2-filtered-zh');
    await desk.reload();
    await settled(desk, `共 ${hangzhouOverdue.length} 件`);
    expect(await desk.getByTestId('filter-region').inputValue()).toBe('330100');
    expect(await desk.getByTestId('filter-overdue').isChecked()).toBe(true);
    // the step filter offers the queue's step by name
    expect(await desk.getByTestId('filter-step').locator('option').allTextContents()).toEqual(['全部', expect.stringMatching(/受理/)]);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.getByTestId('filter-clear').click();
    await settled(desk, '共 25 件');
    expect(await desk.getByTestId('filter-region').inputValue()).toBe('');
  });

  it('searches by a reference’s beginning in any case, and says how to fix a search it cannot run', async () => {
    const wanted = references[7]!.reference;
    await desk.getByTestId('filter-q').fill(wanted.toLowerCase());
    await desk.getByTestId('filter-q').press('Enter');
    await settled(desk, '共 1 件');
    expect(await rowReferences(desk)).toEqual([wanted]);
    await desk.getByTestId('filter-q').fill('ZJ 2026');
    await desk.getByTestId('filter-apply').click();
    await poll(() => desk.getByTestId('filter-q-error').isVisible()).toBe(true);
    expect(await desk.evaluate(() => document.activeElement?.id)).toBe('filter-q');
    expect(await desk.getByTestId('filter-q').getAttribute('aria-invalid')).toBe('true');
    expect(await desk.getByTestId('filter-q').getAttribute('aria-describedby')).toContain('filter-q-error');
    expect(await axeViolations(desk)).toEqual([]);
    await shot(desk, '3-search-error-zh');
  });

  it('speaks English throughout when switched', async () => {
    await desk.goto(`${server.url}/queue?overdue=true`);
    await setLocale(desk, 'en');
    await settled(desk, '4 cases');
    expect(await desk.getByRole('heading', { name: 'Filter cases' }).isVisible()).toBe(true);
    expect(await desk.locator('[data-testid="queue"] thead th').allTextContents()).toEqual(['Reference', 'Matter', 'Applicant', 'Region', 'Submitted', 'Current step', 'Deadline']);
    const text = await desk.getByTestId('queue-filters').innerText();
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await rows(desk).first().getByTestId('case-row-deadline').textContent()).toContain('Overdue');
    expect(await rows(desk).first().locator('td').nth(2).textContent()).toMatch(/^(Zhejiang|Hangzhou)$/);
    await desk.goto(`${server.url}/queue`);
    await settled(desk, 'Page 1 of 2');
    expect(await desk.getByTestId('pager-next').textContent()).toContain('Next page');
    expect(await axeViolations(desk)).toEqual([]);
    await shot(desk, '4-queue-en');
    await setLocale(desk, 'zh');
  });

  it('stacks the queue on a 390 px phone without a sideways scroll', async () => {
    await signIn(phone, 'clerk');
    await phone.goto(`${server.url}/queue?region=330100`);
    await settled(phone, '共');
    const row = rows(phone).first();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await row.locator('td').first().evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"事项"');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(phone)).toEqual([]);
    await shot(phone, '5-queue-phone');
    await phone.getByTestId('pager-next').count().then((n) => expect(n).toBe(0)); // 8 cases: one page
  });
});

describe('the applicant’s lists in Chromium', () => {
  it('shows My cases with references and the submitted answers on a case, on a phone too', async () => {
    await signIn(phone, 'zhangWei');
    await phone.goto(`${server.url}/cases`);
    await poll(() => phone.getByTestId('my-case').count()).toBe(20);
    expect(await phone.getByTestId('pager-position').textContent()).toBe('第 1 页，共 2 页');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(phone)).toEqual([]);
    await shot(phone, '6-my-cases-phone');
    // newest first: the last submitted leads
    expect(await phone.getByTestId('my-case').first().getByTestId('case-row-reference').textContent()).toBe(references.at(-1)!.reference);
    await phone.getByTestId('my-case').first().getByRole('link').click();
    await poll(() => phone.getByTestId('submitted-answers').isVisible()).toBe(true);
    const answers = await phone.getByTestId('submitted-row').allTextContents();
    expect(answers.some((a) => a.includes('13800138000'))).toBe(true);
    // the identity number shared data verified is masked, and nothing can be changed here
    expect(answers.some((a) => /\d{4}\*{10}[\dX]{4}/.test(a))).toBe(true);
    expect(await phone.getByTestId('submitted-answers').getByTestId('check-change').count()).toBe(0);
    expect(await axeViolations(phone)).toEqual([]);
    await shot(phone, '7-case-answers-phone');
    expect(csp.flat()).toEqual([]);
  });
});
