/**
 * Events every step accepts (the process's own `on`) in the process designer, in Chromium against the real server.
 * The province's official opens a draft of the residence permit's baseline and, with the keyboard, lets the applicant
 * withdraw in every step: adds WITHDRAW → withdrawn from "in every step", is told that the application and the
 * supplement handle WITHDRAW themselves (they keep their own), sees it on the graph (from the dashed "any step" node)
 * and in its own table, opens it from the graph and changes its actions, then removes it from the table. The validator
 * finds nothing throughout; axe-core finds nothing serious; no console error, no CSP violation.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, signInToDesigner, watchedPage } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
const permit = '330000-GA-0101';
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
let consoleErrors: string[] = [];
let draftId: string;

beforeAll(async () => {
  // npm test builds the web UIs once, before any test
  server = await sandbox.start();
  const official = await Client.signedIn(server.url, 'official');
  const started = await official.post('/api/drafts', { edit: { id: permit, region: '330000' } });
  expect(started.status).toBe(201);
  draftId = started.body.id;
  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser, { width: 1600, height: 1200 }));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });
const shot = (name: string) => page.screenshot({ path: screenshotPath(`designer-process-root-${name}.png`), fullPage: true });
const processOfDraft = async (): Promise<any> => page.evaluate(async (id) => (await (await fetch(`/api/drafts/${id}`)).json()).definition.process, draftId);
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
const problemCount = () => page.getByTestId('process-problem-count').textContent();

describe('transitions every step accepts, in the process designer', () => {
  it('shows none yet on the residence permit, in their own section under the graph', async () => {
    await signInToDesigner(page, server.url, 'official');
    await page.goto(`${server.url}/designer/drafts/${draftId}`);
    await page.getByRole('tab', { name: '流程' }).click();
    await page.getByTestId('process-node-draft').waitFor();
    expect(await page.getByTestId('process-root-transitions-table').locator('caption').textContent()).toBe('所有环节均可');
    expect(await page.getByTestId('process-root-none').count()).toBe(1);
    expect(await page.getByTestId('process-node-any').count()).toBe(0);
    await poll(problemCount).toBe('0 个问题');
  }, 60_000);

  it('adds WITHDRAW → withdrawn in every step with the keyboard, told which steps handle WITHDRAW themselves', async () => {
    await page.getByTestId('process-add-root-transition').focus();
    await page.keyboard.press('Enter');
    await poll(focused).toBe('process-new-transition-from');
    expect(await page.getByTestId('process-new-transition-from').inputValue()).toBe('*');
    // every step accepts events only: no delay, no eventless transition
    expect(await page.getByTestId('process-new-transition-kind').locator('option').count()).toBe(1);
    await page.keyboard.press('Tab'); // the kind
    await page.keyboard.press('Tab'); // the event
    expect(await focused()).toBe('process-new-transition-event');
    await page.keyboard.type('withdraw'); // upper-cased as typed
    expect(await page.getByTestId('process-new-transition-event').inputValue()).toBe('WITHDRAW');
    const note = page.getByTestId('process-add-transition-form').getByTestId('process-root-overridden');
    await poll(() => note.getAttribute('data-states')).toBe('draft supplement');
    expect(await note.textContent()).toContain('填写申请 (draft)、补正材料 (supplement)');
    await page.getByTestId('process-new-transition-target').selectOption('withdrawn'); // what arrowing through the list does
    await page.getByTestId('process-new-transition-action-notifyApplicant').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('process-new-transition-submit').focus();
    await page.keyboard.press('Enter');
    await poll(async () => (await processOfDraft()).on).toEqual({ WITHDRAW: { target: 'withdrawn', actions: ['notifyApplicant'] } });
    // the new transition is chosen: its form, with the steps that override it
    await poll(() => page.getByTestId('process-transition-form').getAttribute('data-transition')).toBe('/process/on/WITHDRAW');
    expect(await page.getByTestId('process-transition-form').getByTestId('process-root-overridden').getAttribute('data-states')).toBe('draft supplement');
    expect(await page.getByTestId('process-transition-target').isDisabled()).toBe(false);
  }, 60_000);

  it('shows it on the graph from "any step" and in the table, with no problem and nothing for axe', async () => {
    await poll(() => page.getByTestId('process-edge-any-WITHDRAW').textContent()).toBe('WITHDRAW');
    expect(await page.getByTestId('process-node-any').textContent()).toContain('任一环节');
    const row = page.getByTestId('process-transition-row-any-WITHDRAW');
    expect(await page.getByTestId('process-root-transitions-table').getByTestId('process-transition-row-any-WITHDRAW').count()).toBe(1);
    expect(await page.getByTestId('process-transitions-table').getByTestId('process-transition-row-any-WITHDRAW').count()).toBe(0);
    expect(await row.locator('td').first().textContent()).toBe('withdrawn'); // a final state has no step name
    expect(await page.getByTestId('process-root-overridden-any-WITHDRAW').textContent()).toBe('填写申请、补正材料');
    expect(await page.getByTestId('process-root-none').count()).toBe(0);
    await poll(problemCount).toBe('0 个问题');
    await shot('1-added');
    await page.getByTestId('process-graph').screenshot({ path: screenshotPath('designer-process-root-1-graph.png') });
    expect(await axeOf(page)).toEqual([]);
  }, 60_000);

  it('opens it from its edge on the graph and changes its actions', async () => {
    await page.getByTestId('process-node-review').click();
    await poll(() => page.getByTestId('process-state-form').getAttribute('data-state')).toBe('review');
    await page.getByTestId('process-edge-any-WITHDRAW').click();
    await poll(() => page.getByTestId('process-transition-form').getAttribute('data-transition')).toBe('/process/on/WITHDRAW');
    expect(await page.getByTestId('process-transition-form').locator('legend').first().textContent()).toContain('所有环节均可');
    await page.getByTestId('process-transition-action-recordDecision').check();
    await poll(async () => (await processOfDraft()).on.WITHDRAW).toEqual({ target: 'withdrawn', actions: ['notifyApplicant', 'recordDecision'] }); // in the vocabulary's order
    await poll(() => page.getByTestId('process-transition-row-any-WITHDRAW').locator('td').nth(2).textContent()).toBe('notifyApplicant, recordDecision');
    await poll(problemCount).toBe('0 个问题');
  }, 60_000);

  it('removes it from the table with the keyboard: the graph and the draft are as before', async () => {
    await page.getByTestId('process-transition-delete-any-WITHDRAW').focus();
    await page.keyboard.press('Enter');
    await poll(async () => (await processOfDraft()).on).toBeUndefined();
    await poll(() => page.getByTestId('process-edge-any-WITHDRAW').count()).toBe(0);
    expect(await page.getByTestId('process-node-any').count()).toBe(0);
    expect(await page.getByTestId('process-root-none').count()).toBe(1);
    await poll(problemCount).toBe('0 个问题');
    await shot('2-removed');
    expect(await axeOf(page)).toEqual([]);
  }, 60_000);

  it('breaks no rule of the Content-Security-Policy and logs no error', () => {
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
