/**
 * `onematter import`: a folder of definitions is validated as one catalogue, then every definition not yet published
 * is published; the same content is unchanged, other content under a published id + version + region a conflict;
 * any problem or conflict publishes nothing. And the round trip: a real server's store, exported and imported into
 * a fresh data folder, holds the same definitions (ids, versions, regions, hashes, bodies) and serves them.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import type { PublishedDefinition } from '../runtime/store/types.ts';
import { projectRoot } from './support/catalogue.ts';
import { cliSandbox } from './support/cli.ts';
import { Client, serverSandbox } from './support/server.ts';

const definitions = join(projectRoot, 'definitions');
const cli = cliSandbox(definitions, 'catalogue');
const run = (...argv: string[]) => cli.run(...argv);
const source = (file: string) => JSON.parse(readFileSync(join(definitions, file), 'utf8'));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
afterAll(() => cli.remove());

/** A fresh copy of definitions/ to change, and a data folder path that does not exist yet. */
function scratch(name: string) {
  const folder = join(cli.dir, name);
  cpSync(definitions, folder, { recursive: true });
  return { folder, data: join(cli.dir, `${name}-data`) };
}

/** What a data folder's store holds, read only. */
async function published(data: string): Promise<PublishedDefinition[]> {
  const store = openSqliteStore({ path: join(data, 'onematter.sqlite'), readonly: true });
  try {
    return (await store.listDefinitions()).sort((a, b) => `${a.id} ${a.region} ${a.version}`.localeCompare(`${b.id} ${b.region} ${b.version}`));
  } finally {
    await store.close();
  }
}
const keys = (list: readonly PublishedDefinition[]) => list.map((d) => ({ id: d.id, version: d.version, region: d.region, hash: d.hash }));

describe('onematter import', () => {
  it('validates the whole folder first: every problem with its file and pointer, and nothing published', async () => {
    const { folder, data } = scratch('broken');
    const hangzhou = source('matters/residence-permit/hangzhou.json');
    writeFileSync(join(folder, 'matters/residence-permit/hangzhou.json'), json({ ...hangzhou, process: { ...hangzhou.process, initial: 'nowhere' } }));
    const ningbo = source('matters/residence-permit/ningbo.json');
    writeFileSync(join(folder, 'matters/residence-permit/ningbo.json'), json({ ...ningbo, baseline: { ...ningbo.baseline, version: '7.0.0' } }));
    const { code, stdout, stderr } = await run('import', '--files', 'broken', '--data', data);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.split('\n')).toEqual([
      'broken/matters/residence-permit/hangzhou.json#/process/initial: initial state "nowhere" does not exist [process.initial-missing]',
      expect.stringMatching(/^broken\/matters\/residence-permit\/ningbo\.json#\/baseline: .*7\.0\.0.* \[ref\.baseline-missing\]$/),
      '✖ 2 problems in 2 of 32 files: nothing imported',
      '',
    ]);
    expect(existsSync(data)).toBe(false); // not even a database was made
  });

  it('publishes what is not published yet, skips what is, and records who published it', async () => {
    const { folder, data } = scratch('province');
    const first = await run('import', '--files', 'province', '--data', data, '--by', 'official');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('published 330000-GA-0101@1.0.0 (330000) from province/matters/residence-permit/baseline.json\n');
    expect(first.stdout.endsWith('✔ imported province: 25 published, 0 unchanged\n')).toBe(true);
    expect(keys(await published(data))).toHaveLength(25);

    expect(await run('import', '--files', 'province', '--data', data)).toEqual({ code: 0, stdout: '✔ imported province: 0 published, 25 unchanged\n', stderr: '' });
    writeFileSync(join(folder, 'matters/residence-permit/wenzhou-next.json'), json({ ...source('matters/residence-permit/wenzhou.json'), version: '1.1.0', visits: 0 }));
    expect(await run('import', '--files', 'province', '--data', data)).toEqual({
      code: 0,
      stdout: 'published 330000-GA-0101@1.1.0 (330300) from province/matters/residence-permit/wenzhou-next.json\n✔ imported province: 1 published, 25 unchanged\n',
      stderr: '',
    });
    const stored = await published(data);
    expect(stored.find((d) => d.region === '330300' && d.version === '1.0.0')?.publishedBy).toBe('official');
    expect(stored.find((d) => d.region === '330300' && d.version === '1.1.0')?.publishedBy).toBeUndefined(); // no --by: as from files
  });

  it('refuses other content under a published id + version + region: every conflict listed, nothing published', async () => {
    const { folder, data } = scratch('conflicts');
    expect((await run('import', '--files', 'conflicts', '--data', data)).code).toBe(0);
    const before = keys(await published(data));
    const hangzhou = source('matters/residence-permit/hangzhou.json');
    writeFileSync(join(folder, 'matters/residence-permit/hangzhou.json'), json({ ...hangzhou, timeLimit: { ...hangzhou.timeLimit, promisedDays: 1 } })); // 1.1.0 changed in place
    writeFileSync(join(folder, 'matters/residence-permit/ningbo-next.json'), json({ ...source('matters/residence-permit/ningbo.json'), version: '2.1.0' })); // new, but held back
    const { code, stdout, stderr } = await run('import', '--files', 'conflicts', '--data', data);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(/^conflicts\/matters\/residence-permit\/hangzhou\.json: 330000-GA-0101@1\.1\.0 \(330100\) is already published with other content \(sha256 [0-9a-f]{12}…, this file [0-9a-f]{12}…\); publish the change as a new version$/),
      '✖ 1 conflict with published versions: nothing imported',
      '',
    ]);
    expect(keys(await published(data))).toEqual(before);
  });

  it.each([
    ['no --files', ['import', '--data', 'x']],
    ['a folder that does not exist', ['import', '--files', 'nowhere']],
    ['an empty --by', ['import', '--files', 'catalogue', '--by', ' ']],
    ['a folder without matter definitions', ['import', '--files', 'catalogue/schemas']],
  ])('exits 2 on a usage error: %s', async (_, argv) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain('onematter import --help');
  });
});

