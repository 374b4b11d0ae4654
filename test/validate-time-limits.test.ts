/** Time limits carry a unit and an optional extension; on-site minutes belong to immediate matters someone attends. */
import { describe, expect, it } from 'vitest';
import { renderMessage, type Problem, type ProblemCode } from '../engine/index.ts';
import { codesAt, problemsWith } from './support/fixtures.ts';

const baseline = 'matters/baseline.json';
const zh = (p: Problem) => renderMessage(p.code as ProblemCode, p.params, 'zh');

describe('validate: time limits', () => {
  it('refuses an extension when there is no statutory limit to extend', () => {
    const problems = problemsWith(baseline, (d) => (d.timeLimit = { promisedDays: 3, extendableTo: 30 }));
    expect(codesAt(problems)).toEqual([{ code: 'service.extension-without-statutory', pointer: '/timeLimit/extendableTo' }]);
    expect(problems[0]!.message).toBe('the time limit extends to 30 working days, but there is no statutory limit to extend');
    expect(zh(problems[0]!)).toBe('时限可延长至 30 个工作日，但没有可延长的法定时限');
  });

  it('refuses an extension that reaches no further than the limit it extends', () => {
    const shorter = problemsWith(baseline, (d) => (d.timeLimit = { unit: 'days', statutoryDays: 15, extendableTo: 10, promisedDays: 3 }));
    expect(codesAt(shorter)).toEqual([{ code: 'service.extension-not-beyond-statutory', pointer: '/timeLimit/extendableTo' }]);
    expect(shorter[0]!.message).toBe('the time limit extends to 10 days, no further than the statutory 15: an extension reaches beyond the limit it extends');
    expect(zh(shorter[0]!)).toBe('时限延长至 10 日，未超过法定时限 15 日：延长后的时限应长于原时限');
    const same = problemsWith(baseline, (d) => (d.timeLimit = { statutoryDays: 20, extendableTo: 20, promisedDays: 3 }));
    expect(codesAt(same)).toEqual([{ code: 'service.extension-not-beyond-statutory', pointer: '/timeLimit/extendableTo' }]);
    expect(same[0]!.message).toContain('extends to 20 working days');
  });

  it('accepts the residence permit: 15 calendar days, extendable to 30; and no statutory limit at all', () => {
    expect(problemsWith(baseline, (d) => (d.timeLimit = { unit: 'days', statutoryDays: 15, extendableTo: 30, promisedDays: 3 }))).toEqual([]);
    expect(problemsWith(baseline, (d) => (d.timeLimit = { promisedDays: 20 }))).toEqual([]);
  });

  it('says which days a promise beyond the statutory limit counts', () => {
    const problems = problemsWith(baseline, (d) => (d.timeLimit = { unit: 'days', statutoryDays: 3, promisedDays: 5 }));
    expect(codesAt(problems)).toEqual([{ code: 'service.promised-exceeds-statutory', pointer: '/timeLimit/promisedDays' }]);
    expect(problems[0]!.message).toBe('promised 5 days exceed the statutory 3');
    expect(zh(problems[0]!)).toBe('承诺时限 5 日超过法定时限 3 日');
    const working = problemsWith(baseline, (d) => (d.timeLimit = { statutoryDays: 3, promisedDays: 5 }));
    expect(working[0]!.message).toBe('promised 5 working days exceed the statutory 3');
  });

  it('refuses on-site minutes on a matter not handled on the spot', () => {
    const problems = problemsWith(baseline, (d) => (d.timeLimit.onSiteMinutes = 30));
    expect(codesAt(problems)).toEqual([{ code: 'service.on-site-minutes-not-immediate', pointer: '/timeLimit/onSiteMinutes' }]);
    expect(problems[0]!.message).toBe('on-site minutes (30) describe an immediate matter, handled on the spot, but this one is handled within promised days');
    expect(zh(problems[0]!)).toBe('现场办理时长（30 分钟）只适用于当场办结的即办件，本事项为承诺件');
  });

  it('refuses on-site minutes when the applicant never comes on site', () => {
    const immediate = (visits: number) => (d: { handlingType: string; timeLimit: object; visits: number; visitReason?: object }) => {
      d.handlingType = 'immediate';
      d.timeLimit = { statutoryDays: 15, promisedDays: 0, onSiteMinutes: 30 };
      d.visits = visits;
      if (visits > 0) d.visitReason = { zh: '现场采集照片', en: 'Photo taken on site' };
    };
    const problems = problemsWith(baseline, immediate(0));
    expect(codesAt(problems)).toEqual([{ code: 'service.on-site-minutes-without-visit', pointer: '/timeLimit/onSiteMinutes' }]);
    expect(problems[0]!.message).toBe('on-site minutes (30) are given, but the applicant makes no on-site visit (visits is 0)');
    expect(problemsWith(baseline, immediate(1))).toEqual([]);
  });
});
