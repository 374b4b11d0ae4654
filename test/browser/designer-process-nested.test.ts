/**
 * Nested and parallel states in the process designer, in Chromium against the real server. The province's official
 * opens a draft of Wenzhou's residence permit and, after acceptance, puts parallel checks by the police and the
 * housing office: adds the state, gives it two child states (regions), makes it parallel, gives each region a
 * checking step and a final child joined by an event, joins the regions to the review (onDone, "when done") and
 * re-routes the acceptance into it — with the forms and the tables, no JSON. The validator then finds nothing; the
 * graph draws the parallel state as a box with its regions side by side inside it; axe-core finds nothing serious;
 * no console error, no CSP violation. Screenshots in test-results/.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, signInToDesigner, watchedPage } from '../support/browser.ts';
import { Client, serverSandbox } from '../support/server.ts';

const sandbox = serverSandbox();
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
  const started = await official.post('/api/drafts', { edit: { id: '330000-GA-0101', region: '330300' } });
  expect(started.status).toBe(201);
  draftId = started.body.id;
  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser, { width: 1600, height: 1300 }));
  page.setDefaultTimeout(20_000); // an action that cannot happen says why, before the test's own timeout
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });
const node = (id: string) => page.getByTestId(`process-node-${id}`);
const processOfDraft = async (): Promise<any> => page.evaluate(async (id) => (await (await fetch(`/api/drafts/${id}`)).json()).definition.process, draftId);
const chosen = () => page.getByTestId('process-state-form').getAttribute('data-state');
const box = async (id: string) => (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;

/** Chooses a state in the states table (the keyboard's way in) and waits for its form. */
async function choose(path: string) {
  await page.getByTestId(`process-state-edit-${path}`).click();
  await poll(chosen).toBe(path);
}

/** Adds a child state to the chosen one through its form's "add a child state". */
async function addChild(parent: string, id: string, zh: string, en: string, role: string) {
  await choose(parent);
  await page.getByTestId('process-state-add-child').click();
  expect(await page.getByTestId('process-new-state-parent').inputValue()).toBe(parent);
  await page.getByTestId('process-new-state-zh').fill(zh);
  await page.getByTestId('process-new-state-en').fill(en);
  await page.getByTestId('process-new-state-id').fill(id);
  await page.getByTestId('process-new-state-role').selectOption(role);
  await page.getByTestId('process-new-state-submit').click();
  await poll(chosen).toBe(`${parent}.${id}`);
}

/** Gives a region a checking step and a final child, joined by `event`. */
async function region(path: string, event: string) {
  await addChild(path, 'checking', '核查中', 'Checking', 'clerk');
  await addChild(path, 'done', '已核查', 'Checked', '');
  await page.getByTestId('process-state-final').check();
  await poll(() => node(`${path}.done`).getAttribute('data-final')).toBe('true');
  await choose(`${path}.checking`);
  await page.getByTestId('process-add-transition').click();
  expect(await page.getByTestId('process-new-transition-from').inputValue()).toBe(`${path}.checking`);
  await page.getByTestId('process-new-transition-event').fill(event);
  await page.getByTestId('process-new-transition-target').selectOption(`${path}.done`);
  await page.getByTestId('process-new-transition-submit').click();
  await poll(() => page.getByTestId(`process-edge-${path}.checking-${event}`).textContent()).toBe(event);
}

