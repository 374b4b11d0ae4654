/**
 * Hostile compound and parallel states. Contracts: the validator (and each process rule run alone on a draft the
 * meta-schema would refuse) never throws, points each problem at a place in the document or its missing member, and
 * stays fast on thousands of states; whatever it accepts runs — a case started, every accepted event taken by a role
 * actorsFor names, due delays fired — with only the runtime's typed errors; whatever it refuses the runtime refuses
 * with a DefinitionError or runs; a case row whose state was rewritten takes no step and writes nothing; two runtimes
 * acting on the two regions of one case at once: one wins, the other is told of the conflict. Seeded.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSources, type Catalogue, type MatterDefinition } from '../engine/index.ts';
import { parsePointer, resolvePointer } from '../engine/json/pointer.ts';
import { isConfiguration } from '../engine/process/nodes.ts';
import { processAutomaticRule } from '../engine/validate/rules/process-automatic.ts';
import { processRolesRule } from '../engine/validate/rules/process-roles.ts';
import { processSoundnessRule } from '../engine/validate/rules/process-soundness.ts';
import { processStructureRule } from '../engine/validate/rules/process-structure.ts';
import { processVocabularyRule } from '../engine/validate/rules/process-vocabulary.ts';
import { auditKeyOf, auditSealer } from '../runtime/cases/audit-seal.ts';
import { CaseTamperedError, ConflictError, DefinitionError, ForbiddenError, InternalRuntimeError, InvalidEventError, RuntimeError } from '../runtime/cases/errors.ts';
import { machineOf, roleOf } from '../runtime/cases/machine.ts';
import { createRuntime, definitionHash, type Runtime } from '../runtime/cases/runtime.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { problemsInCatalogue, realCatalogue, sharedSchemas } from './support/catalogue.ts';
import { codesAt, miniDoc, miniSources } from './support/fixtures.ts';
import { nestedPermit } from './support/nested.ts';

const miniFile = 'matters/baseline.json';
const step = (zh: string, en: string) => ({ zh, en });
// another seed explores further: NESTED_HOSTILE_SEED=7 npx vitest run test/nested-hostile.test.ts
let seed = Number(process.env.NESTED_HOSTILE_SEED ?? 20261202);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function validate(doc: any) {
  const sources = miniSources().filter((s) => s.file !== miniFile);
  sources.push({ file: miniFile, text: JSON.stringify(doc) });
  return validateSources(sources).problems.filter((p) => p.file === miniFile);
}
const rules = [processStructureRule, processSoundnessRule, processRolesRule, processVocabularyRule, processAutomaticRule];
// The process rules alone, on a draft the meta-schema may refuse (the designer's drafts, a definition built in code).
const ruleProblems = (doc: any) => rules.flatMap((r) => r.check({ file: miniFile, value: doc }, { sharedSchemas } as any));

// Each problem's pointer parses, and its parent exists: it points at a value, or at a member missing from one.
function expectPointersIn(doc: any, problems: readonly { code: string; pointer: string }[]): void {
  for (const p of problems) {
    expect(parsePointer(p.pointer), `${p.code} ${p.pointer}`).toBeDefined();
    const parent = p.pointer === '' ? '' : p.pointer.slice(0, p.pointer.lastIndexOf('/'));
    expect(resolvePointer(doc, parent), `${p.code} ${p.pointer}`).toBeDefined();
  }
}

// The mini fixture's review as two reviews (compound) after two departments' checks (parallel).
function nest(d: any): void {
  const s = d.process.states;
  s.submitted.on.ACCEPT.target = 'checks';
  s.checks = {
    type: 'parallel', onDone: 'review', on: { REJECT: 'rejected' },
    states: {
      police: { initial: 'checking', meta: { role: 'clerk' }, states: { checking: { meta: { step: step('公安核查', 'Police check') }, on: { POLICE_OK: 'ok' } }, ok: { type: 'final' } } },
      health: { initial: 'checking', states: { checking: { meta: { role: 'approver', step: step('卫健核查', 'Health check') }, on: { HEALTH_OK: 'ok' } }, ok: { type: 'final' } } },
    },
  };
  s.review = {
    initial: 'first', meta: { role: 'approver' }, on: { REJECT: 'rejected' }, onDone: 'approved',
    states: { first: { meta: { step: step('初审', 'First review') }, on: { PASS: 'second' } }, second: { meta: { step: step('复审', 'Second review') }, on: { APPROVE: 'done' } }, done: { type: 'final' } },
  };
}

const deep = (n: number): any => {
  let s: any = { meta: { step: step('深', 'Deep') }, on: { GO: '#test.approved' } };
  for (let i = 0; i < n; i++) s = { initial: 'c', states: { c: s } };
  return s;
};
const longPath = Array.from({ length: 20_000 }, (_, i) => `a${i % 10}`).join('.');
// Hostile drafts of the nested mini process, by what they try.
const drafts: [string, (d: any) => void][] = [
  ['states is a list', (d) => { d.process.states.review.states = []; }],
  ['states is null', (d) => { d.process.states.review.states = null; }],
  ['states is a string', (d) => { d.process.states.review.states = 'first'; }],
  ['process states is a list', (d) => { d.process.states = [d.process.states.draft]; }],
  ['initial names nothing', (d) => { d.process.states.review.initial = 'nowhere'; }],
  ['initial names a grandchild', (d) => { d.process.states.review.states.first = { initial: 'x', states: { x: { on: { PASS: '#test.review.second' } } } }; d.process.states.review.initial = 'first.x'; }],
  ['initial is a number', (d) => { d.process.states.review.initial = 5; }],
  ['process initial names a nested state', (d) => { d.process.initial = 'review.first'; }],
  ['nesting 50 deep', (d) => { d.process.states.review = deep(50); }],
  ['onDone on an atomic state', (d) => { d.process.states.submitted.onDone = 'approved'; }],
  ['onDone on a final state', (d) => { d.process.states.approved.onDone = 'review'; }],
  ['onDone on a final child', (d) => { d.process.states.review.states.done.onDone = '#test.approved'; }],
  ['parallel with no region', (d) => { d.process.states.checks.states = {}; }],
  ['parallel with one region', (d) => { delete d.process.states.checks.states.health; }],
  ['regions that are not states', (d) => { Object.assign(d.process.states.checks.states, { a: null, b: 5, c: [], d: { type: 'final' } }); }],
  ['targets # #. ..a a..b #test. #test . and a long dotted path', (d) => {
    Object.assign(d.process.states.review.states.first.on, { A: '#', B: '#.', C: '..a', D: 'a..b', E: '#test.', F: '#test', G: '.', H: 'second.', I: '#test..review', J: longPath, K: `#test.${longPath}` });
  }],
  ['root-level targets . and .review', (d) => { d.process.on = { WITHDRAW: '.', CANCEL: '.review', STOP: '#test', HALT: '' }; }],
  ['always looping across levels (child → top level → parent)', (d) => {
    d.process.states.review.states.first.always = '#test.bounce';
    d.process.states.bounce = { always: 'review' };
  }],
  ['always of a parent re-entering its own child', (d) => { d.process.states.review.always = '.first'; }],
  ['event shared by regions at different depths', (d) => {
    d.process.states.checks.states.health = { initial: 'outer', meta: { role: 'approver' }, states: { outer: { initial: 'inner', states: { inner: { meta: { step: step('深', 'Deep') }, on: { POLICE_OK: '#test.checks.health.ok' } } } }, ok: { type: 'final' } } };
  }],
  ['on, after, always and onDone of the wrong types', (d) => { d.process.states.review.states.first = { on: 'x', after: [], always: 5, onDone: null, meta: null }; }],
  ['__proto__ and constructor states', (d) => { d.process.states.review.states = JSON.parse('{"__proto__": {"type":"final"}, "constructor": {"on": {"GO": "toString"}}}'); d.process.states.review.initial = 'constructor'; }],
];

describe('nested states, hostile: the validator', () => {
  it('never throws on a hostile nested draft, and points each problem into the document', () => {
    for (const [name, change] of drafts) {
      const d = miniDoc(miniFile);
      nest(d);
      change(d);
      const started = performance.now();
      const problems = [...validate(d), ...ruleProblems(d)];
      expect(performance.now() - started, name).toBeLessThan(2_000);
      expectPointersIn(d, problems);
    }
  });

  it('says what is wrong with each', () => {
    const codes = (change: (d: any) => void) => { const d = miniDoc(miniFile); nest(d); change(d); return codesAt(ruleProblems(d)); };
    const [, grandchild] = drafts.find(([n]) => n === 'initial names a grandchild')!;
    expect(codes(grandchild)).toContainEqual({ code: 'process.initial-missing', pointer: '/process/states/review/initial' });
    expect(codes((d) => { d.process.states.review.states = []; })).toContainEqual({ code: 'process.children-missing', pointer: '/process/states/review/states' });
    expect(codes((d) => { d.process.states.review = deep(50); })).toContainEqual({ code: 'process.too-deep', pointer: `/process/states/review${'/states/c'.repeat(4)}` });
    expect(codes((d) => { d.process.states.checks.states = {}; })).toContainEqual({ code: 'process.children-missing', pointer: '/process/states/checks/states' });
    expect(codes((d) => { d.process.states.approved.onDone = 'review'; })).toContainEqual({ code: 'process.final-has-transitions', pointer: '/process/states/approved/onDone' });
    const [, targets] = drafts.find(([n]) => n.startsWith('targets'))!;
    expect(codes(targets).filter((p) => p.code === 'process.target-missing').map((p) => p.pointer.split('/').at(-1))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']);
    expect(codes((d) => { d.process.on = { WITHDRAW: '.', CANCEL: '.review' }; })).toEqual([{ code: 'process.target-missing', pointer: '/process/on/WITHDRAW' }]);
    const [, shared] = drafts.find(([n]) => n.startsWith('event shared'))!;
    expect(codes(shared)).toContainEqual({ code: 'process.region-event-shared', pointer: '/process/states/checks/states/health/states/outer/states/inner/on/POLICE_OK' });
  });

  it('regression: an onDone on an atomic state, which XState never takes, is a state missing its children', () => {
    const d = miniDoc(miniFile);
    nest(d);
    d.process.states.submitted.onDone = 'approved';
    expect(codesAt(validate(d))).toEqual([{ code: 'process.children-missing', pointer: '/process/states/submitted/onDone' }]);
  });

  it('regression: a loop of always through a compound state\'s initial child, or a parent\'s own always, is a loop', () => {
    for (const [name, pointer] of [['always looping across levels (child → top level → parent)', '/process/states/review/states/first/always'], ['always of a parent re-entering its own child', '/process/states/review/always']] as const) {
      const d = miniDoc(miniFile);
      nest(d);
      drafts.find(([n]) => n === name)![1](d);
      expect(codesAt(validate(d)).filter((p) => p.code === 'process.always-loop'), name).toEqual([{ code: 'process.always-loop', pointer }]);
    }
    // an always into a sibling region: XState enters the parallel state again, and the region it left with it
    const r = miniDoc(miniFile);
    nest(r);
    r.process.states.checks.states.health.states.checking.always = [{ target: '#test.checks.police', guard: 'noFees' }];
    expect(codesAt(validate(r)).filter((p) => p.code === 'process.always-loop')).toEqual([{ code: 'process.always-loop', pointer: '/process/states/checks/states/health/states/checking/always' }]);
    // leaving the compound state is no loop
    const d = miniDoc(miniFile);
    nest(d);
    d.process.states.review.states.first.always = [{ target: '#test.rejected', guard: 'noFees' }, 'second'];
    expect(codesAt(validate(d)).filter((p) => p.code === 'process.always-loop')).toEqual([]);
  });

  it('regression: a join (onDone) that enters a state completing at once, which leads back, is a loop', () => {
    const loops = (change: (d: any) => void) => { const d = miniDoc(miniFile); nest(d); change(d); return codesAt(validate(d)).filter((p) => p.code === 'process.done-loop'); };
    expect(loops((d) => { d.process.states.review.onDone = '.done'; })).toEqual([{ code: 'process.done-loop', pointer: '/process/states/review/onDone' }]);
    expect(loops((d) => {
      d.process.states.review.onDone = 'again';
      d.process.states.again = { initial: 'over', states: { over: { type: 'final' } }, onDone: 'review' };
      d.process.states.review.initial = 'done';
    })).toEqual([{ code: 'process.done-loop', pointer: '/process/states/review/onDone' }]);
    // a join that starts its state over from a step where someone acts is no loop
    expect(loops((d) => { d.process.states.review.onDone = [{ target: '.first', guard: 'noFees' }, 'approved']; })).toEqual([]);
  });

  it('regression: a parallel state\'s initial naming no region, on which XState fails when a case enters it, is missing', () => {
    const d = miniDoc(miniFile);
    nest(d);
    d.process.states.checks.initial = 'nowhere';
    expect(codesAt(validate(d))).toEqual([{ code: 'process.initial-missing', pointer: '/process/states/checks/initial' }]);
    expect(() => machineOf(d, definitionHash(d))).toThrow('/process/states/checks/initial');
    d.process.states.checks.initial = 'police';
    expect(validate(d)).toEqual([]);
  });

  it('regression: a compound initial state\'s initial child cannot decide automatically either', () => {
    const d = miniDoc(miniFile);
    const draft = d.process.states.draft;
    d.process.states.draft = { initial: 'form', states: { form: { ...draft, always: [{ target: '#test.submitted', guard: 'noFees' }, 'form'] } } };
    expect(codesAt(ruleProblems(d))).toContainEqual({ code: 'process.always-initial', pointer: '/process/states/draft/states/form/always' });
  });

  it('stays fast on thousands of states: 5,100 nested ones through the whole validator, 15,000 and a 5,000-long always chain in the rules', () => {
    const timings: Record<string, number> = {};
    const time = (name: string, run: () => unknown[]): unknown[] => { const t = performance.now(); const out = run(); timings[name] = Math.round(performance.now() - t); return out; };
    // 100 compound states of 50 children each: within the meta-schema's limits
    const big = miniDoc(miniFile);
    big.process.states.submitted.on.ACCEPT.target = 'c0';
    for (let i = 0; i < 100; i++) {
      const states: any = {};
      for (let j = 0; j < 50; j++) states[`s${j}`] = { meta: { step: step('步', 'Step') }, on: { GO: j < 49 ? `s${j + 1}` : i < 99 ? `#test.c${i + 1}` : '#test.review' } };
      big.process.states[`c${i}`] = { initial: 's0', meta: { role: 'clerk' }, states };
    }
    expect(time('5,100 nested states, validateSources', () => validate(big))).toEqual([]);
    // 5,000 regions of 3 states
    const wide = miniDoc(miniFile);
    const regions: any = {};
    for (let j = 0; j < 5000; j++) regions[`r${j}`] = { initial: 'a', meta: { role: 'clerk' }, states: { a: { meta: { step: step('步', 'Step') }, on: { [`E${j}`]: 'b', ...(j % 2 ? { SHARED: 'b' } : {}) } }, b: { type: 'final' } } };
    wide.process.states.review = { type: 'parallel', states: regions, onDone: 'approved' };
    expect(time('15,001 states in 5,000 regions, rules', () => ruleProblems(wide)).length).toBe(2499);
    // a chain of 5,000 automatic states, nested 50 to a compound state
    const chain = miniDoc(miniFile);
    chain.process.states.submitted.on.ACCEPT.target = 'k0';
    for (let i = 0; i < 100; i++) {
      const states: any = {};
      for (let j = 0; j < 50; j++) states[`a${j}`] = { always: [{ target: '#test.rejected', guard: 'noFees' }, j < 49 ? `a${j + 1}` : i < 99 ? `#test.k${i + 1}` : '#test.review'] };
      chain.process.states[`k${i}`] = { initial: 'a0', states };
    }
    expect(time('5,100 states, a 5,000-long always chain, rules', () => ruleProblems(chain))).toEqual([]);
    chain.process.states.k99.states.a49.always[1] = '#test.k0';
    expect(codesAt(time('the same chain closed into a loop, rules', () => ruleProblems(chain)) as any)).toEqual([{ code: 'process.always-loop', pointer: '/process/states/k0/states/a0/always' }]);
    // 5,000 states with 200 root-level events: a million root edges
    const rooted = miniDoc(miniFile);
    rooted.process.on = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`E${i}`, 'withdrawn']));
    for (let i = 0; i < 5000; i++) rooted.process.states[`f${i}`] = { meta: { role: 'clerk', step: step('步', 'Step') }, on: { GO: i < 4999 ? `f${i + 1}` : 'review' } };
    rooted.process.states.submitted.on.GO = 'f0';
    expect(time('5,006 flat states × 200 root events, rules', () => ruleProblems(rooted))).toEqual([]);
    console.log('validator timings (ms):', timings);
    for (const [name, ms] of Object.entries(timings)) expect(ms, name).toBeLessThan(5_000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The runtime on random nested processes built on the residence permit.

const baselineFile = 'definitions/matters/residence-permit/baseline.json';
const baseline = realCatalogue.catalogue.definitions.find((d) => d.file === baselineFile)!.value;
const pid = baseline.process.id;
const permit = { matterId: baseline.id, region: '330000' };
const z = demoCitizens.zhangWei;
const applicant = { id: z, role: 'applicant' };
const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });
const dm = (when: unknown) => ({ type: 'dataMatches', params: { when } });
const dir = mkdtempSync(join(tmpdir(), 'onematter-nested-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const day = 86_400_000;
const monday = Date.parse('2026-11-30T02:00:00Z');
const auditKey = 'nested-hostile-test-key';
let n = 0;

type Shape = { kind: 'atomic' | 'final' | 'compound' | 'parallel'; children?: Record<string, Shape> };
function shape(depth: number, region = false): Shape {
  const r = random();
  if (depth >= 4 || (!region && r < 0.4)) return { kind: 'atomic' };
  const kind = region || r < 0.75 ? 'compound' : 'parallel';
  const children: Record<string, Shape> = {};
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) children[kind === 'parallel' ? `r${i}` : `s${i}`] = shape(depth + 1, kind === 'parallel');
  if (kind === 'compound' && random() < 0.8) children.done = { kind: 'final' };
  return { kind, children };
}

// A random nested process in place of the permit's review: events unique per state (sometimes one shared), targets
// of every form (sibling, .child, #id.path, a few that name nothing), delays, automatic decisions, joins.
function randomProcess(d: any, hostile: boolean): void {
  const paths: string[] = ['approved', 'rejected', 'supplement'];
  const build = (sh: Shape, path: string): any => {
    paths.push(path);
    if (sh.kind === 'final') return { type: 'final' };
    if (sh.kind === 'atomic') return { meta: { role: pick(['clerk', 'approver']), step: step('核查', 'Check') } };
    const keys = Object.keys(sh.children!);
    const states = Object.fromEntries(keys.map((k) => [k, build(sh.children![k]!, `${path}.${k}`)]));
    return sh.kind === 'parallel' ? { type: 'parallel', states } : { initial: keys[0], states };
  };
  const review = build(shape(1), 'review');
  d.process.states.review = review;
  let e = 0;
  const target = (path: string, node: any): string => {
    const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    const siblings = parent ? paths.filter((p) => p.startsWith(`${parent}.`) && !p.slice(parent.length + 1).includes('.')) : [];
    const r = random();
    if (hostile && r < 0.05) return pick(['nowhere', '..x', `#${pid}.`, '.', `#other.review`]);
    // mostly on to the next sibling (the last one to the parent's final child, or out): most processes come out sound
    const next = siblings[siblings.indexOf(path) + 1];
    if (!hostile && r < 0.5 && next !== undefined) return next.slice(parent.length + 1);
    if (r < 0.35 && siblings.length) return pick(siblings).slice(parent.length + 1);
    if (r < 0.5 && node.states) return `.${pick(Object.keys(node.states))}`;
    return `#${pid}.${pick(paths)}`;
  };
  const walk = (node: any, path: string, depth: number) => {
    if (node.type === 'final') return;
    if (node.states) {
      for (const [k, child] of Object.entries<any>(node.states)) walk(child, `${path}.${k}`, depth + 1);
      if (random() < 0.4) node.onDone = random() < 0.7 ? `#${pid}.approved` : target(path, node);
      if (random() < 0.2) node.on = { [`N${e++}`]: target(path, node) };
      if (random() < 0.15) node.after = { [pick(['P1D', 'P3D', 'PT1H'])]: target(path, node) };
      if (random() < 0.1) node.always = [{ target: target(path, node), guard: dm({ required: ['applicant'] }) }];
      return;
    }
    node.on = { [random() < 0.1 ? 'SHARED' : `E${e++}`]: target(path, node), ...(random() < 0.25 ? { [`X${e++}`]: `#${pid}.${pick(['approved', 'rejected'])}` } : {}) };
    if (random() < 0.25) node.after = { [pick(['P1D', 'P2D', 'PT1H', '3600000'])]: target(path, node) };
    if (random() < 0.15) node.always = [{ target: target(path, node), guard: pick([dm({ required: ['applicant'] }), dm({}), 'noFees']) }];
    if (hostile && random() < 0.05) node.onDone = target(path, node);
  };
  walk(review, 'review', 1);
  if (hostile && random() < 0.2) pick<() => void>([() => { review.initial = 'nowhere'; }, () => { review.states = {}; }, () => { delete review.initial; }, () => { review.type = 'parallel'; }])();
}

async function runtimeWith(d: any, path = join(dir, `${++n}.sqlite`)): Promise<Runtime> {
  const catalogue: Catalogue = { ...realCatalogue.catalogue, definitions: realCatalogue.catalogue.definitions.map((x) => (x.file === baselineFile ? { ...x, value: d } : x)) };
  return createRuntime({ store: openSqliteStore({ path }), catalogue, clock, auditKey });
}
const clock = manualClock(monday);
const typed = (error: unknown) => {
  expect(error, String((error as Error)?.stack)).toBeInstanceOf(RuntimeError);
  expect(error, String((error as Error)?.stack)).not.toBeInstanceOf(InternalRuntimeError);
};

// Starts, submits and accepts a case, then takes accepted events (as the role named for each) and fires due delays
// until the case is done or 12 moves; checks the case after each move.
async function drive(rt: Runtime, d: MatterDefinition): Promise<{ moves: number; stuck: string[] }> {
  const c = await rt.startCase({ ...permit, applicant: z });
  const id = c.record.id;
  let s = await rt.submit(id, complete(c.record.data), applicant, 1);
  s = await rt.act(id, { type: 'ACCEPT', materials: d.materials.map((m) => m.id) }, { id: 'clerk-1', role: 'clerk' }, s.record.revision);
  let moves = 0;
  const stuck: string[] = [];
  for (let i = 0; i < 12; i++) {
    const view = await rt.getCase(id);
    expect(isConfiguration(d.process, view.record.state), view.record.state).toBe(true);
    expect(view.record.role).toBe(roleOf(d, view.record.state));
    if (view.record.status === 'done') break;
    if (random() < 0.2 && view.delays.length > 0) {
      clock.set(Math.max(clock.now(), ...view.delays.map((x) => x.dueAt)));
      const fired = await rt.fireDue();
      expect(fired.every((f) => ['fired', 'not-taken', 'raced'].includes(f.outcome)), JSON.stringify(fired)).toBe(true);
      moves++;
      continue;
    }
    const events = view.events.filter((x) => x !== 'WITHDRAW' || random() < 0.1);
    if (events.length === 0) break;
    const event = pick(events);
    const roles = view.eventRoles[event] ?? [];
    if (roles.length === 0) { stuck.push(`${view.record.state} ${event}`); break; }
    const role = pick(roles);
    const actor = role === 'applicant' ? applicant : { id: `${role}-1`, role };
    try {
      if (event === 'SUBMIT') await rt.submit(id, view.record.data, actor, view.record.revision);
      else await rt.act(id, { type: event }, actor, view.record.revision);
      moves++;
    } catch (error) {
      typed(error);
      // the role named for an accepted, unguarded event may take it
      expect(error, `${view.record.state} ${event} as ${role}`).not.toBeInstanceOf(ForbiddenError);
      expect(error, `${view.record.state} ${event} as ${role}`).not.toBeInstanceOf(InvalidEventError);
      throw error;
    }
  }
  expect(await rt.verifyAudit(id)).toMatchObject({ ok: true });
  return { moves, stuck };
}

describe('nested states, hostile: what the validator accepts runs, what it refuses the runtime refuses', () => {
  it('regression: a join that completes again at once is refused, not run by XState without end (the step never returned)', async () => {
    const d: any = structuredClone(baseline);
    d.version = '9.3.0';
    d.process.states.submitted.on.ACCEPT.target = 'review';
    d.process.states.review = {
      initial: 's0', onDone: '.done', on: { N2: '#residence-permit.rejected' },
      states: { s0: { meta: { role: 'approver', step: step('核查', 'Check') }, on: { X1: '#residence-permit.approved' }, always: [{ target: 'done', guard: 'noFees' }] }, done: { type: 'final' } },
    };
    expect(codesAt(problemsInCatalogue(baselineFile, d))).toContainEqual({ code: 'process.done-loop', pointer: '/process/states/review/onDone' });
    expect(() => machineOf(d, definitionHash(d))).toThrow(DefinitionError);
    expect(() => machineOf(d, definitionHash(d))).toThrow('/process/states/review/onDone');
  });

  it('fuzz: random nested and parallel processes', async () => {
    const tally = { accepted: 0, moves: 0, stuck: [] as string[], refused: 0, refusedByMachine: 0, refusedButRuns: 0, codes: new Set<string>() };
    for (let i = 0; i < 60; i++) {
      const d: any = structuredClone(baseline);
      d.version = `9.2.${i}`;
      d.process.states.submitted.on.ACCEPT.target = 'review';
      randomProcess(d, i % 3 === 2);
      clock.set(monday);
      const problems = problemsInCatalogue(baselineFile, d);
      const rt = await runtimeWith(d);
      const shown = () => `${JSON.stringify(d.process.states.review)}\n${problems.map((p) => `${p.code} ${p.pointer}`).join('\n')}`;
      try {
        if (problems.length === 0) {
          tally.accepted++;
          const { moves, stuck } = await drive(rt, d).catch((error) => { throw new Error(`${String(error)}\n${shown()}`); });
          tally.moves += moves;
          tally.stuck.push(...stuck);
          continue;
        }
        tally.refused++;
        problems.forEach((p) => tally.codes.add(`${p.code} ${p.code.startsWith('schema') ? p.pointer : ''}`));
        let machineRefused = false;
        try {
          machineOf(d, definitionHash(d));
        } catch (error) {
          expect(error).toBeInstanceOf(DefinitionError);
          machineRefused = true;
        }
        if (machineRefused) tally.refusedByMachine++;
        try {
          await drive(rt, d);
          if (!machineRefused) tally.refusedButRuns++;
        } catch (error) {
          expect(error, `${String(error)}\n${shown()}`).toBeInstanceOf(RuntimeError);
          expect(error, shown()).not.toBeInstanceOf(InternalRuntimeError);
          if (machineRefused) expect(error, shown()).toBeInstanceOf(DefinitionError);
        }
      } finally {
        await rt.store.close();
      }
    }
    console.log('fuzz:', { ...tally, codes: [...tally.codes] });
    expect(tally.accepted).toBeGreaterThan(4);
    expect(tally.refusedByMachine).toBeGreaterThan(0);
    expect(tally.stuck).toEqual([]);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------------------------
// Case rows rewritten in the file, and two runtimes racing on the two regions of one case.

const nested = nestedPermit(baseline);
const clerk = { id: 'clerk-1', role: 'clerk' };
const approver = { id: 'approver-1', role: 'approver' };

async function inChecks(file: string): Promise<{ rt: Runtime; id: string }> {
  clock.set(monday);
  const rt = await runtimeWith(nested, file);
  const c = await rt.startCase({ ...permit, applicant: z });
  await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
  const s = await rt.act(c.record.id, { type: 'ACCEPT', materials: nested.materials.map((m: any) => m.id) }, clerk, 2);
  expect(s.record.state).toBe('checks.police.checking,checks.records.checking');
  return { rt, id: c.record.id };
}

// Rewrites a case's state in the file, and reseals the row with the runtime's key when `reseal` (as a bug in the
// runtime itself might have written it): the seal no longer protects, so the layers below must.
function rewriteState(file: string, id: string, state: string, reseal: boolean): void {
  const db = new Database(file);
  try {
    db.prepare('UPDATE cases SET state = ? WHERE id = ?').run(state, id);
    if (reseal) {
      const row = db.prepare('SELECT id, revision, audit_head AS auditHead, hash, applicant, state, status FROM cases WHERE id = ?').get(id) as any;
      db.prepare('UPDATE cases SET audit_seal = ? WHERE id = ?').run(auditSealer(auditKeyOf({ auditKey })).seal(row), id);
    }
  } finally {
    db.close();
  }
}

describe('nested states, hostile: tampered case rows', () => {
  const tampered = ['x', 'checks.police.checking,checks.police.checking', 'checks', 'checks.police', 'checks.police.checking', '', ',', 'checks.police.checking,decision.first', 'constructor', 'approved,rejected'];

  for (const reseal of [false, true]) {
    it(`a case whose state column was rewritten takes no step and writes nothing (${reseal ? 'resealed with the key' : 'seal left as it was'})`, async () => {
      const file = join(dir, `tampered-${reseal}.sqlite`);
      const { rt, id } = await inChecks(file);
      await rt.store.close();
      const said: Record<string, string[]> = {};
      for (const state of tampered) {
        rewriteState(file, id, state, reseal);
        const rt2 = await runtimeWith(nested, file);
        const before = (await rt2.getCase(id)).record;
        const outcomes: string[] = [];
        for (const [event, actor] of [['POLICE_OK', clerk], ['RECORDS_OK', approver], ['REJECT', approver], ['WITHDRAW', applicant], ['PASS', approver]] as const) {
          try {
            await rt2.act(id, { type: event }, actor, before.revision);
            outcomes.push(`${event}: taken`);
          } catch (error) {
            typed(error);
            outcomes.push(`${event}: ${(error as RuntimeError).code}`);
            if (!reseal) expect(error).toBeInstanceOf(CaseTamperedError);
          }
        }
        if (!reseal) {
          clock.set(monday + 30 * day);
          expect((await rt2.fireDue()).map((f) => f.outcome), state).not.toContain('fired');
          clock.set(monday);
        }
        // nothing was written: not the row, not the trail
        const after = await rt2.getCase(id);
        expect(after.record, state).toEqual(before);
        expect(after.audit).toHaveLength(before.revision);
        expect(outcomes.filter((o) => o.endsWith('taken')), state).toEqual([]);
        // the seal catches the rewrite; a row resealed with the key is beyond what the audit can tell
        if (!reseal) expect((await rt2.verifyAudit(id)).ok, state).toBe(false);
        said[JSON.stringify(state)] = outcomes;
        await rt2.store.close();
      }
      console.log(`tampered (${reseal ? 'resealed' : 'seal kept'}):`, said);
    });
  }
});

// Known gap, fixed in runtime.ts's fire() (outside this suite's files): a sweep checks the seal but not that the
// state is one the process can be in, and records a delay of such a case as not taken (a write). When fixed, this fails:
// make it a plain `it`.
it('a sweep writes nothing for a resealed case whose state the process cannot be in', async () => {
  const file = join(dir, 'tampered-sweep.sqlite');
  const { rt, id } = await inChecks(file);
  await rt.store.close();
  rewriteState(file, id, 'checks.police.checking,checks.police.checking', true);
  const rt2 = await runtimeWith(nested, file);
  try {
    clock.set(monday + 30 * day);
    const fired = await rt2.fireDue();
    expect(fired.map((f) => f.outcome).filter((o) => o === 'fired' || o === 'not-taken')).toEqual([]);
    expect((await rt2.getCase(id)).record.revision).toBe(3);
  } finally {
    clock.set(monday);
    await rt2.store.close();
  }
});

describe('nested states, hostile: two runtimes, one parallel case', () => {
  it('each region acted on at the same revision: one wins, the other conflicts, retries and wins; the audit verifies', async () => {
    for (let round = 0; round < 10; round++) {
      const file = join(dir, `race-${round}.sqlite`);
      const { rt: a, id } = await inChecks(file);
      const b = await runtimeWith(nested, file);
      const results = await Promise.allSettled([a.act(id, { type: 'POLICE_OK' }, clerk, 3), b.act(id, { type: 'RECORDS_OK' }, approver, 3)]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
      const view = await a.getCase(id);
      expect(view.record.revision).toBe(4);
      // the loser reads the case again and retries on its region
      const loser = results[0]!.status === 'rejected' ? () => a.act(id, { type: 'POLICE_OK' }, clerk, 4) : () => b.act(id, { type: 'RECORDS_OK' }, approver, 4);
      const s = await loser();
      expect(s.record).toMatchObject({ state: 'decision.first', revision: 5 });
      for (const rt of [a, b]) expect(await rt.verifyAudit(id)).toMatchObject({ ok: true, events: 5 });
      expect(await a.pendingDelays(id)).toEqual([]);
      await a.store.close();
      await b.store.close();
    }
  });

  it('a sweep racing a department: the region\'s delay and its event at once fire once between them', async () => {
    const file = join(dir, 'race-sweep.sqlite');
    const { rt: a, id } = await inChecks(file);
    const b = await runtimeWith(nested, file);
    clock.set(monday + 2 * day);
    const [acted, swept] = await Promise.allSettled([a.act(id, { type: 'RECORDS_OK' }, approver, 3), b.fireDue()]);
    const view = await a.getCase(id);
    expect(view.record.state).toBe('checks.police.checking,checks.records.ok');
    expect(view.record.revision).toBe(4);
    const fired = swept.status === 'fulfilled' ? swept.value.filter((f) => f.outcome === 'fired') : [];
    expect(fired.length + (acted.status === 'fulfilled' ? 1 : 0)).toBe(1);
    if (acted.status === 'rejected') expect(acted.reason).toBeInstanceOf(ConflictError);
    expect(await a.verifyAudit(id)).toMatchObject({ ok: true });
    expect((await a.pendingDelays(id)).map((x) => x.state)).toEqual(['checks']);
    await a.store.close();
    await b.store.close();
  });
});

