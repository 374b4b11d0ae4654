/**
 * Events as data: every event `act` takes (and the materials `submit` takes) is checked against one JSON Schema
 * before anything runs — a malformed event is an InvalidEventPayloadError with JSON Pointers into the event, and the
 * case, its revision and its audit trail stay exactly as they were.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidEventPayloadError, PayloadError } from '../runtime/index.ts';
import { applicant, clerk, complete, permitCase, runtimeSandbox, snapshotOf } from './support/runtime-sandbox.ts';

const sandbox = runtimeSandbox('event-shape');
afterAll(() => sandbox.remove());
beforeEach(() => void sandbox.fresh());

// Acts with `event` on a case at the clerk's step; returns the refusal and whether the case stayed the same.
async function refusalOf(event: unknown) {
  const rt = await sandbox.open();
  const record = await permitCase(rt, 'submitted');
  const db = sandbox.sqlite();
  const before = snapshotOf(db, record.id);
  const error = await rt.act(record.id, event as never, clerk, record.revision).catch((e: unknown) => e);
  const unchanged = JSON.stringify(snapshotOf(db, record.id)) === JSON.stringify(before);
  db.close();
  await rt.store.close();
  return { error: error as InvalidEventPayloadError, unchanged };
}

describe('act() checks the event against its schema', () => {
  it('refuses materials that are not an array, naming /materials, and stores nothing', async () => {
    for (const materials of [{ length: 1 }, 'abc', 7, null]) {
      const { error, unchanged } = await refusalOf({ type: 'ACCEPT', materials });
      expect(error, JSON.stringify(materials)).toBeInstanceOf(InvalidEventPayloadError);
      expect(error.code).toBe('invalid-event-payload');
      expect(error.errors).toContainEqual(expect.objectContaining({ pointer: '/materials', keyword: 'type' }));
      expect(unchanged).toBe(true);
    }
  });

  it('refuses materials that are not unique ids the definition declares, pointing at the element', async () => {
    let refused = await refusalOf({ type: 'ACCEPT', materials: ['housingProof', 'forgedDiploma'] });
    expect(refused.error).toBeInstanceOf(InvalidEventPayloadError);
    expect(refused.error.errors).toEqual([expect.objectContaining({ pointer: '/materials/1', keyword: 'declared' })]);
    expect(refused.error.message).toContain('forgedDiploma');
    expect(refused.unchanged).toBe(true);
    refused = await refusalOf({ type: 'ACCEPT', materials: ['housingProof', 'housingProof'] });
    expect(refused.error.errors).toContainEqual(expect.objectContaining({ keyword: 'uniqueItems' }));
    refused = await refusalOf({ type: 'ACCEPT', materials: [1] });
    expect(refused.error.errors).toContainEqual(expect.objectContaining({ pointer: '/materials/0', keyword: 'type' }));
    refused = await refusalOf({ type: 'ACCEPT', materials: Array.from({ length: 201 }, (_, i) => `m${i}`) });
    expect(refused.error.errors).toContainEqual(expect.objectContaining({ pointer: '/materials', keyword: 'maxItems' }));
    expect(refused.unchanged).toBe(true);
  });

  it('refuses a type that is not an UPPER_SNAKE string, a long note, a bad payment or onsite flag, and unknown fields', async () => {
    const cases: [unknown, string, string][] = [
      [{}, '/type', 'required'],
      [{ type: 'accept' }, '/type', 'pattern'],
      [{ type: 42 }, '/type', 'type'],
      [{ type: 'ACCEPT', note: 'n'.repeat(2001) }, '/note', 'maxLength'],
      [{ type: 'ACCEPT', note: { text: 'hi' } }, '/note', 'type'],
      [{ type: 'ACCEPT', paid: -1 }, '/paid', 'minimum'],
      [{ type: 'ACCEPT', paid: '5' }, '/paid', 'type'],
      [{ type: 'ACCEPT', onsiteCheck: 'yes' }, '/onsiteCheck', 'type'],
      [{ type: 'ACCEPT', by: 'the mayor' }, '/by', 'additionalProperties'],
      [['ACCEPT'], '', 'type'],
      ['ACCEPT', '', 'type'],
    ];
    for (const [event, pointer, keyword] of cases) {
      const { error, unchanged } = await refusalOf(event);
      expect(error, JSON.stringify(event)).toBeInstanceOf(InvalidEventPayloadError);
      expect(error.errors, JSON.stringify(event)).toContainEqual(expect.objectContaining({ pointer, keyword }));
      expect(unchanged).toBe(true);
    }
  });

  it('refuses payments that are not finite numbers (not JSON at all), pointing at /paid', async () => {
    for (const paid of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const { error, unchanged } = await refusalOf({ type: 'ACCEPT', paid });
      expect(error).toBeInstanceOf(PayloadError);
      expect(error).toMatchObject({ code: 'payload-not-json', pointer: '/paid' });
      expect(unchanged).toBe(true);
    }
  });

  it('takes a well-formed event with declared materials and records them', async () => {
    const rt = await sandbox.open();
    const record = await permitCase(rt, 'submitted');
    const v = await rt.act(record.id, { type: 'ACCEPT', note: '材料齐全', materials: ['housingProof'], onsiteCheck: false, paid: 0 }, clerk, record.revision);
    expect(v.record.state).toBe('review');
    expect(v.record.context.supplied).toEqual(['housingProof']);
    await rt.store.close();
  });
});

describe("submit() checks its materials the same way", () => {
  it('refuses a string for materials (once stored as its letters) and undeclared ids, storing nothing', async () => {
    const rt = await sandbox.open();
    const started = await permitCase(rt, 'draft');
    const db = sandbox.sqlite();
    const before = snapshotOf(db, started.id);
    for (const materials of ['abc', ['studyProof', 'lotteryTicket']]) {
      const error = await rt.submit(started.id, complete(started.data), applicant, 1, materials as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(materials)).toBeInstanceOf(InvalidEventPayloadError);
      expect((error as InvalidEventPayloadError).errors[0]!.pointer).toMatch(/^\/materials/);
    }
    expect(snapshotOf(db, started.id)).toEqual(before);
    const v = await rt.submit(started.id, complete(started.data), applicant, 1, ['studyProof']);
    expect(v.record.context.supplied).toEqual(['studyProof']);
    db.close();
    await rt.store.close();
  });
});

describe('event names', () => {
  it('take the longest name the meta-schema allows (64 characters) to the state machine, and refuse a longer one', async () => {
    const longest = `A${'B'.repeat(63)}`;
    const accepted = await refusalOf({ type: longest });
    expect(accepted.error.code).toBe('invalid-event'); // well formed: the step simply does not accept it
    const tooLong = await refusalOf({ type: `${longest}C` });
    expect(tooLong.error).toBeInstanceOf(InvalidEventPayloadError);
    expect(tooLong.error.errors).toContainEqual(expect.objectContaining({ pointer: '/type', keyword: 'pattern' }));
    // addressed to a bundle's member: 64 + '.' + 64 at most
    expect((await refusalOf({ type: `${longest}.${'m'.repeat(64)}` })).error.code).toBe('invalid-event');
    expect((await refusalOf({ type: `${longest}.${'m'.repeat(65)}` })).error).toBeInstanceOf(InvalidEventPayloadError);
  });
});
