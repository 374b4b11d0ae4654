import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './support/catalogue.ts';

// `onematter diff … | head` closes the pipe after a few lines; the command must stop quietly, not crash on EPIPE.
describe('the onematter command in a pipe', () => {
  it('stops quietly (exit 0, nothing on stderr) when its reader closes early', async () => {
    const child = spawn(process.execPath, [join(projectRoot, 'runtime/cli/bin.js'), 'diff',
      'definitions/matters/residence-permit/ningbo.json', 'definitions/matters/residence-permit/baseline.json'], { cwd: projectRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // read the first chunk, then close the read end as `head -1` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 60_000);
});
