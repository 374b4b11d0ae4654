/**
 * How the web UI is cached (task E2, issue 12): hashed build files (`/assets/<name>-<hash>.js`) for a year, public and
 * immutable — their names change with their content — while index.html, the client-side routes' fallback (index.html
 * too, even for a missing asset), unhashed files and the API stay `no-store`, so a new build is seen at once. Served
 * from a small build of its own (ONEMATTER_WEB_DIR, read when the server's web module loads).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webDir = mkdtempSync(join(tmpdir(), 'onematter-asset-cache-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-Ab3_x-9Z.js"></script></head><body></body></html>');
writeFileSync(join(webDir, 'assets/index-Ab3_x-9Z.js'), 'export {};\n');
writeFileSync(join(webDir, 'assets/index-Zu_4pfPd.css'), 'body{}\n');
writeFileSync(join(webDir, 'assets/notes.js'), 'export {};\n');
writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
process.env.ONEMATTER_WEB_DIR = webDir;

let base: string;
let close: () => Promise<void>;
const dataDir = mkdtempSync(join(tmpdir(), 'onematter-asset-cache-data-'));

beforeAll(async () => {
  // imported after ONEMATTER_WEB_DIR is set (vitest runs each test file in a module graph of its own)
  const { startServer } = await import('../runtime/server/start.ts');
  const server = await startServer({ port: 0, dataDir });
  base = server.url;
  close = () => server.close();
}, 60_000);
afterAll(async () => {
  await close?.();
  rmSync(webDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const reply = await fetch(`${base}${path}`);
  return { status: reply.status, type: reply.headers.get('content-type') ?? '', cache: reply.headers.get('cache-control'), csp: reply.headers.get('content-security-policy'), text: await reply.text() };
};

describe('caching of the web UI', () => {
  it('keeps hashed build files for a year, with the security headers still on', async () => {
    for (const path of ['/assets/index-Ab3_x-9Z.js', '/assets/index-Zu_4pfPd.css']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(200);
      expect(reply.cache, path).toBe('public, max-age=31536000, immutable');
      expect(reply.csp, path).toContain("script-src 'self'");
    }
  });

  it('never stores index.html, the routes\' fallback, a missing asset\'s fallback, unhashed files or the API', async () => {
    for (const path of ['/', '/cases/some-case', '/assets/gone-Ab3_x-9Z.js', '/assets/notes.js', '/favicon.svg', '/api/matters']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(200);
      expect(reply.cache, path).toBe('no-store');
    }
    expect((await get('/assets/gone-Ab3_x-9Z.js')).type).toContain('text/html'); // index.html in its place
  });

  it('does not cache a refusal', async () => {
    const reply = await get('/api/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.cache).toBe('no-store');
  });
});
