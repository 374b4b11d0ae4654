/**
 * The designer's JSON view in Chromium against the real server: the province official opens the residence-permit
 * baseline as a draft, edits it as text (the problem count, the inline diagnostics and the diff follow; undo and redo
 * bring the text back), breaks the JSON (the line and column are shown while the other sections keep the last valid
 * definition), follows a problem into the text, pastes 1.5 MB of hostile JSON without the page freezing, and a
 * reviewer sees the text read only. Screenshots go to test-results/; axe-core finds no serious or critical
 * violation; no console error and no Content-Security-Policy violation happens on the way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burdenMetrics } from '../../engine/index.ts';
import type { RunningServer } from '../../runtime/server/start.ts';
import { axeViolations as axeOf, launchChromium, screenshotPath, watchCspViolations, watchedPage } from '../support/browser.ts';
import { projectRoot } from '../support/catalogue.ts';
import { serverSandbox } from '../support/server.ts';

const baseline = JSON.parse(readFileSync(join(projectRoot, 'definitions/matters/residence-permit/baseline.json'), 'utf8')) as { timeLimit: { promisedDays: number } };
// the burden metric the diff panel shows for `days` promised days: in working days, as the engine converts the unit
const promisedMetric = (days: number) => String(burdenMetrics({ ...baseline, timeLimit: { ...baseline.timeLimit, promisedDays: days } }).promisedDays);
const sandbox = serverSandbox();
let server: RunningServer;
let browser: Browser;
let page: Page;
let cspViolations: string[] = [];
let consoleErrors: string[] = [];
let draftUrl = '';
let initialProblems = 0; // the draft's own (the baseline as it is published)

beforeAll(async () => {
  // npm test builds the web UIs once, before any test (a build here would race the other browser tests)
  server = await sandbox.start();
  browser = await launchChromium();
  ({ page, cspViolations, consoleErrors } = await watchedPage(browser));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sandbox.remove();
});

// the analysis runs in a worker and the text is parsed after a pause: give them time on a loaded machine
const poll = <T>(value: () => Promise<T> | T, options: { interval?: number } = {}) => expect.poll(value, { timeout: 15_000, ...options });
const shot = (name: string) => page.screenshot({ path: screenshotPath(`designer-json-${name}.png`) });
const content = () => page.locator('.cm-content');
const status = () => page.getByTestId('json-status');
const problemCount = async () => Number(/\((\d+)\)/.exec((await page.getByTestId('panel-tab-problems').textContent()) ?? '')?.[1] ?? NaN);

const axeViolations = () => axeOf(page);
// Finds `find` with the editor's search panel (Ctrl+F, Enter, Escape: the match is selected) and types over it.
async function replaceInText(find: string, replacement: string) {
  await content().focus();
  await page.keyboard.press('Control+f');
  const field = page.locator('.cm-search input[name="search"]');
  await field.fill('');
  await field.pressSequentially(find);
  await field.press('Enter');
  await field.press('Escape');
  await page.keyboard.type(replacement);
}

// The text the editor's selection holds (the editor lives in a shadow root; Chromium answers getSelection there).
const selectedText = () => page.evaluate(() => (document.querySelector('[data-testid="json-editor"]')!.shadowRoot as unknown as { getSelection(): Selection }).getSelection().toString());

describe('the designer’s JSON view, in Chromium', () => {
  it('opens the residence-permit baseline as a draft and shows it as JSON, axe-clean', async () => {
    await page.goto(`${server.url}/designer`);
    await page.locator('input[name="username"]').fill('official');
    await page.locator('input[name="password"]').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    consoleErrors.length = 0; // the designer asks for a session before signing in: that 401 is expected
    await page.getByTestId('catalogue-search').fill('330000-GA-0101');
    const row = page.getByTestId('catalogue-row').filter({ hasText: '330000-GA-0101' }).filter({ hasText: '标杆' });
    await row.getByRole('button', { name: '编辑' }).click();
    await page.waitForURL(/\/designer\/drafts\/[^/]+$/);
    draftUrl = page.url();
    await page.getByRole('tab', { name: 'JSON' }).click();
    await poll(() => status().getAttribute('data-state')).toBe('synced');
    expect(await content().getAttribute('aria-label')).toBe('事项定义的 JSON 文本');
    expect(await page.locator('.cm-line').nth(1).textContent()).toBe('  "id": "330000-GA-0101",'); // 2-space JSON
    expect(await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^1$/ }).count()).toBe(1);
    expect(await page.locator('.cm-foldGutter').count()).toBe(1);
    // highlighted: property names and strings carry token classes
    expect(await page.locator('.cm-line').nth(1).locator('span[class]').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(problemCount, { timeout: 90_000 }).not.toBeNaN(); // the worker's first analysis compiles the schemas

    initialProblems = await problemCount();
    await shot('1-open');
    expect(await axeViolations()).toEqual([]);

    // the keyboard: CodeMirror's search speaks Chinese here, and Tab leaves the editor (no trap)
    await content().focus();
    await page.keyboard.press('Control+f');
    expect(await page.locator('.cm-search input[name="search"]').getAttribute('aria-label')).toBe('查找');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement?.tagName, !!document.activeElement?.closest('[data-testid="json-editor"]')])).toEqual(['BUTTON', false]);
  }, 150_000);

  it('turns an edit of the text into one undoable command: the diff, the problem count and the diagnostics follow', async () => {
    const days = baseline.timeLimit.promisedDays;
    await replaceInText(`"promisedDays": ${days}`, `"promisedDays": ${days + 10}`);
    expect(await status().getAttribute('data-state')).toBe('pending');
    await poll(() => status().getAttribute('data-state')).toBe('synced');
    await poll(() => page.getByTestId('metric-promisedDays').locator('td').first().textContent()).toBe(promisedMetric(days + 10));
    await poll(() => page.getByTestId('change').count()).toBeGreaterThan(0);
    await shot('2-diff');

    // an edit made elsewhere while the text is shown (the level-up plan's step) changes the text in place and
    // selects what it changed
    await page.getByTestId('plan-step').filter({ hasText: new RegExp(`(承诺时限缩短为|Promise) ${days} `) }).getByTestId('apply-step').click();
    await poll(() => content().textContent()).toContain(`"promisedDays": ${days}`);
    await content().focus();
    await poll(selectedText).toBe(String(days));
    await page.getByTestId('undo').click();
    await poll(() => content().textContent()).toContain(`"promisedDays": ${days + 10}`);

    // an invalid value: the engine's problem appears in the count and underlined in the text
    // 13 promised days stay within the statutory 15: the count is the draft's own again (once the undone state is analysed)
    const before = initialProblems;
    await poll(problemCount).toBe(before);
    await replaceInText('"handlingType": "promised"', '"handlingType": "promisedXX"');
    await poll(problemCount).toBe(before + 1);
    await poll(() => page.locator('.cm-lintRange-error').first().textContent()).toBe('"promisedXX"');
    await page.locator('.cm-lintRange-error').first().hover();
    await poll(() => page.locator('.cm-tooltip-lint').textContent()).toContain('[schema.enum]');
    await shot('3-diagnostic');

    // undo from the toolbar takes back the last pause's edit, text included; redo brings it again
    await page.getByTestId('undo').click();
    await poll(problemCount).toBe(before);
    await poll(() => content().textContent()).not.toContain('XX');
    await page.getByTestId('redo').click();
    await poll(problemCount).toBe(before + 1);
    await poll(() => content().textContent()).toContain('XX');
    // and Ctrl+Z in the text is the same undo, one transaction at a time (the toolbar's shortcut does not undo again)
    await content().focus();
    await page.keyboard.press('Control+z');
    await poll(problemCount).toBe(before);
    expect(await page.getByTestId('metric-promisedDays').locator('td').first().textContent()).toBe(promisedMetric(days + 10));
    expect(await page.getByTestId('undo').isDisabled()).toBe(false);
    await page.keyboard.press('Control+z');
    await poll(() => page.getByTestId('metric-promisedDays').locator('td').first().textContent()).toBe(promisedMetric(days));
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
  }, 60_000);

  it('shows malformed JSON at its line and column and keeps the last valid definition everywhere else', async () => {
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    await replaceInText('"zh": "居住证申领"', '"zh": "改过的标题",,');
    await poll(() => status().getAttribute('data-state')).toBe('invalid');
    expect(await status().textContent()).toMatch(/^未应用：JSON 格式错误（第 14 行第 \d+ 列）/);
    await poll(() => page.locator('.cm-lintRange-error').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title); // the model kept the old title
    await shot('4-malformed');
    expect(await axeViolations()).toEqual([]);

    // another section shows the last valid definition; coming back, the typed text is still there
    await page.getByRole('tab', { name: '服务要素' }).click();
    await poll(() => page.getByTestId('service').locator('input[value="居住证申领"]').count()).toBe(1);
    await page.getByRole('tab', { name: 'JSON' }).click();
    await poll(() => status().getAttribute('data-state')).toBe('invalid');
    await page.getByTestId('json-go-to-error').click();
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('json-editor'); // focus is in the editor's shadow root
    await poll(() => content().textContent()).toContain('改过的标题",,');

    // undo of a text that never parsed goes back to the last valid text
    await page.keyboard.press('Control+z');
    await poll(() => status().getAttribute('data-state')).toBe('synced');
    await poll(() => content().textContent()).toContain('"zh": "居住证申领"');
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
  }, 60_000);

  it('selects in the text what a problem clicked elsewhere points at', async () => {
    await replaceInText('"WITHDRAW": "withdrawn"', '"WITHDRAW": "nowhere"');
    await poll(problemCount).toBeGreaterThan(initialProblems);
    await page.getByTestId('panel-tab-problems').click();
    const problem = page.getByTestId('problem').filter({ hasText: '/process/states/draft/on/WITHDRAW' });
    await problem.click();
    await content().focus(); // focus keeps the editor's selection, which Chromium then reports
    await poll(selectedText).toBe('"nowhere"');
    await shot('5-selected');
    await page.keyboard.press('Control+z');
    await poll(problemCount).toBe(initialProblems);
  }, 60_000);

  it('takes a 1.5 MB hostile paste without freezing, refuses it like the engine, and undoes it', async () => {
    const definition = JSON.parse(await page.evaluate(async (url) => JSON.stringify((await (await fetch(`/api/drafts/${url.split('/').pop()}`)).json()).definition), draftUrl));
    const filler = Array.from({ length: 16_000 }, (_, i) => `item ${i} ${'x'.repeat(80)}`);
    const pasted = JSON.stringify({ ...definition, notes: filler }, null, 2).replace(/\n}$/, ',\n  "__proto__": { "polluted": true }\n}');
    expect(pasted.length).toBeGreaterThan(1_500_000);
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask' });
    });
    await content().focus();
    await page.keyboard.press('Control+a');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('[data-testid="json-editor"]')!.shadowRoot!.querySelector('.cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted);
    await page.waitForTimeout(350); // the pause has passed: the text is being parsed
    const started = Date.now();
    await page.getByTestId('panel-tab-diff').click();
    await poll(() => page.getByTestId('panel-tab-diff').getAttribute('aria-selected'), { interval: 20 }).toBe('true');
    expect(Date.now() - started).toBeLessThan(1000);
    await poll(() => status().getAttribute('data-state')).toBe('invalid');
    expect(await status().textContent()).toContain('"__proto__"');
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    await shot('6-hostile-paste');
    expect(await page.evaluate(() => (window as unknown as { longest: number }).longest)).toBeLessThan(1000);

    await content().focus();
    await page.keyboard.press('Control+z');
    await poll(() => status().getAttribute('data-state')).toBe('synced');
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
    await poll(problemCount).toBe(initialProblems);
  }, 60_000);

  it('reads in English too', async () => {
    await page.getByTestId('locale-toggle').click();
    await poll(() => content().getAttribute('aria-label')).toBe('The matter definition as JSON');
    await content().focus();
    await page.keyboard.press('Control+f');
    expect(await page.locator('.cm-search input[name="search"]').getAttribute('aria-label')).toBe('Find');
    await shot('7-english-search');
    expect(await axeViolations()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('locale-toggle').click();
  });

  it('shows a reviewer the text read only', async () => {
    const reviewer = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
    try {
      const csp = await watchCspViolations(reviewer);
      const p = await reviewer.newPage();
      await p.goto(`${server.url}/designer`);
      await p.locator('input[name="username"]').fill('reviewer');
      await p.locator('input[name="password"]').fill('demo1234');
      await p.getByRole('button', { name: '登录' }).click();
      await p.getByTestId('signed-in-user').waitFor();
      await p.goto(draftUrl);
      await p.getByRole('tab', { name: 'JSON' }).click();
      await p.locator('.cm-content').waitFor();
      expect(await p.locator('.cm-content').getAttribute('aria-readonly')).toBe('true');
      await p.locator('.cm-content').focus();
      await p.keyboard.type('typed');
      expect(await p.locator('.cm-content').textContent()).not.toContain('typed');
      expect(csp).toEqual([]);
    } finally {
      await reviewer.close();
    }
  });

  it('breaks no rule of the Content-Security-Policy and logs no error', () => {
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
