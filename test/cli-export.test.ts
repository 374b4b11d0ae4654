/**
 * `onematter export` against a real server's data folder while the server runs: the published catalogue comes back
 * as files shaped like definitions/ (the same bytes for what was not changed), validates as a whole, is written the
 * same way twice, keeps the names of a folder exported before, never overwrites an edit not published yet, and never
 * creates or migrates a database.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { slug } from '../runtime/cli/export-names.ts';
import { composeBundles } from '../engine/index.ts';
import { projectRoot, realCatalogue } from './support/catalogue.ts';
import { cliSandbox } from './support/cli.ts';
import { Client, serverSandbox } from './support/server.ts';

const definitions = join(projectRoot, 'definitions');
const server = serverSandbox();
const cli = cliSandbox(definitions, 'repo'); // `repo`: a province's catalogue kept in version control
const run = (...argv: string[]) => cli.run(...argv);
let official: Client;

const read = (file: string) => readFileSync(join(definitions, file), 'utf8');
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
/** `version` with its minor (or patch) number raised: a version the catalogue does not publish yet. */
const next = (version: string, part: 'minor' | 'patch' = 'minor') => {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return part === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
};
const baseline = JSON.parse(read('matters/residence-permit/baseline.json'));
const baselineNext = { ...baseline, version: next(baseline.version), timeLimit: { ...baseline.timeLimit, promisedDays: 2 } };
const hangzhou = JSON.parse(read('matters/residence-permit/hangzhou.json'));
const ningbo = JSON.parse(read('matters/residence-permit/ningbo.json'));
const wenzhou = JSON.parse(read('matters/residence-permit/wenzhou.json'));
const olderBaseline = `baseline@${baseline.version}.json`; // the baseline the variants and the bundle still name

