/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Automatic decisions that time alone makes hold: a case waiting at a step where people act, whose `always` approves
 * once the verified residence registration is three years old, is decided by the sweep on that day (CST) — across a
 * restart, once — unless someone acts first; a case that leaves the step leaves no re-check behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../engine/index.ts';
import { ed25519Signer } from '../runtime/certificates/signer.ts';
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { problemsInCatalogue, realCatalogue } from './support/catalogue.ts';

const baselineFile = 'definitions/matters/residence-permit/baseline.json';
const monday = Date.parse('2026-11-30T02:00:00Z');
const permit = { matterId: '330000-GA-0101', region: '330000' };
const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
const clerk = { id: 'clerk-1', role: 'clerk' };
const approver = { id: 'approver-1', role: 'approver' };
const clock = manualClock(monday);
const signer = ed25519Signer('zhejiang-public-security-2026');
const dir = mkdtempSync(join(tmpdir(), 'onematter-recheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const guard = { type: 'olderThan', params: { field: '/residence/registrationDate', duration: 'P3Y', verified: true } };
const baseline = realCatalogue.catalogue.definitions.find((d) => d.file === baselineFile)!.value as any;
const timed = structuredClone(baseline);
timed.process.states.review.always = [{ target: 'approved', guard, actions: ['recordDecision', 'issueCertificate', 'notifyApplicant'] }];
const catalogue: Catalogue = { ...realCatalogue.catalogue, definitions: realCatalogue.catalogue.definitions.map((d) => (d.file === baselineFile ? { ...d, value: timed } : d)) };
// Zhang Wei's residence was registered on 2024-01-10 (shared data): three years later is 2027-01-10, 00:00 CST
const decidedAt = Date.parse('2027-01-09T16:00:00Z');

let file: string;
let n = 0;
const open = (): Promise<Runtime> => createRuntime({ store: openSqliteStore({ path: file }), catalogue, clock, signer });
const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });

beforeEach(() => {
  file = join(dir, `recheck-${++n}.sqlite`);
  clock.set(monday);
});

async function inReview(rt: Runtime): Promise<string> {
  const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
  expect((c.record.data as any).residence.registrationDate).toBe('2024-01-10');
  await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
  const accepted = await rt.act(c.record.id, { type: 'ACCEPT', materials: timed.materials.map((m: any) => m.id) }, clerk, 2);
  expect(accepted.record.state).toBe('review');
  return c.record.id;
}

describe('runtime: automatic decisions checked again when time makes them hold', () => {
  it('the definition validates', () => {
    expect(problemsInCatalogue(baselineFile, timed)).toEqual([]);
  });

  it('the sweep decides a waiting case on the day its guard holds, once, after a restart, naming the guard', async () => {
    let rt = await open();
    const id = await inReview(rt);
    expect(await rt.pendingDelays(id)).toEqual([{ caseId: id, state: 'review', delay: 'always', event: 'onematter.always', dueAt: decidedAt }]);
    await rt.store.close();
    clock.set(decidedAt - 1);
    rt = await open();
    expect(await rt.fireDue()).toEqual([]);
    await rt.store.close();
    clock.set(decidedAt + 60_000);
    rt = await open();
    expect(await rt.fireDue()).toMatchObject([{ caseId: id, state: 'review', delay: 'always', outcome: 'fired', to: 'approved' }]);
    const view = await rt.getCase(id);
    expect(view.record).toMatchObject({ state: 'approved', status: 'done', outcome: 'approved' });
    expect(view.certificates).toHaveLength(1);
    expect(view.audit.at(-1)).toMatchObject({ actor: 'system', role: 'system', type: 'automatic', from: 'review', to: 'approved', payload: { guard, delay: 'always' } });
    expect(await rt.fireDue()).toEqual([]);
    expect(await rt.pendingDelays(id)).toEqual([]);
    expect(await rt.verifyAudit(id)).toMatchObject({ ok: true });
    await rt.store.close();
  });

  it('someone acting first leaves no re-check behind', async () => {
    const rt = await open();
    const id = await inReview(rt);
    await rt.act(id, { type: 'REJECT', note: '材料不实' }, approver, 3);
    expect(await rt.pendingDelays(id)).toEqual([]);
    clock.set(decidedAt + 1);
    expect(await rt.fireDue()).toEqual([]);
    expect((await rt.getCase(id)).record.state).toBe('rejected');
    await rt.store.close();
  });
});
