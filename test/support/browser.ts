/** Launching the system Chromium (Debian's) through Playwright; never a downloaded browser. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { projectRoot } from './catalogue.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium with the flags this sandbox needs (no sandbox, no background networking). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Where screenshots go (a test output folder, ignored by git). */
export function screenshotPath(name: string): string {
  const dir = join(projectRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
