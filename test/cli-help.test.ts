import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './support/catalogue.ts';
import { cliSandbox } from './support/cli.ts';

const exec = promisify(execFile);
const version = JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')).version as string;
const commands = ['validate', 'catalogue', 'diff', 'score', 'review', 'typegen', 'import-form', 'export', 'import', 'process'];
const cli = cliSandbox(`${projectRoot}test/fixtures/mini`, 'mini');
afterAll(() => cli.remove());

describe('onematter --help and --version', () => {
  it.each(commands)('answers `%s --help` with its usage, options and an example, exit 0', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], [name, 'mini', '--json', '--help'], ['help', name]]) {
      const { code, stdout, stderr } = await cli.run(...argv);
      expect({ code, stderr }, argv.join(' ')).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(new RegExp(`^usage: onematter ${name} `));
      expect(stdout).toContain('example: onematter');
      expect(stdout).toContain('exit codes:');
    }
  });

  it('lists every command in the overview and points at per-command help', async () => {
    const { code, stdout } = await cli.run('--help');
    expect(code).toBe(0);
    for (const name of commands) expect(stdout).toContain(`onematter ${name} `);
    expect(stdout).toContain('onematter <command> --help');
  });

  it('prints the package version', async () => {
    for (const flag of ['--version', '-V', 'version']) expect(await cli.run(flag)).toEqual({ code: 0, stdout: `onematter ${version}\n`, stderr: '' });
  });

  it('treats --help after `--` as an argument, and points at --help on a usage error', async () => {
    const { code, stderr } = await cli.run('diff', '--', '--help');
    expect(code).toBe(2);
    expect(stderr).toContain('onematter diff --help shows its usage and options');
    expect((await cli.run('help', 'frobnicate')).code).toBe(2);
  });

  it('answers --help and --version as a real process', async () => {
    const bin = `${projectRoot}runtime/cli/bin.js`;
    expect((await exec(process.execPath, [bin, 'diff', '--help'])).stdout).toContain('usage: onematter diff <a> <b> [--json]');
    expect((await exec(process.execPath, [bin, '--version'])).stdout).toBe(`onematter ${version}\n`);
  }, 60_000);
});
