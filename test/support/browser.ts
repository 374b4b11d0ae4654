/** Launching the system Chromium (Debian's) through Playwright; never a downloaded browser. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { expect } from 'vitest';
import { defaultWebDir } from '../../runtime/server/web.ts';
import { projectRoot } from './catalogue.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium with the flags this sandbox needs (no sandbox, no background networking). */
/**
 * Stops a portal test with one clear line when the portal is not built. `npm test` builds it once before the suite
 * (`npm run build:web`); tests never build it themselves, since parallel workers would rewrite the folder another
 * worker's server is serving. ONEMATTER_WEB_DIR points the server at another build.
 */
export function requirePortalBuild(): void {
  if (!existsSync(join(defaultWebDir, 'index.html'))) throw new Error(`the portal is not built in ${defaultWebDir}: run \`npm run build:web\` (npm test does) first`);
}

/** Signs `user` (password demo1234) in to the portal at `baseUrl` in `page`, signing out whoever was signed in. */
export async function signInPortal(page: Page, baseUrl: string, user: string): Promise<void> {
  if (await page.getByTestId('sign-out').isVisible().catch(() => false)) await page.getByTestId('sign-out').click();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-username').fill(user);
  await page.getByTestId('sign-in-password').fill('demo1234');
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('signed-in-user').waitFor();
  // the session is this user's (not the one signed out a moment before, should that have raced)
  await expect.poll(() => page.evaluate(async () => ((await (await fetch('/api/session')).json()) as { user?: { id?: string } }).user?.id), { timeout: 10_000 }).toBe(user);
}

/** Switches the portal in `page` to `locale` with its toggle, unless it shows that language already. */
export async function setPortalLocale(page: Page, locale: 'zh' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)).startsWith(locale)) return;
  await page.getByTestId('locale-toggle').click();
  // a function, not a string: a string would be eval'd in the page, which its CSP refuses
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), locale);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Collects the Content-Security-Policy violations of every page of `context`, across navigations: Chromium's console
 * reports and the `securitypolicyviolation` events pages fire (listened to by an init script, which CSP does not
 * govern). Returns the list, filled as violations happen.
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) on ${location.pathname}`);
    }, true);
  });
  context.on('console', (m) => {
    if (/content.security.policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

/** Where screenshots go (a test output folder, ignored by git). */
export function screenshotPath(name: string): string {
  const dir = join(projectRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical axe-core violations on the page, each with the elements it concerns. axe goes in through
 * the DevTools protocol, not as an inline <script> (the page's CSP refuses those, rightly).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}

/**
 * Collects the page's uncaught errors and console errors into the returned list. The UIs probe the session before
 * anyone signs in (GET /api/session answers 401, which Chromium logs): that is not an error of the page.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && errors.push(m.text()));
  return errors;
}

/** A Chinese-locale page, watched from its first request for CSP violations and page errors. */
export async function watchedPage(browser: Browser, viewport = { width: 1400, height: 1000 }): Promise<{ page: Page; cspViolations: string[]; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  return { page, cspViolations: await watchCspViolations(page.context()), consoleErrors: collectPageErrors(page) };
}

/** Signs `username` (demo password) in through the designer's own sign-in form and waits for the header to say who. */
export async function signInToDesigner(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/designer`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}
