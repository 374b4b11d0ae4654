/**
 * Materials on the applicant's form, in Chromium against the real server, at a phone's width (390 px): Li Na, who
 * lives in Haishu, Ningbo (330203), applies for the Ningbo residence permit. Through the real file input she uploads
 * her lease contract as a PDF for the housing proof, sees the server's refusal (415) of a text file named .pdf beside
 * the material, in Chinese and in English, picks her digital photo receipt from her own e-licences for the photo she
 * has no shared-data record of, checks her answers with the materials listed, and submits: the SUBMIT event carries
 * the file's hash and the licence's number and hash. axe-core checks each state, the error state included; the
 * screenshots go to test-results/upload-*.png.
 */
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { demoLicences } from '../../runtime/shared-data/demo.ts';
import { axeViolations, collectPageErrors, launchChromium, requirePortalBuild, screenshotPath, watchCspViolations } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const receipt = demoLicences.find((l) => l.id === 'ZP3302032025000456')!;
/** A small, well-formed one-page PDF: the lease contract. */
const leasePdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const notAPdf = Buffer.from('This is a text file, whatever its name says.\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let server: RunningServer;
let browser: Browser;
let page: Page;
let li: Client;
let caseId: string;
let cspViolations: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  // the answers she gave before (a saved draft): the form is then hers to continue, on the phone
  li = await Client.signedIn(server.url, 'liNa');
  const started = await li.post('/api/cases', { matterId: '330000-GA-0101', region: '330200' });
  expect(started.status).toBe(201);
  caseId = started.body.id;
  const data = {
    ...started.body.data,
    applicant: { ...started.body.data.applicant, mobile: '13900139000' },
    residence: { regionCode: '330203', address: '浙江省宁波市海曙区中山西路8号', registrationDate: '2026-03-01', reason: '投靠亲友', housingType: '租赁住房' },
    delivery: { method: '电子证照' },
  };
  expect((await li.put(`/api/cases/${caseId}/draft`, { data, revision: started.body.revision })).status).toBe(200);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  cspViolations = await watchCspViolations(page.context());
  pageErrors = collectPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const shot = async (name: string) => {
  await page.screenshot({ path: screenshotPath(`upload-${name}.png`), fullPage: true });
  // the part this test is about, at a size one can read
  const part = page.getByTestId(name.includes('check') ? 'materials-summary' : 'materials-upload');
  if (await part.count()) await part.screenshot({ path: screenshotPath(`upload-${name}-part.png`) });
};
const housing = () => page.locator('[data-upload="housingProof"]');
const live = (material: string) => page.locator(`[data-testid="live-situation"] [data-material="${material}"]`);
const setLocale = async (locale: 'zh' | 'en') => {
  if ((await page.evaluate(() => document.documentElement.lang)).startsWith(locale)) return;
  await page.getByTestId('locale-toggle').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toContain(locale);
};
const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('uploading materials and picking an e-licence on the form', () => {
  it('offers a labelled file input per material to bring, and her own photo receipt for the photo', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sign-in-username').fill('liNa');
    await page.getByTestId('sign-in-password').fill('demo1234');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain('李娜');
    await page.goto(`${server.url}/cases/${caseId}`);
    await housing().waitFor();
    // a real file input, named by its label after the material, taking PDF, JPEG and PNG, several at once
    const input = page.getByLabel('上传「房屋租赁合同或房屋产权证明」的文件');
    expect(await input.getAttribute('type')).toBe('file');
    expect(await input.getAttribute('accept')).toBe('.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png');
    expect(await input.getAttribute('multiple')).not.toBeNull();
    // the photo: no shared-data record waives it, her e-licence may supply it; the driving licence is not offered
    const photo = page.locator('[data-upload="photo"]');
    await expect.poll(() => photo.getByRole('radio').count()).toBe(2);
    expect(await photo.getByRole('radio', { name: /数码照片回执 ZP3302032025000456，2026-09-15 由宁波市公安局海曙分局签发/ }).count()).toBe(1);
    expect(await page.getByText('JZ3302032019007788').count()).toBe(0);
    expect(await live('housingProof').textContent()).not.toContain('已提交');
    expect(await fitsWidth()).toBe(true);
    await shot('1-form-zh');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the server’s refusals beside the material, in the error style: a text file named .pdf (415), an empty file (422), one too large (413)', async () => {
    const refused = page.waitForResponse((r) => r.url().endsWith('/materials/housingProof/files'));
    await page.getByLabel('上传「房屋租赁合同或房屋产权证明」的文件').setInputFiles({ name: '租赁合同.pdf', mimeType: 'application/pdf', buffer: notAPdf });
    expect((await refused).status()).toBe(415);
    const error = housing().getByTestId('upload-error');
    await expect.poll(() => error.textContent()).toBe('错误：「房屋租赁合同或房屋产权证明」：文件类型不支持，请上传 PDF、JPEG 或 PNG 文件。');
    expect(await housing().getAttribute('class')).toContain('has-error');
    const input = page.getByLabel('上传「房屋租赁合同或房屋产权证明」的文件');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
    expect(await housing().getByTestId('uploaded-files').count()).toBe(0);
    await shot('2-refused-zh');
    expect(await axeViolations(page)).toEqual([]);

    // an empty file (422) and one over the server's limit (413, the limit in MB), each worded from its code
    await input.setInputFiles({ name: '空白.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
    await expect.poll(() => error.textContent()).toBe('错误：「房屋租赁合同或房屋产权证明」：文件是空的，请重新选择。');
    const large = Buffer.concat([leasePdf, Buffer.alloc(10 * 1024 * 1024)]);
    await input.setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: large });
    await expect.poll(() => error.textContent(), { timeout: 60_000 }).toBe('错误：「房屋租赁合同或房屋产权证明」：文件过大，单个文件不能超过 10 MB。');
    await shot('2-too-large-zh');
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('uploads the lease contract at once and counts the material as supplied', async () => {
    const stored = page.waitForResponse((r) => r.url().endsWith('/materials/housingProof/files'));
    await page.getByLabel('上传「房屋租赁合同或房屋产权证明」的文件').setInputFiles({ name: '租赁合同.pdf', mimeType: 'application/pdf', buffer: leasePdf });
    expect((await stored).status()).toBe(201);
    const listed = housing().getByTestId('uploaded-files');
    await expect.poll(() => listed.textContent()).toContain('租赁合同.pdf');
    expect(await listed.textContent()).toContain('PDF');
    expect(await listed.locator(`[data-sha256="${sha(leasePdf)}"]`).count()).toBe(1);
    expect(await housing().getByTestId('upload-error').count()).toBe(0); // the refusal is gone with the next upload
    await expect.poll(() => live('housingProof').textContent()).toContain('已提交');
    expect(await listed.getByRole('button', { name: '移除 租赁合同.pdf' }).count()).toBe(1);
  });

  it('picks the photo from her e-licences, which supplies it', async () => {
    await page.locator('[data-upload="photo"]').getByRole('radio', { name: /ZP3302032025000456/ }).check();
    await expect.poll(() => live('photo').textContent()).toContain('已提交');
    // picked, the photo needs no upload
    expect(await page.locator('[data-upload="photo"] input[type="file"]').count()).toBe(0);
    expect(await fitsWidth()).toBe(true);
    await shot('3-supplied-zh');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says the same in English, its refusal too, with the material named', async () => {
    await setLocale('en');
    const input = page.getByLabel('Upload a file for “Lease contract or title certificate”');
    expect(await input.getAttribute('type')).toBe('file');
    expect(await page.locator('[data-upload="photo"]').getByRole('radio', { name: /Use my e-licence: Digital photo receipt ZP3302032025000456, issued 2026-09-15 by Haishu Branch, Ningbo Public Security Bureau/ }).isChecked()).toBe(true);
    await input.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: notAPdf });
    await expect.poll(() => housing().getByTestId('upload-error').textContent()).toBe('Error: Lease contract or title certificate: This type of file is not accepted. Upload a PDF, JPEG or PNG file.');
    // the file uploaded before stays listed
    expect(await housing().getByTestId('uploaded-files').textContent()).toContain('租赁合同.pdf');
    expect(await fitsWidth()).toBe(true);
    await shot('4-refused-en');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lists the materials on the check-answers page and submits the file and the licence', async () => {
    await page.getByTestId('form-submit').click();
    const summary = page.getByTestId('materials-summary');
    await summary.waitFor();
    expect(await summary.locator('[data-material="housingProof"]').textContent()).toContain('租赁合同.pdf');
    expect(await summary.locator('[data-material="photo"]').textContent()).toContain('E-licence: Digital photo receipt ZP3302032025000456');
    await shot('5-check-en');
    expect(await axeViolations(page)).toEqual([]);
    await setLocale('zh');
    expect(await summary.locator('[data-material="photo"]').textContent()).toContain('电子证照：数码照片回执 ZP3302032025000456');
    await page.getByTestId('check-submit').click();
    await page.getByTestId('submitted-notice').waitFor();
    await shot('6-submitted-zh');
    expect(await axeViolations(page)).toEqual([]);

    const read = (await li.get(`/api/cases/${caseId}`)).body;
    const submitted = read.audit.find((e: { type: string }) => e.type === 'SUBMIT');
    // the refused text file never became part of the case: only the lease contract is sent, with the licence
    expect(submitted.payload).toMatchObject({ files: { housingProof: [sha(leasePdf)] }, licences: { photo: [{ id: receipt.id, hash: receipt.hash }] } });
    expect(read.files.housingProof).toEqual([expect.objectContaining({ sha256: sha(leasePdf), referenced: true, type: 'application/pdf' })]);
    expect(read.situation.materials.filter((m: { id: string; supplied: boolean }) => ['photo', 'housingProof'].includes(m.id)).map((m: { supplied: boolean }) => m.supplied)).toEqual([true, true]);
  });

  it('kept to the Content-Security-Policy and logged no error but the refusals it provoked', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors.filter((e) => !/status of (413|415|422)/.test(e))).toEqual([]);
  });
});
