/**
 * Situations in the runtime, on a real SQLite file: the materials a case must supply, the fees it owes and its
 * deadlines follow the applicant's answers and the matter's time-limit unit. The fixture (test/fixtures/situations)
 * asks for a different proof per reason for withdrawal, either of two proofs for emigration, and a fee for
 * emigration that recipients of the minimum living allowance do not pay; it counts calendar days.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { validateSources } from '../engine/index.ts';
import { InvalidEventError } from '../runtime/cases/errors.ts';
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { caseSituation } from '../runtime/cases/situation.ts';
import { addCalendarDays } from '../runtime/effects/calendar-days.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';

const fixture = fileURLToPath(new URL('./fixtures/situations/', import.meta.url));
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const sources = walk(fixture).map((f) => ({ file: relative(fixture, f), text: readFileSync(f, 'utf8') }));
const withdrawal = JSON.parse(sources.find((s) => s.file.endsWith('withdrawal.json'))!.text);
// the same matter counting working days: the unit left out
const { unit: _unit, ...workingDayLimit } = withdrawal.timeLimit;
const workingDays = { ...withdrawal, id: '330000-TEST-0302', timeLimit: workingDayLimit };
// and with no statutory limit at all (only the promise): 法定办结时限 absent, nothing to extend
const { statutoryDays: _s, extendableTo: _e, ...promiseOnly } = withdrawal.timeLimit;
const noStatutoryLimit = { ...withdrawal, id: '330000-TEST-0303', timeLimit: promiseOnly };
const loaded = validateSources([
  ...sources,
  { file: 'matters/working-days.json', text: JSON.stringify(workingDays) },
  { file: 'matters/no-statutory-limit.json', text: JSON.stringify(noStatutoryLimit) },
]);

const matter = { matterId: '330000-TEST-0301', region: '330000' };
const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
const clerk = { id: 'clerk-1', role: 'clerk' };
const friday = Date.parse('2026-12-04T02:00:00Z'); // 10:00 CST
const clock = manualClock(friday);
const dir = mkdtempSync(join(tmpdir(), 'onematter-situations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let file: string;
let n = 0;

beforeEach(() => {
  file = join(dir, `cases-${++n}.sqlite`);
  clock.set(friday);
});

const open = (): Promise<Runtime> => createRuntime({ store: openSqliteStore({ path: file }), catalogue: loaded.catalogue, clock, holidays: ['2026-12-08'] });
const answering = (data: any, reason: string, minimumLiving?: boolean) => ({
  ...data, applicant: { ...data.applicant, ...(minimumLiving === undefined ? {} : { minimumLiving }) }, withdrawal: { reason },
});
const missing = (s: { materials: readonly { id: string; missing: boolean }[] }) => s.materials.filter((m) => m.missing).map((m) => m.id);

describe('the fixture', () => {
  it('is a valid catalogue', () => {
    expect(loaded.problems).toEqual([]);
  });
});

describe('runtime: materials follow the answers', () => {
  it('asks for the proof of the reason chosen, and submit is blocked until that proof is supplied', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...matter, applicant: demoCitizens.zhangWei });
    expect(c.situation.materials.map((m) => m.id)).toEqual(['identityCard', 'bankCard']);
    expect(c.situation.materials[0]).toMatchObject({ waived: true, missing: false });

    // given the applicant answers "retirement", the retirement certificate is asked for
    const retired = answering(c.record.data, '离休退休');
    const draft = await rt.saveDraft(c.record.id, retired, applicant, 1);
    expect(missing(draft.situation)).toEqual(['retirementCertificate']);
    expect(draft.situation.complete).toBe(false);
    const blocked = await rt.submit(c.record.id, retired, applicant, 2).catch((e) => e);
    expect(blocked).toBeInstanceOf(InvalidEventError);

    // when the answer changes to "renting", the rental contract is asked for instead
    const renting = answering(c.record.data, '租赁自住住房');
    expect(await rt.submit(c.record.id, renting, applicant, 2, ['retirementCertificate']).catch((e) => e)).toBeInstanceOf(InvalidEventError);
    const submitted = await rt.submit(c.record.id, renting, applicant, 2, ['rentalContract']);
    expect(submitted.record.state).toBe('submitted');
    expect(submitted.situation.materials.find((m) => m.id === 'rentalContract')).toMatchObject({ conditional: true, supplied: true, missing: false });
    expect(submitted.situation.materials.some((m) => m.id === 'retirementCertificate')).toBe(false);
    await rt.store.close();

    // read back after a restart, from the database
    const again = await open();
    const read = await again.getCase(c.record.id);
    expect(read.situation).toEqual(submitted.situation);
    await again.store.close();
  });

  it('takes any one member of a one-of group', async () => {
    const rt = await open();
    for (const proof of ['householdCancellation', 'settlementProof']) {
      const c = await rt.startCase({ ...matter, applicant: demoCitizens.zhangWei });
      const emigrating = answering(c.record.data, '出境定居');
      expect(await rt.submit(c.record.id, emigrating, applicant, 1).catch((e) => e)).toBeInstanceOf(InvalidEventError);
      const v = await rt.submit(c.record.id, emigrating, applicant, 1, [proof]);
      expect(v.record.state).toBe('submitted');
      expect(v.situation.groups).toEqual([{ id: 'emigrationProof', members: ['householdCancellation', 'settlementProof'], required: true, satisfied: true }]);
      expect(v.situation.materials.filter((m) => m.group === 'emigrationProof').map((m) => m.missing)).toEqual([false, false]);
    }
    await rt.store.close();
  });
});

describe('runtime: fees follow the answers', () => {
  it('charges the emigration fee, and the payment step waits until it is paid', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...matter, applicant: demoCitizens.zhangWei });
    let v = await rt.submit(c.record.id, answering(c.record.data, '出境定居', false), applicant, 1, ['settlementProof']);
    expect(v.situation.fees).toEqual([{ id: 'remittance', name: withdrawal.fees[0].name, amount: 10, waived: false, waiverReason: null }]);
    expect(v.situation.amountDue).toBe(10);
    v = await rt.act(c.record.id, { type: 'ACCEPT' }, clerk, v.record.revision);
    expect(v.record.state).toBe('payment');
    expect(await rt.act(c.record.id, { type: 'PAY', paid: 5 }, applicant, v.record.revision).catch((e) => e)).toBeInstanceOf(InvalidEventError);
    v = await rt.act(c.record.id, { type: 'PAY', paid: 10 }, applicant, v.record.revision);
    expect(v.record.state).toBe('review');
    expect(v.situation.paid).toBe(10);
    await rt.store.close();
  });

  it('waives the fee for a recipient of the minimum living allowance, and a case with nothing due skips payment', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...matter, applicant: demoCitizens.zhangWei });
    let v = await rt.submit(c.record.id, answering(c.record.data, '出境定居', true), applicant, 1, ['householdCancellation']);
    expect(v.situation.fees).toEqual([{ id: 'remittance', name: withdrawal.fees[0].name, amount: 10, waived: true, waiverReason: withdrawal.fees[0].waiverReason }]);
    expect(v.situation.amountDue).toBe(0);
    v = await rt.act(c.record.id, { type: 'ACCEPT' }, clerk, v.record.revision);
    expect(v.record.state).toBe('review');

    const retired = await rt.startCase({ ...matter, applicant: demoCitizens.zhangWei });
    const r = await rt.submit(retired.record.id, answering(retired.record.data, '离休退休'), applicant, 1, ['retirementCertificate']);
    expect(r.situation.fees).toEqual([]);
    expect((await rt.act(retired.record.id, { type: 'ACCEPT' }, clerk, r.record.revision)).record.state).toBe('review');
    await rt.store.close();
  });
});

describe('runtime: deadlines follow the unit', () => {
  it('counts calendar days (日) for this matter and working days when the unit is left out', async () => {
    const rt = await open();
    const days = await rt.startCase({ ...matter, applicant: demoCitizens.zhangWei });
    expect(days.timeLimit).toMatchObject({ unit: 'days', statutoryDays: 3, extendableTo: 6, startedAt: null, statutoryDueAt: null });
    const d = await rt.submit(days.record.id, answering(days.record.data, '离休退休'), applicant, 1, ['retirementCertificate']);
    // submitted on Friday: three calendar days end on Monday; the extension to six ends on Thursday
    expect(new Date(d.deadline!.dueAt).toISOString()).toBe('2026-12-07T15:59:59.999Z');
    expect(d.timeLimit).toMatchObject({ unit: 'days', startedAt: friday });
    expect(new Date(d.timeLimit.statutoryDueAt!).toISOString()).toBe('2026-12-07T15:59:59.999Z');
    expect(new Date(d.timeLimit.extendedDueAt!).toISOString()).toBe('2026-12-10T15:59:59.999Z');

    const work = await rt.startCase({ matterId: '330000-TEST-0302', region: '330000', applicant: demoCitizens.zhangWei });
    const w = await rt.submit(work.record.id, answering(work.record.data, '离休退休'), applicant, 1, ['retirementCertificate']);
    // three working days from Friday: Monday, (Tuesday is a holiday), Wednesday, Thursday
    expect(new Date(w.deadline!.dueAt).toISOString()).toBe('2026-12-10T15:59:59.999Z');
    expect(w.timeLimit.unit).toBe('working-days');
    expect((await rt.getCase(work.record.id)).timeLimit).toEqual(w.timeLimit);
    await rt.store.close();
  });

  it('keeps the promised deadline when the law sets no limit, with no statutory end and no extension', async () => {
    const rt = await open();
    const c = await rt.startCase({ matterId: '330000-TEST-0303', region: '330000', applicant: demoCitizens.zhangWei });
    const v = await rt.submit(c.record.id, answering(c.record.data, '离休退休'), applicant, 1, ['retirementCertificate']);
    expect(v.timeLimit).toEqual({ unit: 'days', promisedDays: 3, statutoryDays: null, extendableTo: null, startedAt: friday, statutoryDueAt: null, extendedDueAt: null });
    expect(new Date(v.deadline!.dueAt).toISOString()).toBe('2026-12-07T15:59:59.999Z'); // 3 calendar days from Friday: Monday
    await rt.store.close();
  });
});

describe('addCalendarDays()', () => {
  it('counts every day after the start day, ending at midnight China Standard Time', () => {
    const monday = Date.parse('2026-11-30T02:00:00Z');
    expect(new Date(addCalendarDays(monday, 3)).toISOString()).toBe('2026-12-03T15:59:59.999Z');
    expect(new Date(addCalendarDays(monday, 0)).toISOString()).toBe('2026-11-30T15:59:59.999Z');
  });

  it('moves a last day that falls on a weekend or a holiday to the next working day', () => {
    const wednesday = Date.parse('2026-12-02T02:00:00Z');
    expect(new Date(addCalendarDays(wednesday, 3)).toISOString()).toBe('2026-12-07T15:59:59.999Z'); // Saturday → Monday
    expect(new Date(addCalendarDays(wednesday, 3, new Set(['2026-12-07']))).toISOString()).toBe('2026-12-08T15:59:59.999Z');
  });
});

describe('hostile answers', () => {
  it('evaluates conditions on huge and deeply nested data without failing', () => {
    let deep: any = { leaf: true };
    for (let i = 0; i < 100_000; i++) deep = { withdrawal: deep };
    const huge = { withdrawal: { reason: 'x'.repeat(5_000_000), extra: Array.from({ length: 100_000 }, (_, i) => i) } };
    const def = loaded.catalogue.definitions.find((d) => d.value.id === matter.matterId)!.value;
    for (const data of [deep, huge, null, { withdrawal: { reason: { nested: 1 } } }]) {
      const s = caseSituation(def, data, { waived: ['identityCard'] });
      expect(s.materials.map((m) => m.id)).toEqual(['identityCard', 'bankCard']);
      expect(s.amountDue).toBe(0);
    }
    // not an object where one is expected: `properties` and `required` say nothing about it, so the conditions hold
    // (asking for more, never less; the form's own validator refuses such data at submission)
    for (const data of [42, 'text', [1, 2], { withdrawal: null }]) expect(caseSituation(def, data, {}).materials).toHaveLength(withdrawal.materials.length);
  });
});
