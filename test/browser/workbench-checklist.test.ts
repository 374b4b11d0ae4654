/**
 * The clerk's materials checklist (材料核验) and tolerated-missing acceptance (容缺受理) in the workbench, in Chromium
 * against a real server: Li Na applies in Ningbo with her proof of study uploaded; the clerk's ACCEPT is refused
 * naming the photo, the proof of address and the housing proof, each linked to its checklist row; marking the housing
 * proof missing without a due date shows the server's refusal at its row (error summary, aria-invalid); with the date
 * the case is accepted, the approver approves and the certificate is held back; the clerk later marks the housing
 * proof received and the certificate is issued. Once in Chinese on a desktop, once in English on a 390 px phone;
 * axe-core finds nothing serious in any state, the error state included, and no page breaks the CSP.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, launchChromium, requirePortalBuild, screenshotPath, setPortalLocale, signInPortal, watchCspViolations } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
const png = new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a student card, scanned')]));
// a fortnight from today in China Standard Time (the server takes any real date; the clerk would pick a near one)
const dueDate = new Date(Date.now() + 14 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

/** Li Na's residence permit in Ningbo, submitted over HTTP with her proof of study uploaded: the case id. */
async function submittedCase(): Promise<string> {
  const li = await Client.signedIn(server.url, 'liNa');
  const started = await li.post('/api/cases', { matterId: '330000-GA-0101', region: '330200' });
  expect(started.status).toBe(201);
  const { id, revision, data } = started.body;
  const file = await li.post(`/api/cases/${id}/materials/studyProof/files`, undefined, { raw: png, contentType: 'image/png' });
  expect(file.status).toBe(201);
  const answers = {
    ...data,
    applicant: { ...data.applicant, mobile: '13800138000' },
    residence: { regionCode: '330203', address: '宁波市海曙区中山西路8号', registrationDate: '2025-01-06', reason: '就读', housingType: '租赁住房' },
    delivery: { method: '电子证照' },
  };
  const submitted = await li.post(`/api/cases/${id}/submit`, { data: answers, revision, files: { studyProof: [file.body.sha256] } });
  expect(submitted.status, submitted.text).toBe(200);
  return id;
}

const signIn = (page: Page, user: string) => signInPortal(page, server.url, user);

const setLocale = setPortalLocale;

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
const readCase = (page: Page, id: string) => page.evaluate(async (caseId) => (await fetch(`/api/cases/${caseId}`)).json(), id);
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

// what the page must say in each language (the server sends codes and names; the words are the portal's)
const words = {
  zh: {
    waived: '数据共享免交',
    photo: '本人近期免冠证件照片',
    housing: '房屋租赁合同或房屋产权证明',
    refused: '不能受理：以下必要材料既未收到，也未容缺受理。',
    dueError: '请填写补交截止日期（年-月-日）',
    summary: '请修改以下问题',
    saved: '核验结果已保存。',
    held: '证照暂缓签发：待“房屋租赁合同或房屋产权证明”补交后签发。',
    issued: '材料已补齐，电子证照已签发。',
    audit: '材料核验',
    fileLink: '下载文件 1（PNG，',
  },
  en: {
    waived: 'Waived through shared data',
    photo: 'Recent bare-headed photo of the applicant',
    housing: 'Lease contract or title certificate',
    refused: 'Cannot accept: these required materials are neither received nor accepted missing.',
    dueError: 'Enter the date the material is due by (year-month-day)',
    summary: 'There is a problem',
    saved: 'The checklist is saved.',
    held: 'Certificate held back until Lease contract or title certificate is supplied.',
    issued: 'All materials are in: the e-certificate is issued.',
    audit: 'Materials checked',
    fileLink: 'Download file 1 (PNG, ',
  },
} as const;

const runs = [
  { name: 'zh-desktop', locale: 'zh', viewport: { width: 1200, height: 900 }, phone: false },
  { name: 'en-390', locale: 'en', viewport: { width: 390, height: 844 }, phone: true },
] as const;

