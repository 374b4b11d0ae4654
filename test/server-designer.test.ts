/**
 * The designer's server side: officials' scopes (the province authors baselines and every variant, a city only its
 * own variants — checked on the definition itself, so editing the JSON cannot widen a scope), drafts that may be
 * invalid but never hostile, conflicts that lose nothing, publishing that needs validity, and versions: cases
 * started on an older version keep running on it, new cases take the newest.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
let base: string;
const permit = '330000-GA-0101';
/** The residence permit's baseline version in definitions/, which the server publishes on its first start. */
const published = (JSON.parse(readFileSync(new URL('../definitions/matters/residence-permit/baseline.json', import.meta.url), 'utf8')) as { version: string }).version;
/** The next minor version after `published`: the one the province's edit is published under. */
const nextMinor = (() => {
  const [major, minor] = published.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
})();
const start = (client: Client, body: unknown) => client.post('/api/drafts', body);

beforeAll(async () => {
  base = (await sandbox.start()).url;
});
afterAll(() => sandbox.remove());

describe("officials' scopes", () => {
  it('lets a city official start variants in their city and the counties inside it, and nothing else', async () => {
    const shaoxing = await Client.signedIn(base, 'officialShaoxing');
    expect((await start(shaoxing, { variantOf: { id: permit }, region: '330600' })).status).toBe(201); // Shaoxing itself
    expect((await start(shaoxing, { variantOf: { id: permit }, region: '330681' })).status).toBe(201); // Zhuji, in Shaoxing
    for (const body of [
      { variantOf: { id: permit }, region: '330726' }, // Pujiang, in Jinhua
      { edit: { id: permit, region: '330000' } }, // the baseline
      { edit: { id: permit, region: '330200' } }, // Ningbo's variant
      { newMatter: { id: '330000-GA-0999', title: { zh: '新事项', en: 'New' }, department: { zh: '浙江省公安厅', en: 'Police' } } },
    ]) {
      const refused = await start(shaoxing, body);
      expect(refused.status, JSON.stringify(body)).toBe(403);
      expect(refused.body.error.message).toMatch(/outside your region|variants only/);
    }
  });

  it('refuses a save that moves a draft out of scope by editing its JSON, and hides drafts outside the scope', async () => {
    const shaoxing = await Client.signedIn(base, 'officialShaoxing');
    const draft = (await start(shaoxing, { variantOf: { id: permit }, region: '330683' })).body;
    const toNingbo = { ...draft.definition, region: { code: '330200', name: { zh: '宁波市', en: 'Ningbo' }, level: 'city' } };
    expect((await shaoxing.put(`/api/drafts/${draft.id}`, { definition: toNingbo, revision: 1 })).status).toBe(403);
    expect((await shaoxing.put(`/api/drafts/${draft.id}`, { definition: { ...draft.definition, kind: 'baseline' }, revision: 1 })).status).toBe(403);
    const province = await Client.signedIn(base, 'official');
    const theirs = (await start(province, { edit: { id: permit, region: '330000' } })).body;
    expect((await shaoxing.get(`/api/drafts/${theirs.id}`)).status).toBe(404);
    expect((await shaoxing.get('/api/drafts')).body.drafts.map((d: { id: string }) => d.id)).not.toContain(theirs.id);
    expect((await province.get('/api/drafts')).body.drafts.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([theirs.id, draft.id]));
  });

  it('lets reviewers read drafts and change none; applicants and clerks see none', async () => {
    const province = await Client.signedIn(base, 'official');
    const draft = (await start(province, { edit: { id: permit, region: '330000' } })).body;
    const reviewer = await Client.signedIn(base, 'reviewer');
    expect((await reviewer.get(`/api/drafts/${draft.id}`)).status).toBe(200);
    expect((await reviewer.put(`/api/drafts/${draft.id}`, { definition: draft.definition, revision: 1 })).status).toBe(403);
    for (const who of ['zhangWei', 'clerk']) expect((await (await Client.signedIn(base, who)).get('/api/drafts')).status).toBe(403);
  });
});

