/**
 * Hostile automatic decisions: `always` lists, parameterised guards (dataMatches, olderThan) and `process.on`, of
 * every wrong shape, fed to the validator, the diff and its metrics, the Stately import and the runtime. Contracts:
 * the validator never throws and points at each problem; diff, score, scoreChanges and burdenMetrics never throw on
 * any definition; fromStately never throws on any object; the runtime refuses what it cannot run with its typed
 * DefinitionError (changing nothing), never an untyped or internal error, and never loops without end. Seeded, so
 * each run draws the same definitions.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { burdenMetrics, diff, fromStately, score, scoreChanges, toStately, validateSources, type Catalogue, type MatterDefinition } from '../engine/index.ts';
import { parsePointer, resolvePointer } from '../engine/json/pointer.ts';
import { isAutomatic, olderThan } from '../engine/process/automatic.ts';
import { DefinitionError, InternalRuntimeError, RuntimeError } from '../runtime/cases/errors.ts';
import { createRuntime, definitionHash, type Runtime } from '../runtime/cases/runtime.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { problemsInCatalogue, realCatalogue, sharedSchemas } from './support/catalogue.ts';
import { codesAt, miniDoc, miniSources } from './support/fixtures.ts';

const file = 'matters/baseline.json';
const mini = miniDoc(file);
const ctx = { sharedSchemas };

let seed = 20261201;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const deepCondition = (n: number): any => {
  let c: any = { const: 'x' };
  for (let i = 0; i < n; i++) c = { properties: { address: c } };
  return c;
};
// Guards of every shape a hostile definition may hold: well-formed ones, wrong shapes, bad durations and pointers.
const guards: readonly unknown[] = [
  'feesPaid', 'bogus', '', 5, null, [], ['feesPaid'], {}, { type: 'feesPaid', params: {} }, { type: 'noFees' }, { type: '__proto__' }, { type: 'constructor', params: null },
  { type: 'dataMatches' }, { type: 'dataMatches', params: null }, { type: 'dataMatches', params: 'x' }, { type: 'dataMatches', params: { when: 'x' } },
  { type: 'dataMatches', params: { when: [] } }, { type: 'dataMatches', params: { when: true } }, { type: 'dataMatches', params: { when: { $ref: '#/nowhere' } } },
  { type: 'dataMatches', params: { when: { $ref: 'https://x.example/a.json' } } }, { type: 'dataMatches', params: { when: { minimum: 'ten' } } },
  { type: 'dataMatches', params: { when: deepCondition(80) } }, { type: 'dataMatches', params: { when: {} } },
  { type: 'dataMatches', params: { when: { anyOf: Array.from({ length: 2000 }, (_, i) => ({ properties: { address: { const: `a${i}` } } })) } } },
  { type: 'dataMatches', params: { when: { required: ['address'] } } }, { type: 'dataMatches', params: { when: { properties: { nickname: { const: 1 } } } } },
  ...['P', 'P0M', 'P99999Y', 'PT1H', 'P6M', 'P1D', 'p6m', ' P6M', 6].map((duration) => ({ type: 'olderThan', params: { field: '/address', duration } })),
  ...['address', '', '/', '//', '/a~2b', '/applicant', '/applicant/birthYear', '/address/0', 5, {}].map((field) => ({ type: 'olderThan', params: { field, duration: 'P6M' } })),
  { type: 'olderThan', params: { field: '/address', duration: 'P6M', verified: 'yes' } }, { type: 'olderThan' }, { type: 'olderThan', params: { duration: 'P6M' } },
];
const targets = ['draft', 'submitted', 'review', 'approved', 'rejected', 'withdrawn', 'auto', 'auto2', 'nowhere', 'constructor', 'toString', '__proto__', '.review', '#test.review'];
const transition = (): unknown => pick<() => unknown>([
  () => pick(targets), () => ({ target: pick(targets) }), () => ({ target: pick(targets), guard: pick(guards) }),
  () => ({ target: pick(targets), guard: pick(guards), actions: pick([['recordDecision'], ['bogus'], [], 'x']) }), () => null, () => 5, () => [], () => ({ guard: pick(guards) }),
])();
const spec = (): unknown => {
  const r = random();
  if (r < 0.3) return transition();
  if (r < 0.05) return Array.from({ length: 1000 }, transition);
  return Array.from({ length: 1 + Math.floor(random() * 4) }, transition);
};

// A random hostile process on the mini baseline: `always` lists on new and existing states (final and initial ones
// included), guards in `on`, and a root `on` (WITHDRAW also in a state's own `on`, arrays, odd values).
function hostile(): any {
  const d = structuredClone(mini);
  const states = d.process.states;
  if (random() < 0.7) {
    states.submitted.on.ACCEPT = { target: 'auto', guard: pick(guards) };
    states.auto = { always: spec() };
    if (random() < 0.5) states.auto2 = { always: spec(), ...(random() < 0.5 ? { meta: { role: 'approver' } } : {}) };
  }
  for (const name of ['draft', 'review', 'approved']) if (random() < 0.2) states[name].always = spec();
  if (random() < 0.3) states.review.on.APPROVE = random() < 0.1 ? Array.from({ length: 1000 }, transition) : spec();
  if (random() < 0.5) d.process.on = pick<() => unknown>([() => ({ WITHDRAW: spec() }), () => ({ WITHDRAW: 'withdrawn', CANCEL: spec() }), () => [], () => null, () => 'withdrawn', () => ({ withdraw: 'withdrawn' })])();
  if (random() < 0.1) states.auto = JSON.parse('{"always": "review", "__proto__": {"always": "approved"}}');
  return d;
}

function validate(doc: any) {
  const sources = miniSources().filter((s) => s.file !== file);
  sources.push({ file, text: JSON.stringify(doc, null, 2) });
  return validateSources(sources).problems.filter((p) => p.file === file);
}

describe('automatic decisions, hostile: validator, diff and metrics', () => {
  it('the validator never throws and points each problem at a place in the document (or its missing member)', () => {
    for (let i = 0; i < 120; i++) {
      const d = hostile();
      const problems = validate(d);
      for (const p of problems) {
        const tokens = parsePointer(p.pointer);
        expect(tokens, `${p.code} ${p.pointer}`).toBeDefined();
        // the pointer's parent exists: a problem points at a value, or at a member that is missing from it
        const parent = p.pointer === '' ? '' : p.pointer.slice(0, p.pointer.lastIndexOf('/'));
        expect(resolvePointer(d, parent), `${p.code} ${p.pointer}`).toBeDefined();
      }
      // a state whose unguarded `always` leads back to itself is always called a loop
      for (const [name, state] of Object.entries<any>(d.process.states)) {
        if (state?.always === name && name !== d.process.initial) expect(codesAt(problems)).toContainEqual({ code: 'process.always-loop', pointer: `/process/states/${name}/always` });
      }
    }
  });

  it('diff, score, scoreChanges and burdenMetrics never throw on a hostile definition, on either side', () => {
    for (let i = 0; i < 120; i++) {
      const d = hostile();
      for (const [a, b] of [[d, mini], [mini, d], [d, d]]) {
        const changes = diff(a, b, ctx);
        expect(Array.isArray(changes)).toBe(true);
        expect(Number.isFinite(scoreChanges(changes))).toBe(true);
        expect(score(a, b, ctx)).toBeDefined();
      }
      expect(burdenMetrics(d).humanSteps).toBeGreaterThanOrEqual(0);
    }
    expect(({} as any).polluted).toBeUndefined();
  });

  it('regression: an olderThan guard on a field that cannot hold a date (an object, a number) never holds, and says so', () => {
    for (const field of ['/applicant', '/applicant/birthYear']) {
      const d = structuredClone(mini);
      d.process.states.review.on.APPROVE[0].guard = { type: 'olderThan', params: { field, duration: 'P6M' } };
      const problems = validate(d);
      expect(codesAt(problems)).toEqual([{ code: 'condition.value-never', pointer: '/process/states/review/on/APPROVE/0/guard/params/field' }]);
      expect(problems[0]!.params).toMatchObject({ field, value: 'YYYY-MM-DD' });
    }
    // a date field, a plain string field: nothing to say
    const d = structuredClone(mini);
    d.form.schema.properties.applicant.properties.registeredOn = { type: 'string', format: 'date' };
    d.process.states.review.on.APPROVE[0].guard = { type: 'olderThan', params: { field: '/applicant/registeredOn', duration: 'P6M' } };
    d.process.states.review.on.REJECT = { target: 'rejected', guard: { type: 'olderThan', params: { field: '/address', duration: 'P1Y' } } };
    expect(validate(d)).toEqual([]);
  });

  it('regression: a loop of `always` transitions is reported once, however many times the list names its target', () => {
    const d = structuredClone(mini);
    d.process.states.submitted.on.ACCEPT.target = 'a';
    d.process.states.a = { always: [...Array.from({ length: 999 }, () => ({ target: 'b', guard: { type: 'dataMatches', params: { when: {} } } })), 'review'] };
    d.process.states.b = { always: [...Array.from({ length: 999 }, () => ({ target: 'a', guard: { type: 'dataMatches', params: { when: {} } } })), 'review'] };
    expect(codesAt(validate(d))).toEqual([{ code: 'process.always-loop', pointer: '/process/states/a/always' }]);
  });

  it('regression: isAutomatic is total on drafts (an always list holding null or a number decides nothing)', () => {
    for (const always of [[null], null, [5], [[]], ['review', null]]) expect(isAutomatic({ always } as any)).toBe(false);
    expect(isAutomatic({ always: [{ target: 'a', guard: 'feesPaid' }, 'b'] } as any)).toBe(true);
  });

  it('regression: olderThan counts the years 0–99 as themselves, not as 1900–1999', () => {
    const year60 = new Date(0).setUTCFullYear(60, 0, 1);
    expect(olderThan('0050-01-01', 'P1Y', year60)).toBe(true);
    expect(olderThan('0059-06-01', 'P1Y', year60)).toBe(false);
    expect(olderThan('2026-02-30', 'P1D', Date.UTC(2030, 0, 1))).toBe(false);
  });
});

describe('automatic decisions, hostile: Stately import', () => {
  it('never throws on an object built in code, and imports nothing it cannot copy as JSON, naming where', () => {
    const cyclic: any = { id: 'm', initial: 'a', states: { a: { on: {} } } };
    cyclic.states.a.on.GO = cyclic;
    let deep: any = {};
    const root = { id: 'm', initial: 'a', states: { a: deep } };
    for (let i = 0; i < 20_000; i++) deep = deep.states = { a: {} };
    const cases: [unknown, string][] = [
      [{ id: 'm', initial: 'a', states: { a: { always: { target: 'b', guard: () => true } }, b: {} } }, '/states/a/always/guard'],
      [cyclic, '/states/a/on/GO'],
      [{ id: 'm', big: 1n }, '/big'],
      [{ id: 'm', states: { a: { always: [{ target: 'b', guard: { type: 'olderThan', params: { field: '/x', duration: Number.NaN } } }] } } }, '/states/a/always/0/guard/params/duration'],
      [Object.defineProperty({ id: 'm' }, 'initial', { enumerable: true, get: () => { throw new Error('boom'); } }), '/initial'],
      [new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }), ''],
    ];
    for (const [machine, pointer] of cases) {
      const imported = fromStately(machine);
      expect(imported.process).toEqual({});
      expect(imported.changes.map((c) => c.pointer)).toEqual([pointer]);
    }
    expect(fromStately(root).process).toEqual({});
  });

  it('keeps __proto__ and constructor keys as plain members for the validator to refuse, and pollutes nothing', () => {
    const machine = JSON.parse('{"id":"m","initial":"a","on":{"__proto__":{"target":".a"}},"states":{"__proto__":{"on":{"GO":"#m.a"}},"constructor":{"always":{"target":"a","guard":{"type":"constructor"}}},"a":{"always":[{"target":"#m.b","guard":{"type":"__proto__"}},{"target":"b"}]},"b":{"type":"final"}}}');
    const { process } = fromStately(machine) as { process: any };
    expect(Object.keys(process.states)).toEqual(['__proto__', 'constructor', 'a', 'b']);
    expect(Object.getOwnPropertyDescriptor(process.states, '__proto__')!.value).toEqual({ on: { GO: 'a' } });
    expect(Object.getPrototypeOf(process.states)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(process.on, '__proto__')!.value).toEqual({ target: 'a' });
    expect(process.states.a.always).toEqual([{ target: 'b', guard: '__proto__' }, { target: 'b' }]);
    expect(fromStately(toStately(process)).process).toEqual(process);
    expect(({} as any).on).toBeUndefined();
    // the designer's text of it is refused by the JSON scanner
    const d = structuredClone(mini);
    d.process = process;
    expect(codesAt(validate(d)).map((p) => p.code)).toContain('json.forbidden-key');
  });

  it('normalizes 1000 always transitions of any shape without throwing', () => {
    for (let i = 0; i < 20; i++) {
      const machine = { id: 'm', initial: 'a', on: { WITHDRAW: spec() }, states: { a: { always: Array.from({ length: 1000 }, () => { const t = transition(); return t && typeof t === 'object' && !Array.isArray(t) && typeof (t as any).guard === 'string' ? { ...t, guard: { type: (t as any).guard } } : t; }) }, b: { always: spec() } } };
      const { process, changes } = fromStately(machine) as { process: any; changes: readonly { pointer: string; message: { en: string } }[] };
      // all of it, or nothing when a guard's condition nests deeper than a document may (one of the guards does)
      if (process.states) expect(process.states.a.always).toHaveLength(1000);
      else expect(changes.map((c) => c.message.en)).toEqual([expect.stringContaining('nested too deep')]);
    }
  });
});

const dir = mkdtempSync(join(tmpdir(), 'onematter-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const baselineFile = 'definitions/matters/residence-permit/baseline.json';
const baseline = realCatalogue.catalogue.definitions.find((d) => d.file === baselineFile)!.value;
const z = demoCitizens.zhangWei;
const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });
const dm = (when: unknown) => ({ type: 'dataMatches', params: { when } });
let n = 0;

// A runtime serving the residence permit's baseline changed by `change` (each a version of its own).
async function runtimeWith(change: (d: any) => void): Promise<{ rt: Runtime; definition: MatterDefinition }> {
  const d: any = structuredClone(baseline);
  d.version = `9.0.${++n}`;
  change(d);
  const catalogue: Catalogue = { ...realCatalogue.catalogue, definitions: realCatalogue.catalogue.definitions.map((x) => (x.file === baselineFile ? { ...x, value: d } : x)) };
  return { rt: await createRuntime({ store: openSqliteStore({ path: join(dir, `${n}.sqlite`) }), catalogue }), definition: d };
}

// Starts, submits and accepts a case; returns how far it got, or the error that stopped it (refused steps must change nothing).
async function drive(rt: Runtime): Promise<{ state?: string; error?: unknown }> {
  let id: string | undefined;
  try {
    const c = await rt.startCase({ matterId: '330000-GA-0101', region: '330000', applicant: z });
    id = c.record.id;
    const s = await rt.submit(id, complete(c.record.data), { id: z, role: 'applicant' }, 1);
    const before = (await rt.getCase(id)).record;
    try {
      const v = await rt.act(id, { type: 'ACCEPT' }, { id: 'clerk-1', role: 'clerk' }, s.record.revision);
      return { state: v.record.state };
    } catch (error) {
      expect((await rt.getCase(id)).record).toEqual(before);
      return { error };
    }
  } catch (error) {
    return { error };
  } finally {
    if (id) expect(await rt.verifyAudit(id)).toMatchObject({ ok: true });
    await rt.store.close();
  }
}

const auto = (always: unknown) => (d: any) => {
  d.process.states.submitted.on.ACCEPT.target = 'auto';
  d.process.states.auto = { always };
};

describe('automatic decisions, hostile: the runtime', () => {
  it('regression: a dataMatches condition that does not compile is refused, never counted as holding (which approved)', async () => {
    for (const when of [{ $ref: '#/nowhere' }, 'x', null, { minimum: 'ten' }]) {
      const { rt } = await runtimeWith(auto([{ target: 'approved', guard: dm(when), actions: ['recordDecision', 'issueCertificate'] }, 'review']));
      const { state, error } = await drive(rt);
      expect(state).toBeUndefined();
      expect(error).toBeInstanceOf(DefinitionError);
      expect((error as DefinitionError).code).toBe('definition-process-invalid');
      expect((error as Error).message).toContain('/process/states/auto/always/0/guard');
    }
  });

  it('regression: guards and targets XState cannot run are a DefinitionError naming the place, not an internal error', async () => {
    const refused: [(d: any) => void, string][] = [
      [auto([{ target: 'approved', guard: 'bogus' }, 'review']), '/process/states/auto/always/0/guard'],
      [auto([{ target: 'approved', guard: { type: 'dataMatches' } }, 'review']), '/process/states/auto/always/0/guard'],
      [auto([{ target: 'approved', guard: { type: 'olderThan', params: { field: 5, duration: 'P6M' } } }, 'review']), '/process/states/auto/always/0/guard'],
      [auto([{ target: 'approved', guard: { type: 'olderThan', params: { field: '/residence/registrationDate', duration: 'P0M' } } }, 'review']), '/process/states/auto/always/0/guard'],
      [auto('nowhere'), '/process/states/auto/always'],
      [auto([null]), '/process/states/auto/always/0'],
      [(d) => { d.process.on = { WITHDRAW: 'nowhere' }; }, '/process/on/WITHDRAW'],
      [(d) => { d.process.on = { WITHDRAW: '#another-machine.withdrawn' }; }, '/process/on/WITHDRAW'],
      [(d) => { d.process.on = ['withdrawn']; }, '/process/on'],
    ];
    for (const [change, at] of refused) {
      const { rt } = await runtimeWith(change);
      const { error } = await drive(rt);
      expect(error, at).toBeInstanceOf(DefinitionError);
      expect((error as Error).message).toContain(at);
    }
  });

  it('regression: a loop of automatic decisions whose guards all hold is refused after 20, and the step changes nothing', async () => {
    const { rt, definition } = await runtimeWith((d) => {
      d.process.states.submitted.on.ACCEPT.target = 'a';
      d.process.states.a = { always: [{ target: 'b', guard: dm({}) }, 'review'] };
      d.process.states.b = { always: [{ target: 'a', guard: dm({ required: ['applicant'] }) }, 'review'] };
    });
    const started = performance.now();
    const { error } = await drive(rt);
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as DefinitionError).code).toBe('definition-always-loop');
    expect(performance.now() - started).toBeLessThan(10_000);
    // and the validator says so before it is published
    expect(codesAt(problemsInCatalogue(baselineFile, definition))).toContainEqual({ code: 'process.always-loop', pointer: '/process/states/a/always' });
  });

  it('runs what is well-formed: process.on with WITHDRAW in a state\'s own on too, arrays, 1000 always transitions, always on a final state', async () => {
    const cases: [(d: any) => void, string][] = [
      [(d) => { d.process.on = { WITHDRAW: ['withdrawn', 'rejected'] }; }, 'review'],
      [auto([...Array.from({ length: 1000 }, (_, i) => ({ target: 'approved', guard: dm({ required: [`x${i}`] }) })), 'review']), 'review'],
      [(d) => { d.process.states.submitted.on.ACCEPT.target = 'approved'; d.process.states.approved.always = 'rejected'; }, 'approved'],
      [auto([]), 'auto'],
      [auto([{ target: 'approved', guard: { type: 'noFees', params: { ignored: true } } }, 'review']), 'approved'],
    ];
    for (const [change, state] of cases) {
      const { rt } = await runtimeWith(change);
      expect(await drive(rt)).toEqual({ state });
    }
  });

  it('fuzz: a random hostile process either runs or is refused with a DefinitionError the validator foresaw', async () => {
    let refused = 0;
    for (let i = 0; i < 30; i++) {
      const { rt, definition } = await runtimeWith((d) => {
        const states = d.process.states;
        states.submitted.on.ACCEPT = { target: 'auto', ...(random() < 0.3 ? { guard: pick(guards) } : {}) };
        const named = ['auto', 'auto2', 'review', 'approved', 'withdrawn'];
        const t = () => pick<() => unknown>([() => pick(named), () => ({ target: pick(named), guard: pick([...guards, dm({}), dm({ required: ['applicant'] })]) }), () => pick(['nowhere', null])])();
        states.auto = { always: random() < 0.8 ? Array.from({ length: 1 + Math.floor(random() * 3) }, t) : t() };
        states.auto2 = { always: Array.from({ length: 1 + Math.floor(random() * 3) }, t) };
        if (random() < 0.5) d.process.on = { WITHDRAW: random() < 0.5 ? t() : [t(), t()] };
      });
      const { error } = await drive(rt);
      if (error === undefined) continue;
      expect(error).toBeInstanceOf(RuntimeError);
      expect(error).not.toBeInstanceOf(InternalRuntimeError);
      if (error instanceof DefinitionError) {
        refused++;
        expect(problemsInCatalogue(baselineFile, definition).length, (error as Error).message).toBeGreaterThan(0);
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe('automatic decisions, hostile: moving running cases', () => {
  const official = { id: 'official-1', role: 'official' };
  const permit = { matterId: '330000-GA-0101', region: '330000' };
  // v1 (as `change` makes it) serves the cases; v2 is published next to it; a case is submitted and accepted on v1
  async function planned(change: (d: any) => void, next: (v2: any) => void) {
    const { rt, definition } = await runtimeWith(change);
    const c = await rt.startCase({ ...permit, applicant: z });
    const s = await rt.submit(c.record.id, complete(c.record.data), { id: z, role: 'applicant' }, 1);
    const accepted = await rt.act(c.record.id, { type: 'ACCEPT' }, { id: 'clerk-1', role: 'clerk' }, s.record.revision);
    const v2: any = structuredClone(definition);
    v2.version = `9.1.${n}`;
    next(v2);
    await rt.store.publish({ id: v2.id, version: v2.version, region: v2.region.code, hash: definitionHash(v2), definition: v2, publishedAt: Date.now() });
    const plan = await rt.migrationPlan(permit.matterId, permit.region, v2.version);
    const result = await rt.migrateCases({ ...permit, fromVersion: definition.version, toVersion: v2.version, actor: official, caseIds: [c.record.id] });
    await rt.store.close();
    return { state: accepted.record.state, plan: plan.versions.find((v) => v.version === definition.version)!, result };
  }

  it('regression: a case does not move into a state the new version decides automatically, where no step would ever leave it', async () => {
    const { state, plan, result } = await planned(() => {}, (v2) => {
      v2.process.states.review = { always: [{ target: 'approved', guard: dm({ required: ['nothing'] }) }, 'rejected'] };
    });
    expect(state).toBe('review');
    expect(plan.states.find((s) => s.state === 'review')).toMatchObject({ exists: false });
    expect(plan.cases[0]!.reasons).toEqual([expect.objectContaining({ code: 'state-missing', state: 'review', message: expect.stringContaining('decides automatically') })]);
    expect(result.migrated).toEqual([]);
  });

  it('regression: a case resting in a state named "constructor" does not move to a version without it', async () => {
    const { state, plan, result } = await planned((d) => {
      d.process.states.submitted.on.ACCEPT.target = 'constructor';
      d.process.states.constructor = structuredClone(d.process.states.review);
    }, (v2) => {
      delete v2.process.states.constructor;
      v2.process.states.submitted.on.ACCEPT.target = 'review';
    });
    expect(state).toBe('constructor');
    expect(plan.states.find((s) => s.state === 'constructor')).toMatchObject({ exists: false, roleAfter: undefined });
    expect(plan.cases[0]!.reasons).toEqual([expect.objectContaining({ code: 'state-missing', state: 'constructor' })]);
    expect(result.migrated).toEqual([]);
  });
});

describe('automatic decisions, hostile: long chains', () => {
  it('regression: a chain of 30 automatic states that loops nowhere is taken to its end, not refused as a loop', async () => {
    const { rt, definition } = await runtimeWith((d) => {
      d.process.states.submitted.on.ACCEPT.target = 'c0';
      for (let i = 0; i < 30; i++) d.process.states[`c${i}`] = { always: [{ target: 'rejected', guard: dm({ required: ['applicant'], properties: { applicant: { required: ['name'], properties: { name: { const: '无此人' } } } } }) }, i < 29 ? `c${i + 1}` : 'review'] };
    });
    expect(problemsInCatalogue(baselineFile, definition)).toEqual([]);
    expect(await drive(rt)).toEqual({ state: 'review' });
  });
});
