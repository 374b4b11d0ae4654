/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import { renderMessage, type ProblemCode } from '../engine/index.ts';
import { olderThan } from '../engine/process/automatic.ts';
import { codesAt, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';
const approve = ['recordDecision', 'issueCertificate'];
const older = { type: 'olderThan', params: { field: '/applicant/registeredOn', duration: 'P6M' } };
const bornBefore1990 = { type: 'dataMatches', params: { when: { properties: { applicant: { properties: { birthYear: { maximum: 1990 } } } } } } };

// The mini process with an automatic check between acceptance and review: approve at once when the guard holds.
function withAutoCheck(d: any, always: unknown = [{ target: 'approved', guard: bornBefore1990, actions: approve }, { target: 'review' }]): void {
  d.form.schema.properties.applicant.properties.registeredOn = { type: 'string', format: 'date' };
  d.process.states.submitted.on.ACCEPT.target = 'autoCheck';
  d.process.states.autoCheck = { always };
}

describe('validate: automatic decisions (always, parameterised guards)', () => {
  it('accepts an automatic state without a role that ends with an unguarded transition', () => {
    expect(problemsWith(file, (d) => withAutoCheck(d))).toEqual([]);
  });

  it('accepts an olderThan guard on a date field, on always, on and after transitions', () => {
    const problems = problemsWith(file, (d) => {
      withAutoCheck(d, [{ target: 'approved', guard: older, actions: approve }, 'review']);
      d.process.states.review.on.APPROVE[0].guard = bornBefore1990;
      d.process.states.review.after = { P30D: { target: 'rejected', guard: older } };
    });
    expect(problems).toEqual([]);
  });

  it('accepts a state with a role whose guarded always lets a person decide when none holds', () => {
    const problems = problemsWith(file, (d) => {
      d.form.schema.properties.applicant.properties.registeredOn = { type: 'string', format: 'date' };
      d.process.states.review.always = { target: 'approved', guard: older, actions: approve };
    });
    expect(problems).toEqual([]);
  });

  it('checks a dataMatches condition as a situation: fields the form lacks, values a field refuses', () => {
    const problems = problemsWith(file, (d) =>
      withAutoCheck(d, [
        { target: 'approved', guard: { type: 'dataMatches', params: { when: { properties: { applicant: { properties: { nickname: { const: 'x' } } } } } } } },
        { target: 'rejected', guard: { type: 'dataMatches', params: { when: { properties: { applicant: { properties: { birthYear: { const: 'nineteen' } } } } } } } },
        'review',
      ]),
    );
    expect(codesAt(problems)).toEqual([
      { code: 'condition.unknown-field', pointer: '/process/states/autoCheck/always/0/guard/params/when/properties/applicant/properties/nickname' },
      { code: 'condition.value-never', pointer: '/process/states/autoCheck/always/1/guard/params/when/properties/applicant/properties/birthYear/const' },
    ]);
  });

  it('refuses a dataMatches condition that does not compile', () => {
    const problems = problemsWith(file, (d) => withAutoCheck(d, [{ target: 'approved', guard: { type: 'dataMatches', params: { when: { minimum: 'ten' } } } }, 'review']));
    expect(problems.map((p) => p.pointer)).toEqual(['/process/states/autoCheck/always/0/guard/params/when']);
    expect(problems[0]!.code).toMatch(/^(condition|form)\./);
  });

  it('refuses an olderThan guard on a field the form lacks', () => {
    const problems = problemsWith(file, (d) => withAutoCheck(d, [{ target: 'approved', guard: { type: 'olderThan', params: { field: '/applicant/movedIn', duration: 'P6M' } } }, 'review']));
    expect(codesAt(problems)).toEqual([{ code: 'condition.unknown-field', pointer: '/process/states/autoCheck/always/0/guard/params/field' }]);
  });

  it('refuses a parameterised guard of a type the runtime does not implement, and a duration it cannot count', () => {
    const unknown = problemsWith(file, (d) => withAutoCheck(d, [{ target: 'rejected', guard: { type: 'javascript', params: { code: 'true' } } }, 'review']));
    expect(codesAt(unknown)).toContainEqual({ code: 'schema.shape', pointer: '/process/states/autoCheck/always/0/guard' });
    const hours = problemsWith(file, (d) => withAutoCheck(d, [{ target: 'rejected', guard: { ...older, params: { ...older.params, duration: 'PT6H' } } }, 'review']));
    expect(codesAt(hours)).toContainEqual({ code: 'schema.shape', pointer: '/process/states/autoCheck/always/0/guard' });
  });

  it('refuses a guard name the runtime does not implement in always', () => {
    const problems = problemsWith(file, (d) => withAutoCheck(d, [{ target: 'approved', guard: 'isFriendOfClerk' }, 'review']));
    expect(codesAt(problems)).toEqual([{ code: 'process.unknown-guard', pointer: '/process/states/autoCheck/always/0/guard' }]);
  });

  it('refuses an unguarded always transition that is not the last', () => {
    const problems = problemsWith(file, (d) => withAutoCheck(d, ['review', { target: 'approved', guard: bornBefore1990 }, 'rejected']));
    expect(codesAt(problems)).toEqual([{ code: 'process.always-unguarded-not-last', pointer: '/process/states/autoCheck/always/0' }]);
    expect(problems[0]!.message).toContain('must be the last one');
    expect(renderMessage(problems[0]!.code as ProblemCode, problems[0]!.params, 'zh')).toContain('必须放在最后');
  });

  it('refuses an unguarded alternative before others in an event’s or a delay’s list, in a state or on the machine', () => {
    const problems = problemsWith(file, (d) => {
      d.process.states.submitted.on.REJECT = ['rejected', { target: 'review', guard: 'materialsComplete' }];
      d.process.on = { WITHDRAW: [{ target: 'withdrawn' }, 'rejected'] };
    }).filter((p) => p.code === 'process.unguarded-not-last');
    expect(problems.map((p) => p.pointer)).toEqual(['/process/states/submitted/on/REJECT/0', '/process/on/WITHDRAW/0']);
    expect(problems[0]!.message).toContain('state "submitted", "REJECT"');
    expect(problems[1]!.message).toContain('the machine, "WITHDRAW"');
    // guarded first, unguarded last: fine
    expect(problemsWith(file, (d) => {
      d.process.states.submitted.on.REJECT = [{ target: 'review', guard: 'materialsComplete' }, 'rejected'];
    }).filter((p) => p.code === 'process.unguarded-not-last')).toEqual([]);
  });

  it('refuses a loop of always transitions, once, naming its states', () => {
    const problems = problemsWith(file, (d) => {
      withAutoCheck(d, [{ target: 'approved', guard: bornBefore1990 }, 'recheck']);
      d.process.states.recheck = { always: [{ target: 'review', guard: older }, 'autoCheck'] };
    });
    expect(codesAt(problems)).toEqual([{ code: 'process.always-loop', pointer: '/process/states/autoCheck/always' }]);
    expect(problems[0]!.params).toEqual({ states: ['autoCheck', 'recheck'] });
    expect(renderMessage('process.always-loop', problems[0]!.params, 'zh')).toContain('"autoCheck", "recheck"');
  });

  it('refuses an always transition to its own state', () => {
    const problems = problemsWith(file, (d) => withAutoCheck(d, [{ target: 'autoCheck', guard: bornBefore1990 }, 'review']));
    expect(codesAt(problems)).toEqual([{ code: 'process.always-loop', pointer: '/process/states/autoCheck/always' }]);
  });

  it('refuses always in the initial state', () => {
    const problems = problemsWith(file, (d) => (d.process.states.draft.always = [{ target: 'withdrawn', guard: bornBefore1990 }]));
    expect(codesAt(problems)).toEqual([{ code: 'process.always-initial', pointer: '/process/states/draft/always' }]);
  });

  it('asks a role of a state whose always transitions are all guarded (a case may rest there)', () => {
    const problems = problemsWith(file, (d) => withAutoCheck(d, [{ target: 'approved', guard: bornBefore1990 }, { target: 'review', guard: older }]));
    expect(codesAt(problems)).toEqual([
      { code: 'process.role-missing', pointer: '/process/states/autoCheck' },
      { code: 'process.step-missing', pointer: '/process/states/autoCheck' },
    ]);
  });

  it('refuses always in a final state', () => {
    const problems = problemsWith(file, (d) => (d.process.states.approved.always = 'review'));
    expect(codesAt(problems)).toEqual([{ code: 'process.final-has-transitions', pointer: '/process/states/approved/always' }]);
  });

  it('counts always transitions for reachability: a state reached only through one is reachable', () => {
    const problems = problemsWith(file, (d) => {
      withAutoCheck(d, [{ target: 'fastTrack', guard: bornBefore1990 }, 'review']);
      d.process.states.fastTrack = { always: { target: 'approved', actions: approve } };
    });
    expect(problems).toEqual([]);
  });

  it('reports an always target that does not exist', () => {
    const problems = problemsWith(file, (d) => withAutoCheck(d, [{ target: 'approvedAtOnce', guard: bornBefore1990 }, 'review']));
    expect(codesAt(problems)).toEqual([{ code: 'process.target-missing', pointer: '/process/states/autoCheck/always/0/target' }]);
  });
});

describe('validate: events accepted in every state (process.on)', () => {
  it('accepts a root-level WITHDRAW, and counts it for reachability and a way to finish', () => {
    const problems = problemsWith(file, (d) => {
      delete d.process.states.draft.on.WITHDRAW;
      d.process.on = { WITHDRAW: { target: 'withdrawn', actions: ['notifyApplicant'] } };
      // parked cases can only be withdrawn: without the root-level event they could never finish
      d.process.states.review.on.PARK = 'parked';
      d.process.states.parked = { meta: { role: 'approver', step: { zh: '搁置', en: 'Parked' } }, on: { PING: 'parked' } };
    });
    expect(problems).toEqual([]);
  });

  it('reports a root-level target that does not exist once, at the root', () => {
    const problems = problemsWith(file, (d) => (d.process.on = { WITHDRAW: 'cancelled' }));
    expect(codesAt(problems)).toEqual([{ code: 'process.target-missing', pointer: '/process/on/WITHDRAW' }]);
    expect(problems[0]!.params).toMatchObject({ state: '*', event: 'WITHDRAW' });
  });

  it('refuses a root-level event name that is not UPPER_SNAKE_CASE', () => {
    const problems = problemsWith(file, (d) => (d.process.on = { withdraw: 'withdrawn' }));
    expect(codesAt(problems)).toEqual([{ code: 'process.event-name', pointer: '/process/on/withdraw' }]);
  });

  it('refuses an unknown guard or action in a root-level transition, once', () => {
    const problems = problemsWith(file, (d) => (d.process.on = { CANCEL: { target: 'withdrawn', guard: 'always', actions: ['shred'] } }));
    expect(codesAt(problems)).toEqual([
      { code: 'process.unknown-guard', pointer: '/process/on/CANCEL/guard' },
      { code: 'process.unknown-action', pointer: '/process/on/CANCEL/actions/0' },
    ]);
  });

  it('checks a dataMatches guard of a root-level transition once', () => {
    const problems = problemsWith(file, (d) => (d.process.on = { WITHDRAW: { target: 'withdrawn', guard: { type: 'dataMatches', params: { when: { required: ['nickname'] } } } } }));
    expect(codesAt(problems)).toEqual([{ code: 'condition.unknown-field', pointer: '/process/on/WITHDRAW/guard/params/when/required/0' }]);
  });
});

describe('olderThan(): calendar durations against the day in China Standard Time', () => {
  const at = (iso: string) => Date.parse(iso);
  it('counts calendar months, a shorter month ending the period on its last day', () => {
    const today = at('2026-11-30T02:00:00Z');
    expect(olderThan('2026-05-30', 'P6M', today)).toBe(true);
    expect(olderThan('2026-05-31', 'P6M', today)).toBe(true); // 2026-11-31 does not exist: 2026-11-30
    expect(olderThan('2026-06-01', 'P6M', today)).toBe(false);
    expect(olderThan('2025-08-31', 'P6M', at('2026-02-28T02:00:00Z'))).toBe(true);
    expect(olderThan('2025-08-31', 'P6M', at('2026-02-27T02:00:00Z'))).toBe(false);
  });

  it('counts years (29 February to 28 February), weeks and days', () => {
    expect(olderThan('2024-02-29', 'P1Y', at('2025-02-28T02:00:00Z'))).toBe(true);
    expect(olderThan('2024-02-29', 'P1Y', at('2025-02-27T02:00:00Z'))).toBe(false);
    expect(olderThan('2026-11-16', 'P2W', at('2026-11-30T02:00:00Z'))).toBe(true);
    expect(olderThan('2026-11-17', 'P2W', at('2026-11-30T02:00:00Z'))).toBe(false);
    expect(olderThan('2026-10-31', 'P30D', at('2026-11-30T02:00:00Z'))).toBe(true);
    expect(olderThan('2026-11-01', 'P30D', at('2026-11-30T02:00:00Z'))).toBe(false);
  });

  it('turns the day at midnight in China Standard Time (16:00 UTC)', () => {
    expect(olderThan('2026-05-30', 'P6M', at('2026-11-29T15:59:59Z'))).toBe(false);
    expect(olderThan('2026-05-30', 'P6M', at('2026-11-29T16:00:00Z'))).toBe(true);
  });

  it('holds for nothing that is not a date', () => {
    const today = at('2026-11-30T02:00:00Z');
    for (const v of [undefined, null, 20240110, '2024-1-10', '2024-02-30', '2024-13-01', '长期', '']) expect(olderThan(v, 'P6M', today), String(v)).toBe(false);
    expect(olderThan('2020-01-01', 'PT6H', today)).toBe(false);
  });
});
