/**
 * The API keeps to its own OpenAPI document. A whole journey runs through a real server — sign-in for every role,
 * the catalogue and guides, a case from start to certificate, sessions, the security log, publishing definitions and
 * the usual refusals — and every response is checked against /api/openapi.json: its operation (method and path
 * template) is documented, so are its status and media type, and its body validates against the documented schema
 * (closed objects, so an undocumented property fails). At the end every operation of the document has been exercised.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { ApiContract, CheckedClient, type OpenApiDocument } from './support/openapi.ts';
import { demoPassword, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
const clock = manualClock(Date.parse('2026-11-30T02:00:00Z')); // a Monday, 10:00 CST
const permit = { matterId: '330000-GA-0101', region: '330000' };
const guidePath = '/api/matters/330000-GA-0101/regions/330000/guide';
const baseline = JSON.parse(readFileSync(new URL('../definitions/matters/residence-permit/baseline.json', import.meta.url), 'utf8')) as Record<string, unknown> & { version: string; timeLimit: Record<string, number> };
// versions after the catalogue's own: the journey publishes new ones, so it must not collide with what definitions/ holds
const [major, minor] = baseline.version.split('.').map(Number) as [number, number];
const laterVersion = (step: number) => `${major}.${minor + step}.0`;
let base: string;
let contract: ApiContract;
let anonymous: CheckedClient;
let zhang: CheckedClient;
let caseId: string;
let revision: number;
let data: { applicant: Record<string, unknown>; [k: string]: unknown };
let certificate: { id: string; json: string; html: string };
let signed: { document: Record<string, unknown>; seal: Record<string, unknown> };

/** A checked client signed in as `username` (its CSRF token fetched first, through the contract too). */
async function signIn(username: string, headers: Record<string, string> = {}): Promise<CheckedClient> {
  const client = new CheckedClient(base, contract, headers);
  const reply = await client.post('/api/session', { username, password: demoPassword });
  expect(reply.status, `sign-in of ${username}`).toBe(200);
  return client;
}

beforeAll(async () => {
  base = (await sandbox.start({ clock })).url;
  const response = await fetch(`${base}/api/openapi.json`);
  expect(response.status).toBe(200);
  contract = new ApiContract((await response.json()) as OpenApiDocument);
  anonymous = new CheckedClient(base, contract);
}, 30_000);
afterAll(() => sandbox.remove());
// every response of a step must keep to the document (all mismatches listed, the journey goes on)
afterEach(() => {
  expect(contract.takeProblems()).toEqual([]);
});

describe('the document', () => {
  it('is OpenAPI 3.1.0, so its schemas are JSON Schema 2020-12, and every response schema compiles in strict mode', () => {
    expect(contract.document.openapi).toBe('3.1.0');
    expect(contract.compileAll()).toEqual([]);
  });
});

describe('anyone', () => {
  it('gets a CSRF token, the catalogue and a guide; unknown matters and malformed regions are refused', async () => {
    expect((await anonymous.get('/api/csrf')).status).toBe(200);
    const matters = await anonymous.get('/api/matters');
    expect(matters.status).toBe(200);
    expect(matters.body.matters.length).toBeGreaterThan(0);
    const guide = await anonymous.get(guidePath);
    expect(guide.status).toBe(200);
    expect(guide.body.personalizedFor).toBeNull();
    expect((await anonymous.get('/api/matters/330000-XX-9999/regions/330000/guide')).status).toBe(404);
    expect((await anonymous.get('/api/matters/330000-GA-0101/regions/hangzhou/guide')).status).toBe(400);
  });

  it('is refused what needs a sign-in (401) and is not signed in', async () => {
    expect((await anonymous.get('/api/session')).status).toBe(401);
    expect((await anonymous.get('/api/cases')).status).toBe(401);
    expect((await anonymous.get('/api/definitions')).status).toBe(401);
    expect((await anonymous.get('/api/sessions')).status).toBe(401);
  });
});

