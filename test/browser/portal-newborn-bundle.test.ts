/**
 * Issue 13's journey in Chromium against the real server: 新生儿出生一件事. Li Na, whose son was born in Ningbo, finds
 * the bundle under the 出生 life event, reads its guide (five members, one material list, the saving), fills one form
 * — the newborn's, the mother's and the household's facts prefilled from shared data, each fact she types asked once
 * — checks her answers and submits once. Then each department acts in its own queue on its own part: the health
 * commission's clerk accepts the birth certificate and issues the vaccination certificate on the spot, its approver
 * signs the birth certificate; the police station registers the birth; the medical insurance office enrols the baby;
 * the human resources office issues the social security card. Nobody sees another department's part; a plain clerk
 * sees none. Li Na's case shows each member's progress and, in the end, five certificates and 办结. axe-core checks
 * every page on the way and no page breaks the Content-Security-Policy.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, collectPageErrors, launchChromium, requirePortalBuild, screenshotPath, signInPortal, watchCspViolations } from '../support/browser.ts';
import { serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let page: Page;
let csp: string[];
let pageErrors: string[];
let caseUrl = '';
let reference = '';

const bundleId = '330000-YJS-0201';
const members = ['birthCertificate', 'birthRegistration', 'vaccination', 'medicalInsurance', 'socialSecurityCard'] as const;

/** A valid identity number (GB 11643 check digit) for a body of 17 digits. */
function idNumber(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

const shot = (step: string) => page.screenshot({ path: screenshotPath(`newborn-bundle-${step}.png`), fullPage: true });
const clean = async () => expect(await axeViolations(page)).toEqual([]);
const caseJson = async () => (await page.evaluate(async (url) => (await fetch(`/api/cases/${url.split('/').pop()}`)).json(), caseUrl)) as any;
const member = (key: string) => page.locator(`[data-testid="member"][data-member="${key}"]`);

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  csp = await watchCspViolations(page.context());
  pageErrors = collectPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

/** Signs in as `user`, finds the case in the queue by its reference, and opens it. */
async function openFromQueue(user: string) {
  await signInPortal(page, server.url, user);
  await page.goto(`${server.url}/queue`);
  await page.getByTestId('filter-q').fill(reference);
  await page.getByTestId('filter-apply').click();
  await expect.poll(() => page.getByTestId('queue-case').count(), { timeout: 15_000 }).toBe(1);
  await page.getByTestId('queue-case').getByRole('link').first().click();
  await page.waitForURL(caseUrl);
}

/** Clicks a member's action button (confirming when asked) and waits until the member's row moves on (or shows `expected`). */
async function act(event: string, key: string, expected?: RegExp) {
  const button = page.getByTestId(`action-${event}.${key}`);
  await button.waitFor();
  const before = (await member(key).getByTestId('member-step').textContent()) ?? '';
  await button.click();
  const confirm = page.getByTestId('confirm-yes');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  try {
    const now = () => member(key).getByTestId('member-step').textContent().then((t) => t ?? '');
    if (expected) await expect.poll(() => member(key).getAttribute('data-outcome'), { timeout: 15_000 }).toMatch(expected);
    else await expect.poll(now, { timeout: 15_000 }).not.toBe(before);
  } catch (error) {
    // say what the page said (a refusal) rather than only that the row did not change
    throw new Error(`${event}.${key}: ${(await page.locator('[role="alert"]').allTextContents()).join(' | ')} — ${error instanceof Error ? error.message : String(error)}`);
  }
}

describe('新生儿出生一件事: one application, five departments’ parts, five certificates', () => {
  it('finds the bundle under its life event, with its members and the saving in the guide', async () => {
    await signInPortal(page, server.url, 'liNa');
    await page.goto(server.url + '/');
    const birth = page.locator('[data-testid="life-event"][data-event="birth"]');
    await birth.locator(`[data-testid="bundle"][data-matter="${bundleId}"]`).waitFor();
    expect(await birth.textContent()).toContain('一件事');
    await shot('1-catalogue');
    await clean();

    await page.goto(`${server.url}/matters/${bundleId}/regions/330000`);
    await page.getByTestId('bundle-members').waitFor();
    expect(await page.getByTestId('bundle-member').evaluateAll((els) => els.map((e) => e.getAttribute('data-member')))).toEqual([...members]);
    const saving = (await page.getByTestId('bundle-saving').textContent()) ?? '';
    expect(saving).toMatch(/25[\s\S]*16[\s\S]*9/); // fields typed: 25 applied for one by one, 16 together
    await shot('2-guide');
    await clean();
  }, 90_000);

  it('fills one form, the facts shared data holds prefilled and each typed fact asked once, and submits once', async () => {
    await page.getByTestId('start-application').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]+$/);
    caseUrl = page.url();
    // prefilled from the hospital's delivery record and the household register (locked)
    await expect.poll(() => page.locator('#root_birthCertificate_mother_name').inputValue()).toBe('李娜');
    expect(await page.locator('#root_birthRegistration_household_headName').inputValue()).toBeTruthy();
    // asked once: the mobile number and the relation live in the first member's part only
    expect(await page.locator('#root_birthRegistration_applicant_mobile').count()).toBe(0);
    expect(await page.locator('#root_socialSecurityCard_applicant_relation').count()).toBe(0);

    await page.locator('#root_birthCertificate_newborn_name').fill('王子墨');
    await page.locator('#root_birthCertificate_father_name').fill('王强');
    await page.locator('#root_birthCertificate_father_idNumber').fill('330203198303150034');
    await page.locator('#root_birthCertificate_applicant_relation').selectOption('母亲');
    await page.locator('#root_birthCertificate_applicant_mobile').fill('13900139000');
    await page.locator('#root_birthRegistration_newborn_ethnicity').fill('汉族');
    await page.locator('#root_birthRegistration_newborn_relationToHead').selectOption('子');
    await page.locator('#root_birthRegistration_newborn_birthStatus').selectOption('婚生');
    await page.locator('#root_birthRegistration_household_follow').selectOption('随母落户');
    await page.locator('#root_vaccination_vaccination_unit').fill('宁波市妇女儿童医院预防接种门诊');
    await page.locator('#root_vaccination_vaccination_residenceAddress').fill('浙江省宁波市海曙区中山西路8号');
    await page.locator('#root_medicalInsurance_newborn_idNumber').fill(idNumber('33020320261120003'));
    await page.locator('#root_medicalInsurance_insurance_region').selectOption('330000');
    await page.locator('#root_medicalInsurance_insurance_region-1').selectOption('330200');
    await page.locator('#root_medicalInsurance_insurance_region-2').selectOption('330203');
    await page.locator('#root_socialSecurityCard_delivery_method').selectOption('网点领取');
    await shot('3-form');
    await clean();

    await page.getByTestId('form-submit').click();
    await page.getByTestId('check-answers').waitFor();
    expect(await page.getByTestId('check-answers').textContent()).toContain('王子墨');
    await shot('4-check-answers');
    await clean();
    await page.getByTestId('check-submit').click();
    await page.getByTestId('submitted-notice').waitFor({ timeout: 15_000 });
    reference = ((await page.getByTestId('case-reference').textContent()) ?? '').trim();
    expect(reference).toMatch(/^ZJ-2026-\d{6}$/);
    await shot('5-confirmation');
    await clean();

    const c = await caseJson();
    // one submission: every member's department now has its part
    expect(c.audit.filter((e: { type: string }) => e.type === 'SUBMIT')).toHaveLength(1);
    expect(c.members.map((m: { key: string; role: string }) => [m.key, m.role])).toEqual([
      ['birthCertificate', 'health-clerk'], ['birthRegistration', 'police-clerk'], ['vaccination', 'health-clerk'], ['medicalInsurance', 'medicalInsurance-clerk'], ['socialSecurityCard', 'hrss-clerk'],
    ]);
  }, 120_000);

  it('shows no department another’s part, and a clerk of no department nothing', async () => {
    await signInPortal(page, server.url, 'clerk');
    await page.goto(`${server.url}/queue`);
    await page.getByTestId('filter-q').fill(reference);
    await page.getByTestId('filter-apply').click();
    await expect.poll(() => page.getByTestId('queue-case').count()).toBe(0);

    await openFromQueue('policeClerk');
    await page.getByTestId('action-ACCEPT.birthRegistration').waitFor();
    expect(await page.locator('[data-testid^="action-"][data-testid$=".birthCertificate"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="action-"][data-testid$=".medicalInsurance"]').count()).toBe(0);
    await shot('6-police-clerk');
    await clean();
  }, 90_000);

  it('each department acts in its queue: health (two parts), police, medical insurance, human resources', async () => {
    // the police station accepts; its approver registers the birth
    await act('ACCEPT', 'birthRegistration');
    await openFromQueue('policeApprover');
    await act('APPROVE', 'birthRegistration', /^approved$/);

    // the health commission: the birth certificate (clerk, then approver) and the vaccination certificate on the spot
    await openFromQueue('healthClerk');
    await page.getByTestId('action-ACCEPT.birthCertificate').waitFor();
    await page.getByTestId('action-APPROVE.vaccination').waitFor();
    expect(await page.locator('[data-testid^="action-"][data-testid$=".birthRegistration"]').count()).toBe(0);
    await shot('7-health-clerk');
    await clean();
    await act('ACCEPT', 'birthCertificate');
    await act('APPROVE', 'vaccination', /^approved$/);
    await openFromQueue('healthApprover');
    await act('APPROVE', 'birthCertificate', /^approved$/);

    await openFromQueue('medicalInsuranceClerk');
    await act('ACCEPT', 'medicalInsurance');
    await openFromQueue('medicalInsuranceApprover');
    await act('APPROVE', 'medicalInsurance', /^approved$/);

    await openFromQueue('hrssClerk');
    await act('ACCEPT', 'socialSecurityCard');
    await openFromQueue('hrssApprover');
    await shot('8-hrss-approver');
    await clean();
    await act('APPROVE', 'socialSecurityCard', /^approved$/);
  }, 240_000);

  it('Li Na sees one status: 办结, each member approved, and five certificates, each member its own', async () => {
    await signInPortal(page, server.url, 'liNa');
    await page.goto(caseUrl);
    await page.getByTestId('member-progress').waitFor();
    const c = await caseJson();
    expect(c.state).toBe('completed');
    expect(c.outcome).toBe('completed');
    expect(c.members.map((m: { outcome: string }) => m.outcome)).toEqual(['approved', 'approved', 'approved', 'approved', 'approved']);
    for (const m of c.members) expect(m.certificates, m.key).toHaveLength(1);
    expect(new Set(c.members.flatMap((m: { certificates: string[] }) => m.certificates)).size).toBe(5);
    expect(await page.locator('[data-testid="member"][data-outcome="approved"]').count()).toBe(5);
    expect(await page.getByTestId('case').textContent()).toContain('办结');
    await shot('9-completed');
    await clean();
    expect(csp).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
