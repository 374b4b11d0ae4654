/** The entry point: PORT and ONEMATTER_DATA choose the port and the data folder, and the address is printed. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const dataDir = join(mkdtempSync(join(tmpdir(), 'onematter-main-')), 'data');
afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

it('prints "onematter listening on http://127.0.0.1:<port>" and serves from the data folder', async () => {
  const main = fileURLToPath(new URL('../runtime/server/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main], { env: { ...process.env, PORT: '0', ONEMATTER_DATA: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /^onematter listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
        if (match) resolve(match[1]!);
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    expect(url).not.toMatch(/:0$/);
    const matters = await fetch(`${url}/api/matters`);
    expect(matters.status).toBe(200);
    expect(existsSync(join(dataDir, 'onematter.sqlite'))).toBe(true);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}, 30_000);
