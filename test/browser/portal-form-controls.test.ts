/**
 * The applicant form's controls in Chromium (Ningbo's residence permit, signed in as Li Na): the region picker chosen
 * by keyboard alone (浙江省 → 宁波市 → 海曙区, the value the 6-digit code); the postal address revealed right under
 * the delivery choice only when the permit is mailed, then required, its errors in the summary linking to the
 * revealed fields; options and picker in English in the English form; a 390 px phone. axe finds nothing serious.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, launchChromium, requirePortalBuild, screenshotPath, setPortalLocale, signInPortal, watchCspViolations } from '../support/browser.ts';
import { serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const guide = '/matters/330000-GA-0101/regions/330200'; // Ningbo's variant
const region = '#root_delivery_postalAddress_regionCode';
const cjk = /[\u3400-\u9fff]/;
// a loaded machine may take a while to answer: poll long enough (a wait, not a timed assertion)
const wait = { timeout: 20_000 };
let server: RunningServer;
let browser: Browser;
const csp: string[][] = [];

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

async function openForm(viewport: { width: number; height: number }, mobile = false): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN', ...(mobile ? { isMobile: true, hasTouch: true } : {}) });
  csp.push(await watchCspViolations(page.context()));
  await signInPortal(page, server.url, 'liNa');
  await page.goto(server.url + guide);
  await page.getByTestId('start-application').click();
  await page.waitForURL(/\/cases\/[0-9a-f-]+$/);
  await page.locator('#root_delivery_method').waitFor();
  return page;
}
const setLocale = setPortalLocale;
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`form-controls-${name}.png`), fullPage: true });
const selected = (page: Page, selector: string) => page.locator(selector).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const summaryPointers = (page: Page) => page.locator('[data-testid="error-summary"] a').evaluateAll((as) => as.map((a) => a.getAttribute('data-pointer')));

describe('the applicant form’s controls', () => {
  let page: Page;

  it('reveals the postal address right under the delivery choice only when mailed, and then requires it', async () => {
    page = await openForm({ width: 1200, height: 900 });
    expect(await page.locator(region).count()).toBe(0);
    await page.locator('#root_delivery_method').selectOption({ label: '邮寄送达' });
    await page.locator(region).waitFor();
    // right under the choice: the address comes next in the page, nothing between them
    const between = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id^="root_"]')].map((e) => e.id).filter((id) => /^root_[a-z]+_[A-Za-z]+$/.test(id));
      const at = ids.indexOf('root_delivery_method');
      return ids[at + 1];
    });
    expect(between).toBe('root_delivery_postalAddress');
    expect(await page.locator('label[for="root_delivery_postalAddress_detail"]').textContent()).toContain('*');
    await page.getByTestId('form-submit').click();
    await expect.poll(() => summaryPointers(page), wait).toEqual(expect.arrayContaining(['/delivery/postalAddress/regionCode', '/delivery/postalAddress/detail']));
    expect(await page.getByTestId('error-summary').textContent()).toContain('请填写详细地址');
    await shot(page, '1-mail-errors');
    expect(await axeViolations(page)).toEqual([]);
    // the summary's link takes the keyboard to the revealed field
    await page.locator('[data-testid="error-summary"] a[data-pointer="/delivery/postalAddress/detail"]').click();
    expect(await focusedId(page)).toBe('root_delivery_postalAddress_detail');
    expect(await page.locator('#root_delivery_postalAddress_detail').getAttribute('aria-invalid')).toBe('true');
  });

  it('picks 浙江省 → 宁波市 → 海曙区 with the keyboard alone, each list filtered by the one before', async () => {
    await page.locator(region).focus();
    await page.keyboard.press('ArrowDown'); // 浙江省, the only province
    await expect.poll(() => selected(page, region), wait).toBe('浙江省');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('root_delivery_postalAddress_regionCode-1');
    expect(await page.locator(`${region}-1 option`).count()).toBe(12); // 11 cities and "请选择"
    await page.keyboard.press('ArrowDown'); // 杭州市
    await page.keyboard.press('ArrowDown'); // 宁波市
    await expect.poll(() => selected(page, `${region}-1`), wait).toBe('宁波市');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('root_delivery_postalAddress_regionCode-2');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selected(page, `${region}-2`), wait).toBe('海曙区');
    expect(await page.locator(`${region}-2`).inputValue()).toBe('330203');
    expect(await page.locator(`${region}-2 option`).allTextContents()).toEqual(['请选择', '海曙区', '江北区', '北仑区', '镇海区', '鄞州区', '奉化区', '象山县', '宁海县', '余姚市', '慈溪市']);
    await page.locator('#root_delivery_postalAddress_detail').fill('中山西路 100 号 3 幢 201 室');
    await page.getByTestId('form-submit').click();
    await expect.poll(async () => (await summaryPointers(page)).filter((p) => p?.startsWith('/delivery')), wait).toEqual([]);
    await shot(page, '2-region-picked');
    await page.locator('fieldset#root_delivery').screenshot({ path: screenshotPath('form-controls-2-delivery.png') });
  });

  it('shows English labels in the English form: options, picker and errors', async () => {
    await page.reload();
    await page.locator('#root_delivery_method').waitFor();
    await setLocale(page, 'en');
    const methods = await page.locator('#root_delivery_method option').allTextContents();
    expect(methods.filter((t) => t.trim() !== '')).toEqual(expect.arrayContaining(['Electronic licence', 'By post', 'Collect at the service counter']));
    for (const t of methods) expect(t).not.toMatch(cjk);
    await page.locator('#root_delivery_method').selectOption({ label: 'By post' });
    await page.locator(region).waitFor();
    expect(await page.locator(`label[for="root_delivery_postalAddress_regionCode"]`).allTextContents()).toContain('Province');
    expect((await page.locator(`${region} option`).allTextContents())).toEqual(['Select', 'Zhejiang']);
    for (const id of ['#root_applicant_gender', '#root_residence_reason', '#root_residence_housingType']) {
      const options = page.locator(`${id} option, input[id^="${id.slice(1)}-"] + span, label:has(input[id^="${id.slice(1)}-"])`);
      for (const t of await options.allTextContents()) expect(t, id).not.toMatch(cjk);
    }
    await page.getByTestId('form-submit').click();
    await expect.poll(() => summaryPointers(page), wait).toEqual(expect.arrayContaining(['/delivery/postalAddress/detail']));
    expect(await page.getByTestId('error-summary').textContent()).not.toMatch(cjk);
    await shot(page, '3-english');
    await page.locator('fieldset#root_delivery').screenshot({ path: screenshotPath('form-controls-3-delivery-en.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('works on a 390 px phone: the picker fits, nothing scrolls sideways', async () => {
    const phone = await openForm({ width: 390, height: 844 }, true);
    await phone.locator('#root_delivery_method').selectOption({ label: '邮寄送达' });
    await phone.locator(region).selectOption({ label: '浙江省' });
    await phone.locator(`${region}-1`).selectOption({ label: '宁波市' });
    await phone.locator(`${region}-2`).selectOption({ label: '海曙区' });
    const widths = await phone.locator('[data-testid="region-picker"] select').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    for (const right of widths) expect(right).toBeLessThanOrEqual(390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, '4-phone');
    await phone.locator('fieldset#root_delivery').screenshot({ path: screenshotPath('form-controls-4-delivery-phone.png') });
    expect(await axeViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('breaks no Content-Security-Policy', () => {
    expect(csp.flat()).toEqual([]);
  });
});
