/**
 * Definitions over real HTTP: every signed-in role reads them; only officials publish; a new version is validated
 * against the catalogue and published, new cases start on it; republishing a version with other content is 409.
 * Also the OpenAPI document.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, serverSandbox } from './support/server.ts';
import { defaultDefinitionsDir, loadDefinitions } from '../runtime/definitions-folder.ts';

const sandbox = serverSandbox();
const baseline = JSON.parse(readFileSync(new URL('../definitions/matters/residence-permit/baseline.json', import.meta.url), 'utf8')) as Record<string, unknown> & { version: string; timeLimit: { promisedDays: number } };
/** `version` with its minor (or major) number raised: a version the catalogue does not publish yet. */
const bump = (version: string, part: 'minor' | 'major' = 'minor') => {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return part === 'minor' ? `${major}.${minor + 1}.0` : `${major + 1}.0.0`;
};
let base: string;
let official: Client;

beforeAll(async () => {
  base = (await sandbox.start()).url;
  official = await Client.signedIn(base, 'official');
}, 30_000);
afterAll(() => sandbox.remove());

describe('reading definitions', () => {
  it('any signed-in role lists and reads them; anonymous callers are refused', async () => {
    for (const user of ['clerk', 'reviewer', 'zhangWei']) {
      const list = await (await Client.signedIn(base, user)).get('/api/definitions');
      expect(list.status).toBe(200);
      expect(list.body.definitions).toContainEqual(expect.objectContaining({ id: '330000-GA-0101', version: baseline.version, region: '330000', kind: 'baseline' }));
    }
    const one = await official.get(`/api/definitions/330000-GA-0101/330000/${baseline.version}`);
    expect(one.status).toBe(200);
    expect(one.body.definition).toEqual(baseline);
    expect((await new Client(base).get('/api/definitions')).status).toBe(401);
  });

  it('the catalogue lists matters with their baseline and variants', async () => {
    const matters = await new Client(base).get('/api/matters');
    expect(matters.status).toBe(200);
    // every matter of the definitions folder and every bundle, composed (a bundle is listed like a matter)
    const folder = loadDefinitions(defaultDefinitionsDir).catalogue.definitions.map((d) => d.value);
    expect(matters.body.matters.map((m: { id: string }) => m.id).sort()).toEqual([...new Set(folder.map((d) => d.id))].sort());
    expect(matters.body.matters.filter((m: { bundle: unknown }) => m.bundle !== null).map((m: { id: string }) => m.id).sort()).toEqual([...new Set(folder.filter((d) => d.bundle).map((d) => d.id))].sort());
    const permit = matters.body.matters.find((m: { id: string }) => m.id === '330000-GA-0101');
    expect(permit.title.zh).toBe('居住证申领');
    expect(permit.baseline).toMatchObject({ version: baseline.version, region: { code: '330000' } });
    expect(permit.variants.map((v: { region: { code: string } }) => v.region.code)).toHaveLength(4);
  });
});

describe('publishing', () => {
  const next = { ...baseline, version: bump(baseline.version), timeLimit: { ...baseline.timeLimit, promisedDays: 2 } };

  it('only officials publish', async () => {
    for (const user of ['reviewer', 'clerk', 'zhangWei']) {
      const refused = await (await Client.signedIn(base, user)).post('/api/definitions', next);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
  });

  it('an official publishes a new version; new cases start on it', async () => {
    const published = await official.post('/api/definitions', next);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ status: 'published', id: '330000-GA-0101', version: next.version, region: '330000' });
    const guide = await new Client(base).get('/api/matters/330000-GA-0101/regions/330000/guide');
    expect(guide.body.matter.version).toBe(next.version);
    expect(guide.body.timeLimit.promisedDays).toBe(2);
    const zhang = await Client.signedIn(base, 'zhangWei');
    const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
    expect(started.body.version).toBe(next.version);
    const pinned = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000', version: baseline.version });
    expect(pinned.body.version).toBe(baseline.version);
  });

  it('publishing the same content again changes nothing (200)', async () => {
    const again = await official.post('/api/definitions', next);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('unchanged');
  });

  it('a published version with other content is refused (409)', async () => {
    const conflicting = await official.post('/api/definitions', { ...next, timeLimit: { ...next.timeLimit, promisedDays: 1 } });
    expect(conflicting.status).toBe(409);
    expect(conflicting.body.error).toMatchObject({ code: 'definition-conflict', id: '330000-GA-0101', version: next.version });
    const original = await official.post('/api/definitions', { ...baseline, visits: 1 });
    expect(original.status).toBe(409);
    expect((await official.get(`/api/definitions/330000-GA-0101/330000/${next.version}`)).body.definition.timeLimit.promisedDays).toBe(2);
  });

  it('an invalid definition is refused with problems pointing into it (422)', async () => {
    const process = baseline.process as { states: Record<string, { on?: Record<string, unknown> }> };
    const broken = { ...baseline, version: bump(next.version), process: { ...process, states: { ...process.states, review: { ...process.states.review, on: { APPROVE: 'aproved' } } } } };
    const refused = await official.post('/api/definitions', broken);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid-definition');
    expect(refused.body.error.problems).toContainEqual(expect.objectContaining({ pointer: '/process/states/review/on/APPROVE', code: 'process.target-missing' }));
    const noVariantBaseline = await official.post('/api/definitions', { ...baseline, kind: 'variant', version: bump(baseline.version, 'major'), baseline: { id: '330000-GA-0101', version: '9.0.0' } });
    expect(noVariantBaseline.status).toBe(422);
    const duplicateKeys = `{"id": "x", ${JSON.stringify(next).slice(1)}`;
    const hostile = await official.post('/api/definitions', undefined, { raw: duplicateKeys });
    expect(hostile.status).toBe(422);
    expect(hostile.body.error.problems).toContainEqual(expect.objectContaining({ code: 'json.duplicate-key' }));
    expect((await official.get(`/api/definitions/330000-GA-0101/330000/${broken.version}`)).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('is valid JSON describing the routes', async () => {
    const response = await fetch(`${base}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const doc = JSON.parse(await response.text()) as { openapi: string; paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toMatch(/^3\./);
    for (const [path, method] of [
      ['/api/session', 'post'], ['/api/csrf', 'get'], ['/api/matters', 'get'], ['/api/matters/{id}/regions/{region}/guide', 'get'],
      ['/api/cases', 'post'], ['/api/cases', 'get'], ['/api/cases/{id}', 'get'], ['/api/cases/{id}/draft', 'put'], ['/api/cases/{id}/submit', 'post'],
      ['/api/cases/{id}/actions', 'post'], ['/api/cases/{id}/audit/verify', 'get'], ['/api/certificates/{id}', 'get'], ['/api/certificates/{id}/print', 'get'],
      ['/api/certificates/verify', 'post'], ['/api/definitions', 'get'], ['/api/definitions', 'post'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/api/cases/{id}/submit']!.post!.security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.paths['/api/cases/{id}/submit']!.post!.requestBody).toBeDefined();
    expect(doc.components.schemas.ErrorBody).toBeDefined();
  });
});
