import { describe, expect, it } from 'vitest';
import { analyze } from '../designer/analysis/analyze.ts';
import { matters } from './support/catalogue.ts';

const permit = matters().find((m) => m.baseline.title.en.toLowerCase().includes('residence permit'))!.baseline;

describe('the analysis the worker posts to the page', () => {
  it('keeps every change’s message and fix through postMessage’s structured clone', () => {
    const draft = structuredClone(permit);
    draft.timeLimit.promisedDays += 27;
    const posted = structuredClone(analyze({ revision: 1, draft, against: permit }, []));
    expect(posted.changes.length).toBeGreaterThan(0);
    expect(posted.plan.length).toBeGreaterThan(0);
    for (const change of [...posted.changes, ...posted.plan]) {
      expect(change.message.zh, change.code).toEqual(expect.any(String));
      expect(change.message.en, change.code).toEqual(expect.any(String));
      expect(Array.isArray(change.fix), change.code).toBe(true);
    }
    expect(posted.plan.flatMap((c) => c.fix)).toContainEqual({ op: 'set', path: '/timeLimit/promisedDays', value: permit.timeLimit.promisedDays });
  });
});
