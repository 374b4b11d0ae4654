#!/usr/bin/env node
// The `onematter` command. In a checkout the CLI runs from its TypeScript sources (through tsx's ESM hooks, no
// build step); an installed package has no sources and runs the JavaScript built into dist/.
import { existsSync } from 'node:fs';

// A reader that stops early (`onematter diff … | head`) closes the pipe: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const fromSource = existsSync(new URL('./main.ts', import.meta.url));
if (fromSource) (await import('tsx/esm/api')).register();
const { main } = await import(fromSource ? './main.ts' : '../../dist/runtime/cli/main.js');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
