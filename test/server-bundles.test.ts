/**
 * A one-thing bundle over real HTTP and SQLite: the server publishes the relocation bundle composed from its
 * definitions folder; the applicant submits one form; the police's and the medical insurance's staff each see the case
 * in their queue and act on their own member only; each approval issues that member's certificate; a rejection ends
 * one member and the case is 办结 (completed) when both ended; the case shows each member's progress, the guide the
 * saving, the catalogue the life event.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultDefinitionsDir, loadDefinitions } from '../runtime/definitions-folder.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { hashPassword } from '../runtime/server/passwords.ts';
import { demoUsers, UserFile } from '../runtime/server/users.ts';
import { completeRelocation, relocation } from './support/bundles.ts';
import { ApiContract, CheckedClient, type OpenApiDocument } from './support/openapi.ts';
import { Client, demoPassword, serverSandbox } from './support/server.ts';

const monday = Date.parse('2026-11-30T02:00:00Z');
const clock = manualClock(monday);
const sandbox = serverSandbox();
afterAll(async () => {
  await sandbox.stop();
  await sandbox.remove();
});

let url: string;
let contract: ApiContract;
// every answer keeps to the OpenAPI document (members, the guide's bundle, the catalogue's)
afterEach(() => {
  expect(contract.takeProblems()).toEqual([]);
});

/** A client signed in as `username` whose every answer is checked against the OpenAPI document. */
async function signedIn(username: string): Promise<Client> {
  const client = new CheckedClient(url, contract);
  const reply = await client.post('/api/session', { username, password: demoPassword });
  expect(reply.status, `sign-in of ${username}`).toBe(200);
  return client;
}
const ids = (reply: { body: { cases: { id: string }[] } }) => reply.body.cases.map((c) => c.id);
const member = (body: { members: { key: string }[] }, key: string) => body.members.find((m) => m.key === key);

async function submittedCase(zhang: Client): Promise<string> {
  const started = await zhang.post('/api/cases', relocation);
  expect(started.status).toBe(201);
  const submitted = await zhang.post(`/api/cases/${started.body.id}/submit`, { data: completeRelocation(started.body.data), revision: 1, materials: ['insuranceInfoForm'] });
  expect(submitted.status).toBe(200);
  return started.body.id;
}

