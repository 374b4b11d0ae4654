/* eslint-disable @typescript-eslint/no-explicit-any */
import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../engine/index.ts';
import { codesAt, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';
const step = (zh: string, en: string) => ({ zh, en });

// The fixture's review becomes two reviews (compound), and acceptance two departments' checks side by side (parallel).
function nest(d: any): void {
  d.process.states.submitted.on.ACCEPT.target = 'checks';
  d.process.states.checks = {
    type: 'parallel',
    onDone: 'review',
    on: { REJECT: 'rejected' },
    states: {
      police: { initial: 'checking', meta: { role: 'clerk' }, states: { checking: { meta: { step: step('公安核查', 'Police check') }, on: { POLICE_OK: 'ok' } }, ok: { type: 'final' } } },
      health: { initial: 'checking', states: { checking: { meta: { role: 'approver', step: step('卫健核查', 'Health check') }, on: { HEALTH_OK: 'ok' } }, ok: { type: 'final' } } },
    },
  };
  d.process.states.review = {
    initial: 'first',
    meta: { role: 'approver' },
    on: { REJECT: 'rejected' },
    onDone: { target: 'approved', actions: ['recordDecision', 'issueCertificate'] },
    states: {
      first: { meta: { step: step('初审', 'First review') }, on: { PASS: 'second' } },
      second: { meta: { step: step('复审', 'Second review') }, on: { APPROVE: 'done', SEND_BACK: '#test.review.first' } },
      done: { type: 'final' },
    },
  };
}

describe('validate: compound and parallel states', () => {
  it('accepts a process with a compound and a parallel state, and XState reads it', () => {
    let doc: any;
    expect(problemsWith(file, (d) => { nest(d); doc = d; })).toEqual([]);
    expect(() => createMachine(doc.process)).not.toThrow();
  });

  it('resolves targets as XState does: siblings, .child, #process.path; anything else is missing', () => {
    const problems = problemsWith(file, (d) => {
      nest(d);
      d.process.states.review.states.first.on.PASS = 'done.x'; // below a final state: no such state
      d.process.states.review.states.second.on.SEND_BACK = '#other.review.first';
      d.process.states.draft.on.SUBMIT = 'first'; // not a sibling of draft
      d.process.states.review.on.RESTART = '.first';
      d.process.on = { WITHDRAW: 'review.second' };
    });
    expect(codesAt(problems).filter((p) => p.code === 'process.target-missing')).toEqual([
      { code: 'process.target-missing', pointer: '/process/states/draft/on/SUBMIT' },
      { code: 'process.target-missing', pointer: '/process/states/review/states/first/on/PASS' },
      { code: 'process.target-missing', pointer: '/process/states/review/states/second/on/SEND_BACK' },
    ]);
  });

  it('a compound state needs its initial child; a final state has no children', () => {
    const problems = problemsWith(file, (d) => {
      nest(d);
      delete d.process.states.review.initial;
      d.process.states.checks.states.police.initial = 'nowhere';
      d.process.states.approved.states = { x: { type: 'final' } };
    });
    expect(codesAt(problems).filter((p) => p.code !== 'process.unreachable' && p.code !== 'process.no-way-to-finish')).toEqual([
      { code: 'process.initial-missing', pointer: '/process/states/review' },
      { code: 'process.final-has-transitions', pointer: '/process/states/approved/states' },
      { code: 'process.initial-missing', pointer: '/process/states/checks/states/police/initial' },
    ]);
  });

  it('refuses nesting deeper than four levels, naming the state', () => {
    const problems = problemsWith(file, (d) => {
      let s: any = { initial: 'l2', meta: { role: 'approver', step: step('审核', 'Review') }, on: { APPROVE: 'approved' } };
      d.process.states.review = s;
      for (const level of [2, 3, 4, 5]) {
        s.states = { [`l${level}`]: level === 5 ? { meta: { step: step('深', 'Deep') } } : { initial: `l${level + 1}` } };
        s = s.states[`l${level}`];
      }
    });
    expect(codesAt(problems)).toEqual([{ code: 'process.too-deep', pointer: '/process/states/review/states/l2/states/l3/states/l4/states/l5' }]);
    expect(problems[0]!.message).toContain('4');
  });

  it('a parallel state joined by onDone needs a final state in every region', () => {
    const problems = problemsWith(file, (d) => {
      nest(d);
      d.process.states.checks.states.health = { meta: { role: 'approver', step: step('卫健核查', 'Health check') } };
    });
    expect(codesAt(problems)).toEqual([{ code: 'process.region-never-done', pointer: '/process/states/checks/states/health' }]);
    expect(renderMessage('process.region-never-done', problems[0]!.params, 'zh')).toContain('health');
  });

  it('refuses an event two regions handle: one person would move both departments\' parts', () => {
    const problems = problemsWith(file, (d) => {
      nest(d);
      d.process.states.checks.states.health.states.checking.on = { POLICE_OK: 'ok' };
    });
    expect(codesAt(problems)).toEqual([{ code: 'process.region-event-shared', pointer: '/process/states/checks/states/health/states/checking/on/POLICE_OK' }]);
    expect(problems[0]!.message).toContain('police');
  });

  it('a nested step takes its role from the state it is in; without one anywhere it is missing', () => {
    const problems = problemsWith(file, (d) => {
      nest(d);
      delete d.process.states.checks.states.police.meta;
      d.process.states.review.meta.role = 'mayor';
    });
    expect(codesAt(problems)).toEqual([
      { code: 'process.role-undeclared', pointer: '/process/states/review/meta/role' },
      { code: 'process.role-missing', pointer: '/process/states/checks/states/police/states/checking/meta' },
    ]);
  });

  it('reports a nested state nobody reaches and one that cannot finish', () => {
    const problems = problemsWith(file, (d) => {
      nest(d);
      d.process.states.review.states.orphan = { meta: { step: step('孤立', 'Orphan') } };
      delete d.process.states.review.onDone; // review's final child completes nothing: only REJECT leaves review
      delete d.process.states.review.on;
    });
    expect(codesAt(problems)).toEqual([
      { code: 'process.unreachable', pointer: '/process/states/review/states/orphan' },
      { code: 'process.unreachable', pointer: '/process/states/approved' },
      { code: 'process.no-way-to-finish', pointer: '/process/states/review' },
      { code: 'process.no-way-to-finish', pointer: '/process/states/review/states/first' },
      { code: 'process.no-way-to-finish', pointer: '/process/states/review/states/second' },
      { code: 'process.no-way-to-finish', pointer: '/process/states/review/states/done' },
    ]);
  });
});
