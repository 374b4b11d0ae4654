/* eslint-disable @typescript-eslint/no-explicit-any */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidEventError } from '../runtime/cases/errors.ts';
import { createRuntime, definitionHash, type Runtime } from '../runtime/cases/runtime.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { problemsInCatalogue } from './support/catalogue.ts';
import { applicant, approver, baselineFile, catalogueWith, clerk, complete, day, monday, newClock, permit, permitBaseline, signer } from './support/permit-runtime.ts';
import { nestedPermit } from './support/nested.ts';

const clock = newClock();
const dir = mkdtempSync(join(tmpdir(), 'onematter-nested-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nested = nestedPermit(permitBaseline());
const catalogue = catalogueWith(nested);

let file: string;
let n = 0;
const open = (): Promise<Runtime> => createRuntime({ store: openSqliteStore({ path: file }), catalogue, clock, signer });

beforeEach(() => {
  file = join(dir, `nested-${++n}.sqlite`);
  clock.set(monday);
});

async function accepted(rt: Runtime): Promise<string> {
  const c = await rt.startCase({ ...permit, applicant: applicant.id });
  await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
  await rt.act(c.record.id, { type: 'ACCEPT', materials: nested.materials.map((m: any) => m.id) }, clerk, 2);
  return c.record.id;
}

describe('runtime: compound and parallel states', () => {
  it('the definition validates', () => {
    expect(problemsInCatalogue(baselineFile, nested)).toEqual([]);
  });

  it('runs both departments side by side, each in its own queue, joins them, and decides in two levels', async () => {
    const rt = await open();
    const id = await accepted(rt);
    let view = await rt.getCase(id);
    expect(view.record).toMatchObject({ state: 'checks.police.checking,checks.records.checking', role: 'clerk approver', status: 'active' });
    expect(view.step).toEqual({ zh: '户籍核查、档案核查', en: 'Residence check · Records check' });
    expect(view.events).toEqual(['POLICE_OK', 'RECORDS_OK', 'REJECT']);
    expect((await rt.listCases({ role: 'clerk' })).map((c) => c.id)).toContain(id);
    expect((await rt.listCases({ role: 'approver' })).map((c) => c.id)).toContain(id);
    expect((await rt.listCases({ role: 'cler' })).map((c) => c.id)).not.toContain(id);

    // each department acts on its own part only
    await expect(rt.act(id, { type: 'POLICE_OK' }, approver, 3)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rt.act(id, { type: 'RECORDS_OK' }, clerk, 3)).rejects.toBeInstanceOf(ForbiddenError);
    clock.set(monday + day);
    let s = await rt.act(id, { type: 'POLICE_OK' }, clerk, 3);
    expect(s.record).toMatchObject({ state: 'checks.police.ok,checks.records.checking', role: 'approver' });
    expect((await rt.listCases({ role: 'clerk' })).map((c) => c.id)).not.toContain(id);
    // the parallel state's own clock runs on from acceptance; the records check's too
    expect((await rt.pendingDelays(id)).map((d) => [d.state, d.delay, d.dueAt])).toEqual([
      ['checks.records.checking', 'P2D', monday + 2 * day],
      ['checks', 'P10D', monday + 10 * day],
    ]);
    s = await rt.act(id, { type: 'RECORDS_OK' }, approver, 4);
    // the last region done: the join (onDone) takes the case on, and the checks' delays are gone
    expect(s.record).toMatchObject({ state: 'decision.first', role: 'approver' });
    expect(await rt.pendingDelays(id)).toEqual([]);
    s = await rt.act(id, { type: 'PASS' }, approver, 5);
    s = await rt.act(id, { type: 'SEND_BACK' }, approver, 6);
    expect(s.record.state).toBe('decision.first');
    s = await rt.act(id, { type: 'PASS' }, approver, 7);
    s = await rt.act(id, { type: 'APPROVE' }, approver, 8);
    expect(s.record).toMatchObject({ state: 'approved', status: 'done', outcome: 'approved', role: undefined });
    expect(s.certificates).toHaveLength(1);
    view = await rt.getCase(id);
    expect(view.audit.map((e) => [e.type, e.from, e.to])).toEqual([
      ['started', undefined, 'draft'], ['SUBMIT', 'draft', 'submitted'], ['ACCEPT', 'submitted', 'checks.police.checking,checks.records.checking'],
      ['POLICE_OK', 'checks.police.checking,checks.records.checking', 'checks.police.ok,checks.records.checking'],
      ['RECORDS_OK', 'checks.police.ok,checks.records.checking', 'decision.first'],
      ['PASS', 'decision.first', 'decision.second'], ['SEND_BACK', 'decision.second', 'decision.first'], ['PASS', 'decision.first', 'decision.second'],
      ['APPROVE', 'decision.second', 'approved'],
    ]);
    expect(view.audit.at(-1)!.payload).toMatchObject({ actions: ['recordDecision', 'issueCertificate', 'notifyApplicant', 'archiveCase'] });
    expect(await rt.verifyAudit(id)).toMatchObject({ ok: true });
    await expect(rt.act(id, { type: 'APPROVE' }, approver, 9)).rejects.toBeInstanceOf(InvalidEventError);
    await rt.store.close();
  });

  it('a transition of the parallel state itself may come from either department', async () => {
    const rt = await open();
    const id = await accepted(rt);
    await expect(rt.act(id, { type: 'REJECT' }, applicant, 3)).rejects.toBeInstanceOf(ForbiddenError);
    const s = await rt.act(id, { type: 'REJECT', note: '不符合条件' }, approver, 3);
    expect(s.record).toMatchObject({ state: 'rejected', status: 'done', outcome: 'rejected' });
    expect(await rt.pendingDelays(id)).toEqual([]);
    await rt.store.close();
  });

  it('a region\'s delay moves its region only; the parallel state\'s delay ends all of it, after a restart', async () => {
    let rt = await open();
    const id = await accepted(rt);
    await rt.store.close();
    clock.set(monday + 2 * day);
    rt = await open();
    expect(await rt.fireDue()).toMatchObject([{ caseId: id, state: 'checks.records.checking', delay: 'P2D', outcome: 'fired', to: 'checks.police.checking,checks.records.ok' }]);
    expect((await rt.getCase(id)).record).toMatchObject({ role: 'clerk', revision: 4 });
    expect((await rt.pendingDelays(id)).map((d) => [d.state, d.delay])).toEqual([['checks', 'P10D']]);
    await rt.store.close();
    clock.set(monday + 10 * day);
    rt = await open();
    expect(await rt.fireDue()).toMatchObject([{ caseId: id, state: 'checks', delay: 'P10D', outcome: 'fired', to: 'rejected' }]);
    const view = await rt.getCase(id);
    expect(view.record).toMatchObject({ state: 'rejected', status: 'done' });
    expect(view.audit.at(-1)).toMatchObject({ actor: 'system', type: 'after P10D', from: 'checks.police.checking,checks.records.ok', to: 'rejected' });
    expect(await rt.pendingDelays(id)).toEqual([]);
    expect(await rt.verifyAudit(id)).toMatchObject({ ok: true });
    await rt.store.close();
  });

  it('moves a case in a parallel state to a version that keeps its states, and refuses one whose regions changed', async () => {
    const rt = await open();
    const id = await accepted(rt);
    clock.set(monday + day);
    await rt.act(id, { type: 'POLICE_OK' }, clerk, 3);
    const publish = (d: any) => rt.store.publish({ id: d.id, version: d.version, region: d.region.code, hash: definitionHash(d), definition: d, publishedAt: clock.now() });
    // 1.9.0: a third department's check joins the parallel state; 1.9.1: the records check waits 3 days, the decision has a third level
    const regions = structuredClone(nested);
    regions.version = '1.9.0';
    regions.process.states.checks.states.tax = { initial: 'checking', meta: { role: 'sectionChief' }, states: { checking: { meta: { step: { zh: '税务核查', en: 'Tax check' } }, on: { TAX_OK: 'ok' } }, ok: { type: 'final' } } };
    await publish(regions);
    const from = (await rt.getCase(id)).record.version;
    let plan = (await rt.migrationPlan(permit.matterId, permit.region, '1.9.0')).versions.find((v) => v.version === from)!;
    const reason = plan.cases.find((c) => c.caseId === id)!.reasons[0]!;
    expect(reason).toMatchObject({ code: 'state-missing', state: 'checks.police.ok,checks.records.checking' });
    expect(reason.message).toContain('nested differently');
    const timed = structuredClone(nested);
    timed.version = '1.9.1';
    timed.process.states.checks.states.records.states.checking.after = { P3D: 'ok' };
    timed.process.states.decision.states.third = { meta: { step: { zh: '终审', en: 'Final review' } }, on: { APPROVE: 'done' } };
    timed.process.states.decision.states.second.on.APPROVE = 'third';
    await publish(timed);
    plan = (await rt.migrationPlan(permit.matterId, permit.region, '1.9.1')).versions.find((v) => v.version === from)!;
    expect(plan.cases.find((c) => c.caseId === id)).toMatchObject({ compatible: true });
    const result = await rt.migrateCases({ ...permit, fromVersion: from, toVersion: '1.9.1', actor: { id: 'official', role: 'official' }, caseIds: [id] });
    expect(result.migrated).toEqual([id]);
    const view = await rt.getCase(id);
    expect(view.record).toMatchObject({ version: '1.9.1', state: 'checks.police.ok,checks.records.checking', role: 'approver' });
    // each state's delay counted from when the case entered it (acceptance, on monday); the parallel state's kept
    expect((await rt.pendingDelays(id)).map((d) => [d.state, d.delay, d.dueAt])).toEqual([
      ['checks.records.checking', 'P3D', monday + 3 * day],
      ['checks', 'P10D', monday + 10 * day],
    ]);
    await rt.act(id, { type: 'RECORDS_OK' }, approver, view.record.revision);
    for (const [event, revision] of [['PASS', 6], ['APPROVE', 7]] as const) await rt.act(id, { type: event }, approver, revision);
    expect((await rt.getCase(id)).record.state).toBe('decision.third');
    expect(await rt.verifyAudit(id)).toMatchObject({ ok: true });
    await rt.store.close();
  });
});