describe('nested and parallel states in the process designer', () => {
  it('adds a parallel state with two regions, each with a final child, and the join to the review: no problem left', async () => {
    await signInToDesigner(page, server.url, 'official');
    await page.goto(`${server.url}/designer/drafts/${draftId}`);
    await page.getByRole('tab', { name: '流程' }).click();
    await node('review').waitFor();
    await page.getByTestId('process-add-state').click();
    await page.getByTestId('process-new-state-zh').fill('并行核查');
    await page.getByTestId('process-new-state-en').fill('Parallel checks');
    await page.getByTestId('process-new-state-id').fill('checks');
    await page.getByTestId('process-new-state-role').selectOption('approver');
    await page.getByTestId('process-new-state-submit').click();
    await poll(chosen).toBe('checks');
    await addChild('checks', 'police', '公安核查', 'Police check', '');
    await addChild('checks', 'housing', '住房核查', 'Housing check', '');
    await choose('checks');
    expect(await page.getByTestId('process-state-type').inputValue()).toBe('compound');
    expect(await page.getByTestId('process-state-initial-child').inputValue()).toBe('checks.police');
    await page.getByTestId('process-state-type').selectOption('parallel');
    await poll(() => node('checks').getAttribute('data-kind')).toBe('parallel');
    await region('checks.police', 'POLICE_OK');
    await region('checks.housing', 'HOUSING_OK');
    // the join: when both regions are done, on to the review
    await choose('checks');
    await page.getByTestId('process-state-on-done').selectOption('review');
    await poll(() => page.getByTestId('process-edge-checks-done').textContent()).toBe('完成时');
    expect(await page.getByTestId('process-state-on-done').inputValue()).toBe('review');
    await page.getByTestId('process-state-form').screenshot({ path: screenshotPath('designer-process-nested-0-form.png') });
    // the acceptance leads into the checks now, with the keyboard in the transitions table
    await page.getByTestId('process-transition-edit-submitted-ACCEPT').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('process-transition-target').selectOption('checks');
    await poll(() => page.getByTestId('process-problem-count').textContent()).toBe('0 个问题');
    await poll(async () => (await processOfDraft()).states.submitted.on.ACCEPT.target).toBe('checks'); // autosaved
    const process = await processOfDraft();
    expect(process.states.submitted.on.ACCEPT).toEqual({ target: 'checks', actions: ['notifyApplicant'] });
    expect(process.states.checks.type).toBe('parallel');
    expect(Object.keys(process.states.checks.states)).toEqual(['police', 'housing']);
    expect(process.states.checks.states.police).toMatchObject({ initial: 'checking', states: { checking: { on: { POLICE_OK: 'done' } }, done: { type: 'final' } } });
    expect(process.states.checks.states.housing).toMatchObject({ initial: 'checking', states: { checking: { on: { HOUSING_OK: 'done' } }, done: { type: 'final' } } });
  }, 120_000);

  it('draws the parallel state as a box: its regions side by side inside it, each starting at its marked initial child', async () => {
    await page.getByTestId('process-auto-layout').click();
    expect(await node('checks').textContent()).toContain('并行 / parallel');
    expect(await node('checks.police').getAttribute('class')).toContain('region');
    const [outer, police, housing] = [await box('checks'), await box('checks.police'), await box('checks.housing')];
    for (const inner of [police, housing]) {
      expect(inner.x).toBeGreaterThanOrEqual(outer.x);
      expect(inner.y).toBeGreaterThan(outer.y);
      expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width + 1);
      expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height + 1);
    }
    expect(Math.abs(police.y - housing.y)).toBeLessThan(2); // side by side
    expect(police.x + police.width).toBeLessThan(housing.x);
    const [checking, done] = [await box('checks.police.checking'), await box('checks.police.done')];
    expect(checking.y).toBeGreaterThan(police.y);
    expect(done.y + done.height).toBeLessThanOrEqual(police.y + police.height + 1);
    expect(await node('checks.police.checking').getAttribute('class')).toContain('initial');
    expect(await node('checks.police.checking').textContent()).toContain('初始');
    expect(await node('checks.police.done').getAttribute('class')).toContain('final');
    expect(await page.getByTestId('process-edge-checks.police.checking-POLICE_OK').textContent()).toBe('POLICE_OK');
    // the tables list nested states by path under their parent
    const rows = await page.getByTestId('process-states-table').locator('tbody tr th').allTextContents();
    expect(rows.slice(rows.indexOf('checks'))).toEqual(['checks', 'checks.police', 'checks.police.checking', 'checks.police.done', 'checks.housing', 'checks.housing.checking', 'checks.housing.done']);
    await page.screenshot({ path: screenshotPath('designer-process-nested-1.png'), fullPage: true });
    await page.getByTestId('process-graph').screenshot({ path: screenshotPath('designer-process-nested-1-graph.png') });
    expect(await axeOf(page)).toEqual([]);
  }, 60_000);

  it("shows a nested state's problems on its own node, not on the boxes around it; undo takes the edit back", async () => {
    const badge = (id: string) => node(id).getByTestId('process-node-problems');
    await page.getByTestId('process-transition-delete-checks.housing.checking-HOUSING_OK').click();
    await poll(() => badge('checks.housing.done').count()).toBe(1); // nothing leads to it now
    expect(await node('checks.housing.done').textContent()).toContain('从初始状态无法到达状态 "checks.housing.done"');
    expect(await page.getByTestId('process-problem-count').textContent()).toBe('1 个问题');
    expect(await badge('checks.housing').count()).toBe(0);
    expect(await badge('checks').count()).toBe(0);
    await page.getByTestId('process-graph').screenshot({ path: screenshotPath('designer-process-nested-2-problems.png') });
    await page.getByTestId('undo').click();
    await poll(() => page.getByTestId('process-problem-count').textContent()).toBe('0 个问题');
    expect(await badge('checks.housing.done').count()).toBe(0);
  }, 60_000);

  it('reads in English, axe-clean, and breaks no rule of the Content-Security-Policy', async () => {
    await page.getByTestId('locale-toggle').click();
    await poll(() => page.getByTestId('process-edge-checks-done').textContent()).toBe('when done');
    expect(await node('checks').textContent()).toContain('Parallel checks');
    await page.getByTestId('process-graph').screenshot({ path: screenshotPath('designer-process-nested-3-english.png') });
    expect(await axeOf(page)).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
