/**
 * Running cases and new versions over HTTP: officials in scope see the running cases of each older version and
 * whether they can move, and move the compatible ones; reviewers read only; officials outside the region, staff and
 * applicants are refused; bad requests are 400/404, never 500.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
let base: string;
const permit = '330000-GA-0101';
const published = (JSON.parse(readFileSync(new URL('../definitions/matters/residence-permit/baseline.json', import.meta.url), 'utf8')) as { version: string }).version;
const next = (() => {
  const [major, minor] = published.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
})();
const path = `/api/matters/${permit}/regions/330000/migration`;
let official: Client;
let zhang: Client;
const ids: { draft: string; submitted: string; supplement: string } = { draft: '', submitted: '', supplement: '' };

// Three running cases on the published version; then the province publishes the next one without the supplement step.
beforeAll(async () => {
  base = (await sandbox.start()).url;
  zhang = await Client.signedIn(base, 'zhangWei');
  const clerk = await Client.signedIn(base, 'clerk');
  const start = async () => (await zhang.post('/api/cases', { matterId: permit, region: '330000' })).body;
  const submit = async (c: { id: string; revision: number; data: any }) => {
    const data = { ...c.data, applicant: { ...c.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
    const reply = await zhang.post(`/api/cases/${c.id}/submit`, { data, revision: c.revision });
    if (reply.status !== 200) throw new Error(reply.text);
    return reply.body;
  };
  ids.draft = (await start()).id;
  ids.submitted = (await submit(await start())).id;
  const s = await submit(await start());
  const asked = await clerk.post(`/api/cases/${s.id}/actions`, { event: 'REQUEST_SUPPLEMENT', revision: s.revision });
  if (asked.status !== 200) throw new Error(asked.text);
  ids.supplement = s.id;

  official = await Client.signedIn(base, 'official');
  const draft = (await official.post('/api/drafts', { edit: { id: permit, region: '330000' } })).body;
  const definition = structuredClone(draft.definition);
  delete definition.process.states.supplement;
  delete definition.process.states.submitted.on.REQUEST_SUPPLEMENT;
  const saved = await official.put(`/api/drafts/${draft.id}`, { definition, revision: 1 });
  if (saved.status !== 200) throw new Error(saved.text);
  const done = await official.post(`/api/drafts/${draft.id}/publish`, { revision: 2, version: next });
  if (done.status !== 201) throw new Error(done.text);
}, 60_000);
afterAll(() => sandbox.remove());

describe('GET …/migration', () => {
  it('shows the running cases of each older version per state, and which can move to the newest', async () => {
    const reply = await official.get(path);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.to.version).toBe(next);
    const v = reply.body.versions[0];
    expect(v).toMatchObject({ version: published, running: 3, compatible: 2, incompatible: 1 });
    expect(v.states).toContainEqual({ state: 'supplement', status: 'active', count: 1, exists: false, roleBefore: 'applicant', roleAfter: null });
    expect(v.reasons).toEqual([{ code: 'state-missing', state: 'supplement', message: expect.stringContaining('supplement'), cases: 1 }]);
    expect(v.cases.find((c: { caseId: string }) => c.caseId === ids.supplement)).toMatchObject({ compatible: false });
  });

  it('lets reviewers read it, and refuses officials outside the region, staff and applicants', async () => {
    expect((await (await Client.signedIn(base, 'reviewer')).get(path)).status).toBe(200);
    const shaoxing = await Client.signedIn(base, 'officialShaoxing');
    expect((await shaoxing.get(path)).status).toBe(403); // the province's baseline
    expect((await shaoxing.get(`/api/matters/${permit}/regions/330100/migration`)).status).toBe(403); // Hangzhou's variant
    expect((await (await Client.signedIn(base, 'clerk')).get(path)).status).toBe(403);
    expect((await zhang.get(path)).status).toBe(403);
    expect((await new Client(base).get(path)).status).toBe(401);
  });

  it('answers bad queries with 400 and unknown matters or versions with 404', async () => {
    expect((await official.get(`${path}?to=1.x`)).status).toBe(400);
    expect((await official.get(`${path}?to=9.0.0`)).status).toBe(404);
    expect((await official.get(`/api/matters/330000-GA-9999/regions/330000/migration`)).status).toBe(404);
    const notJson = await official.get(`${path}?mapping=${encodeURIComponent('[{from')}`);
    expect(notJson.status).toBe(400);
    const badPointer = await official.get(`${path}?mapping=${encodeURIComponent(JSON.stringify([{ from: 'applicant', to: '/x' }]))}`);
    expect(badPointer.status).toBe(400);
    expect(badPointer.body.error).toMatchObject({ code: 'invalid-argument', argument: 'mapping[0].from' });
    const mapped = await official.get(`${path}?mapping=${encodeURIComponent(JSON.stringify([{ from: '/applicant/mobile', to: '/applicant/phone' }]))}`);
    expect(mapped.status).toBe(200);
    expect(mapped.body.mapping).toEqual([{ from: '/applicant/mobile', to: '/applicant/phone' }]);
  });
});

describe('POST …/migration', () => {
  it('refuses reviewers, officials outside the region and bad bodies, changing nothing', async () => {
    const body = { from: published, to: next };
    expect((await (await Client.signedIn(base, 'reviewer')).post(path, body)).status).toBe(403);
    expect((await (await Client.signedIn(base, 'officialShaoxing')).post(path, body)).status).toBe(403);
    expect((await (await Client.signedIn(base, 'clerk')).post(path, body)).status).toBe(403);
    expect((await official.post(path, { from: published })).status).toBe(400);
    expect((await official.post(path, { ...body, extra: 1 })).status).toBe(400);
    expect((await official.post(path, { ...body, mapping: [{ from: '/a' }] })).status).toBe(400);
    expect((await official.post(path, { ...body, mapping: [{ from: '/a', to: '/a/b' }] })).status).toBe(400);
    expect((await official.post(path, { from: next, to: published })).status).toBe(400);
    expect((await official.post(path, { from: published, to: '9.0.0' })).status).toBe(404);
    expect((await official.post(path, body, { csrf: false })).status).toBe(403);
    expect((await zhang.get(`/api/cases/${ids.submitted}`)).body.version).toBe(published);
  });

  it('moves the compatible cases, records it in their audit trail, and changes nothing the second time', async () => {
    const moved = await official.post(path, { from: published, to: next });
    expect(moved.status, moved.text).toBe(200);
    expect([...moved.body.migrated].sort()).toEqual([ids.draft, ids.submitted].sort());
    expect(moved.body.refused).toEqual([{ caseId: ids.supplement, reasons: [expect.objectContaining({ code: 'state-missing', state: 'supplement' })] }]);
    const view = (await zhang.get(`/api/cases/${ids.submitted}`)).body;
    expect(view).toMatchObject({ version: next, state: 'submitted' });
    expect(view.audit.at(-1)).toMatchObject({ type: 'migrate', actor: 'official', payload: { fromVersion: published, toVersion: next, mapping: [] } });
    expect((await zhang.get(`/api/cases/${ids.submitted}/audit/verify`)).body).toMatchObject({ ok: true });
    expect((await zhang.get(`/api/cases/${ids.supplement}`)).body.version).toBe(published);

    const again = await official.post(path, { from: published, to: next });
    expect(again.body).toMatchObject({ migrated: [], skipped: [], raced: [], refused: [{ caseId: ids.supplement }] });
    expect((await zhang.get(`/api/cases/${ids.submitted}`)).body.revision).toBe(view.revision);
    const plan = (await official.get(path)).body.versions[0];
    expect(plan).toMatchObject({ running: 1, compatible: 0 });
  });
});
