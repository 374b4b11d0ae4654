/**
 * Payload limits: every value a caller hands the runtime for a case — drafts, submitted data, events — is measured
 * before any recursive work (an iterative walk): more than 32 levels deep, more than 512 KiB of JSON, or not JSON at
 * all (functions, NaN, cycles, class instances, …) is a PayloadError with the JSON Pointer where the limit was
 * crossed, over the runtime's API and over HTTP alike, and the case does not change.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { PayloadError, RuntimeError, type Runtime } from '../runtime/index.ts';
import { Client, serverSandbox } from './support/server.ts';
import { applicant, clerk, complete, permitCase, runtimeSandbox, snapshotOf } from './support/runtime-sandbox.ts';

const sandbox = runtimeSandbox('payload-limits');
afterAll(() => sandbox.remove());
beforeEach(() => void sandbox.fresh());

/** `levels` objects nested under one another (`{ a: { a: … 'leaf' } }`), built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}
const pointerOf = (levels: number) => '/a'.repeat(levels);

// Calls `attempt` on a draft case; returns the refusal and whether the case row and trail stayed the same.
async function refusalOf(attempt: (this: Runtime, caseId: string, data: any) => Promise<unknown>, until: 'draft' | 'submitted' = 'draft') {
  const rt = await sandbox.open();
  const record = await permitCase(rt, until);
  const db = sandbox.sqlite();
  const before = snapshotOf(db, record.id);
  const error = await attempt.call(rt, record.id, record.data).then(() => undefined, (e: unknown) => e);
  const unchanged = JSON.stringify(snapshotOf(db, record.id)) === JSON.stringify(before);
  db.close();
  return { error: error as PayloadError, unchanged, close: () => rt.store.close() };
}

describe('drafts and submissions: depth', () => {
  it('refuses a draft nested 5,000 levels deep with payload-too-deep at the 33rd level, storing nothing', async () => {
    const { error, unchanged, close } = await refusalOf(function (this: Runtime, id, data) {
      return this.saveDraft(id, { ...data, remarks: nested(5000) }, applicant, 1);
    });
    expect(error).toBeInstanceOf(PayloadError);
    expect(error).toMatchObject({ code: 'payload-too-deep', limit: 32, pointer: `/remarks${pointerOf(31)}` });
    expect(unchanged).toBe(true);
    await close();
  });

  it('takes a draft exactly 32 levels deep', async () => {
    const rt = await sandbox.open();
    const record = await permitCase(rt, 'draft');
    const v = await rt.saveDraft(record.id, { ...(record.data as object), remarks: nested(31) }, applicant, 1);
    expect(v.record.revision).toBe(2);
    await rt.store.close();
  });

  it('refuses deep submitted data before validating it, and deep event notes and materials', async () => {
    let refused = await refusalOf(function (this: Runtime, id, data) {
      return this.submit(id, complete({ ...data, remarks: nested(5000) }), applicant, 1);
    });
    expect(refused.error).toMatchObject({ code: 'payload-too-deep', pointer: `/remarks${pointerOf(31)}` });
    expect(refused.unchanged).toBe(true);
    await refused.close();
    refused = await refusalOf(function (this: Runtime, id) {
      return this.act(id, { type: 'ACCEPT', note: nested(5000) as string }, clerk, 2);
    }, 'submitted');
    expect(refused.error).toMatchObject({ code: 'payload-too-deep', pointer: `/note${pointerOf(31)}` });
    expect(refused.unchanged).toBe(true);
    await refused.close();
    refused = await refusalOf(function (this: Runtime, id) {
      return this.act(id, { type: 'ACCEPT', materials: [nested(5000) as string] }, clerk, 2);
    }, 'submitted');
    expect(refused.error).toMatchObject({ code: 'payload-too-deep', pointer: `/materials/0${pointerOf(30)}` });
    await refused.close();
  });
});

describe('drafts and submissions: size', () => {
  it('refuses more than 512 KiB of JSON with payload-too-large, naming where the limit was crossed', async () => {
    let refused = await refusalOf(function (this: Runtime, id, data) {
      return this.saveDraft(id, { ...data, remarks: 'x'.repeat(600 * 1024) }, applicant, 1);
    });
    expect(refused.error).toBeInstanceOf(PayloadError);
    expect(refused.error).toMatchObject({ code: 'payload-too-large', limit: 512 * 1024, pointer: '/remarks' });
    expect(refused.unchanged).toBe(true);
    await refused.close();
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, '字'.repeat(200)])); // 3 bytes each in UTF-8
    refused = await refusalOf(function (this: Runtime, id, data) {
      return this.saveDraft(id, { ...data, many }, applicant, 1);
    });
    expect(refused.error).toMatchObject({ code: 'payload-too-large' });
    expect(refused.error.pointer).toMatch(/^\/many\/f[0-9]+$/);
    expect(refused.unchanged).toBe(true);
    await refused.close();
  });
});

describe('drafts and submissions: only JSON', () => {
  class Person {
    name = '张伟';
  }
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  const notJson: [string, unknown, string][] = [
    ['a function', { f: () => 1 }, '/remarks/f'],
    ['NaN', { n: Number.NaN }, '/remarks/n'],
    ['Infinity', [1, Number.NEGATIVE_INFINITY], '/remarks/1'],
    ['undefined in an array', [1, undefined], '/remarks/1'],
    ['a hole in an array', [1, , 3], '/remarks/1'], // eslint-disable-line no-sparse-arrays
    ['a cycle', cyclic, '/remarks/self'],
    ['a Date', { at: new Date(0) }, '/remarks/at'],
    ['a Map', { m: new Map([['k', 1]]) }, '/remarks/m'],
    ['a class instance', { p: new Person() }, '/remarks/p'],
    ['a bigint', { b: 10n }, '/remarks/b'],
    ['a symbol', { s: Symbol('s') }, '/remarks/s'],
  ];
  for (const [what, remarks, pointer] of notJson) {
    it(`refuses ${what} with payload-not-json at ${pointer}`, async () => {
      const refused = await refusalOf(function (this: Runtime, id, data) {
        return this.saveDraft(id, { ...data, remarks }, applicant, 1);
      });
      expect(refused.error).toBeInstanceOf(PayloadError);
      expect(refused.error).toMatchObject({ code: 'payload-not-json', pointer });
      expect(refused.unchanged).toBe(true);
      await refused.close();
    });
  }

  it('refuses data that is not JSON at its root, and keeps a shared (not cyclic) object', async () => {
    const refused = await refusalOf(function (this: Runtime, id) {
      return this.saveDraft(id, undefined, applicant, 1);
    });
    expect(refused.error).toMatchObject({ code: 'payload-not-json', pointer: '' });
    await refused.close();
    const rt = await sandbox.open();
    const record = await permitCase(rt, 'draft');
    const shared = { city: '杭州' };
    const v = await rt.saveDraft(record.id, { ...(record.data as object), home: shared, work: shared }, applicant, 1);
    expect(v.record.data).toMatchObject({ home: shared, work: shared });
    await rt.store.close();
  });
});

describe('over HTTP', () => {
  const server = serverSandbox();
  afterAll(() => server.remove());

  it('answers a 120 kB draft nested 20,000 levels with 400 payload-too-deep and the pointer, not 500', async () => {
    const { url } = await server.start();
    const zhang = await Client.signedIn(url, 'zhangWei');
    const started = (await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' })).body;
    const deep = '{"a":'.repeat(20_000) + '"leaf"' + '}'.repeat(20_000);
    const raw = `{"revision":${started.revision},"data":${JSON.stringify(started.data).slice(0, -1)},"remarks":${deep}}}`;
    expect(raw.length).toBeGreaterThan(120_000);
    const reply = await zhang.put(`/api/cases/${started.id}/draft`, undefined, { raw });
    expect(reply.status, reply.text.slice(0, 300)).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'payload-too-deep', pointer: `/remarks${pointerOf(31)}`, limit: 32 });

    const large = await zhang.put(`/api/cases/${started.id}/draft`, { revision: started.revision, data: { ...started.data, remarks: 'x'.repeat(600 * 1024) } });
    expect(large.status).toBe(413);
    expect(large.body.error).toMatchObject({ code: 'payload-too-large', pointer: '/remarks', limit: 512 * 1024 });

    const after = (await zhang.get(`/api/cases/${started.id}`)).body;
    expect(after.revision).toBe(started.revision);
    expect(after.data).toEqual(started.data);
    expect(after.audit).toHaveLength(1);
  }, 30_000);
});

describe('every refusal is typed', () => {
  it('is a RuntimeError', () => {
    expect(new PayloadError('payload-too-deep', '/a', 32)).toBeInstanceOf(RuntimeError);
  });
});
