/* eslint-disable @typescript-eslint/no-explicit-any */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../engine/index.ts';
import { ed25519Signer } from '../runtime/certificates/signer.ts';
import { createRuntime, type Actor, type Runtime } from '../runtime/cases/runtime.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { demoCitizens, demoRecords } from '../runtime/shared-data/demo.ts';
import { recordSource, type SharedDataSource } from '../runtime/shared-data/source.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { problemsInCatalogue, realCatalogue } from './support/catalogue.ts';

const baselineFile = 'definitions/matters/residence-permit/baseline.json';
const day = 86_400_000;
const monday = Date.parse('2026-11-30T02:00:00Z'); // 10:00 in Hangzhou
const z = demoCitizens.zhangWei;
const applicant: Actor = { id: z, role: 'applicant' };
const clerk: Actor = { id: 'clerk-1', role: 'clerk' };
const approver: Actor = { id: 'approver-1', role: 'approver' };
const clock = manualClock(monday);
const signer = ed25519Signer('zhejiang-public-security-2026');
const dir = mkdtempSync(join(tmpdir(), 'onematter-automatic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Hangzhou's residence permit (definitions/): after acceptance, `autoCheck` approves at once when the residence
// registration, verified through shared data, is six months old or more; any other case goes to review.
// Hangzhou asks for the photo from the applicant: the clerk accepts with it received (ACCEPT is refused while it is missing)
const hangzhou = { matterId: '330000-GA-0101', region: '330100' };
const olderThanSixMonths = { type: 'olderThan', params: { field: '/residence/registrationDate', duration: 'P6M', verified: true } };

// The baseline with a chain and a step that stays for a person: `screen` passes employment cases to `ageCheck` (and
// others to review); `ageCheck` approves at once when the registration is old enough, or waits for the approver.
// WITHDRAW is accepted in every state (process.on); the draft keeps its own, without the notification.
const employed = { type: 'dataMatches', params: { when: { required: ['residence'], properties: { residence: { properties: { reason: { const: '就业' } } } } } } };
const baseline = realCatalogue.catalogue.definitions.find((d) => d.file === baselineFile)!.value;
const chained = structuredClone(baseline) as any;
chained.process.on = { WITHDRAW: { target: 'withdrawn', actions: ['notifyApplicant'] } };
chained.process.states.submitted.on.ACCEPT.target = 'screen';
chained.process.states.submitted.after = { PT48H: 'screen' };
chained.process.states.screen = { always: [{ target: 'ageCheck', guard: employed }, 'review'] };
chained.process.states.ageCheck = {
  meta: { role: 'approver', step: { zh: '核验', en: 'Check' } },
  always: { target: 'approved', guard: olderThanSixMonths, actions: ['recordDecision', 'issueCertificate', 'notifyApplicant'] },
  on: structuredClone(baseline.process.states.review!.on),
};
const catalogue: Catalogue = { ...realCatalogue.catalogue, definitions: realCatalogue.catalogue.definitions.map((d) => (d.file === baselineFile ? { ...d, value: chained } : d)) };
const permit = { matterId: '330000-GA-0101', region: '330000' };

// Zhang Wei's residence registration, registered on `date` (the demo's is 2024-01-10).
const registeredOn = (date: string): SharedDataSource =>
  recordSource({ ...demoRecords, residenceRegistration: { [z]: { ...demoRecords.residenceRegistration[z]!, registrationDate: date } } } as any);

let file: string;
let n = 0;
const open = (sharedData?: SharedDataSource): Promise<Runtime> => createRuntime({ store: openSqliteStore({ path: file }), catalogue, clock, signer, ...(sharedData ? { sharedData } : {}) });
const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });

// Starts a case of `matter` for Zhang Wei and submits it: the case waits in "submitted" for the clerk.
async function submitted(rt: Runtime, matter = hangzhou, who = z) {
  const c = await rt.startCase({ ...matter, applicant: who });
  return rt.submit(c.record.id, complete(c.record.data), { id: who, role: 'applicant' }, 1);
}

