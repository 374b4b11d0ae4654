/**
 * The supplement clock (补正不计时), on a real SQLite file: the residence permit's request for a supplement stops the
 * promised-time clock, the applicant's resubmission starts it again, and the deadline moves by exactly the working
 * days it stood still — here across a weekend and a holiday.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { pausedWorkingDays } from '../runtime/cases/supplement-clock.ts';
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { applicant, catalogueWith, clerk, complete, monday, newClock, permit, permitBaseline, signer } from './support/permit-runtime.ts';

const clock = newClock();
const dir = mkdtempSync(join(tmpdir(), 'onematter-supplement-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const holiday = '2026-12-07'; // a Monday
const cst = (iso: string) => Date.parse(`${iso}+08:00`);
let file: string;
let n = 0;
const open = (): Promise<Runtime> => createRuntime({ store: openSqliteStore({ path: file }), catalogue: catalogueWith(permitBaseline()), clock, signer, holidays: [holiday] });

beforeEach(() => {
  file = join(dir, `clock-${++n}.sqlite`);
  clock.set(monday);
});

describe('pausedWorkingDays()', () => {
  it('counts the working days after the day the clock stopped up to the day it started again', () => {
    const none = new Set<string>();
    expect(pausedWorkingDays(cst('2026-12-02T10:00:00'), cst('2026-12-02T16:00:00'), none)).toBe(0); // the same day
    expect(pausedWorkingDays(cst('2026-12-04T10:00:00'), cst('2026-12-07T09:00:00'), none)).toBe(1); // Friday to Monday
    expect(pausedWorkingDays(cst('2026-12-04T10:00:00'), cst('2026-12-07T09:00:00'), new Set([holiday]))).toBe(0);
    expect(pausedWorkingDays(cst('2026-12-02T10:00:00'), cst('2026-12-08T10:00:00'), new Set([holiday]))).toBe(3); // Thu, Fri, Tue
  });
});

describe('runtime: the supplement clock', () => {
  it('pauses at the request, ignores the paused case when listing overdue ones, and moves the deadline by the paused working days on resubmission', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: applicant.id });
    const data = complete(c.record.data);
    const submitted = await rt.submit(c.record.id, data, applicant, 1);
    const id = c.record.id;
    // three calendar days from Monday 30 November: the end of Thursday 3 December (CST)
    const due = cst('2026-12-03T23:59:59.999');
    expect(submitted.deadline).toMatchObject({ dueAt: due, metAt: undefined });
    expect(submitted.deadline?.pausedAt).toBeUndefined();

    // Wednesday 2 December: the clerk asks for a supplement; the clock stops
    const wednesday = cst('2026-12-02T10:00:00');
    clock.set(wednesday);
    const requested = await rt.act(id, { type: 'REQUEST_SUPPLEMENT', note: '请补充照片' }, clerk, 2);
    expect(requested.event.payload).toMatchObject({ clock: { pausedAt: wednesday } });
    expect(await rt.store.deadline(id)).toEqual({ caseId: id, kind: 'promised', dueAt: due, metAt: undefined, pausedAt: wednesday });
    expect(requested.deadline?.pausedAt).toBe(wednesday);

    // Friday: past the old deadline, but the clock stands still, so the case is not overdue
    clock.set(cst('2026-12-04T10:00:00'));
    expect((await rt.overdue()).map((o) => o.caseId)).not.toContain(id);

    // Tuesday 8 December (after a weekend and Monday's holiday): the applicant resubmits; Thu 3, Fri 4 and Tue 8 were paused
    const tuesday = cst('2026-12-08T10:00:00');
    clock.set(tuesday);
    const resubmitted = await rt.submit(id, data, applicant, 3);
    // three working days after Thursday 3 December: Fri 4, (weekend, holiday) Tue 8, Wed 9
    const moved = cst('2026-12-09T23:59:59.999');
    expect(resubmitted.event).toMatchObject({ type: 'SUBMIT', from: 'supplement', to: 'submitted' });
    expect(resubmitted.event.payload).toMatchObject({ clock: { pausedAt: wednesday, resumedAt: tuesday, pausedWorkingDays: 3, newDueAt: moved } });
    expect(await rt.store.deadline(id)).toEqual({ caseId: id, kind: 'promised', dueAt: moved, metAt: undefined });
    // the time limits still count from the first submission
    expect((await rt.getCase(id)).timeLimit.startedAt).toBe(monday);

    // running again: not overdue on Wednesday, overdue from Thursday 10 December
    clock.set(cst('2026-12-09T18:00:00'));
    expect((await rt.overdue()).map((o) => o.caseId)).not.toContain(id);
    clock.set(cst('2026-12-10T09:00:00'));
    expect(await rt.overdue()).toEqual([{ caseId: id, dueAt: moved }]);
    const trail = (await rt.getCase(id)).audit.map((e) => [e.type, (e.payload as { clock?: unknown } | null)?.clock ?? null]);
    expect(trail).toEqual([
      ['started', null], ['SUBMIT', null], ['REQUEST_SUPPLEMENT', { pausedAt: wednesday }],
      ['SUBMIT', { pausedAt: wednesday, resumedAt: tuesday, pausedWorkingDays: 3, newDueAt: moved }],
    ]);
    expect(await rt.verifyAudit(id)).toEqual({ ok: true, events: 4 });
  });

  it('keeps the deadline when the applicant resubmits the same day', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: applicant.id });
    const data = complete(c.record.data);
    await rt.submit(c.record.id, data, applicant, 1);
    clock.set(cst('2026-12-01T09:00:00'));
    await rt.act(c.record.id, { type: 'REQUEST_SUPPLEMENT' }, clerk, 2);
    clock.set(cst('2026-12-01T17:00:00'));
    const s = await rt.submit(c.record.id, data, applicant, 3);
    expect(s.event.payload).toMatchObject({ clock: { pausedWorkingDays: 0, newDueAt: cst('2026-12-03T23:59:59.999') } });
    expect(s.deadline).toMatchObject({ dueAt: cst('2026-12-03T23:59:59.999') });
  });
});