describe('signing in', () => {
  it('with a wrong password (401), a malformed body (400) or no CSRF token (403) fails', async () => {
    const client = new CheckedClient(base, contract);
    expect((await client.post('/api/session', { username: 'zhangWei', password: 'wrong' })).status).toBe(401);
    expect((await client.post('/api/session', { username: 'zhangWei' })).status).toBe(400);
    expect((await client.post('/api/session', { username: 'zhangWei', password: demoPassword }, { csrf: false })).status).toBe(403);
  });

  it('works for the applicant, who is who they say', async () => {
    zhang = await signIn('zhangWei');
    const me = await zhang.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: 'zhangWei', role: 'applicant' });
  });

  it('is throttled after repeated failures for one user name (429 with Retry-After)', async () => {
    const client = new CheckedClient(base, contract);
    for (let i = 1; i <= 5; i++) expect((await client.post('/api/session', { username: 'nobody-at-all', password: `wrong-${i}` })).status).toBe(401);
    const throttled = await client.post('/api/session', { username: 'nobody-at-all', password: 'wrong-6' });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toMatch(/^[0-9]+$/);
  });
});

describe('an applicant', () => {
  it('reads the guide personalized: shared data waives materials', async () => {
    const guide = await zhang.get(guidePath);
    expect(guide.status).toBe(200);
    expect(guide.body.personalizedFor).toBe('zhangWei');
    expect(guide.body.waived.length).toBeGreaterThan(0);
  });

  it('is refused a start with a bad body (400), malformed JSON (400), not JSON (415) or an unknown matter (404)', async () => {
    expect((await zhang.post('/api/cases', { matterId: permit.matterId })).status).toBe(400);
    expect((await zhang.post('/api/cases', { ...permit, extra: true })).status).toBe(400);
    expect((await zhang.post('/api/cases', undefined, { raw: '{"matterId": ' })).status).toBe(400);
    expect((await zhang.post('/api/cases', undefined, { raw: 'matterId=1', contentType: 'text/plain' })).status).toBe(415);
    expect((await zhang.post('/api/cases', { matterId: '330000-XX-9999', region: '330000' })).status).toBe(404);
  });

  it('starts a case (201), prefilled from shared data', async () => {
    const started = await zhang.post('/api/cases', permit);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ state: 'draft', status: 'draft', revision: 1 });
    ({ id: caseId, revision, data } = started.body);
  });

  it('saves a draft; a stale revision is 409, a body over 1 MiB is 413', async () => {
    data = { ...data, applicant: { ...data.applicant, mobile: '13800138000' } };
    const saved = await zhang.put(`/api/cases/${caseId}/draft`, { data, revision });
    expect(saved.status).toBe(200);
    expect((await zhang.put(`/api/cases/${caseId}/draft`, { data, revision })).status).toBe(409);
    const huge = JSON.stringify({ data: { blob: 'x'.repeat(1_100_000) }, revision: saved.body.revision });
    expect((await zhang.put(`/api/cases/${caseId}/draft`, undefined, { raw: huge })).status).toBe(413);
    expect((await zhang.put(`/api/cases/${caseId}/draft`, { data, revision: saved.body.revision }, { csrf: false })).status).toBe(403);
    revision = saved.body.revision;
  });

  it('submits with a missing field (422), then the fixed form (200)', async () => {
    const refused = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid-data');
    const tampered = await zhang.post(`/api/cases/${caseId}/submit`, { data: { ...data, applicant: { ...data.applicant, name: '王五' }, delivery: { method: '电子证照' } }, revision });
    expect(tampered.status).toBe(422);
    expect(tampered.body.error.code).toBe('tampered');
    data = { ...data, delivery: { method: '电子证照' } };
    const uploaded = await zhang.post(`/api/cases/${caseId}/materials/studyProof/files`, undefined, { raw: new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n')), contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    expect((await zhang.post(`/api/cases/${caseId}/materials/studyProof/files`, undefined, { raw: new Uint8Array(Buffer.from('text')), contentType: 'application/pdf' })).status).toBe(415);
    const submitted = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision, files: { studyProof: [uploaded.body.sha256] } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', role: 'clerk' });
    revision = submitted.body.revision;
    const file = await zhang.get(`/api/cases/${caseId}/files/${uploaded.body.sha256}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
    // the e-licences that fit the case (none here: no material of the provincial baseline exists as one)
    expect((await zhang.get(`/api/cases/${caseId}/licences`)).body).toEqual({ licences: [] });
  });

  it('lists and reads the case; a malformed id is 400, an unknown one 404', async () => {
    const mine = await zhang.get('/api/cases');
    expect(mine.status).toBe(200);
    expect(mine.body.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const read = await zhang.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.audit.length).toBe(revision);
    const validators = await zhang.get(`/api/forms/${read.body.hash}/validator.js`);
    expect(validators.status).toBe(200);
    expect(validators.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(validators.text).toMatch(/export default function ?[\w$]*\(/); // minified: the names are the minifier's
    expect(validators.headers.get('cache-control')).toBe('private, max-age=31536000, immutable'); // a hash never changes
    expect((await zhang.get(`/api/forms/${'0'.repeat(64)}/validator.js`)).status).toBe(404);
    expect((await zhang.get('/api/forms/not-a-hash/validator.js')).status).toBe(400);
    expect((await anonymous.get(`/api/forms/${read.body.hash}/validator.js`)).status).toBe(401);
    expect((await zhang.get('/api/cases/not-a-uuid')).status).toBe(400);
    expect((await zhang.get(`/api/cases/${randomUUID()}`)).status).toBe(404);
    expect((await zhang.get('/api/cases?status=lost')).status).toBe(400);
  });

  it('another applicant may not read it (403)', async () => {
    const li = await signIn('liNa');
    expect((await li.get(`/api/cases/${caseId}`)).status).toBe(403);
    expect((await li.get(`/api/cases/${caseId}/audit/verify`)).status).toBe(403);
  });
});

describe('the clerk and the approver', () => {
  it('the clerk sees the queue and accepts; wrong role 403, stale revision 409, an event not accepted 409, SUBMIT 400', async () => {
    const clerk = await signIn('clerk');
    const approver = await signIn('approver');
    const queue = await clerk.get('/api/cases');
    expect(queue.status).toBe(200);
    expect(queue.body.cases.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await clerk.get('/api/cases?overdue=false&status=active')).status).toBe(200);
    expect((await clerk.get('/api/cases/filters')).body.steps).toContainEqual(expect.objectContaining({ state: 'submitted' })); // task B: the queue's filter choices
    expect((await approver.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision })).status).toBe(403);
    expect((await clerk.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision: revision - 1 })).status).toBe(409);
    const notAccepted = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'APPROVE', revision });
    expect(notAccepted.status).toBe(409);
    expect(notAccepted.body.error.code).toBe('invalid-event');
    expect((await clerk.post(`/api/cases/${caseId}/actions`, { event: 'SUBMIT', revision })).status).toBe(400);
    expect((await clerk.post(`/api/cases/${caseId}/actions`, { event: 'accept', revision })).status).toBe(400);
    // the clerk's checklist: its own audit event (test/server-materials-checks covers refusals)
    const checked = await clerk.post(`/api/cases/${caseId}/materials/checks`, { checks: [{ material: 'identityCard', status: 'verified', note: '核验一致' }], revision });
    expect(checked.status).toBe(200);
    expect(checked.body.event.type).toBe('materials-checked');
    revision = checked.body.revision;
    const accepted = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', note: '材料齐全', revision });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'review', role: 'approver' });
    revision = accepted.body.revision;
  });

  it('the approver approves and the certificate is issued', async () => {
    const approver = await signIn('approver');
    const approved = await approver.post(`/api/cases/${caseId}/actions`, { event: 'APPROVE', revision });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'done', outcome: 'approved' });
    [certificate] = approved.body.certificates;
    revision = approved.body.revision;
  });
});

describe('the certificate and the audit trail', () => {
  it('downloads as a JSON attachment', async () => {
    const download = await zhang.get(certificate.json);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${certificate.id}.json"`);
    signed = download.body;
    expect((await zhang.get(`/api/certificates/${randomUUID()}-permit`)).status).toBe(404);
    expect((await zhang.get('/api/certificates/not*an*id')).status).toBe(400);
    expect((await (await signIn('liNa')).get(certificate.json)).status).toBe(403);
  });

  it('prints as HTML', async () => {
    const html = await zhang.get(certificate.html);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toContain('<!doctype html>');
  });

  it('verifies for anyone: a true copy is ok, a tampered one is not, a body that is not an object is 400', async () => {
    const ok = await anonymous.post('/api/certificates/verify', signed, { csrf: false });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true });
    const tampered = await anonymous.post('/api/certificates/verify', { ...signed, document: { ...signed.document, holder: { name: '李四' } } }, { csrf: false });
    expect(tampered.status).toBe(200);
    expect(tampered.body.ok).toBe(false);
    expect((await anonymous.post('/api/certificates/verify', [signed], { csrf: false })).status).toBe(400);
    // the public check a printed certificate's QR code leads to (test/server-certificate-public)
    expect((await anonymous.get(`/api/public/certificates/${certificate.id}`)).body).toMatchObject({ status: 'valid', check: { ok: true } });
    expect((await anonymous.get(`/api/public/certificates/${randomUUID()}-permit`)).status).toBe(404);
    expect((await anonymous.post('/api/certificates/verify', undefined, { raw: 'x'.repeat(1_100_000), csrf: false })).status).toBe(413);
  });

  it('the audit chain verifies', async () => {
    const audit = await zhang.get(`/api/cases/${caseId}/audit/verify`);
    expect(audit.status).toBe(200);
    expect(audit.body).toEqual({ ok: true, events: revision });
  });

  it('a reviewer reads everything and changes nothing (403); an official has no cases (403)', async () => {
    const reviewer = await signIn('reviewer');
    expect((await reviewer.get('/api/cases?role=clerk')).status).toBe(200);
    expect((await reviewer.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await reviewer.post(`/api/cases/${caseId}/actions`, { event: 'APPROVE', revision })).status).toBe(403);
    expect((await (await signIn('official')).get('/api/cases')).status).toBe(403);
  });
});

