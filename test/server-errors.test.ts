/**
 * Refusals over real HTTP, each with a JSON body naming the problem: malformed JSON (400), a request outside its
 * schema (400), oversize bodies (413), no sign-in (401), wrong role, not your case or no CSRF token (403), unknown
 * things (404), stale revisions (409); plus sign-in, session cookies, password storage and the overdue flag.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { Client, demoPassword, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
const clock = manualClock(Date.parse('2026-11-30T02:00:00Z')); // a Monday, 10:00 CST
const permit = { matterId: '330000-GA-0101', region: '330000' };
let base: string;
let zhang: Client;
let caseId: string;
let revision: number;
let data: { applicant: Record<string, unknown>; [k: string]: unknown };

beforeAll(async () => {
  base = (await sandbox.start({ clock })).url;
  zhang = await Client.signedIn(base, 'zhangWei');
  const started = await zhang.post('/api/cases', permit);
  ({ id: caseId, revision, data } = started.body);
}, 30_000);
afterAll(() => sandbox.remove());

const expectError = (reply: { status: number; body: { error?: { code?: string; message?: string } } }, status: number, code: string) => {
  expect(reply.status).toBe(status);
  expect(reply.body.error?.code).toBe(code);
  expect(reply.body.error?.message).toEqual(expect.any(String));
};

describe('400 bad request', () => {
  it('malformed JSON', async () => {
    expectError(await zhang.post('/api/cases', undefined, { raw: '{"matterId": ' }), 400, 'malformed-json');
    expectError(await zhang.post('/api/cases', undefined, { raw: '' }), 400, 'malformed-json');
    const official = await Client.signedIn(base, 'official');
    expectError(await official.post('/api/definitions', undefined, { raw: '{"id": ' }), 400, 'malformed-json');
  });

  it('a body outside its schema, with pointers to the problems', async () => {
    const missing = await zhang.post('/api/cases', { matterId: '330000-GA-0101' });
    expectError(missing, 400, 'bad-request');
    expect(missing.body.error.errors[0]).toMatchObject({ in: 'body' });
    expectError(await zhang.post('/api/cases', { ...permit, extra: true }), 400, 'bad-request');
    const badRevision = await zhang.put(`/api/cases/${caseId}/draft`, { data: {}, revision: 'one' });
    expectError(badRevision, 400, 'bad-request');
    expect(badRevision.body.error.errors).toContainEqual(expect.objectContaining({ pointer: '/revision' }));
  });

  it('a malformed id or query', async () => {
    expectError(await zhang.get('/api/cases/not-a-uuid'), 400, 'bad-request');
    expectError(await zhang.get('/api/cases?status=lost'), 400, 'bad-request');
  });

  it('SUBMIT through the actions route', async () => {
    expectError(await zhang.post(`/api/cases/${caseId}/actions`, { event: 'SUBMIT', revision }), 400, 'use-submit');
  });

  it('a body that is not JSON (415)', async () => {
    expectError(await zhang.post('/api/cases', undefined, { raw: 'matterId=1', contentType: 'text/plain' }), 415, 'unsupported-media-type');
  });
});

describe('413 body too large', () => {
  it('refuses a body over 1 MiB', async () => {
    const huge = JSON.stringify({ data: { blob: 'x'.repeat(1_100_000) }, revision });
    expectError(await zhang.put(`/api/cases/${caseId}/draft`, undefined, { raw: huge }), 413, 'body-too-large');
    const official = await Client.signedIn(base, 'official');
    expectError(await official.post('/api/definitions', undefined, { raw: huge }), 413, 'body-too-large');
    expect((await zhang.get(`/api/cases/${caseId}`)).body.revision).toBe(revision);
  });
});

describe('401 not signed in', () => {
  it('every route that needs a user', async () => {
    const anonymous = new Client(base);
    for (const path of ['/api/session', '/api/cases', `/api/cases/${caseId}`, `/api/cases/${caseId}/audit/verify`, '/api/definitions', `/api/certificates/${caseId}-x`]) {
      expectError(await anonymous.get(path), 401, 'unauthenticated');
    }
    expectError(await anonymous.post('/api/cases', permit), 401, 'unauthenticated');
    expectError(await anonymous.put(`/api/cases/${caseId}/draft`, { data: {}, revision }), 401, 'unauthenticated');
    expectError(await anonymous.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision }), 401, 'unauthenticated');
    expectError(await anonymous.post('/api/definitions', {}), 401, 'unauthenticated');
  });

  it('wrong passwords and unknown users', async () => {
    const client = new Client(base);
    expectError(await client.post('/api/session', { username: 'zhangWei', password: 'wrong' }), 401, 'bad-credentials');
    expectError(await client.post('/api/session', { username: 'nobody', password: demoPassword }), 401, 'bad-credentials');
    expect(client.cookies.has('onematter_session')).toBe(false);
  });

  it('a forged or altered session cookie', async () => {
    const forged = new Client(base);
    const value = Buffer.from(JSON.stringify({ user: { id: 'official', role: 'official', subject: 'official', name: 'x' }, exp: Date.now() + 1e6 })).toString('base64url');
    forged.cookies.set('onematter_session', `${value}.AAAA`);
    expectError(await forged.get('/api/definitions'), 401, 'unauthenticated');
  });

  it('after signing out', async () => {
    const client = await Client.signedIn(base, 'clerk');
    expect((await client.delete('/api/session')).status).toBe(204);
    expectError(await client.get('/api/cases'), 401, 'unauthenticated');
  });
});

describe('sign-in', () => {
  it('sets a signed HttpOnly SameSite=Strict session cookie', async () => {
    const client = new Client(base);
    await client.csrf();
    const response = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await client.csrf(), cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ username: 'clerk', password: demoPassword }),
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('onematter_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(decodeURIComponent(cookie.split(';')[0]!)).toMatch(/^onematter_session=[A-Za-z0-9_-]{43}\.[A-Za-z0-9+/_-]+$/); // token.signature
  });

  it('keeps only scrypt hashes with their salts, never a password', () => {
    const text = readFileSync(join(sandbox.dataDir, 'users.json'), 'utf8');
    expect(text).not.toContain(demoPassword);
    const users = JSON.parse(text) as { id: string; role: string; passwordHash: string }[];
    expect(users.map((u) => u.role)).toEqual(expect.arrayContaining(['applicant', 'clerk', 'approver', 'inspector', 'sectionChief', 'official', 'reviewer']));
    for (const u of users) expect(u.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(new Set(users.map((u) => u.passwordHash.split('$')[4])).size).toBe(users.length); // a salt each
  });
});

describe('403 forbidden', () => {
  it('state-changing requests without a CSRF token', async () => {
    expectError(await zhang.put(`/api/cases/${caseId}/draft`, { data: {}, revision }, { csrf: false }), 403, 'csrf');
    expectError(await new Client(base).post('/api/session', { username: 'clerk', password: demoPassword }, { csrf: false }), 403, 'csrf');
    const otherToken = await new Client(base).csrf();
    const response = await fetch(`${base}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': otherToken, cookie: [...zhang.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify(permit),
    });
    expect(response.status).toBe(403);
  });

  it('roles that may not do something', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    const official = await Client.signedIn(base, 'official');
    expectError(await clerk.post('/api/cases', permit), 403, 'forbidden');
    expectError(await official.post('/api/cases', permit), 403, 'forbidden');
    expectError(await official.get('/api/cases'), 403, 'forbidden');
    expectError(await clerk.post('/api/definitions', {}), 403, 'forbidden');
    // a draft is the applicant's own until submitted
    expectError(await clerk.get(`/api/cases/${caseId}`), 403, 'forbidden');
    expectError(await clerk.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision }), 403, 'forbidden');
  });
});

describe('404 not found', () => {
  it('unknown cases, matters, definitions, certificates and routes', async () => {
    expectError(await zhang.get(`/api/cases/${randomUUID()}`), 404, 'not-found');
    expectError(await zhang.put(`/api/cases/${randomUUID()}/draft`, { data: {}, revision: 1 }), 404, 'not-found');
    expectError(await zhang.get('/api/matters/330000-XX-9999/regions/330000/guide'), 404, 'not-found');
    expectError(await zhang.get('/api/matters/330000-GA-0101/regions/330000/guide?version=9.9.9'), 404, 'not-found');
    expectError(await zhang.post('/api/cases', { matterId: '330000-XX-9999', region: '330000' }), 404, 'not-found');
    expectError(await zhang.get('/api/definitions/330000-GA-0101/330000/9.9.9'), 404, 'not-found');
    expectError(await zhang.get(`/api/certificates/${randomUUID()}-permit`), 404, 'not-found');
    expectError(await zhang.get('/api/nothing-here'), 404, 'not-found');
  });
});

describe('409 conflict', () => {
  it('a stale revision changes nothing', async () => {
    const mobile = (m: string) => ({ ...data, applicant: { ...data.applicant, mobile: m } });
    const saved = await zhang.put(`/api/cases/${caseId}/draft`, { data: mobile('13800138000'), revision });
    expect(saved.status).toBe(200);
    const stale = await zhang.put(`/api/cases/${caseId}/draft`, { data: mobile('13900139000'), revision });
    expectError(stale, 409, 'conflict');
    expect(stale.body.error.message).toMatch(/revision/);
    const now = await zhang.get(`/api/cases/${caseId}`);
    expect(now.body).toMatchObject({ revision: revision + 1, data: { applicant: { mobile: '13800138000' } } });
    revision = now.body.revision;
  });
});

describe('the queue', () => {
  it('flags cases past their promised deadline as overdue', async () => {
    const started = await zhang.post('/api/cases', permit);
    const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
    const submitted = await zhang.post(`/api/cases/${started.body.id}/submit`, { data, revision: started.body.revision });
    expect(submitted.body.overdue).toBe(false);
    let clerk = await Client.signedIn(base, 'clerk');
    expect((await clerk.get('/api/cases?overdue=true')).body.cases).toEqual([]);
    clock.advance(10 * 24 * 3600 * 1000); // 3 promised working days are long gone (and the clerk's session with them)
    clerk = await Client.signedIn(base, 'clerk');
    const overdue = await clerk.get('/api/cases?overdue=true');
    expect(overdue.body.cases).toEqual([expect.objectContaining({ id: started.body.id, overdue: true, state: 'submitted' })]);
    expect((await clerk.get(`/api/cases/${started.body.id}`)).body.overdue).toBe(true);
  });
});
