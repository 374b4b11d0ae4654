import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './support/catalogue.ts';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const example = /## Embedding the engine[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
const runtimeExample = /## Embedding the runtime[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
const dir = join(projectRoot, 'test', '.readme');
const exec = promisify(execFile);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Type-checks a README example against the project's public API, runs it from the project root, returns its output.
async function checkAndRun(name: string, code: string | undefined): Promise<string> {
  expect(code, `${name}: the README lost its example`).toBeDefined();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, code!);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: [`${name}.ts`] }));
  await exec(join(projectRoot, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json'), '--noEmit']);
  return (await exec(process.execPath, ['--import', 'tsx', file], { cwd: projectRoot })).stdout;
}

describe('the README', () => {
  it('names the two set-up commands and the test command CI runs', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    expect(readFileSync(join(projectRoot, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('has an embedding example that type-checks against the public API and runs', async () => {
    const stdout = await checkAndRun('engine-example', example);
    expect(stdout).toContain('86.6');
    expect(stdout).toMatch(/^100$/m);
    expect(stdout).not.toContain('#/'); // no problem lines: the catalogue is valid
  }, 60_000);

  it('has a runtime example that type-checks and runs a case to a verified certificate', async () => {
    const stdout = await checkAndRun('runtime-example', runtimeExample);
    expect(stdout).toContain('you need not bring Resident identity card');
    expect(stdout).toContain('/applicant/mobile');
    expect(stdout).toMatch(/^approved 20\d\d-/m);
    expect(stdout).toContain('{ ok: true }');
    expect(stdout).toContain('{ ok: true, events: 4 }');
  }, 60_000);
});