describe('server: one-thing bundles', () => {
  let zhang: Client;
  let policeClerk: Client;
  let policeApprover: Client;
  let insuranceClerk: Client;
  let insuranceApprover: Client;
  beforeAll(async () => {
    ({ url } = await sandbox.start({ clock, sweepSeconds: 0 }));
    contract = new ApiContract((await (await fetch(`${url}/api/openapi.json`)).json()) as OpenApiDocument);
    const signIn = signedIn;
    [zhang, policeClerk, policeApprover, insuranceClerk, insuranceApprover] = await Promise.all([
      signIn('zhangWei'), signIn('policeClerk'), signIn('policeApprover'), signIn('medicalInsuranceClerk'), signIn('medicalInsuranceApprover'),
    ]);
  }, 60_000);

  it('has a clerk and an approver per department, who say their department', async () => {
    for (const department of ['health', 'police', 'medicalInsurance', 'hrss', 'market', 'tax', 'housingFund']) {
      expect(demoUsers.filter((u) => u.department === department).map((u) => [u.id, u.role])).toEqual([[`${department}Clerk`, 'clerk'], [`${department}Approver`, 'approver']]);
    }
    expect(demoUsers.find((u) => u.id === 'healthClerk')?.name).toBe('卫健受理员');
    expect((await policeClerk.get('/api/session')).body.user).toMatchObject({ id: 'policeClerk', role: 'clerk', department: 'police' });
    expect((await (await signedIn('clerk')).get('/api/session')).body.user).not.toHaveProperty('department');
  });

  it('starts a case on the bundle; the applicant submits once and both departments’ clerks find it in their queues', async () => {
    const started = await zhang.post('/api/cases', relocation);
    expect(started.status).toBe(201);
    expect(started.body.definition.bundle.members.map((m: { key: string }) => m.key)).toEqual(['residencePermit', 'insuranceTransfer']);
    expect(started.body.members.map((m: { key: string; step: unknown; outcome: unknown }) => [m.key, m.step, m.outcome])).toEqual([['residencePermit', null, null], ['insuranceTransfer', null, null]]);
    const id = started.body.id;
    const submitted = await zhang.post(`/api/cases/${id}/submit`, { data: completeRelocation(started.body.data), revision: 1, materials: ['insuranceInfoForm'] });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ role: 'police-clerk medicalInsurance-clerk', status: 'active', reference: expect.stringMatching(/^ZJ-2026-/) });
    expect(member(submitted.body, 'residencePermit')).toMatchObject({ department: 'police', step: { zh: '受理' }, role: 'police-clerk', outcome: null, certificates: [] });
    expect(member(submitted.body, 'insuranceTransfer')).toMatchObject({ department: 'medicalInsurance', departmentName: { zh: '浙江省医疗保障局' }, role: 'medicalInsurance-clerk' });
    expect(ids(await policeClerk.get('/api/cases'))).toContain(id);
    expect(ids(await insuranceClerk.get('/api/cases'))).toContain(id);
    expect(ids(await (await signedIn('clerk')).get('/api/cases'))).not.toContain(id);
    expect(ids(await (await signedIn('healthClerk')).get('/api/cases'))).not.toContain(id);
    const filters = await policeClerk.get('/api/cases/filters');
    expect(filters.body.matters.map((m: { id: string }) => m.id)).toContain(relocation.matterId);
  });

  it('lets each department act on its own member only; a rejection leaves the other’s work, and the case completes when both ended', async () => {
    const id = await submittedCase(zhang);
    const wrong = await policeClerk.post(`/api/cases/${id}/actions`, { event: 'ACCEPT.insuranceTransfer', revision: 2 });
    expect(wrong.status).toBe(403);
    expect((await (await signedIn('clerk')).post(`/api/cases/${id}/actions`, { event: 'ACCEPT.residencePermit', revision: 2 })).status).toBe(403);
    expect((await policeClerk.post(`/api/cases/${id}/actions`, { event: 'ACCEPT.residencePermit', revision: 2 })).status).toBe(200);
    const rejected = await insuranceClerk.post(`/api/cases/${id}/actions`, { event: 'REJECT.insuranceTransfer', note: '转出地无参保记录', revision: 3 });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'active', role: 'police-approver', certificates: [] });
    expect(member(rejected.body, 'residencePermit')).toMatchObject({ step: { zh: '审核' }, role: 'police-approver', outcome: null });
    expect(member(rejected.body, 'insuranceTransfer')).toMatchObject({ step: null, role: null, outcome: 'rejected', certificates: [] });
    // the insurance clerk's queue no longer holds it; the police approver's does
    expect(ids(await insuranceClerk.get('/api/cases'))).not.toContain(id);
    expect(ids(await policeApprover.get('/api/cases'))).toContain(id);
    const approved = await policeApprover.post(`/api/cases/${id}/actions`, { event: 'APPROVE.residencePermit', revision: 4 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'completed', status: 'done', outcome: 'completed', step: { zh: '办结' } });
    expect(approved.body.certificates.map((c: { id: string }) => c.id)).toEqual([`${id}-residencePermit`]);
    const read = await zhang.get(`/api/cases/${id}`);
    expect(read.body.members.map((m: { key: string; outcome: string; certificates: string[] }) => [m.key, m.outcome, m.certificates])).toEqual([
      ['residencePermit', 'approved', [`${id}-residencePermit`]], ['insuranceTransfer', 'rejected', []],
    ]);
    expect((await zhang.get(`/api/cases/${id}/audit/verify`)).body).toEqual({ ok: true, events: 5 });
    expect((await zhang.get(`/api/certificates/${id}-residencePermit`)).status).toBe(200);
  });

  it('issues each member’s certificate at its own approval', async () => {
    const id = await submittedCase(zhang);
    await policeClerk.post(`/api/cases/${id}/actions`, { event: 'ACCEPT.residencePermit', revision: 2 });
    await insuranceClerk.post(`/api/cases/${id}/actions`, { event: 'ACCEPT.insuranceTransfer', revision: 3 });
    const insurance = await insuranceApprover.post(`/api/cases/${id}/actions`, { event: 'APPROVE.insuranceTransfer', revision: 4 });
    expect(insurance.body.certificates.map((c: { id: string }) => c.id)).toEqual([`${id}-transferNotice`]);
    expect(insurance.body.status).toBe('active');
    // a running bundle's issued certificates show in the applicant's list too
    expect((await zhang.get('/api/cases')).body.cases.find((c: { id: string }) => c.id === id).certificates.map((c: { id: string }) => c.id)).toEqual([`${id}-transferNotice`]);
    const police = await policeApprover.post(`/api/cases/${id}/actions`, { event: 'APPROVE.residencePermit', revision: 5 });
    expect(police.body.event.payload.certificates).toEqual([`${id}-residencePermit`]);
    expect(police.body.members.map((m: { outcome: string; certificates: string[] }) => [m.outcome, m.certificates])).toEqual([['approved', [`${id}-residencePermit`]], ['approved', [`${id}-transferNotice`]]]);
    expect(police.body.outcome).toBe('completed');
  });

  it('shows the bundle’s saving in its guide and its life event in the catalogue', async () => {
    const guide = await zhang.get(`/api/matters/${relocation.matterId}/regions/${relocation.region}/guide`);
    expect(guide.status).toBe(200);
    const saving = loadDefinitions(defaultDefinitionsDir).bundles.get(`${relocation.matterId}@2.0.0@${relocation.region}`)!.saving;
    expect(guide.body.bundle).toEqual({
      event: 'employment', eventType: 'life', submission: 'once', saving,
      members: [
        { key: 'residencePermit', title: expect.objectContaining({ zh: '居住证申领' }), department: 'police', departmentName: expect.any(Object) },
        { key: 'insuranceTransfer', title: expect.any(Object), department: 'medicalInsurance', departmentName: expect.objectContaining({ zh: '浙江省医疗保障局' }) },
      ],
    });
    expect(guide.body.bundle.saving.saved.submissions).toBe(1);
    expect((await zhang.get('/api/matters/330000-GA-0101/regions/330000/guide')).body.bundle).toBeNull();
    const matters = (await new CheckedClient(url, contract).get('/api/matters')).body.matters;
    expect(matters.find((m: { id: string }) => m.id === relocation.matterId).bundle).toEqual({ event: 'employment', eventType: 'life' });
    expect(matters.find((m: { id: string }) => m.id === '330000-GA-0101').bundle).toBeNull();
  });
});

describe('accounts files from before departments', () => {
  it('still sign in, without a department', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onematter-users-'));
    try {
      const path = join(dir, 'users.json');
      writeFileSync(path, JSON.stringify([{ id: 'clerk', role: 'clerk', subject: 'clerk', name: 'clerk', passwordHash: await hashPassword('demo1234') }]));
      const user = await (await UserFile.open(path)).signIn('clerk', 'demo1234');
      expect(user).toEqual({ id: 'clerk', role: 'clerk', subject: 'clerk', name: 'clerk' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
