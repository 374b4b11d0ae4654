/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The clerk's checklist through the HTTP API, on a real server: Hangzhou's residence permit asks the applicant for
 * the photo, so the clerk's ACCEPT is refused (409, naming it) until the checklist has it received; only the staff of
 * the step may check (applicants, other staff and reviewers get 403); a supplement request pauses the deadline;
 * every answer keeps to the OpenAPI document.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { ApiContract, CheckedClient, type OpenApiDocument } from './support/openapi.ts';
import { demoPassword, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
const clock = manualClock(Date.parse('2026-11-30T02:00:00Z')); // Monday 10:00 CST
const hangzhou = { matterId: '330000-GA-0101', region: '330100' };
let base: string;
let contract: ApiContract;
const as: Record<string, CheckedClient> = {};
let caseId: string;
let revision: number;

beforeAll(async () => {
  base = (await sandbox.start({ clock })).url;
  contract = new ApiContract((await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApiDocument);
  for (const user of ['zhangWei', 'clerk', 'approver', 'reviewer']) {
    as[user] = new CheckedClient(base, contract);
    expect((await as[user]!.post('/api/session', { username: user, password: demoPassword })).status).toBe(200);
  }
  const started = await as.zhangWei!.post('/api/cases', hangzhou);
  expect(started.status).toBe(201);
  const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
  const submitted = await as.zhangWei!.post(`/api/cases/${started.body.id}/submit`, { data, revision: 1 });
  expect(submitted.status, submitted.text).toBe(200);
  ({ id: caseId, revision } = submitted.body);
}, 60_000);
afterAll(() => sandbox.remove());
afterEach(() => {
  expect(contract.takeProblems()).toEqual([]);
});

// sessions end after a spell without requests: after moving the clock, sign in again
async function signInAgain() {
  for (const user of ['zhangWei', 'clerk']) {
    as[user] = new CheckedClient(base, contract);
    expect((await as[user]!.post('/api/session', { username: user, password: demoPassword })).status).toBe(200);
  }
}

const checks = (body: unknown, who = 'clerk') => as[who]!.post(`/api/cases/${caseId}/materials/checks`, body);

describe('POST /api/cases/:id/materials/checks', () => {
  it('shows the photo outstanding, and refuses the clerk’s ACCEPT naming it in both languages', async () => {
    const read = await as.clerk!.get(`/api/cases/${caseId}`);
    expect(read.body.checklist).toEqual({ checks: [], outstanding: [{ id: 'photo', name: { zh: expect.any(String), en: expect.any(String) }, necessity: 'required', group: null, dueDate: null }], certificateHeld: null });
    const refused = await as.clerk!.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'materials-missing', materials: [{ id: 'photo', name: read.body.checklist.outstanding[0].name, group: null }] });
  });

  it('is refused to the applicant, to staff not acting at the step and to reviewers (403), and leaves the case as it was', async () => {
    for (const who of ['zhangWei', 'approver', 'reviewer']) {
      const reply = await checks({ checks: [{ material: 'photo', status: 'received' }], revision }, who);
      expect(reply.status, who).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    expect((await as.clerk!.get(`/api/cases/${caseId}`)).body.revision).toBe(revision);
  });

  it('refuses malformed checks: 400 naming the place, 409 for a stale revision, 404 for an unknown case', async () => {
    const notTolerable = await checks({ checks: [{ material: 'photo', status: 'missing', tolerated: true, dueDate: '2026-12-10' }], revision });
    expect(notTolerable.status).toBe(400);
    expect(notTolerable.body.error).toMatchObject({ code: 'invalid-argument', argument: 'checks/0/tolerated' });
    const unknown = await checks({ checks: [{ material: 'passport', status: 'received' }], revision });
    expect(unknown.body.error).toMatchObject({ code: 'invalid-argument', argument: 'checks/0/material' });
    expect((await checks({ checks: [{ material: 'photo', status: 'lost' }], revision })).status).toBe(400);
    expect((await checks({ checks: [{ material: 'photo', status: 'received', extra: 1 }], revision })).status).toBe(400);
    expect((await checks({ checks: [{ material: 'photo', status: 'received' }], revision: revision + 5 })).status).toBe(409);
    expect((await as.clerk!.post('/api/cases/00000000-0000-4000-8000-000000000000/materials/checks', { checks: [{ material: 'photo', status: 'received' }], revision })).status).toBe(404);
  });

  it('records the clerk’s checklist as an audit event, after which ACCEPT goes through', async () => {
    const checked = await checks({ checks: [{ material: 'photo', status: 'verified', note: '照片合格' }], revision });
    expect(checked.status).toBe(200);
    expect(checked.body.event).toMatchObject({ type: 'materials-checked', actor: 'clerk', role: 'clerk' });
    expect(checked.body.checklist).toMatchObject({ checks: [{ material: 'photo', status: 'verified', note: '照片合格', by: 'clerk', role: 'clerk' }], outstanding: [] });
    revision = checked.body.revision;
    const accepted = await as.clerk!.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.event.type).toBe('ACCEPT');
    const audit = (await as.zhangWei!.get(`/api/cases/${caseId}`)).body.audit.map((e: any) => e.type);
    expect(audit).toEqual(expect.arrayContaining(['materials-checked', 'ACCEPT']));
  });
});

describe('a supplement request', () => {
  it('pauses the deadline (not overdue while paused) and the resubmission moves it', async () => {
    const started = await as.zhangWei!.post('/api/cases', hangzhou);
    const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
    const submitted = await as.zhangWei!.post(`/api/cases/${started.body.id}/submit`, { data, revision: 1 });
    const id = submitted.body.id;
    clock.set(Date.parse('2026-12-01T02:00:00Z'));
    await signInAgain();
    const requested = await as.clerk!.post(`/api/cases/${id}/actions`, { event: 'REQUEST_SUPPLEMENT', note: '请补充照片', revision: submitted.body.revision });
    expect(requested.status).toBe(200);
    expect(requested.body.deadline).toEqual({ dueAt: submitted.body.deadline.dueAt, metAt: null, pausedAt: '2026-12-01T02:00:00.000Z' });
    clock.set(Date.parse('2026-12-10T02:00:00Z')); // past the old deadline
    await signInAgain();
    const mine = (await as.zhangWei!.get('/api/cases')).body.cases.find((c: any) => c.id === id);
    expect(mine).toMatchObject({ overdue: false, deadline: { pausedAt: '2026-12-01T02:00:00.000Z' } });
    const resubmitted = await as.zhangWei!.post(`/api/cases/${id}/submit`, { data, revision: requested.body.revision });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.event.payload.clock).toMatchObject({ pausedWorkingDays: 7 }); // Wed 2 … Thu 10 December, weekend left out
    expect(resubmitted.body.deadline.pausedAt).toBeUndefined();
    expect(Date.parse(resubmitted.body.deadline.dueAt)).toBe(resubmitted.body.event.payload.clock.newDueAt);
    expect(resubmitted.body.overdue).toBe(false);
  });
});
