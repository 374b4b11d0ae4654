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

describe('the level-up plan in the designer', () => {
  it('brings every real variant to a score of 100 when its whole plan is applied as one command, and undoes to the draft', async () => {
    const { execute, initialState, undo } = await import('../designer/model/editor.ts');
    const { realCatalogue } = await import('./support/catalogue.ts');
    const context = realCatalogue.catalogue.schemas.map((s) => ({ file: s.file, text: JSON.stringify(s.value) }));
    for (const { baseline, variants } of matters()) {
      for (const variant of variants) {
        const first = structuredClone(analyze({ revision: 1, draft: variant, against: baseline }, context));
        const fixes = first.plan.flatMap((c) => c.fix);
        if (first.score === 100) continue;
        const state = execute(initialState(variant), { name: 'apply-fix', args: { fixes, label: { zh: '全部应用', en: 'apply all' } } });
        const after = analyze({ revision: 2, draft: state.definition, against: baseline }, context);
        expect(after.score, `${variant.id} ${variant.region.code}`).toBe(100);
        expect(JSON.stringify(undo(state).definition)).toBe(JSON.stringify(variant));
      }
    }
  });
});