describe.each(runs)('the clerk’s materials checklist ($name)', ({ name, locale, viewport, phone }) => {
  const w = words[locale];
  let page: Page;
  let csp: string[];
  const pageErrors: string[] = [];
  let caseId: string;
  const shot = (step: string) => page.screenshot({ path: screenshotPath(`checklist-${name}-${step}.png`), fullPage: true });
  const row = (material: string) => page.locator(`[data-testid="check-row"][data-material="${material}"]`);

  beforeAll(async () => {
    caseId = await submittedCase();
    page = await browser.newPage({ viewport, locale: 'zh-CN', isMobile: phone, hasTouch: phone, acceptDownloads: true });
    csp = await watchCspViolations(page.context());
    page.on('pageerror', (e) => pageErrors.push(e.stack ?? e.message));
  }, 60_000);
  afterAll(async () => {
    await page?.close();
  });

  it('lists each material that applies with how it came: waived by shared data, the uploaded file (downloadable), or nothing', async () => {
    await signIn(page, 'clerk');
    await setLocale(page, locale);
    await page.goto(`${server.url}/cases/${caseId}`);
    await expect.poll(() => row('photo').count()).toBe(1);
    const materials = await page.getByTestId('check-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-material')));
    expect(materials).toEqual(['identityCard', 'photo', 'residenceProof', 'employmentProof', 'housingProof', 'studyProof']);
    expect(await row('identityCard').getByTestId('check-source').textContent()).toContain(w.waived);
    expect(await row('housingProof').locator('th').textContent()).toContain(locale === 'zh' ? '容缺后补' : 'May be supplied later');
    // every status control is named after its material
    expect(await page.getByRole('combobox', { name: w.photo }).count()).toBe(1);
    const link = row('studyProof').getByTestId('check-file');
    expect(await link.textContent()).toContain(w.fileLink);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^studyProof-[0-9a-f]{12}\.png$/);
    expect(await fitsWidth(page)).toBe(true);
    await shot('1-checklist');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('refuses ACCEPT naming each missing material, each a link to its row', async () => {
    await page.getByTestId('action-ACCEPT').click();
    const refusal = page.getByTestId('accept-refused');
    await refusal.waitFor();
    expect(await refusal.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-material')))).toEqual(['photo', 'residenceProof', 'housingProof']);
    const said = await text(page, 'accept-refused');
    expect(said).toContain(w.refused);
    expect(said).toContain(w.photo);
    expect(said).not.toContain('cannot accept:'); // the server's message is for logs, not for the page
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('accept-refused');
    expect(await fitsWidth(page)).toBe(true);
    await shot('2-accept-refused');
    expect(await axeViolations(page)).toEqual([]);
    await refusal.getByRole('link', { name: w.housing }).click();
    expect(await focusedId(page)).toBe('check-housingProof');
    expect((await readCase(page, caseId)).state).toBe('submitted');
  }, 60_000);

  it('shows the server’s refusal of a tolerated material without its due date at the row, and records nothing', async () => {
    await page.locator('#check-photo').selectOption('received');
    await page.locator('#check-residenceProof').selectOption('verified');
    await page.locator('#check-residenceProof-note').fill(locale === 'zh' ? '原件已核对' : 'original seen');
    await page.locator('#check-housingProof').selectOption('missing');
    const due = page.locator('#check-housingProof-dueDate');
    await due.waitFor();
    await page.getByTestId('checklist-save').click();
    const summary = page.getByTestId('checklist-errors');
    await expect.poll(() => text(page, 'checklist-errors')).toContain(w.dueError);
    expect(await text(page, 'checklist-errors')).toContain(w.summary);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('checklist-errors');
    expect(await summary.locator('a').getAttribute('href')).toBe('#check-housingProof-dueDate');
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    expect(await due.getAttribute('aria-describedby')).toContain('check-housingProof-dueDate-error');
    expect(await page.locator('#check-housingProof-dueDate-error').textContent()).toContain(w.dueError);
    expect(await page.locator('#check-photo').getAttribute('aria-invalid')).toBeNull();
    expect((await readCase(page, caseId)).checklist.checks).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await shot('3-error');
    expect(await axeViolations(page)).toEqual([]);
    // the summary's link takes the keyboard to the field
    await summary.locator('a').click();
    expect(await focusedId(page)).toBe('check-housingProof-dueDate');
    if (locale === 'zh') {
      // the refusal is a code, so the other language says it in its own words
      await setLocale(page, 'en');
      await expect.poll(() => text(page, 'checklist-errors')).toContain(words.en.dueError);
      expect(await text(page, 'checklist-errors')).not.toMatch(/[\u4e00-\u9fff]{2}：/);
      await shot('3-error-en');
      expect(await axeViolations(page)).toEqual([]);
      await setLocale(page, 'zh');
    }
  }, 60_000);

  it('records the checklist with the due date, shows the material outstanding, and then accepts', async () => {
    await page.locator('#check-housingProof-dueDate').fill(dueDate);
    await page.getByTestId('checklist-save').click();
    await expect.poll(() => text(page, 'checklist-saved')).toBe(w.saved);
    await expect.poll(() => row('housingProof').getAttribute('data-status')).toBe('missing');
    expect(await row('photo').getAttribute('data-status')).toBe('received');
    expect(await row('residenceProof').getAttribute('data-status')).toBe('verified');
    const outstanding = page.getByTestId('outstanding-notice');
    expect(await outstanding.locator('li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-material'), li.getAttribute('data-due')]))).toEqual([['housingProof', dueDate]]);
    expect(await outstanding.textContent()).toContain(w.housing);
    const c = await readCase(page, caseId);
    expect(c.checklist.checks).toEqual([
      expect.objectContaining({ material: 'photo', status: 'received', by: 'clerk' }),
      expect.objectContaining({ material: 'residenceProof', status: 'verified', note: locale === 'zh' ? '原件已核对' : 'original seen' }),
      expect.objectContaining({ material: 'housingProof', status: 'missing', tolerated: true, dueDate }),
    ]);
    expect(await page.getByTestId('audit-trail').textContent()).toContain(w.audit);
    await shot('4-saved');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('action-ACCEPT').click();
    await expect.poll(() => page.getByTestId('case').getAttribute('data-state')).toBe('review');
    expect(await page.getByTestId('accept-refused').count()).toBe(0);
  }, 60_000);

  it('holds the certificate back when the approver approves, and tells the staff why', async () => {
    await signIn(page, 'approver');
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByTestId('action-APPROVE').click();
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => page.getByTestId('case').getAttribute('data-state')).toBe('approved');
    await expect.poll(() => text(page, 'certificate-held')).toBe(w.held);
    expect(await page.getByTestId('certificates').count()).toBe(0);
    // the approver did not check: the checklist reads, it does not edit
    expect(await page.getByTestId('checklist-form').count()).toBe(0);
    expect(await row('housingProof').getByTestId('check-due').count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await shot('5-held');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('issues the certificate when the clerk later marks the housing proof received', async () => {
    await signIn(page, 'clerk');
    await page.goto(`${server.url}/cases/${caseId}`);
    await expect.poll(() => text(page, 'certificate-held')).toBe(w.held);
    await page.locator('#check-housingProof').selectOption('received');
    expect(await page.locator('#check-housingProof-dueDate').count()).toBe(0);
    await page.locator('#check-housingProof-note').fill(locale === 'zh' ? '申请人已补交租赁合同' : 'lease contract brought in');
    await page.getByTestId('checklist-save').click();
    await expect.poll(() => text(page, 'checklist-saved')).toBe(w.issued);
    await expect.poll(() => page.getByTestId('certificates').count()).toBe(1);
    expect(await page.getByTestId('outstanding-notice').count()).toBe(0);
    const c = await readCase(page, caseId);
    expect(c.checklist).toMatchObject({ outstanding: [], certificateHeld: null });
    expect(c.certificates).toHaveLength(1);
    expect(c.audit.map((e: { type: string }) => e.type).slice(-2)).toEqual(['materials-checked', 'certificate-issued']);
    expect(await fitsWidth(page)).toBe(true);
    await shot('6-issued');
    expect(await axeViolations(page)).toEqual([]);
    expect(csp).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