describe('export, then import into a fresh data folder', () => {
  const origin = serverSandbox();
  const copy = serverSandbox();
  const baseline = source('matters/residence-permit/baseline.json');
  const hangzhou = source('matters/residence-permit/hangzhou.json');
  let official: Client;

  beforeAll(async () => {
    official = await Client.signedIn((await origin.start()).url, 'official'); // first start publishes definitions/
    // a new version of the residence permit: the province's baseline, and Hangzhou's variant on it
    expect((await official.post('/api/definitions', { ...baseline, version: '1.1.0', timeLimit: { ...baseline.timeLimit, promisedDays: 2 } })).status).toBe(201);
    expect((await official.post('/api/definitions', { ...hangzhou, version: '1.2.0', baseline: { ...hangzhou.baseline, version: '1.1.0' } })).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await origin.remove();
    await copy.remove();
  });

  it('holds the same definitions: ids, versions, regions, hashes and bodies (key order too)', async () => {
    const exported = await run('export', '--files', 'round-trip', '--data', origin.dataDir, '--all-versions');
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toContain('exported 27 definitions of 6 matters');
    rmSync(copy.dataDir, { recursive: true, force: true }); // a data folder that does not exist yet
    const imported = await run('import', '--files', 'round-trip', '--data', copy.dataDir);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout.endsWith('✔ imported round-trip: 27 published, 0 unchanged\n')).toBe(true);

    const [before, after] = [await published(origin.dataDir), await published(copy.dataDir)];
    expect(keys(after)).toEqual(keys(before));
    expect(keys(before).filter((d) => d.id === '330000-GA-0101' && ['330000', '330100'].includes(d.region)).map((d) => `${d.region}@${d.version}`))
      .toEqual(['330000@1.0.0', '330000@1.1.0', '330100@1.1.0', '330100@1.2.0']);
    expect(after.map((d) => JSON.stringify(d.definition))).toEqual(before.map((d) => JSON.stringify(d.definition)));
  }, 60_000);

  it('a server started on the imported data folder serves the imported versions', async () => {
    const { url } = await copy.start();
    const guide = await new Client(url).get('/api/matters/330000-GA-0101/regions/330100/guide');
    expect(guide.status).toBe(200);
    expect(guide.body.matter.version).toBe('1.2.0');
    expect(keys(await published(copy.dataDir))).toHaveLength(27);
  }, 60_000);
});
