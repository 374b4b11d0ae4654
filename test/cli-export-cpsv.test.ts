/**
 * `onematter export --cpsv`: the catalogue as CPSV-AP 3.2 JSON-LD, from a definitions folder or from the server's
 * database (the same bytes from either), written only where bytes change, readable as RDF with no network, and
 * refused with the usual exit codes when its input is wrong.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './support/cli.ts';
import { toQuads } from './support/cpsv.ts';
import { miniDir } from './support/fixtures.ts';

const cli = cliSandbox(miniDir, 'mini');
const run = (...argv: string[]) => cli.run(...argv);
afterAll(() => cli.remove());

/** Every file under `dir`, relative path → text. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]).sort(([a], [b]) => a!.localeCompare(b!)));
}
const at = (dir: string) => join(cli.dir, dir);
const documents = ['catalogue.jsonld', 'matters/330000-TEST-0001/330000.jsonld', 'matters/330000-TEST-0001/330100.jsonld', 'matters/330000-TEST-0002/330000.jsonld'];

describe('onematter export --cpsv', () => {
  it('writes one JSON-LD document per definition and the index, from a definitions folder', async () => {
    const { code, stdout, stderr } = await run('export', '--cpsv', 'out', 'mini');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('✔ exported 3 definitions of 2 matters as CPSV-AP 3.2 JSON-LD to out: 4 written, 0 unchanged\n');
    expect(Object.keys(snapshot(at('out')))).toEqual(documents);
  });

  it('writes documents that expand to RDF with every URL refused', async () => {
    for (const [file, text] of Object.entries(snapshot(at('out')))) expect((await toQuads(JSON.parse(text))).length, file).toBeGreaterThan(10);
  });

  it('writes nothing when exported again: the same bytes', async () => {
    const before = snapshot(at('out'));
    const { code, stdout } = await run('export', '--cpsv', 'out', 'mini');
    expect({ code, stdout }).toEqual({ code: 0, stdout: '✔ exported 3 definitions of 2 matters as CPSV-AP 3.2 JSON-LD to out: 0 written, 4 unchanged\n' });
    expect(snapshot(at('out'))).toEqual(before);
  });

  it('rewrites only what a new version changes: its document and the index', async () => {
    const before = snapshot(at('out'));
    const file = at('mini/matters/variant.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(original), version: '1.2.0', visits: 0 }, null, 2));
    try {
      const { code, stdout } = await run('export', '--cpsv', 'out', 'mini');
      expect({ code, stdout }).toEqual({ code: 0, stdout: '✔ exported 3 definitions of 2 matters as CPSV-AP 3.2 JSON-LD to out: 2 written, 2 unchanged\n' });
      const after = snapshot(at('out'));
      expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual(['catalogue.jsonld', 'matters/330000-TEST-0001/330100.jsonld']);
      expect(after['matters/330000-TEST-0001/330100.jsonld']).toContain('"@id": "https://onematter.dev/id/matter/330000-TEST-0001/330100/1.2.0"');
    } finally {
      writeFileSync(file, original);
    }
  });

  it('with --all-versions also writes older versions beside the newest, as <region>@<version>.jsonld', async () => {
    const older = { ...JSON.parse(readFileSync(at('mini/matters/variant.json'), 'utf8')), version: '1.0.5' };
    writeFileSync(at('mini/matters/variant@1.0.5.json'), JSON.stringify(older, null, 2));
    try {
      expect((await run('export', '--cpsv', 'newest', 'mini')).stdout).toContain('exported 3 definitions');
      const { code, stdout } = await run('export', '--cpsv', 'all', 'mini', '--all-versions');
      expect({ code, stdout }).toEqual({ code: 0, stdout: '✔ exported 4 definitions of 2 matters as CPSV-AP 3.2 JSON-LD to all: 5 written, 0 unchanged\n' });
      expect(Object.keys(snapshot(at('all')))).toContain('matters/330000-TEST-0001/330100@1.0.5.jsonld');
    } finally {
      rmSync(at('mini/matters/variant@1.0.5.json'));
    }
  });

  it('exports the server’s database the same, byte for byte, with the bundles of --catalogue', async () => {
    expect((await run('import', '--files', 'mini', '--data', 'data')).code).toBe(0);
    const { code, stdout, stderr } = await run('export', '--cpsv', 'from-store', '--data', 'data', '--catalogue', 'mini');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('✔ exported 3 definitions of 2 matters as CPSV-AP 3.2 JSON-LD to from-store: 4 written, 0 unchanged\n');
    expect((await run('export', '--cpsv', 'from-folder', 'mini')).code).toBe(0);
    expect(snapshot(at('from-store'))).toEqual(snapshot(at('from-folder')));
  });

  it('lists the problems of an invalid folder and writes nothing (exit 1)', async () => {
    const file = at('mini/matters/other.json');
    const original = readFileSync(file, 'utf8');
    const promise = { ...JSON.parse(original), timeLimit: { statutoryDays: 15, promisedDays: 30 } };
    writeFileSync(file, JSON.stringify(promise, null, 2)); // a promise beyond the statutory limit
    try {
      const { code, stdout, stderr } = await run('export', '--cpsv', 'broken', 'mini');
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toMatch(/^mini\/matters\/other\.json#\/timeLimit\/promisedDays: .*\n✖ 1 problem in mini: nothing exported\n$/);
      expect(readdirSync(cli.dir)).not.toContain('broken');
    } finally {
      writeFileSync(file, original);
    }
  });

  it.each([
    ['--cpsv naming a file', ['export', '--cpsv', 'mini/bundle.json', 'mini'], 'is a file, not a folder'],
    ['a folder and --data', ['export', '--cpsv', 'x', 'mini', '--data', 'data'], 'not both'],
    ['--files and --cpsv', ['export', '--files', 'x', '--cpsv', 'y'], 'give one'],
    ['a folder with --files', ['export', '--files', 'x', 'mini'], 'only --cpsv reads a definitions folder'],
    ['a folder without definitions', ['export', '--cpsv', 'x', 'mini/schemas'], 'holds no matter definition'],
    ['a folder that does not exist', ['export', '--cpsv', 'x', 'nowhere'], 'no such file or folder: nowhere'],
    ['no database', ['export', '--cpsv', 'x', '--data', 'empty', '--catalogue', 'mini'], 'no database at'],
    ['a --catalogue that does not exist', ['export', '--cpsv', 'x', '--data', 'data', '--catalogue', 'nowhere'], 'no catalogue folder at nowhere'],
  ])('exits 2 on a usage error: %s', async (_, argv, message) => {
    mkdirSync(at('empty'), { recursive: true });
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('onematter export --help');
    expect(readdirSync(cli.dir)).not.toContain('x');
  });
});
