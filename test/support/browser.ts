/** Launching the system Chromium (Debian's) through Playwright; never a downloaded browser. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { projectRoot } from './catalogue.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium with the flags this sandbox needs (no sandbox, no background networking). */
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