/** Every file under `dir` (dot files included), relative path → text. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]).sort(([a], [b]) => a!.localeCompare(b!)));
}

// The folders a fresh export names after each matter's English title, by the folder definitions/ uses.
const folders: Record<string, string> = {
  'residence-permit': 'application-for-a-residence-permit',
  'newborn-registration': 'birth-registration-of-a-newborn-household-registration',
  'driving-licence-renewal': 'renewal-of-a-driving-licence-on-expiry',
  'hk-macao-taiwan-endorsement': 'repeat-endorsement-of-an-exit-entry-permit-for-hong-kong',
  'medical-insurance-transfer': 'transfer-of-basic-medical-insurance-between-cities',
  'provident-fund-withdrawal': 'withdrawal-of-housing-provident-fund',
};
// the matters added since (the one-thing bundles' members), named the same way
for (const folder of readdirSync(join(definitions, 'matters'))) {
  folders[folder] ??= slug(JSON.parse(read(`matters/${folder}/baseline.json`)).title.en);
}
// what definitions/ holds: matter definitions, the matters they are of, and the context files (shared data, schemas,
// regions, bundles — a composed bundle is not exported: its bundle file composes it again)
const definitionFiles = Object.keys(snapshot(definitions)).filter((f) => f.startsWith('matters/'));
const D = definitionFiles.length;
const M = new Set(definitionFiles.map((f) => JSON.parse(read(f)).id)).size;
const C = Object.keys(snapshot(definitions)).length - D;
// the bundles the server composed and published on start: exported as published (B definitions of MB bundles)
const composed = composeBundles(realCatalogue.catalogue);
const B = composed.length;
const MB = new Set(composed.map((c) => c.value.id)).size;
const isComposed = (text: string) => {
  try {
    const value = JSON.parse(text);
    return value.bundle !== undefined && value.kind !== 'bundle';
  } catch {
    return false;
  }
};
const withoutComposed = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([, text]) => !isComposed(text)));
const renamed = (file: string) => file.replace(/^matters\/([^/]+)/, (_, f: string) => `matters/${folders[f]}`);

beforeAll(async () => {
  const { url } = await server.start(); // publishes definitions/ on first start
  official = await Client.signedIn(url, 'official');
  // the province shortens the residence permit's promise; its variants and the relocation bundle name the older version
  expect((await official.post('/api/definitions', baselineNext)).status).toBe(201);
}, 60_000);
afterAll(async () => {
  cli.remove();
  await server.remove();
});

describe('onematter export', () => {
  it('writes the newest version of every matter in every region, the older baseline still referred to, and the catalogue’s context, while the server runs', async () => {
    const { code, stdout, stderr } = await run('export', '--files', 'out', '--data', server.dataDir);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`✔ exported ${D + 1 + B} definitions of ${M + MB} matters and ${C} catalogue files to out: ${D + 1 + B + C} written, 0 unchanged\n`);
    const expected = Object.fromEntries(Object.entries(snapshot(definitions)).map(([file, text]) => [renamed(file), text]));
    expected['matters/application-for-a-residence-permit/baseline.json'] = json(baselineNext);
    expected[`matters/application-for-a-residence-permit/${olderBaseline}`] = read('matters/residence-permit/baseline.json');
    const out = snapshot(join(cli.dir, 'out'));
    expect(withoutComposed(out)).toEqual(Object.fromEntries(Object.entries(expected).sort(([a], [b]) => a.localeCompare(b))));
    // each composed bundle, as the server published it
    expect(Object.values(out).filter(isComposed).map((t) => JSON.parse(t)).sort((a, b) => `${a.id}${a.region.code}`.localeCompare(`${b.id}${b.region.code}`)))
      .toEqual(composed.map((c) => c.value).sort((a, b) => `${a.id}${a.region.code}`.localeCompare(`${b.id}${b.region.code}`)));
    expect(await run('validate', 'out')).toEqual({ code: 0, stdout: `✔ ${D + 1 + B + C} files valid\n`, stderr: '' });
    // the server kept its database and keeps writing to it
    expect((await official.post('/api/definitions', { ...hangzhou, version: next(hangzhou.version, 'patch') })).status).toBe(201);
  }, 60_000);

  it('writes nothing new when exported again: the same bytes, only what changed rewritten', async () => {
    const before = snapshot(join(cli.dir, 'out'));
    const { code, stdout } = await run('export', '--files', 'out', '--data', server.dataDir);
    expect(code).toBe(0);
    expect(stdout).toBe(`✔ exported ${D + 1 + B} definitions of ${M + MB} matters and ${C} catalogue files to out: 1 written, ${D + B + C} unchanged\n`);
    const after = snapshot(join(cli.dir, 'out'));
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed).toEqual(['matters/application-for-a-residence-permit/hangzhou.json']); // the patch published since
    expect(JSON.parse(after[changed[0]!]!).version).toBe(next(hangzhou.version, 'patch'));
    expect(await run('export', '--files', 'out', '--data', server.dataDir)).toMatchObject({ code: 0, stdout: expect.stringContaining(`: 0 written, ${D + 1 + B + C} unchanged`) });
    expect(snapshot(join(cli.dir, 'out'))).toEqual(after);
  }, 60_000);

  it('keeps the names of a folder exported before, so version control shows only what was published', async () => {
    const { code, stdout } = await run('export', '--files', 'repo', '--data', server.dataDir);
    expect(code).toBe(0);
    expect(stdout).toContain(`: ${3 + B} written, ${D + C - 2} unchanged`);
    const before = snapshot(definitions);
    const after = snapshot(join(cli.dir, 'repo'));
    expect(Object.keys(after).filter((f) => after[f] !== before[f] && !isComposed(after[f]!))).toEqual([
      'matters/residence-permit/baseline.json',
      `matters/residence-permit/${olderBaseline}`,
      'matters/residence-permit/hangzhou.json',
    ]);
    expect(after['matters/residence-permit/baseline.json']).toBe(json(baselineNext));
    expect(after[`matters/residence-permit/${olderBaseline}`]).toBe(before['matters/residence-permit/baseline.json']);
  }, 60_000);

  it('never overwrites an edit that is not published yet: it lists the files and writes nothing', async () => {
    const repo = join(cli.dir, 'repo');
    unlinkSync(join(repo, `matters/residence-permit/${olderBaseline}`)); // the export would write it again
    const edited = { ...hangzhou, version: next(hangzhou.version), timeLimit: { ...hangzhou.timeLimit, promisedDays: 4 } };
    writeFileSync(join(repo, 'matters/residence-permit/hangzhou.json'), json(edited));
    writeFileSync(join(repo, 'matters/residence-permit/ningbo.json'), json({ ...ningbo, visits: 2 }));
    writeFileSync(join(repo, 'matters/residence-permit/wenzhou.json'), '{ "id": "330000-GA-0101", '); // half-edited
    const before = snapshot(repo);
    const { code, stdout, stderr } = await run('export', '--files', 'repo', '--data', server.dataDir);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.split('\n')).toEqual([
      `repo/matters/residence-permit/hangzhou.json: holds 330000-GA-0101@${edited.version} (330100), which is not published: import it first, or export into another folder`,
      `repo/matters/residence-permit/ningbo.json: holds 330000-GA-0101@${ningbo.version} (330200), published with other content: import it first, or export into another folder`,
      `repo/matters/residence-permit/wenzhou.json: is not a matter definition, and the export would overwrite it with 330000-GA-0101@${wenzhou.version} (330300)`,
      '✖ 3 files in repo would be lost: nothing exported',
      '',
    ]);
    expect(snapshot(repo)).toEqual(before);
  }, 60_000);

  it('with --all-versions also writes every older version beside the newest, as <name>@<version>.json', async () => {
    const { code, stdout } = await run('export', '--files', 'all', '--data', server.dataDir, '--all-versions');
    expect(code).toBe(0);
    expect(stdout).toBe(`✔ exported ${D + 2 + B} definitions of ${M + MB} matters and ${C} catalogue files to all: ${D + 2 + B + C} written, 0 unchanged\n`);
    const files = Object.keys(snapshot(join(cli.dir, 'all')));
    expect(files.filter((f) => f.includes('@'))).toEqual([
      `matters/application-for-a-residence-permit/${olderBaseline}`,
      `matters/application-for-a-residence-permit/hangzhou@${hangzhou.version}.json`,
    ]);
    const reader = openSqliteStore({ path: join(server.dataDir, 'onematter.sqlite'), readonly: true });
    expect(files.filter((f) => f.startsWith('matters/'))).toHaveLength((await reader.listDefinitions()).length);
    await reader.close();
    expect((await run('validate', 'all')).code).toBe(0);
  }, 60_000);

  it('never creates or migrates a database: no database, or one not migrated yet, is a usage error (exit 2)', async () => {
    const empty = mkdtempSync(join(cli.dir, 'empty-'));
    const missing = await run('export', '--files', 'x', '--data', empty);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`no database at ${join(empty, 'onematter.sqlite')}`);
    expect(readdirSync(empty)).toEqual([]);
    expect((await run('export', '--files', 'x', '--data', join(cli.dir, 'nowhere'))).code).toBe(2);
    expect(readdirSync(cli.dir)).not.toContain('nowhere');

    const older = mkdtempSync(join(cli.dir, 'older-'));
    await openSqliteStore({ path: join(older, 'onematter.sqlite') }).close();
    const db = new Database(join(older, 'onematter.sqlite'));
    db.prepare('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)').run();
    db.close();
    const outdated = await run('export', '--files', 'x', '--data', older);
    expect(outdated.code).toBe(2);
    expect(outdated.stderr).toContain('is not migrated to this version of onematter yet');
    expect(readdirSync(cli.dir)).not.toContain('x');
  });

  it('finds the data folder as the server does: ONEMATTER_DATA, else ./.onematter', async () => {
    const saved = process.env.ONEMATTER_DATA;
    try {
      delete process.env.ONEMATTER_DATA;
      expect((await run('export', '--files', 'default')).stderr).toContain(`no database at ${join(cli.dir, '.onematter', 'onematter.sqlite')}`);
      process.env.ONEMATTER_DATA = server.dataDir;
      expect((await run('export', '--files', 'default')).code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.ONEMATTER_DATA;
      else process.env.ONEMATTER_DATA = saved;
    }
  }, 60_000);

  it.each([
    ['no --files', ['export', '--data', '.']],
    ['a positional argument', ['export', 'out', '--files', 'out']],
    ['--files naming a file', ['export', '--files', 'repo/regions.json']],
    ['a --catalogue that does not exist', ['export', '--files', 'out', '--catalogue', 'nowhere']],
  ])('exits 2 on a usage error: %s', async (_, argv) => {
    mkdirSync(join(cli.dir, 'out'), { recursive: true });
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain('onematter export --help');
  });
});