beforeEach(() => {
  file = join(dir, `automatic-${++n}.sqlite`);
  clock.set(monday);
});

describe('runtime: automatic decisions (秒批)', () => {
  it('the test definition is valid', () => {
    expect(problemsInCatalogue(baselineFile, chained)).toEqual([]);
  });

  it('approves at once when the verified residence registration is six months old, as the system actor naming the guard', async () => {
    const rt = await open();
    const s = await submitted(rt);
    const v = await rt.act(s.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s.record.revision);
    expect(v.record).toMatchObject({ state: 'approved', status: 'done', outcome: 'approved', role: undefined, revision: s.record.revision + 2 });
    // the clerk's step, then the system's decision: two events, one revision each
    expect(v.event).toMatchObject({ actor: 'clerk-1', role: 'clerk', type: 'ACCEPT', from: 'submitted', to: 'autoCheck', payload: { actions: ['notifyApplicant'] } });
    expect(v.automatic).toHaveLength(1);
    expect(v.certificates).toHaveLength(1);
    expect(v.automatic![0]).toMatchObject({
      actor: 'system', role: 'system', type: 'automatic', from: 'autoCheck', to: 'approved', at: monday,
      // the transition's actions, then the entry actions of the state it enters, as for a person's step
      payload: { guard: olderThanSixMonths, actions: ['recordDecision', 'issueCertificate', 'notifyApplicant', 'archiveCase'], certificates: [v.certificates[0]!.id] },
    });
    expect(v.record.context).toMatchObject({ decision: { event: 'automatic', by: 'system', at: monday } });
    expect(v.deadline).toMatchObject({ metAt: monday });
    const view = await rt.getCase(s.record.id);
    expect(view.audit.map((e) => [e.seq, e.actor, e.type, e.from, e.to])).toEqual([
      [1, z, 'started', null, 'draft'].map((x) => x ?? undefined),
      [2, z, 'SUBMIT', 'draft', 'submitted'],
      [3, 'clerk-1', 'ACCEPT', 'submitted', 'autoCheck'],
      [4, 'system', 'automatic', 'autoCheck', 'approved'],
    ]);
    expect(rt.verifyCertificate(view.certificates[0]!.document)).toMatchObject({ ok: true });
    expect(await rt.verifyAudit(s.record.id)).toEqual({ ok: true, events: 4 });
    await rt.store.close();
  });

  it('sends a registration younger than six months to review, where the approver decides', async () => {
    const rt = await open(registeredOn('2026-06-01')); // six months on 2026-12-01
    const s = await submitted(rt);
    const v = await rt.act(s.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s.record.revision);
    expect(v.record).toMatchObject({ state: 'review', role: 'approver', status: 'active' });
    expect(v.automatic!.map((e) => [e.from, e.to, e.payload])).toEqual([['autoCheck', 'review', { guard: null, actions: [] }]]);
    expect(v.certificates).toEqual([]);
    const done = await rt.act(s.record.id, { type: 'APPROVE' }, approver, v.record.revision);
    expect(done.record).toMatchObject({ state: 'approved', outcome: 'approved' });
    expect(done.record.context).toMatchObject({ decision: { event: 'APPROVE', by: 'approver-1' } });
    expect(await rt.verifyAudit(s.record.id)).toEqual({ ok: true, events: 5 }); // started, SUBMIT, ACCEPT, automatic, APPROVE
    await rt.store.close();

    // six calendar months to the day is old enough (2026-05-31 plus six months is 2026-11-30, the month being shorter)
    file = join(dir, `automatic-${++n}.sqlite`);
    const rt2 = await open(registeredOn('2026-05-31'));
    const s2 = await submitted(rt2);
    expect((await rt2.act(s2.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s2.record.revision)).record.state).toBe('approved');
    await rt2.store.close();
  });

  it('does not trust a registration date the applicant typed: only a verified one approves at once', async () => {
    // no residence registration in shared data: the form asks for it, and the applicant types an old date
    const none = recordSource({ ...demoRecords, residenceRegistration: {} } as any);
    const rt = await open(none);
    const c = await rt.startCase({ ...hangzhou, applicant: z });
    expect(c.record.verified['/residence/registrationDate']).toBeUndefined();
    const data = complete(c.record.data);
    data.residence = { ...demoRecords.residenceRegistration[z], regionCode: '330106', address: '浙江省杭州市西湖区文三路100号3幢201室', registrationDate: '2020-01-01', reason: '就业', housingType: '租赁住房' };
    for (const k of ['idNumber', 'residenceRegion', 'residenceAddress', 'residenceReason', 'policeStation']) delete data.residence[k];
    const s = await rt.submit(c.record.id, data, applicant, 1);
    const v = await rt.act(s.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s.record.revision);
    expect(v.record.state).toBe('review');
    await rt.store.close();
  });

  it('takes a chain of automatic decisions until none applies, one audit event each, naming each guard', async () => {
    const rt = await open();
    const s = await submitted(rt, permit);
    const v = await rt.act(s.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s.record.revision);
    expect(v.record).toMatchObject({ state: 'approved', outcome: 'approved', revision: s.record.revision + 3 });
    expect(v.automatic!.map((e) => [e.seq, e.from, e.to, (e.payload as any).guard])).toEqual([
      [4, 'screen', 'ageCheck', employed],
      [5, 'ageCheck', 'approved', olderThanSixMonths],
    ]);
    expect(v.certificates).toHaveLength(1);
    expect(await rt.verifyAudit(s.record.id)).toEqual({ ok: true, events: 5 });
    await rt.store.close();
  });

  it('stays for a person when no guard holds, and the person acts on the step', async () => {
    const rt = await open(registeredOn('2026-10-01'));
    const s = await submitted(rt, permit);
    const v = await rt.act(s.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s.record.revision);
    expect(v.record).toMatchObject({ state: 'ageCheck', role: 'approver', status: 'active' });
    expect(v.automatic!.map((e) => [e.from, e.to])).toEqual([['screen', 'ageCheck']]);
    expect(v.events).toEqual(['APPROVE', 'REJECT', 'WITHDRAW']);
    expect((await rt.listCases({ role: 'approver' })).map((r) => r.id)).toEqual([s.record.id]);
    const done = await rt.act(s.record.id, { type: 'REJECT', note: '居住登记不满六个月' }, approver, v.record.revision);
    expect(done.record).toMatchObject({ state: 'rejected', outcome: 'rejected' });
    expect(done.automatic).toBeUndefined();
    expect(await rt.verifyAudit(s.record.id)).toEqual({ ok: true, events: 5 });
    await rt.store.close();
  });

  it('decides automatically after a delay fires into the state, after a restart', async () => {
    let rt = await open();
    const s = await submitted(rt, permit);
    await rt.store.close();
    clock.set(monday + 3 * day);
    rt = await open();
    const fired = await rt.fireDue();
    expect(fired).toMatchObject([{ caseId: s.record.id, delay: 'PT48H', outcome: 'fired', to: 'approved' }]);
    const view = await rt.getCase(s.record.id);
    expect(view.audit.slice(2).map((e) => [e.actor, e.type, e.from, e.to])).toEqual([
      ['system', 'after PT48H', 'submitted', 'screen'],
      ['system', 'automatic', 'screen', 'ageCheck'],
      ['system', 'automatic', 'ageCheck', 'approved'],
    ]);
    expect(view.certificates).toHaveLength(1);
    expect(await rt.pendingDelays(s.record.id)).toEqual([]);
    expect(await rt.verifyAudit(s.record.id)).toEqual({ ok: true, events: 5 });
    await rt.store.close();
  });

  it('carries on after a restart mid-way: a case left waiting is decided by the next step, its trail intact', async () => {
    let rt = await open(registeredOn('2026-10-01'));
    const s = await submitted(rt, permit);
    const v = await rt.act(s.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s.record.revision);
    expect(v.record.state).toBe('ageCheck');
    await rt.store.close();
    rt = await open(registeredOn('2026-10-01'));
    expect(await rt.verifyAudit(s.record.id)).toEqual({ ok: true, events: 4 });
    const done = await rt.act(s.record.id, { type: 'APPROVE' }, approver, v.record.revision);
    expect(done.record.state).toBe('approved');
    await rt.store.close();
    rt = await open();
    expect(await rt.verifyAudit(s.record.id)).toEqual({ ok: true, events: 5 });
    expect((await rt.getCase(s.record.id)).record.revision).toBe(5);
    await rt.store.close();
  });

  it('refuses the internal event of automatic decisions from callers', async () => {
    const rt = await open(registeredOn('2026-10-01'));
    const s = await submitted(rt, permit);
    const v = await rt.act(s.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s.record.revision);
    await expect(rt.act(s.record.id, { type: 'onematter.always' }, approver, v.record.revision)).rejects.toMatchObject({ code: 'invalid-event-payload' });
    expect((await rt.getCase(s.record.id)).record.state).toBe('ageCheck');
    await rt.store.close();
  });
});

