/**
 * A case in a parallel state in the staff workbench, in Chromium: the clerk and the approver each find it in their
 * queue and see only their own region's action (and the parallel state's own, REJECT); the step shows both regions'
 * names; after each department acts, the case joins into the decision. axe clean, no CSP violation.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations, launchChromium, screenshotPath, watchCspViolations, requirePortalBuild } from '../support/browser.ts';
import { nestedPermit } from '../support/nested.ts';
import { Client, serverSandbox } from '../support/server.ts';

const definitionsDir = mkdtempSync(join(tmpdir(), 'onematter-parallel-web-'));
const baselineFile = join(definitionsDir, 'matters/residence-permit/baseline.json');
cpSync(fileURLToPath(new URL('../../definitions/', import.meta.url)), definitionsDir, { recursive: true });
writeFileSync(baselineFile, `${JSON.stringify(nestedPermit(JSON.parse(readFileSync(baselineFile, 'utf8'))), null, 2)}\n`);
// the relocation bundle composes the permit: nested this deep inside a bundle's region, it would not validate (and stop the start)
rmSync(join(definitionsDir, 'bundles/relocation.json'));

const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let page: Page;
let csp: string[] = [];
let caseId = '';

beforeAll(async () => {
  requirePortalBuild();
  server = await sandbox.start({ definitionsDir });
  const zhang = await Client.signedIn(server.url, 'zhangWei');
  const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
  caseId = started.body.id;
  const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
  const submitted = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision: 1 });
  const materials = submitted.body.situation.materials.filter((m: { waived: boolean }) => !m.waived).map((m: { id: string }) => m.id);
  expect((await (await Client.signedIn(server.url, 'clerk')).post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision: 2, materials })).status).toBe(200);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, locale: 'zh-CN' });
  csp = await watchCspViolations(page.context());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.stop();
  await sandbox.remove();
  rmSync(definitionsDir, { recursive: true, force: true });
});

async function signIn(user: string) {
  if (await page.getByTestId('sign-out').isVisible().catch(() => false)) await page.getByTestId('sign-out').click();
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId('sign-in-username').fill(user);
  await page.getByTestId('sign-in-password').fill('demo1234');
  await page.getByTestId('sign-in-submit').click();
  await expect.poll(() => page.getByTestId('signed-in-user').isVisible()).toBe(true);
}

async function openFromQueue() {
  await page.goto(`${server.url}/queue`);
  await page.locator(`[data-testid="queue-case"][data-case="${caseId}"] a`).click();
  await expect.poll(() => page.getByTestId('case').getAttribute('data-state')).toBeTruthy();
}

const actions = () => page.locator('[data-testid^="action-"][data-testid$="_OK"], [data-testid="action-REJECT"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));

describe('the workbench: a case two departments check side by side', () => {
  it('the clerk sees only the residence check, and takes it', async () => {
    await signIn('clerk');
    await openFromQueue();
    expect(await page.getByTestId('case-step').textContent()).toBe('户籍核查、档案核查');
    expect(await actions()).toEqual(['action-POLICE_OK', 'action-REJECT']);
    await page.screenshot({ path: screenshotPath('parallel-1-clerk.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('action-POLICE_OK').click();
    await expect.poll(() => page.getByTestId('case').getAttribute('data-state')).toBe('checks.police.ok,checks.records.checking');
    expect(await page.getByTestId('case-step').textContent()).toBe('档案核查');
    expect(await actions()).toEqual([]);
  });

  it('the approver sees only the records check; when it is done the case goes on to the first review', async () => {
    await signIn('approver');
    await openFromQueue();
    expect(await actions()).toEqual(['action-RECORDS_OK', 'action-REJECT']);
    await page.getByTestId('action-RECORDS_OK').click();
    await expect.poll(() => page.getByTestId('case').getAttribute('data-state')).toBe('decision.first');
    expect(await page.getByTestId('case-step').textContent()).toBe('初审');
    await expect.poll(() => page.getByTestId('audit-trail').textContent()).toContain('户籍核查、档案核查');
    await page.screenshot({ path: screenshotPath('parallel-2-approver.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(csp).toEqual([]);
  });
});