describe('sessions and the security log', () => {
  it('lists your sessions, ends another one (204) or all others; someone else’s is 404, a malformed id 400', async () => {
    const laptop = await signIn('inspector', { 'user-agent': 'laptop' });
    const phone = await signIn('inspector', { 'user-agent': 'phone' });
    await signIn('inspector', { 'user-agent': 'tablet' });
    const list = await laptop.get('/api/sessions');
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(3);
    const phoneId = (await phone.get('/api/sessions')).body.sessions.find((s: { current: boolean }) => s.current).id;
    const zhangId = (await zhang.get('/api/sessions')).body.sessions[0].id;
    expect((await laptop.delete(`/api/sessions/${zhangId}`)).status).toBe(404);
    expect((await laptop.delete('/api/sessions/not*an*id')).status).toBe(400);
    expect((await laptop.delete(`/api/sessions/${phoneId}`)).status).toBe(204);
    const others = await laptop.delete('/api/sessions/others');
    expect(others.status).toBe(200);
    expect(others.body).toEqual({ ended: 1 });
  });

  it('reviewers read the security log; others are refused (403), a bad query is 400', async () => {
    const reviewer = await signIn('reviewer');
    const log = await reviewer.get('/api/security-log?limit=50');
    expect(log.status).toBe(200);
    expect(log.body.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['sign-in', 'sign-in-failed', 'sign-in-throttled', 'session-revoked']));
    expect((await reviewer.get('/api/security-log?limit=0')).status).toBe(400);
    expect((await zhang.get('/api/security-log')).status).toBe(403);
  });
});

