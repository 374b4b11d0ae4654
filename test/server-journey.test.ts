/**
 * The whole journey over real HTTP: an applicant reads a guide, starts a residence-permit case, saves a draft,
 * submits (a field error first), a clerk accepts, an approver approves, the certificate downloads and verifies;
 * others are refused; a restart on the same data folder keeps everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
let base: string;
let zhang: Client;
let caseId: string;
let revision: number;
let data: { applicant: Record<string, unknown>; [k: string]: unknown };
let certificate: { id: string; json: string; html: string };
let signed: { document: Record<string, unknown>; seal: unknown };

beforeAll(async () => {
  base = (await sandbox.start()).url;
  zhang = await Client.signedIn(base, 'zhangWei');
}, 30_000);
afterAll(() => sandbox.remove());

describe('an applicant', () => {
  it('is signed in as the demo citizen', async () => {
    const me = await zhang.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: 'zhangWei', role: 'applicant', subject: demoCitizens.zhangWei });
  });

  it('reads the guide with the materials shared data waives for them, and why', async () => {
    const guide = await zhang.get('/api/matters/330000-GA-0101/regions/330000/guide');
    expect(guide.status).toBe(200);
    expect(guide.body.personalizedFor).toBe('zhangWei');
    const waived = guide.body.waived.map((m: { id: string }) => m.id);
    expect(waived).toEqual(expect.arrayContaining(['identityCard', 'photo', 'residenceProof', 'employmentProof']));
    expect(guide.body.waived[0].reason.en).toMatch(/shared/);
    expect(guide.body).toMatchObject({ timeLimit: { promisedDays: 3 }, fees: [], visits: 0 });
    expect(guide.body.legalBasis.length).toBeGreaterThan(0);
    const anonymous = await new Client(base).get('/api/matters/330000-GA-0101/regions/330000/guide');
    expect(anonymous.body.waived).toEqual([]);
    expect(anonymous.body.materials.find((m: { id: string }) => m.id === 'identityCard')).toMatchObject({ waivable: true, waived: false });
  });

  it('starts a residence-permit case, prefilled and locked from shared data', async () => {
    const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ state: 'draft', status: 'draft', revision: 1, matterId: '330000-GA-0101', events: ['SUBMIT', 'WITHDRAW'] });
    expect(started.body.verified['/applicant/name']).toBe('张伟');
    expect(started.body.definition.form.schema.type).toBe('object');
    ({ id: caseId, revision, data } = started.body);
  });

  it('saves a draft', async () => {
    data = { ...data, applicant: { ...data.applicant, mobile: '13800138000' } };
    const saved = await zhang.put(`/api/cases/${caseId}/draft`, { data, revision });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ state: 'draft', revision: 2 });
    expect(saved.body.data.applicant.mobile).toBe('13800138000');
    revision = saved.body.revision;
  });

  it('submits with a missing field: 422 with a JSON Pointer, and the case does not move', async () => {
    const refused = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid-data');
    expect(refused.body.error.errors).toContainEqual(expect.objectContaining({ pointer: '/delivery', keyword: 'required' }));
    expect((await zhang.get(`/api/cases/${caseId}`)).body).toMatchObject({ state: 'draft', revision });
  });

  it('cannot change a verified field: 422 naming the field', async () => {
    const tampered = { ...data, applicant: { ...data.applicant, name: '王五' }, delivery: { method: '电子证照' } };
    const refused = await zhang.post(`/api/cases/${caseId}/submit`, { data: tampered, revision });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'tampered', field: '/applicant/name' });
  });

  it('submits the fixed form: the promised deadline starts', async () => {
    data = { ...data, delivery: { method: '电子证照' } };
    const submitted = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', status: 'active', role: 'clerk', overdue: false });
    expect(Date.parse(submitted.body.deadline.dueAt)).toBeGreaterThan(Date.now());
    revision = submitted.body.revision;
  });

  it('cannot edit the draft once the clerk holds the case', async () => {
    expect((await zhang.put(`/api/cases/${caseId}/draft`, { data, revision })).status).toBe(403);
  });
});

describe('another applicant', () => {
  it('cannot read, list or act on the case (403)', async () => {
    const li = await Client.signedIn(base, 'liNa');
    const read = await li.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('forbidden');
    expect((await li.get('/api/cases')).body.cases).toEqual([]);
    expect((await li.post(`/api/cases/${caseId}/actions`, { event: 'WITHDRAW', revision })).status).toBe(403);
    expect((await li.get(`/api/cases/${caseId}/audit/verify`)).status).toBe(403);
  });
});

describe('the clerk and the approver', () => {
  it('the clerk sees the case in the queue and accepts it; other roles and stale revisions are refused', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    const approver = await Client.signedIn(base, 'approver');
    const queue = await clerk.get('/api/cases');
    expect(queue.body.cases).toContainEqual(expect.objectContaining({ id: caseId, state: 'submitted', overdue: false }));
    expect((await approver.get('/api/cases')).body.cases.map((c: { id: string }) => c.id)).not.toContain(caseId);
    const wrongRole = await approver.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision });
    expect(wrongRole.status).toBe(403);
    const stale = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision: revision - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const notAccepted = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'APPROVE', revision });
    expect(notAccepted.status).toBe(409);
    expect(notAccepted.body.error).toMatchObject({ code: 'invalid-event', accepted: ['ACCEPT', 'REQUEST_SUPPLEMENT', 'REJECT'] });
    const accepted = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', note: '材料齐全', revision });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'review', role: 'approver' });
    revision = accepted.body.revision;
  });

  it('the approver approves and the certificate is issued', async () => {
    const approver = await Client.signedIn(base, 'approver');
    const approved = await approver.post(`/api/cases/${caseId}/actions`, { event: 'APPROVE', revision });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', status: 'done', outcome: 'approved' });
    expect(approved.body.certificates).toHaveLength(1);
    certificate = approved.body.certificates[0];
    revision = approved.body.revision;
  });
});

describe('the certificate', () => {
  it('downloads as JSON and verifies', async () => {
    const download = await zhang.get(certificate.json);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    signed = download.body;
    expect(signed.document.caseId).toBe(caseId);
    const check = await new Client(base).post('/api/certificates/verify', signed, { csrf: false });
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ ok: true });
  });

  it('a tampered copy fails verification', async () => {
    const tampered = { ...signed, document: { ...signed.document, holder: { name: '李四' } } };
    const check = await zhang.post('/api/certificates/verify', tampered);
    expect(check.body.ok).toBe(false);
    expect(check.body.reason).toMatch(/signature/);
  });

  it('prints as HTML', async () => {
    const html = await zhang.get(certificate.html);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('浙江省居住证');
    // its own policy, stricter than the UI's: no scripts at all, only its inline style
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await (await Client.signedIn(base, 'liNa')).get(certificate.json)).status).toBe(403);
  });

  it('the case reads with its audit trail, and the chain verifies', async () => {
    const view = await zhang.get(`/api/cases/${caseId}`);
    expect(view.body.audit.map((e: { type: string }) => e.type)).toEqual(['started', 'draft-saved', 'SUBMIT', 'ACCEPT', 'APPROVE']);
    const audit = await zhang.get(`/api/cases/${caseId}/audit/verify`);
    expect(audit.body).toEqual({ ok: true, events: 5 });
  });
});

describe('a reviewer', () => {
  it('reads every case but changes nothing (403)', async () => {
    const reviewer = await Client.signedIn(base, 'reviewer');
    expect((await reviewer.get('/api/cases')).body.cases.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await reviewer.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await reviewer.get(certificate.json)).status).toBe(200);
    expect((await reviewer.post(`/api/cases/${caseId}/actions`, { event: 'APPROVE', revision })).status).toBe(403);
    expect((await reviewer.put(`/api/cases/${caseId}/draft`, { data, revision })).status).toBe(403);
    const start = await reviewer.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
    expect(start.status).toBe(403);
    expect(start.body.error.message).toMatch(/reviewers read/);
  });
});

describe('a restart on the same data folder', () => {
  it('keeps the case, its audit trail and a verifiable certificate', async () => {
    await sandbox.stop();
    base = (await sandbox.start()).url;
    const again = await Client.signedIn(base, 'zhangWei');
    const view = await again.get(`/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ state: 'approved', revision });
    expect((await again.get(`/api/cases/${caseId}/audit/verify`)).body).toEqual({ ok: true, events: 5 });
    expect((await again.post('/api/certificates/verify', signed)).body).toEqual({ ok: true });
    expect((await again.get('/api/cases')).body.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
  }, 30_000);
});
