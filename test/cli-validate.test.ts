import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './support/cli.ts';
import { miniDir } from './support/fixtures.ts';

const bin = new URL('../runtime/cli/bin.js', import.meta.url).pathname;
let sandbox: ReturnType<typeof cliSandbox>;
let dir: string;
const run = (...argv: string[]) => sandbox.run(...argv);

beforeAll(() => {
  sandbox = cliSandbox(miniDir, 'catalogue');
  dir = sandbox.dir;
});
afterAll(() => sandbox.remove());

describe('onematter validate', () => {
  it('exits 0 and says so when every definition is valid', async () => {
    const { code, stdout } = await run('validate', 'catalogue');
    expect(stdout).toBe('✔ 6 files valid\n');
    expect(code).toBe(0);
  });

  it('checks one file against the rest of its catalogue', async () => {
    const { code, stdout } = await run('validate', 'catalogue/matters/variant.json');
    expect(stdout).toBe('✔ 1 file valid\n');
    expect(code).toBe(0);
  });

  it('exits 1 with one line per problem, naming file and pointer', async () => {
    const broken = JSON.parse(readFileSync(join(dir, 'catalogue/matters/variant.json'), 'utf8'));
    broken.process.initial = 'nowhere';
    broken.materials[1].id = 'idCard';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const { code, stdout } = await run('validate', 'broken.json', '--catalogue', join(dir, 'catalogue'));
    expect(stdout.split('\n')).toEqual([
      'broken.json#/materials/1/id: material id "idCard" is used more than once [materials.duplicate-id]',
      'broken.json#/process/initial: initial state "nowhere" does not exist [process.initial-missing]',
      '✖ 2 problems in 1 of 1 file',
      '',
    ]);
    expect(code).toBe(1);
  });

  it('prints problems as JSON with --json', async () => {
    writeFileSync(join(dir, 'not-json.json'), '{"kind": "baseline",}');
    const { code, stdout } = await run('validate', 'not-json.json', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      problems: [
        {
          file: 'not-json.json',
          pointer: '',
          code: 'json.invalid',
          message: 'invalid JSON at line 1, column 21: expected a property name in double quotes',
          params: { line: 1, column: 21, detail: 'expected a property name in double quotes' },
        },
      ],
    });
  });

  it.each([
    ['no path', ['validate']],
    ['an unknown option', ['validate', 'catalogue', '--frobnicate']],
    ['a path that does not exist', ['validate', 'nowhere']],
    ['an unknown command', ['publish', 'catalogue']],
    ['no command', []],
  ])('exits 2 on a usage error: %s', async (_, argv) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).not.toBe('');
  });
});

describe('the onematter binary', () => {
  const exec = promisify(execFile);

  it('runs as a real process with the documented exit codes', async () => {
    const ok = await exec(process.execPath, [bin, 'validate', join(dir, 'catalogue'), '--json']);
    expect(JSON.parse(ok.stdout)).toEqual({ problems: [] });
    const bad = await exec(process.execPath, [bin, 'validate', join(dir, 'not-json.json')]).catch((e) => e);
    expect(bad.code).toBe(1);
    const usage = await exec(process.execPath, [bin, 'validate']).catch((e) => e);
    expect(usage.code).toBe(2);
  });
});