describe('definitions', () => {
  const next = { ...baseline, version: laterVersion(1), timeLimit: { ...baseline.timeLimit, promisedDays: 2 } };

  it('any signed-in user lists and reads them; unknown is 404, malformed 400', async () => {
    const clerk = await signIn('clerk');
    const list = await clerk.get('/api/definitions');
    expect(list.status).toBe(200);
    expect(list.body.definitions.length).toBeGreaterThan(0);
    const one = await clerk.get(`/api/definitions/330000-GA-0101/330000/${baseline.version}`);
    expect(one.status).toBe(200);
    expect(one.body.definition).toEqual(baseline);
    expect((await clerk.get('/api/definitions/330000-GA-0101/330000/9.9.9')).status).toBe(404);
    expect((await clerk.get(`/api/definitions/330000-GA-0101/hangzhou/${baseline.version}`)).status).toBe(400);
  });

  it('an official publishes (201), again unchanged (200), other content 409, an invalid one 422; others 403', async () => {
    const official = await signIn('official');
    const published = await official.post('/api/definitions', next);
    expect(published.status).toBe(201);
    expect(published.body.status).toBe('published');
    const again = await official.post('/api/definitions', next);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('unchanged');
    expect((await official.post('/api/definitions', { ...next, timeLimit: { ...next.timeLimit, promisedDays: 1 } })).status).toBe(409);
    const invalid = await official.post('/api/definitions', { ...next, version: laterVersion(2), channels: [] });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.problems.length).toBeGreaterThan(0);
    expect((await official.post('/api/definitions', undefined, { raw: '{"id": ' })).status).toBe(400);
    expect((await official.post('/api/definitions', undefined, { raw: JSON.stringify({ blob: 'x'.repeat(1_100_000) }) })).status).toBe(413);
    expect((await official.post('/api/definitions', undefined, { raw: 'id=1', contentType: 'text/plain' })).status).toBe(415);
    expect((await zhang.post('/api/definitions', next)).status).toBe(403);
  });

  it('an official sees which running cases can move to the new version (200) and moves them (200)', async () => {
    const official = await signIn('official');
    const plan = await official.get(`/api/matters/330000-GA-0101/regions/330000/migration?to=${next.version}`);
    expect(plan.status).toBe(200);
    const moved = await official.post('/api/matters/330000-GA-0101/regions/330000/migration', { from: baseline.version, to: next.version });
    expect(moved.status).toBe(200);
    expect((await (await signIn('reviewer')).post('/api/matters/330000-GA-0101/regions/330000/migration', { from: baseline.version, to: next.version })).status).toBe(403);
  });
});

