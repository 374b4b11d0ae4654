import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../engine/index.ts';
import { ed25519Signer } from '../runtime/certificates/signer.ts';
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { problemsInCatalogue, realCatalogue } from './support/catalogue.ts';

const baselineFile = 'definitions/matters/residence-permit/baseline.json';
const day = 86_400_000;
const monday = Date.parse('2026-11-30T02:00:00Z');
const permit = { matterId: '330000-GA-0101', region: '330000' };
const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
const clock = manualClock(monday);
const signer = ed25519Signer('zhejiang-public-security-2026');
const dir = mkdtempSync(join(tmpdir(), 'onematter-delays-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The residence permit's baseline with two durable delays: an abandoned draft closes after 30 days, and an
// application nobody accepts within 48 hours escalates to review.
const baseline = realCatalogue.catalogue.definitions.find((d) => d.file === baselineFile)!.value;
const timed = structuredClone(baseline) as any;
timed.process.states.draft.after = { P30D: { target: 'withdrawn', actions: ['notifyApplicant'] } };
timed.process.states.submitted.after = { PT48H: 'review' };
const catalogue: Catalogue = { ...realCatalogue.catalogue, definitions: realCatalogue.catalogue.definitions.map((d) => (d.file === baselineFile ? { ...d, value: timed } : d)) };

let file: string;
let n = 0;
const open = (): Promise<Runtime> => createRuntime({ store: openSqliteStore({ path: file }), catalogue, clock, signer });
const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });

beforeEach(() => {
  file = join(dir, `delays-${++n}.sqlite`);
  clock.set(monday);
});

describe('validate: delayed transitions (after)', () => {
  it('accepts delays in ms or as ISO 8601 durations, with targets checked like events', () => {
    expect(problemsInCatalogue(baselineFile, timed)).toEqual([]);
    const ms = structuredClone(timed);
    ms.process.states.review.after = { 86400000: { target: 'rejected', actions: ['recordDecision'] } };
    expect(problemsInCatalogue(baselineFile, ms)).toEqual([]);
  });

  it('refuses a missing target, an unknown action, a delay name it cannot time, a final state with delays and a machine-level after', () => {
    const bad = structuredClone(timed);
    bad.process.states.draft.after = { P30D: { target: 'closed', actions: ['shred'] }, P1Y: 'withdrawn' };
    bad.process.states.approved.after = { P1D: 'rejected' };
    bad.process.after = { P1D: 'withdrawn' };
    const codes = problemsInCatalogue(baselineFile, bad).map((p) => ({ code: p.code, pointer: p.pointer }));
    expect(codes).toEqual(expect.arrayContaining([
      { code: 'process.delay-name', pointer: '/process/states/draft/after/P1Y' },
      { code: 'process.xstate-unsupported', pointer: '/process/after' },
    ]));
    const bad2 = structuredClone(timed);
    bad2.process.states.draft.after = { P30D: { target: 'closed', actions: ['shred'] } };
    bad2.process.states.approved.after = { P1D: 'rejected' };
    const problems = problemsInCatalogue(baselineFile, bad2);
    expect(problems.map((p) => ({ code: p.code, pointer: p.pointer }))).toEqual(expect.arrayContaining([
      { code: 'process.target-missing', pointer: '/process/states/draft/after/P30D/target' },
      { code: 'process.unknown-action', pointer: '/process/states/draft/after/P30D/actions/0' },
      { code: 'process.final-has-transitions', pointer: '/process/states/approved/after' },
    ]));
    expect(problems.find((p) => p.code === 'process.target-missing')!.message).toContain('after P30D');
  });
});

