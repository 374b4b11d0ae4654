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
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { problemsInCatalogue } from './support/catalogue.ts';
import { applicant, approver, baselineFile, catalogueWith, clerk, complete, monday, newClock, permit, permitBaseline, signer } from './support/permit-runtime.ts';

const clock = newClock();
const dir = mkdtempSync(join(tmpdir(), 'onematter-recheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const guard = { type: 'olderThan', params: { field: '/residence/registrationDate', duration: 'P3Y', verified: true } };
const timed = permitBaseline();
timed.process.states.review.always = [{ target: 'approved', guard, actions: ['recordDecision', 'issueCertificate', 'notifyApplicant'] }];
const catalogue = catalogueWith(timed);
// Zhang Wei's residence was registered on 2024-01-10 (shared data): three years later is 2027-01-10, 00:00 CST
const decidedAt = Date.parse('2027-01-09T16:00:00Z');

let file: string;
let n = 0;
const open = (): Promise<Runtime> => createRuntime({ store: openSqliteStore({ path: file }), catalogue, clock, signer });

beforeEach(() => {
  file = join(dir, `recheck-${++n}.sqlite`);
  clock.set(monday);
});

async function inReview(rt: Runtime): Promise<string> {
  const c = await rt.startCase({ ...permit, applicant: applicant.id });
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
