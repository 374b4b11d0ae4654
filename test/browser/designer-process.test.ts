/**
 * The process designer in Chromium against the real server. The province's official opens a draft of Wenzhou's
 * residence permit (its process: application → acceptance (clerk) → review (approver) → section-chief approval), and
 * on the Process tab puts a second review by the section chief between acceptance and review: adds the step on the
 * graph, re-routes the acceptance through it with the keyboard in the transitions table, adds its approval, then
 * re-routes the approver's approval straight to "approved" and removes the now unreachable section-chief approval.
 * The validator's problems follow every step on the graph (unreachable, no way to finish, then none); undo and redo
 * take the removal back and forth; the draft autosaves. axe-core finds nothing serious in Chinese or English; no
 * console error, no CSP violation (React Flow's inline styles are set through the CSSOM). Screenshots in test-results/.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatterDefinition } from '../../engine/index.ts';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, signInToDesigner, watchCspViolations, watchedPage } from '../support/browser.ts';
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
  const started = await official.post('/api/drafts', { edit: { id: permit, region: '330300' } });
  expect(started.status).toBe(201);
  draftId = started.body.id;
  const roles = (started.body.definition as MatterDefinition).roles.map((r) => r.id);
  expect(roles).toContain('sectionChief');
  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser, { width: 1600, height: 1200 }));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000 });
const axeViolations = () => axeOf(page);
const shot = (name: string) => page.screenshot({ path: screenshotPath(`designer-process-${name}.png`), fullPage: true });
const node = (id: string) => page.getByTestId(`process-node-${id}`);
const nodeIds = () => page.getByTestId('process-graph').locator('[data-testid^="process-node-"]:not([data-testid="process-node-problems"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('process-node-'.length)));
const badge = (id: string) => node(id).getByTestId('process-node-problems');
const processOfDraft = async (): Promise<any> => page.evaluate(async (id) => (await (await fetch(`/api/drafts/${id}`)).json()).definition.process, draftId);
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe('the process designer', () => {
  it('shows the process as a graph: steps with their roles, final states marked, transitions labelled', async () => {
    await signInToDesigner(page, server.url, 'official');
    await poll(() => page.getByTestId('signed-in-user').textContent()).toContain('省级');
    await page.goto(`${server.url}/designer/drafts/${draftId}`);
    await page.getByRole('tab', { name: '流程' }).click();
    await poll(nodeIds).toEqual(['draft', 'submitted', 'supplement', 'review', 'chiefReview', 'approved', 'rejected', 'withdrawn']);
    expect(await node('chiefReview').textContent()).toContain('科室负责人审批');
    expect(await node('chiefReview').textContent()).toContain('科室负责人');
    expect(await node('approved').getAttribute('data-final')).toBe('true');
    expect(await node('approved').textContent()).toContain('终止：准予');
    expect(await page.getByTestId('process-edge-review-APPROVE').textContent()).toBe('APPROVE');
    expect(await page.getByTestId('process-transitions-table').locator('tbody tr').count()).toBe(11);
    await poll(() => page.getByTestId('process-problem-count').textContent()).toBe('0 个问题');
  }, 60_000);

  it('adds the second review by the section chief: unreachable at first, said on its node', async () => {
    await page.getByTestId('process-add-state').click();
    await page.getByTestId('process-new-state-zh').fill('复核');
    await page.getByTestId('process-new-state-en').fill('Second review');
    expect(await page.getByTestId('process-new-state-id').getAttribute('placeholder')).toBe('secondReview');
    await page.getByTestId('process-new-state-role').selectOption('sectionChief');
    await page.getByTestId('process-new-state-submit').click();
    await poll(nodeIds).toContain('secondReview');
    expect(await node('secondReview').textContent()).toContain('复核');
    expect(await node('secondReview').textContent()).toContain('科室负责人');
    expect(await page.getByTestId('process-state-form').getAttribute('data-state')).toBe('secondReview'); // the new step is chosen
    await poll(() => badge('secondReview').textContent()).toBe('1');
    expect(await node('secondReview').getAttribute('class')).toContain('has-problems');
    expect(await node('secondReview').textContent()).toContain('从初始状态无法到达状态 "secondReview"');
    // a taken id is refused, with the reason
    await page.getByTestId('process-add-state').click();
    await page.getByTestId('process-new-state-zh').fill('审核');
    await page.getByTestId('process-new-state-id').fill('review');
    await page.getByTestId('process-new-state-submit').click();
    await poll(() => page.getByTestId('process-error').textContent()).toContain('a state "review" exists already');
    await page.getByTestId('process-add-state-form').getByRole('button', { name: '取消' }).click();
  }, 60_000);

  it('re-routes the acceptance through it with the keyboard, in the transitions table', async () => {
    await page.getByTestId('process-transition-edit-submitted-ACCEPT').focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('process-transition-target'); // the form takes the focus at its target
    await page.getByTestId('process-transition-target').selectOption('secondReview'); // what arrowing through the list does
    await poll(async () => (await processOfDraft()).states.submitted.on.ACCEPT).toEqual({ target: 'secondReview', actions: ['notifyApplicant'] });
    // reachable now, but nothing leaves it: no way to a final state
    await poll(() => node('secondReview').textContent()).toContain('无法到达任何终止状态');
    expect(await badge('secondReview').textContent()).toBe('1');
  }, 60_000);

  it("adds the second review's approval to the approver's review: its problems go", async () => {
    await node('secondReview').click();
    await page.getByTestId('process-add-transition').click();
    expect(await page.getByTestId('process-new-transition-from').inputValue()).toBe('secondReview');
    await page.getByTestId('process-new-transition-event').fill('APPROVE');
    await page.getByTestId('process-new-transition-target').selectOption('review');
    await page.getByTestId('process-new-transition-action-notifyApplicant').check();
    await page.getByTestId('process-new-transition-submit').click();
    await poll(() => page.getByTestId('process-edge-secondReview-APPROVE').textContent()).toBe('APPROVE');
    await poll(() => badge('secondReview').count()).toBe(0);
    expect(await node('secondReview').getAttribute('class')).not.toContain('has-problems');
    await shot('1-second-review');
    await page.getByTestId('process-graph').screenshot({ path: screenshotPath('designer-process-1-graph.png') });
  }, 60_000);

  it("re-routes the approver's approval to approved: the section-chief approval is unreachable, then removed", async () => {
    await page.getByTestId('process-edge-review-APPROVE').click();
    await poll(() => page.getByTestId('process-transition-form').getAttribute('data-transition')).toBe('/process/states/review/on/APPROVE');
    await page.getByTestId('process-transition-target').selectOption('approved');
    await poll(() => badge('chiefReview').textContent()).toBe('1');
    expect(await node('chiefReview').textContent()).toContain('从初始状态无法到达状态 "chiefReview"');
    await page.getByTestId('process-graph').screenshot({ path: screenshotPath('designer-process-2-unreachable.png') });
    await node('chiefReview').click();
    await page.getByTestId('process-delete').click();
    await poll(nodeIds).toEqual(['draft', 'submitted', 'supplement', 'review', 'approved', 'rejected', 'withdrawn', 'secondReview']);
    await poll(() => page.getByTestId('process-problem-count').textContent()).toBe('0 个问题');
    await poll(async () => Object.keys((await processOfDraft()).states)).not.toContain('chiefReview'); // autosaved
    const saved = await processOfDraft();
    expect(saved.states.secondReview).toEqual({ meta: { role: 'sectionChief', step: { zh: '复核', en: 'Second review' } }, on: { APPROVE: { target: 'review', actions: ['notifyApplicant'] } } });
    expect(saved.states.review.on.APPROVE.target).toBe('approved');
    await shot('2-rerouted');
    expect(await axeViolations()).toEqual([]);
  }, 60_000);

  it('undoes the removal and redoes it; the draft follows', async () => {
    await page.getByTestId('undo').click();
    await poll(nodeIds).toContain('chiefReview');
    await poll(() => badge('chiefReview').textContent()).toBe('1');
    await poll(async () => Object.keys((await processOfDraft()).states)).toContain('chiefReview');
    await page.getByTestId('redo').click();
    await poll(nodeIds).not.toContain('chiefReview');
    await poll(async () => Object.keys((await processOfDraft()).states)).not.toContain('chiefReview');
    // the Delete key on the graph goes through the same command, and undo brings the transition back
    await page.getByTestId('process-edge-secondReview-APPROVE').click();
    await poll(() => page.getByTestId('process-transition-form').getAttribute('data-transition')).toBe('/process/states/secondReview/on/APPROVE');
    await page.keyboard.press('Delete');
    await poll(() => page.getByTestId('process-edge-secondReview-APPROVE').count()).toBe(0);
    await poll(() => badge('secondReview').textContent()).toBe('1'); // no way to finish again
    await page.keyboard.press('Control+z');
    await poll(() => page.getByTestId('process-edge-secondReview-APPROVE').count()).toBe(1);
    await poll(() => badge('secondReview').count()).toBe(0);
  }, 60_000);

  it('reads in English, axe-clean; auto-layout keeps every step', async () => {
    await page.getByTestId('locale-toggle').click();
    await poll(() => node('secondReview').textContent()).toContain('Second review');
    expect(await node('secondReview').textContent()).toContain('Section chief');
    expect(await node('approved').textContent()).toContain('final: approved');
    await page.getByTestId('process-auto-layout').click();
    await poll(nodeIds).toHaveLength(8);
    await page.getByTestId('process-state-edit-secondReview').click();
    await poll(() => page.getByTestId('process-state-form').getAttribute('data-state')).toBe('secondReview');
    // on the graph itself: a step takes the focus and Enter chooses it
    await page.locator('.react-flow__node[data-id="review"]').focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('process-state-form').getAttribute('data-state')).toBe('review');
    expect(await page.locator('.react-flow__node[data-id="review"]').getAttribute('aria-label')).toBe('Review, Approver');
    await shot('3-english');
    await page.getByTestId('process-graph').screenshot({ path: screenshotPath('designer-process-3-graph.png') });
    expect(await axeViolations()).toEqual([]);
  }, 60_000);

  it('shows a reviewer the process read only: no way to add, change or delete', async () => {
    const reviewer = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
    try {
      const csp = await watchCspViolations(reviewer);
      const p = await reviewer.newPage();
      await signInToDesigner(p, server.url, 'reviewer');
      await p.goto(`${server.url}/designer/drafts/${draftId}`);
      await p.getByRole('tab', { name: '流程' }).click();
      await p.getByTestId('process-node-secondReview').waitFor();
      expect(await p.getByTestId('process-add-state').count()).toBe(0);
      expect(await p.getByTestId('process-state-delete-secondReview').count()).toBe(0);
      await p.getByTestId('process-state-edit-secondReview').click();
      expect(await p.getByTestId('process-state-role').isDisabled()).toBe(true);
      expect(await p.getByTestId('process-state-step-zh').isDisabled()).toBe(true);
      await p.getByTestId('process-transition-edit-submitted-ACCEPT').click();
      expect(await p.getByTestId('process-transition-target').isDisabled()).toBe(true);
      expect(await p.getByTestId('process-transition-delete').count()).toBe(0);
      expect(csp).toEqual([]);
    } finally {
      await reviewer.close();
    }
  }, 60_000);

  it('puts an automatic-decision guard on a transition: a verified date older than six months, then a data condition', async () => {
    await page.getByRole('tab', { name: /流程|Process/ }).click();
    await page.getByTestId('process-edge-submitted-REQUEST_SUPPLEMENT').click();
    await page.getByTestId('process-transition-guard').selectOption('#olderThan');
    await poll(async () => (await processOfDraft()).states.submitted.on.REQUEST_SUPPLEMENT.guard).toMatchObject({ type: 'olderThan', params: { duration: 'P6M', verified: true } });
    await page.getByTestId('process-guard-field').selectOption('/residence/registrationDate');
    await poll(async () => (await processOfDraft()).states.submitted.on.REQUEST_SUPPLEMENT.guard).toEqual({ type: 'olderThan', params: { field: '/residence/registrationDate', duration: 'P6M', verified: true } });
    await page.getByTestId('process-guard-duration').fill('P1Y');
    await page.getByTestId('process-guard-duration').press('Enter');
    await poll(async () => (await processOfDraft()).states.submitted.on.REQUEST_SUPPLEMENT.guard.params.duration).toBe('P1Y');
    await page.getByTestId('process-transition-guard').selectOption('#dataMatches');
    await poll(() => page.getByTestId('process-guard-words').textContent()).toMatch(/成立条件|Holds when/);
    expect(await axeViolations()).toEqual([]);
    await page.getByTestId('process-transition-guard').selectOption('');
    await poll(async () => (await processOfDraft()).states.submitted.on.REQUEST_SUPPLEMENT.guard).toBeUndefined();
  }, 60_000);

  it('exports the process as Stately machine JSON and imports one back as a single undoable command', async () => {
    await page.getByRole('tab', { name: /流程|Process/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('process-export-stately').click()]);
    const machine = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const saved = await processOfDraft();
    expect(machine.id).toBe(saved.id);
    expect(machine.states.review.on.REJECT.actions[0]).toEqual({ type: 'recordDecision' }); // Stately's long form
    // as Stately Studio would send it back: the machine's context, a #machine target; the section chief's step gone
    const { secondReview: _, ...states } = machine.states;
    const edited = { ...machine, context: {}, states: { ...states, submitted: { ...states.submitted, on: { ...states.submitted.on, ACCEPT: { target: `#${machine.id}.review` } } } } };
    await page.getByTestId('process-import-file').setInputFiles({ name: 'machine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
    await poll(() => page.getByTestId('process-import-report').textContent()).toMatch(/已导入流程|Process imported/);
    expect(await page.getByTestId('process-import-report').textContent()).toContain('/context');
    await poll(nodeIds).not.toContain('secondReview');
    await poll(async () => (await processOfDraft()).states.submitted.on.ACCEPT).toEqual({ target: 'review' });
    expect((await processOfDraft()).states.review.on.REJECT.actions).toEqual(['recordDecision', 'notifyApplicant']);
    await page.getByTestId('undo').click();
    await poll(nodeIds).toContain('secondReview');
    await poll(async () => Object.keys((await processOfDraft()).states)).toContain('secondReview');
  }, 60_000);

  it('breaks no rule of the Content-Security-Policy and logs no error', () => {
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