describe('runtime: durable delayed transitions', () => {
  it('stores a delay when a case enters the state and fires it after a restart, not early, and once', async () => {
    let rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    const due = monday + 30 * day;
    expect(await rt.pendingDelays(c.record.id)).toEqual([{ caseId: c.record.id, state: 'draft', delay: 'P30D', event: 'xstate.after.P30D.residence-permit.draft', dueAt: due }]);
    await rt.store.close();

    // a restart; one millisecond early nothing fires
    clock.set(due - 1);
    rt = await open();
    expect(await rt.fireDue()).toEqual([]);
    expect((await rt.getCase(c.record.id)).record.state).toBe('draft');
    await rt.store.close();

    // another restart, at the due time: the system actor closes the draft
    clock.set(due);
    rt = await open();
    const fired = await rt.fireDue();
    expect(fired).toMatchObject([{ caseId: c.record.id, delay: 'P30D', outcome: 'fired', to: 'withdrawn' }]);
    const view = await rt.getCase(c.record.id);
    expect(view.record).toMatchObject({ state: 'withdrawn', status: 'done', outcome: 'withdrawn', revision: 2 });
    expect(view.audit.at(-1)).toMatchObject({ actor: 'system', role: 'system', type: 'after P30D', from: 'draft', to: 'withdrawn', at: due, payload: { actions: ['notifyApplicant'], delay: 'P30D', dueAt: due } });
    expect(await rt.verifyAudit(c.record.id)).toMatchObject({ ok: true });

    // once: later sweeps find nothing
    clock.set(due + day);
    expect(await rt.fireDue()).toEqual([]);
    expect(await rt.pendingDelays(c.record.id)).toEqual([]);
    expect((await rt.getCase(c.record.id)).audit).toHaveLength(2);
    await rt.store.close();
  });

  it('drops the delays of the state a case leaves and schedules those of the state it enters', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    clock.set(monday + day);
    const s = await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
    expect(s.record.state).toBe('submitted');
    expect((await rt.pendingDelays(c.record.id)).map((d) => [d.state, d.delay, d.dueAt])).toEqual([['submitted', 'PT48H', monday + 3 * day]]);
    clock.set(monday + 40 * day); // past the draft's 30 days: that delay left with the draft
    const fired = await rt.fireDue();
    expect(fired).toMatchObject([{ delay: 'PT48H', outcome: 'fired', to: 'review' }]);
    expect((await rt.getCase(c.record.id)).record).toMatchObject({ state: 'review', role: 'approver' });
    expect(await rt.pendingDelays(c.record.id)).toEqual([]);
    await rt.store.close();
  });

  it('fires a delay once when two runtimes sweep the same file at the same time', async () => {
    const a = await open();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await a.startCase({ ...permit, applicant: demoCitizens.zhangWei })).record.id);
    const b = await open();
    clock.set(monday + 31 * day);
    const [ra, rb] = await Promise.all([a.fireDue(), b.fireDue()]);
    const all = [...ra, ...rb];
    expect(all.filter((r) => r.outcome === 'fired').map((r) => r.caseId).sort()).toEqual([...ids].sort());
    expect(all.every((r) => r.outcome === 'fired' || r.outcome === 'raced')).toBe(true);
    for (const id of ids) {
      const view = await a.getCase(id);
      expect(view.audit.filter((e) => e.actor === 'system')).toHaveLength(1);
      expect(view.record.revision).toBe(2);
      expect(await b.verifyAudit(id)).toMatchObject({ ok: true });
    }
    await a.store.close();
    await b.store.close();
  });

  it('pages past delays of tampered cases: they stay due and refused, and never hold up the others', async () => {
    const rt = await open();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei })).record.id);
      clock.advance(1000); // the first two fall due first
    }
    // someone moves the first two cases to another applicant in the database, behind the runtime's back: their seals no longer hold
    const raw = new Database(file);
    raw.prepare('update cases set applicant = ? where id in (?, ?)').run('330106199001019999', ids[0], ids[1]);
    raw.close();
    clock.set(monday + 31 * day);
    // a sweep of one row at a time still reaches the third case
    const swept = await rt.fireDue(1);
    expect(swept.map((f) => [f.caseId, f.outcome])).toEqual([[ids[0], 'tampered'], [ids[1], 'tampered'], [ids[2], 'fired']]);
    expect((await rt.getCase(ids[2]!)).record.state).toBe('withdrawn');
    expect((await rt.fireDue(1)).map((f) => f.outcome)).toEqual(['tampered', 'tampered']);
    await rt.store.close();
  });
});

describe('runtime: delays in working days', () => {
  const friday = Date.parse('2026-12-04T02:00:00Z'); // 10:00 CST
  const working = structuredClone(timed);
  working.process.states.submitted.after = { P2WD: { target: 'review', actions: ['notifyApplicant'] } };
  const workingCatalogue: Catalogue = { ...catalogue, definitions: catalogue.definitions.map((d) => (d.file === baselineFile ? { ...d, value: working } : d)) };

  it('validates, and refuses a working-day delay of more than 999 days', () => {
    expect(problemsInCatalogue(baselineFile, working)).toEqual([]);
    const long = structuredClone(working);
    long.process.states.submitted.after = { P1000WD: 'review' };
    expect(problemsInCatalogue(baselineFile, long).map((p) => [p.code, p.pointer])).toEqual([['process.delay-name', '/process/states/submitted/after/P1000WD']]);
  });

  it('falls due when the last working day has ended: weekends and the runtime\'s holidays skipped, across a restart', async () => {
    for (const [holidays, due] of [[[], '2026-12-08T16:00:00.000Z'], [['2026-12-07'], '2026-12-09T16:00:00.000Z']] as const) {
      file = join(dir, `working-${++n}.sqlite`);
      clock.set(friday);
      const openWorking = () => createRuntime({ store: openSqliteStore({ path: file }), catalogue: workingCatalogue, clock, signer, holidays });
      let rt = await openWorking();
      const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
      await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
      const [delay] = await rt.pendingDelays(c.record.id);
      expect([delay!.state, delay!.delay, new Date(delay!.dueAt).toISOString()]).toEqual(['submitted', 'P2WD', due]);
      await rt.store.close();
      clock.set(Date.parse(due) - 1);
      rt = await openWorking();
      expect(await rt.fireDue()).toEqual([]);
      clock.set(Date.parse(due));
      expect(await rt.fireDue()).toMatchObject([{ delay: 'P2WD', outcome: 'fired', to: 'review' }]);
      await rt.store.close();
    }
  });
});
