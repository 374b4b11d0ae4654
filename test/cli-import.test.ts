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
import { composeBundles } from '../engine/index.ts';
import { catalogueSources, projectRoot, realCatalogue } from './support/catalogue.ts';
import { cliSandbox } from './support/cli.ts';
import { Client, serverSandbox } from './support/server.ts';

const definitions = join(projectRoot, 'definitions');
const cli = cliSandbox(definitions, 'catalogue');
const run = (...argv: string[]) => cli.run(...argv);
const source = (file: string) => JSON.parse(readFileSync(join(definitions, file), 'utf8'));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
/** `version` with its minor number raised: a version the catalogue does not publish yet. */
const next = (version: string) => {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
};
afterAll(() => cli.remove());
// what definitions/ publishes: its matter definitions and each bundle composed (FILES: every JSON file of it)
const FILES = catalogueSources().length;
const PUBLISHED = realCatalogue.catalogue.definitions.length + composeBundles(realCatalogue.catalogue).length;

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
      `✖ 2 problems in 2 of ${FILES} files: nothing imported`,
      '',
    ]);
    expect(existsSync(data)).toBe(false); // not even a database was made
  });

  it('publishes what is not published yet, skips what is, and records who published it', async () => {
    const { folder, data } = scratch('province');
    const first = await run('import', '--files', 'province', '--data', data, '--by', 'official');
    expect(first.code).toBe(0);
    const baselineVersion = source('matters/residence-permit/baseline.json').version;
    expect(first.stdout).toContain(`published 330000-GA-0101@${baselineVersion} (330000) from province/matters/residence-permit/baseline.json\n`);
    expect(first.stdout.endsWith(`✔ imported province: ${PUBLISHED} published, 0 unchanged\n`)).toBe(true);
    expect(keys(await published(data))).toHaveLength(PUBLISHED);

    expect(await run('import', '--files', 'province', '--data', data)).toEqual({ code: 0, stdout: `✔ imported province: 0 published, ${PUBLISHED} unchanged\n`, stderr: '' });
    const wenzhou = source('matters/residence-permit/wenzhou.json');
    writeFileSync(join(folder, 'matters/residence-permit/wenzhou-next.json'), json({ ...wenzhou, version: next(wenzhou.version), visits: 0 }));
    expect(await run('import', '--files', 'province', '--data', data)).toEqual({
      code: 0,
      stdout: `published 330000-GA-0101@${next(wenzhou.version)} (330300) from province/matters/residence-permit/wenzhou-next.json\n✔ imported province: 1 published, ${PUBLISHED} unchanged\n`,
      stderr: '',
    });
    const stored = await published(data);
    expect(stored.find((d) => d.region === '330300' && d.version === wenzhou.version)?.publishedBy).toBe('official');
    expect(stored.find((d) => d.region === '330300' && d.version === next(wenzhou.version))?.publishedBy).toBeUndefined(); // no --by: as from files
  });

  it('refuses other content under a published id + version + region: every conflict listed, nothing published', async () => {
    const { folder, data } = scratch('conflicts');
    expect((await run('import', '--files', 'conflicts', '--data', data)).code).toBe(0);
    const before = keys(await published(data));
    const hangzhou = source('matters/residence-permit/hangzhou.json');
    writeFileSync(join(folder, 'matters/residence-permit/hangzhou.json'), json({ ...hangzhou, timeLimit: { ...hangzhou.timeLimit, promisedDays: 1 } })); // changed in place
    const ningbo = source('matters/residence-permit/ningbo.json');
    writeFileSync(join(folder, 'matters/residence-permit/ningbo-next.json'), json({ ...ningbo, version: next(ningbo.version) })); // new, but held back
    const { code, stdout, stderr } = await run('import', '--files', 'conflicts', '--data', data);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(/^conflicts\/matters\/residence-permit\/hangzhou\.json: 330000-GA-0101@\d+\.\d+\.\d+ \(330100\) is already published with other content \(sha256 [0-9a-f]{12}…, this file [0-9a-f]{12}…\); publish the change as a new version$/),
      '✖ 1 conflict with published versions: nothing imported',
      '',
    ]);
    expect(stderr).toContain(`330000-GA-0101@${hangzhou.version} (330100) is already published`);
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
    expect((await official.post('/api/definitions', { ...baseline, version: next(baseline.version), timeLimit: { ...baseline.timeLimit, promisedDays: 2 } })).status).toBe(201);
    expect((await official.post('/api/definitions', { ...hangzhou, version: next(hangzhou.version), baseline: { ...hangzhou.baseline, version: next(baseline.version) } })).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await origin.remove();
    await copy.remove();
  });

  it('holds the same definitions: ids, versions, regions, hashes and bodies (key order too)', async () => {
    const exported = await run('export', '--files', 'round-trip', '--data', origin.dataDir, '--all-versions');
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toContain(`exported ${PUBLISHED + 2} definitions of ${new Set([...realCatalogue.catalogue.definitions, ...realCatalogue.catalogue.bundles].map((d) => d.value.id)).size} matters`);
    rmSync(copy.dataDir, { recursive: true, force: true }); // a data folder that does not exist yet
    const imported = await run('import', '--files', 'round-trip', '--data', copy.dataDir);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout.endsWith(`✔ imported round-trip: ${PUBLISHED + 2} published, 0 unchanged\n`)).toBe(true);

    const [before, after] = [await published(origin.dataDir), await published(copy.dataDir)];
    expect(keys(after)).toEqual(keys(before));
    expect(keys(before).filter((d) => d.id === '330000-GA-0101' && ['330000', '330100'].includes(d.region)).map((d) => `${d.region}@${d.version}`))
      .toEqual([`330000@${baseline.version}`, `330000@${next(baseline.version)}`, `330100@${hangzhou.version}`, `330100@${next(hangzhou.version)}`]);
    expect(after.map((d) => JSON.stringify(d.definition))).toEqual(before.map((d) => JSON.stringify(d.definition)));
  }, 60_000);

  it('a server started on the imported data folder serves the imported versions', async () => {
    const { url } = await copy.start();
    const guide = await new Client(url).get('/api/matters/330000-GA-0101/regions/330100/guide');
    expect(guide.status).toBe(200);
    expect(guide.body.matter.version).toBe(next(hangzhou.version));
    expect(keys(await published(copy.dataDir))).toHaveLength(PUBLISHED + 2);
  }, 60_000);
});
