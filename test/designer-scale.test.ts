/**
 * The catalogue browser at the province's scale: 3,638 baselines and 200,000 variants in the store (the synthetic
 * generator's), searched, filtered and paged by the server — every page is a query, never the whole catalogue. How
 * fast is measured by `npm run bench:designer`, not here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scale, seedScaleCatalogue } from './bench/scale-catalogue.ts';
import { realCatalogue } from './support/catalogue.ts';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
let official: Client;
const total = scale.baselines + scale.variants + realCatalogue.catalogue.definitions.length;

beforeAll(async () => {
  mkdirSync(sandbox.dataDir, { recursive: true });
  expect(await seedScaleCatalogue(join(sandbox.dataDir, 'onematter.sqlite'))).toBe(total);
  const server = await sandbox.start();
  official = await Client.signedIn(server.url, 'official');
}, 300_000);
afterAll(() => sandbox.remove());

const page = async (query: string) => (await official.get(`/api/designer/catalogue?${query}`)).body;

describe('the catalogue browser at the province’s scale', () => {
  it('pages through 203,638 entries from the first page to the last', async () => {
    const first = await page('limit=25');
    expect(first.total).toBe(total);
    expect(first.entries).toHaveLength(25);
    expect(first.entries[0].kind).toBe('baseline'); // a matter's baseline sorts before its variants
    const last = await page(`offset=${total - 10}&limit=25`);
    expect(last.entries).toHaveLength(10);
    expect((await page(`offset=${total}&limit=25`)).entries).toEqual([]);
  });

  it('finds matters by title in Chinese or English, by code and by department, counting every match', async () => {
    const permit = await page('q=%E5%B1%85%E4%BD%8F%E8%AF%81%E7%94%B3%E9%A2%86'); // 居住证申领
    expect(permit.total).toBeGreaterThan(1000);
    expect(permit.entries.every((e: { title: { zh: string } }) => e.title.zh.includes('居住证申领'))).toBe(true);
    expect((await page('q=RESIDENCE%20PERMIT%20APPLICATION')).total).toBe(permit.total - realCatalogue.catalogue.definitions.filter((d) => d.value.title.zh.includes('居住证申领')).length + realCatalogue.catalogue.definitions.filter((d) => /residence permit application/i.test(d.value.title.en)).length);
    expect((await page('q=330000-SYN-00017')).entries.map((e: { id: string }) => e.id)).toContain('330000-SYN-00017');
    expect((await page('q=%E7%BB%8D%E5%85%B4')).total).toBeGreaterThan(1000); // 绍兴: two characters, below a trigram
  });

  it('filters by region (and the regions inside it), kind and level', async () => {
    const shaoxing = await page('region=330600&limit=100');
    expect(shaoxing.total).toBeGreaterThan(5000);
    expect(shaoxing.entries.every((e: { region: string }) => e.region.startsWith('3306'))).toBe(true);
    const counties = await page('kind=variant&level=county&limit=100');
    expect(counties.entries.every((e: { kind: string; level: string }) => e.kind === 'variant' && e.level === 'county')).toBe(true);
    expect((await page('kind=baseline')).total).toBe(scale.baselines + realCatalogue.catalogue.definitions.filter((d) => d.value.kind === 'baseline').length);
  });
});