describe('runtime: events accepted in every state (process.on)', () => {
  it('lets the applicant withdraw from any state that is not final; the state\'s own transition wins', async () => {
    const rt = await open(registeredOn('2026-10-01'));
    // in the draft, the draft's own WITHDRAW (without notification)
    const c = await rt.startCase({ ...permit, applicant: z });
    const w0 = await rt.act(c.record.id, { type: 'WITHDRAW' }, applicant, 1);
    expect(w0.event.payload).toEqual({ actions: [] });
    expect(w0.record.outcome).toBe('withdrawn');

    // waiting for the clerk: the process's WITHDRAW, with the notification
    const s = await submitted(rt, permit);
    expect((await rt.getCase(s.record.id)).events).toEqual(['ACCEPT', 'REQUEST_SUPPLEMENT', 'REJECT', 'WITHDRAW']);
    const w1 = await rt.act(s.record.id, { type: 'WITHDRAW', note: '不再需要' }, applicant, s.record.revision);
    expect(w1.record).toMatchObject({ state: 'withdrawn', status: 'done', outcome: 'withdrawn' });
    expect(w1.event).toMatchObject({ actor: z, role: 'applicant', type: 'WITHDRAW', from: 'submitted', to: 'withdrawn', payload: { actions: ['notifyApplicant'], note: '不再需要' } });
    expect(w1.deadline).toMatchObject({ metAt: monday });

    // waiting for the approver after an automatic decision
    const s2 = await submitted(rt, permit);
    const v2 = await rt.act(s2.record.id, { type: 'ACCEPT', materials: ['photo'] }, clerk, s2.record.revision);
    expect(v2.record.state).toBe('ageCheck');
    const w2 = await rt.act(s2.record.id, { type: 'WITHDRAW' }, applicant, v2.record.revision);
    expect(w2.record).toMatchObject({ state: 'withdrawn', outcome: 'withdrawn' });
    expect(await rt.verifyAudit(s2.record.id)).toEqual({ ok: true, events: 5 });
    await rt.store.close();
  });

  it('accepts it from the state\'s role too, and from nobody else; a finished case accepts nothing', async () => {
    const rt = await open();
    const s = await submitted(rt, permit);
    await expect(rt.act(s.record.id, { type: 'WITHDRAW' }, { id: demoCitizens.liNa, role: 'applicant' }, s.record.revision)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rt.act(s.record.id, { type: 'WITHDRAW' }, approver, s.record.revision)).rejects.toMatchObject({ code: 'forbidden' });
    const w = await rt.act(s.record.id, { type: 'WITHDRAW' }, clerk, s.record.revision);
    expect(w.record.state).toBe('withdrawn');
    expect(w.events).toEqual([]);
    await expect(rt.act(s.record.id, { type: 'WITHDRAW' }, applicant, w.record.revision)).rejects.toMatchObject({ code: 'invalid-event' });
    await rt.store.close();
  });
});