describe('the designer', () => {
  let draft: { id: string; revision: number; definition: Record<string, unknown> };

  it('officials and reviewers browse the catalogue a page at a time; the region list is public', async () => {
    const official = await signIn('officialShaoxing');
    const page = await official.get('/api/designer/catalogue?q=%E5%B1%85%E4%BD%8F%E8%AF%81&kind=variant&limit=2');
    expect(page.status).toBe(200);
    expect(page.body.entries.length).toBeGreaterThan(0);
    expect((await official.get('/api/designer/catalogue?limit=500')).status).toBe(400);
    expect((await zhang.get('/api/designer/catalogue')).status).toBe(403);
    expect((await anonymous.get('/api/regions')).body.regions.length).toBeGreaterThan(100);
    expect((await official.get('/api/designer/context')).body.sources.length).toBeGreaterThan(3);
    expect((await zhang.get('/api/designer/context')).status).toBe(403);
    const history = await official.get('/api/definitions/330000-GA-0101/330000/versions');
    expect(history.status).toBe(200);
    expect((await official.get('/api/definitions/330000-XX-0000/330000/versions')).status).toBe(404);
    expect((await official.get('/api/definitions/330000-GA-0101/hz/versions')).status).toBe(400);
  });

  it('a city official starts a variant for their city (201), saves it (200), is told of a conflict (409), and publishes it (201)', async () => {
    const official = await signIn('officialShaoxing');
    expect((await official.post('/api/drafts', { variantOf: { id: '330000-GA-0101' }, region: '330200' })).status).toBe(403); // Ningbo is not theirs
    expect((await official.post('/api/drafts', { variantOf: { id: '330000-GA-0201' }, region: '330600' })).status).toBe(409); // Shaoxing has one
    const started = await official.post('/api/drafts', { variantOf: { id: '330000-GA-0101' }, region: '330602' });
    expect(started.status).toBe(201);
    expect(started.body.against.kind).toBe('baseline');
    draft = started.body;
    expect((await official.get('/api/drafts')).body.drafts.map((d: { id: string }) => d.id)).toContain(draft.id);
    expect((await official.get(`/api/drafts/${draft.id}`)).status).toBe(200);
    const edited = { ...draft.definition, title: { zh: '居住证申领（越城）', en: 'Residence permit (Yuecheng)' } };
    const saved = await official.put(`/api/drafts/${draft.id}`, { definition: edited, revision: 1 });
    expect(saved.status).toBe(200);
    expect((await official.put(`/api/drafts/${draft.id}`, { definition: draft.definition, revision: 1 })).status).toBe(409);
    expect((await official.put(`/api/drafts/${draft.id}`, undefined, { raw: `{"definition": {"a": 1, "a": 2}, "revision": 2}` })).status).toBe(422);
    expect((await official.put(`/api/drafts/${randomUUID()}`, { definition: {}, revision: 1 })).status).toBe(404);
    expect((await official.post(`/api/drafts/${draft.id}/publish`, { revision: 1, version: '1.0.0' })).status).toBe(409);
    const published = await official.post(`/api/drafts/${draft.id}/publish`, { revision: 2, version: '1.0.0' });
    expect(published.status).toBe(201);
    expect(published.body.publishedBy).toBe('officialShaoxing');
  });

  it('a draft that is invalid at publishing is refused with its problems (422); a dropped draft is gone (204)', async () => {
    const official = await signIn('official');
    const started = await official.post('/api/drafts', { newMatter: { id: '330000-TEST-0042', title: { zh: '测试', en: 'Test' }, department: { zh: '浙江省测试厅', en: 'Test department' } } });
    expect(started.status).toBe(201);
    const broken = { ...started.body.definition, channels: [] };
    expect((await official.put(`/api/drafts/${started.body.id}`, { definition: broken, revision: 1 })).status).toBe(200);
    const refused = await official.post(`/api/drafts/${started.body.id}/publish`, { revision: 2, version: '1.0.0' });
    expect(refused.status).toBe(422);
    expect((await official.delete(`/api/drafts/${started.body.id}?revision=1`)).status).toBe(409);
    expect((await official.delete(`/api/drafts/${started.body.id}?revision=2`)).status).toBe(204);
    expect((await official.get(`/api/drafts/${started.body.id}`)).status).toBe(404);
    expect((await (await signIn('reviewer')).post('/api/drafts', { edit: { id: '330000-GA-0101', region: '330000' } })).status).toBe(403);
  });

  it('officials and reviewers read the bundles and the definitions their members stand for (200); others are refused (403)', async () => {
    const reviewer = await signIn('reviewer');
    const bundles = await reviewer.get('/api/designer/bundles');
    expect(bundles.status).toBe(200);
    expect(bundles.body.bundles.map((b: { file: string }) => b.file)).toContain('bundles/relocation.json');
    expect((await zhang.get('/api/designer/bundles')).status).toBe(403);
    const members = await reviewer.get('/api/designer/bundle-members?region=330000&matter=330000-GA-0101&matter=330000-YB-0101&matter=330000-XX-9999');
    expect(members.status).toBe(200);
    expect(members.body.definitions.map((d: { id: string }) => d.id)).toEqual(['330000-GA-0101', '330000-YB-0101']);
    expect(members.body.missing).toEqual(['330000-XX-9999']);
    expect((await reviewer.get('/api/designer/bundle-members?region=hz&matter=330000-GA-0101')).status).toBe(400);
    expect((await zhang.get('/api/designer/bundle-members?region=330000&matter=330000-GA-0101')).status).toBe(403);
  });

  it('an official simulates a case through a draft (200); an invalid definition is refused with its problems (422)', async () => {
    const official = await signIn('official');
    const run = await official.post('/api/designer/simulate', { definition: baseline, steps: [{ kind: 'fill' }, { kind: 'submit' }] });
    expect(run.status).toBe(200);
    expect((await official.post('/api/designer/simulate', { definition: { x: 1 }, steps: [] })).status).toBe(422);
  });
});