describe('drafts', () => {
  it('may be invalid while they are edited, but never hostile: deep, huge or prototype-poisoning text is refused with a pointer', async () => {
    const official = await Client.signedIn(base, 'official');
    const draft = (await start(official, { edit: { id: permit, region: '330000' } })).body;
    const invalid = { ...draft.definition, materials: 'none', process: null };
    expect((await official.put(`/api/drafts/${draft.id}`, { definition: invalid, revision: 1 })).status).toBe(200);
    const deep = `{"definition": {"x": ${'['.repeat(200)}${']'.repeat(200)}}, "revision": 2}`;
    const tooDeep = await official.put(`/api/drafts/${draft.id}`, undefined, { raw: deep });
    expect(tooDeep.status).toBe(422);
    expect(tooDeep.body.error.problems[0]).toMatchObject({ code: 'json.too-deep' });
    const poisoned = await official.put(`/api/drafts/${draft.id}`, undefined, { raw: '{"definition": {"__proto__": {"admin": true}}, "revision": 2}' });
    expect(poisoned.status).toBe(422);
    expect(poisoned.body.error.problems[0]).toMatchObject({ code: 'json.forbidden-key', pointer: '/definition/__proto__' });
    expect((await official.put(`/api/drafts/${draft.id}`, { definition: { blob: 'x'.repeat(2_200_000) }, revision: 2 })).status).toBe(413); // beyond what the engine reads
    expect((await official.put(`/api/drafts/${draft.id}`, { definition: { ...invalid, notes: 'x'.repeat(1_500_000) }, revision: 2 })).status).toBe(200); // a large one is fine
    expect((await official.put(`/api/drafts/${draft.id}`, { definition: invalid, revision: 3 })).status).toBe(200);
    expect((await official.get(`/api/drafts/${draft.id}`)).body).toMatchObject({ revision: 4, definition: invalid });
  });

  it('tell the second of two officials saving at once that the other saved, and keep the first one’s work', async () => {
    const official = await Client.signedIn(base, 'official');
    const other = await Client.signedIn(base, 'official');
    const draft = (await start(official, { edit: { id: permit, region: '330000' } })).body;
    const mine = { ...draft.definition, visits: 1 };
    const theirs = { ...draft.definition, visits: 2 };
    expect((await official.put(`/api/drafts/${draft.id}`, { definition: mine, revision: 1 })).status).toBe(200);
    const conflict = await other.put(`/api/drafts/${draft.id}`, { definition: theirs, revision: 1 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'draft-conflict', revision: 2, updatedBy: 'official' });
    expect((await official.get(`/api/drafts/${draft.id}`)).body.definition.visits).toBe(1);
    expect((await other.put(`/api/drafts/${draft.id}`, { definition: theirs, revision: 2 })).status).toBe(200); // knowingly, at their revision
  });

  it('start a new matter from a template that publishes once its legal basis is named', async () => {
    const official = await Client.signedIn(base, 'official');
    const draft = (await start(official, { newMatter: { id: '330000-GA-0777', title: { zh: '示例事项', en: 'Example matter' }, department: { zh: '浙江省公安厅', en: 'Zhejiang Public Security' } } })).body;
    expect(draft.against).toBeNull();
    const refused = await official.post(`/api/drafts/${draft.id}/publish`, { revision: 1, version: '1.0.0' });
    expect(refused.body.error.problems.map((p: { pointer: string }) => p.pointer)).toEqual(['/legalBasis']);
    const basis = [{ id: 'decree663', title: { zh: '居住证暂行条例', en: 'Provisional Regulations on Residence Permits' }, article: '第九条' }];
    expect((await official.put(`/api/drafts/${draft.id}`, { definition: { ...draft.definition, legalBasis: basis }, revision: 1 })).status).toBe(200);
    const published = await official.post(`/api/drafts/${draft.id}/publish`, { revision: 2, version: '1.0.0' });
    expect(published.status, published.text).toBe(201);
    expect((await official.get(`/api/drafts/${draft.id}`)).status).toBe(404); // the draft is done
    expect((await start(official, { newMatter: { id: '330000-GA-0777', title: { zh: '重复', en: 'Again' }, department: { zh: '厅', en: 'Dept' } } })).status).toBe(409);
  });
});

describe('versions', () => {
  it('keep cases on the version they started on; new cases take the newest; the history says who published what', async () => {
    const applicant = await Client.signedIn(base, 'zhangWei');
    const before = await applicant.post('/api/cases', { matterId: permit, region: '330000' });
    expect(before.body.version).toBe(published);
    const official = await Client.signedIn(base, 'official');
    const draft = (await start(official, { edit: { id: permit, region: '330000' } })).body;
    expect(draft.against.version).toBe(published);
    const faster = { ...draft.definition, timeLimit: { ...draft.definition.timeLimit, promisedDays: 1 } };
    expect((await official.put(`/api/drafts/${draft.id}`, { definition: faster, revision: 1 })).status).toBe(200);
    expect((await official.post(`/api/drafts/${draft.id}/publish`, { revision: 2, version: published })).status).toBe(409); // published already
    expect((await official.post(`/api/drafts/${draft.id}/publish`, { revision: 2, version: nextMinor })).status).toBe(201);
    const after = await applicant.post('/api/cases', { matterId: permit, region: '330000' });
    expect(after.body.version).toBe(nextMinor);
    expect((await applicant.get(`/api/cases/${before.body.id}`)).body.version).toBe(published);
    const history = (await official.get(`/api/definitions/${permit}/330000/versions`)).body.versions;
    expect(history.map((v: { version: string; publishedBy: string }) => [v.version, v.publishedBy])).toEqual([[published, ''], [nextMinor, 'official']]);
    const page = (await official.get(`/api/designer/catalogue?matterId=${permit}&kind=baseline`)).body;
    expect(page.entries[0]).toMatchObject({ version: nextMinor, publishedBy: 'official' });
  });
});
