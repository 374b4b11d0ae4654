/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import { renderMessage, type ProblemCode } from '../engine/index.ts';
import { codesAt, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';

describe('validate: process soundness', () => {
  it('accepts the sound fixture process', () => {
    expect(problemsWith(file, () => {})).toEqual([]);
  });

  it('reports an initial state that does not exist', () => {
    expect(codesAt(problemsWith(file, (d) => (d.process.initial = 'start')))).toEqual([
      { code: 'process.initial-missing', pointer: '/process/initial' },
    ]);
  });

  it('reports a transition target that does not exist, in each XState shorthand', () => {
    const problems = problemsWith(file, (d) => {
      d.process.states.draft.on.SUBMIT = 'sent';
      d.process.states.submitted.on.ACCEPT.target = 'checking';
      d.process.states.review.on.APPROVE[0].target = 'done';
    });
    expect(codesAt(problems).filter((p) => p.code === 'process.target-missing')).toEqual([
      { code: 'process.target-missing', pointer: '/process/states/draft/on/SUBMIT' },
      { code: 'process.target-missing', pointer: '/process/states/submitted/on/ACCEPT/target' },
      { code: 'process.target-missing', pointer: '/process/states/review/on/APPROVE/0/target' },
    ]);
  });

  it('reports a state that cannot be reached from the initial state', () => {
    const problems = problemsWith(file, (d) => {
      d.process.states.archive = { meta: { role: 'clerk', step: { zh: '归档', en: 'Archive' } }, on: { DONE: 'approved' } };
    });
    expect(codesAt(problems)).toEqual([{ code: 'process.unreachable', pointer: '/process/states/archive' }]);
  });

  it('reports a state from which no final state can be reached', () => {
    const problems = problemsWith(file, (d) => {
      d.process.states.review.on.PARK = 'limbo';
      d.process.states.limbo = { meta: { role: 'approver', step: { zh: '搁置', en: 'Parked' } }, on: { PING: 'limbo' } };
    });
    expect(codesAt(problems)).toEqual([{ code: 'process.no-way-to-finish', pointer: '/process/states/limbo' }]);
  });

  it('reports a process without any final state', () => {
    const problems = problemsWith(file, (d) => {
      for (const s of ['approved', 'rejected', 'withdrawn']) delete d.process.states[s].type;
      for (const s of ['approved', 'rejected', 'withdrawn']) d.process.states[s] = { meta: { role: 'clerk', step: { zh: '结', en: 'End' } } };
    });
    expect(codesAt(problems)).toContainEqual({ code: 'process.no-final-state', pointer: '/process/states' });
  });

  it('reports a final state with transitions', () => {
    const problems = problemsWith(file, (d) => (d.process.states.approved.on = { REOPEN: 'review' }));
    expect(codesAt(problems)).toEqual([{ code: 'process.final-has-transitions', pointer: '/process/states/approved/on' }]);
  });

  it('reports guards and actions the runtime does not implement', () => {
    const problems = problemsWith(file, (d) => {
      d.process.states.submitted.on.ACCEPT.guard = 'isFriendOfClerk';
      d.process.states.submitted.on.REJECT.actions = ['recordDecision', 'sendFax'];
      d.process.states.review.entry = ['mineBitcoin'];
    });
    expect(codesAt(problems)).toEqual([
      { code: 'process.unknown-guard', pointer: '/process/states/submitted/on/ACCEPT/guard' },
      { code: 'process.unknown-action', pointer: '/process/states/submitted/on/REJECT/actions/1' },
      { code: 'process.unknown-action', pointer: '/process/states/review/entry/0' },
    ]);
    expect(problems[0]!.message).toContain('materialsComplete');
  });

  it('reports an undeclared role, a missing role and a missing step name', () => {
    const problems = problemsWith(file, (d) => {
      d.process.states.review.meta.role = 'mayor';
      delete d.process.states.submitted.meta.role;
      delete d.process.states.draft.meta.step;
    });
    expect(codesAt(problems)).toEqual([
      { code: 'process.step-missing', pointer: '/process/states/draft/meta' },
      { code: 'process.role-missing', pointer: '/process/states/submitted/meta' },
      { code: 'process.role-undeclared', pointer: '/process/states/review/meta/role' },
    ]);
  });

  it('refuses machine-level after-timers through the meta-schema, and a compound state without children', () => {
    const problems = problemsWith(file, (d) => {
      d.process.after = { 1000: 'approved' };
      d.process.states.review.states = {};
    });
    expect(codesAt(problems)).toEqual([
      { code: 'process.xstate-unsupported', pointer: '/process/after' },
      { code: 'schema.limit', pointer: '/process/states/review/states' },
    ]);
  });
});

describe('validate: XState features a process may not use, each refused with its reason', () => {
  const refused: [string, (d: any) => void, string, string][] = [
    ['invoke in a state', (d) => (d.process.states.review.invoke = { src: 'checkRecords' }), '/process/states/review/invoke', 'without live actors'],
    ['invoke on the machine', (d) => (d.process.invoke = { src: 'checkRecords' }), '/process/invoke', 'without live actors'],
    ['always on the machine', (d) => (d.process.always = { target: 'review' }), '/process/always', 'in the state it decides'],
    ['after on the machine', (d) => (d.process.after = { 86400000: 'rejected' }), '/process/after', 'declared per state'],
    ['context', (d) => (d.process.context = { paid: 0 }), '/process/context', 'the runtime owns a case\'s context'],
    ['a history state', (d) => (d.process.states.review.type = 'history'), '/process/states/review/type', 'history state'],
    ['a history state nested', (d) => Object.assign(d.process.states.review, { initial: 'a', states: { a: { type: 'history' } } }), '/process/states/review/states/a/type', 'history state'],
    ['history depth', (d) => (d.process.states.review.history = 'deep'), '/process/states/review/history', 'history state'],
    ['a parallel process root', (d) => (d.process.type = 'parallel'), '/process/type', 'make a state of the process parallel'],
    ["XState v4's cond", (d) => (d.process.states.submitted.on.ACCEPT.cond = 'materialsComplete'), '/process/states/submitted/on/ACCEPT/cond', 'calls it "guard"'],
    ["XState v4's cond in always", (d) => (d.process.states.review.always = [{ target: 'approved', cond: 'feesPaid' }]), '/process/states/review/always/0/cond', 'calls it "guard"'],
    ["XState v4's cond at the root", (d) => (d.process.on = { WITHDRAW: { target: 'withdrawn', cond: 'feesPaid' } }), '/process/on/WITHDRAW/cond', 'calls it "guard"'],
  ];
  it.each(refused)('%s', (_, change, pointer, reason) => {
    const problems = problemsWith(file, change);
    expect(codesAt(problems)).toEqual([{ code: 'process.xstate-unsupported', pointer }]);
    expect(problems[0]!.message).toContain(reason);
    const zh = renderMessage(problems[0]!.code as ProblemCode, problems[0]!.params, 'zh');
    expect(zh.length).toBeGreaterThan(40); // the reason, in Chinese too
  });

  it('refuses an event name that is not UPPER_SNAKE_CASE, once, at the name, saying why', () => {
    const problems = problemsWith(file, (d) => {
      d.process.states.draft.on['*'] = 'withdrawn';
      d.process.states.draft.on.submit = 'submitted';
    });
    expect(codesAt(problems)).toEqual([
      { code: 'process.event-name', pointer: '/process/states/draft/on/*' },
      { code: 'process.event-name', pointer: '/process/states/draft/on/submit' },
    ]);
    expect(problems[0]!.message).toContain('wildcard "*"');
  });

  it('refuses a state name XState would read as a path, saying why', () => {
    const problems = problemsWith(file, (d) => {
      d.process.states['review.final'] = { type: 'final', meta: { outcome: 'approved' } };
      d.process.states.review.on.APPROVE = 'review.final';
    });
    expect(codesAt(problems)).toContainEqual({ code: 'process.state-name', pointer: '/process/states/review.final' });
    expect(problems.find((p) => p.code === 'process.state-name')!.message).toContain('"." would mean a child state');
  });

  it('keeps the plain message for other unknown properties', () => {
    const problems = problemsWith(file, (d) => (d.process.states.review.colour = 'blue'));
    expect(codesAt(problems)).toEqual([{ code: 'schema.additional-property', pointer: '/process/states/review/colour' }]);
    expect(problems[0]!.message).toContain('the document format has no such property');
  });
});