describe('signing out', () => {
  it('ends the session (204); afterwards the user is not signed in (401)', async () => {
    expect((await zhang.delete('/api/session')).status).toBe(204);
    expect((await zhang.get('/api/session')).status).toBe(401);
  });
});

describe("the reviewers' workspace", () => {
  it('reads the province view (JSON, CSV, HTML report), a matrix, a variant and the proposal; a province official opens it as a draft (201)', async () => {
    const reviewer = await signIn('reviewer');
    const id = '330000-GA-0101';
    expect((await reviewer.get('/api/review/province?sort=below&order=desc')).status).toBe(200);
    expect((await reviewer.get('/api/review/province.csv')).status).toBe(200);
    expect((await reviewer.get('/api/review/report.html')).status).toBe(200);
    expect((await reviewer.get(`/api/review/matters/${id}?level=city`)).status).toBe(200);
    expect((await reviewer.get(`/api/review/matters/${id}/variants/330100`)).status).toBe(200);
    expect((await reviewer.get(`/api/review/matters/${id}/proposal`)).status).toBe(200);
    expect((await reviewer.post(`/api/review/matters/${id}/proposal/draft`, {})).status).toBe(403);
    expect((await (await signIn('official')).post(`/api/review/matters/${id}/proposal/draft`, {})).status).toBe(201);
  });
});

describe('the journey', () => {
  it('exercised every operation of the document, and every success status each documents', () => {
    const operations = contract.operations();
    expect(operations.length).toBeGreaterThan(20);
    // Skipped on purpose: none. GET /api/openapi.json and the web UI's files are not operations of the document
    // (hidden); error statuses are not all required (503 needs a failing store, see test/runtime-errors), nor is the
    // audit check's `{ ok: false }` branch (it needs a tampered database, see test/runtime-audit-tamper).
    expect(operations.filter((op) => !contract.exercised.has(op))).toEqual([]);
    const successes = operations.flatMap((op) => {
      const [method, template] = op.split(' ') as [string, string];
      const statuses = Object.keys(contract.document.paths[template]![method.toLowerCase()]!.responses);
      return statuses.filter((status) => status.startsWith('2')).map((status) => ({ op, status }));
    });
    expect(successes.filter(({ op, status }) => !contract.exercised.get(op)?.has(status))).toEqual([]);
  });
});
