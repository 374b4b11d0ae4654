import { describe, expect, it } from 'vitest';
import { burdenMetrics, type MatterDefinition } from '../engine/index.ts';
import { diff, type Change } from '../engine/diff/index.ts';
import { applyPlan, deriveTopRunner, levelUp, reviewVariant, score, scoreChanges } from '../engine/review/index.ts';
import { matters, problemsInCatalogue, realCatalogue, sharedSchemas } from './support/catalogue.ts';

const ctx = { sharedSchemas };
// the matters with regional variants (the birth bundle's members, say, have none yet)
const all = matters().filter((m) => m.variants.length > 0);
const fileOf = (d: MatterDefinition) => realCatalogue.catalogue.definitions.find((x) => x.value === d)!.file;
const change = (burden: Change['burden'], weight: number): Change => ({ area: 'service', kind: 'changed', path: '/visits', burden, code: 'test', message: { zh: '测', en: 'test' }, params: {}, weight, fix: [] });

describe('score()', () => {
  it('gives a baseline 100 against itself, with an empty diff', () => {
    for (const { baseline } of all) {
      expect(diff(baseline, baseline, ctx)).toEqual([]);
      expect(diff(baseline, structuredClone(baseline), ctx)).toEqual([]);
      expect(score(baseline, structuredClone(baseline), ctx)).toBe(100);
    }
  });

  it('lowers the score for every more-burden change and raises it for every less-burden change, capped at 100', () => {
    const changes: Change[] = [change('more', 8), change('more', 2)];
    let previous = scoreChanges(changes);
    for (const w of [0.5, 1, 10, 40, 200]) {
      changes.push(change('more', w));
      expect(scoreChanges(changes)).toBeLessThan(previous);
      previous = scoreChanges(changes);
    }
    for (const w of [0.5, 1, 10]) {
      changes.push(change('less', w));
      expect(scoreChanges(changes)).toBeGreaterThan(previous);
      previous = scoreChanges(changes);
    }
    changes.push(change('neutral', 0));
    expect(scoreChanges(changes)).toBe(previous);
    expect(scoreChanges([change('less', 50)])).toBe(100);
    expect(scoreChanges(changes)).toBeGreaterThan(0);
  });

  it('scores one extra applicant material at 92.3 and one extra visit at 90.5', () => {
    expect(scoreChanges([change('more', 8)])).toBeCloseTo(92.31, 2);
    expect(scoreChanges([change('more', 10)])).toBeCloseTo(90.48, 2);
  });

  it('ranks the real variants the way their burden reads: heavier regions score lower', () => {
    const permit = all.find((m) => m.baseline.title.en.includes('residence permit'))!;
    const byRegion = Object.fromEntries(permit.variants.map((v) => [v.region.name.en, score(v, permit.baseline, ctx)]));
    expect(byRegion.Hangzhou!).toBeGreaterThan(byRegion.Ningbo!);
    expect(byRegion.Ningbo!).toBeGreaterThan(byRegion.Wenzhou!);
    expect(byRegion.Wenzhou!).toBeGreaterThan(byRegion.Pujiang!);
  });
});

describe('levelUp()', () => {
  it('orders the plan biggest burden reduction first and lists only more-burden changes', () => {
    for (const { baseline, variants } of all) {
      for (const v of variants) {
        const plan = levelUp(v, baseline, ctx);
        expect(plan.every((c) => c.burden === 'more')).toBe(true);
        expect(plan.map((c) => c.weight)).toEqual([...plan.map((c) => c.weight)].sort((x, y) => y - x));
      }
    }
  });

  it('brings every real variant to its baseline: the leveled variant has no more-burden change left and stays valid', () => {
    for (const { baseline, variants } of all) {
      for (const v of variants) {
        const review = reviewVariant(v, baseline, ctx);
        const leveled = applyPlan(v, review.plan);
        expect(diff(leveled, baseline, ctx).filter((c) => c.burden === 'more'), `${v.id} ${v.region.name.en}`).toEqual([]);
        expect(score(leveled, baseline, ctx)).toBe(100);
        expect(problemsInCatalogue(fileOf(v), leveled), `${v.id} ${v.region.name.en}`).toEqual([]);
        expect(v).toEqual(realCatalogue.catalogue.definitions.find((d) => d.value === v)!.value); // the variant itself is untouched
      }
    }
  });

  it('levels up step by step: each step applied alone removes its own change', () => {
    const { baseline, variants } = all[0]!;
    const v = variants.reduce((worst, x) => (score(x, baseline, ctx) < score(worst, baseline, ctx) ? x : worst));
    for (const step of levelUp(v, baseline, ctx).slice(0, 10)) {
      const after = diff(applyPlan(v, [step]), baseline, ctx);
      expect(after.some((c) => c.code === step.code && c.path === step.path && c.burden === 'more'), step.message.en).toBe(false);
    }
  });
});

describe('deriveTopRunner()', () => {
  it('proposes, for each real matter, a valid baseline at least as light as its lightest variant', () => {
    for (const { baseline, variants } of all) {
      const { definition, flags } = deriveTopRunner(variants, { region: baseline.region, version: '9.0.0' });
      expect(problemsInCatalogue(fileOf(baseline).replace('baseline.json', 'proposal.json'), definition), baseline.id).toEqual([]);
      const m = burdenMetrics(definition);
      const lightest = (k: keyof ReturnType<typeof burdenMetrics>) => Math.min(...variants.map((v) => burdenMetrics(v)[k]));
      // only materials a law requires (kept and flagged) may come on top of the lightest region's
      expect(m.materials).toBeLessThanOrEqual(lightest('materials') + flags.filter((f) => f.element.startsWith('materials/')).length);
      expect(m.promisedDays).toBe(lightest('promisedDays'));
      expect(m.visits).toBe(lightest('visits'));
      expect(m.fees).toBeLessThanOrEqual(lightest('fees'));
      expect(m.fieldsTyped).toBe(lightest('fieldsTyped'));
      expect(m.humanSteps).toBe(lightest('humanSteps'));
    }
  });

  it('keeps and flags a material that only some regions ask for when a law requires it, and drops it otherwise', () => {
    const { variants } = all[0]!;
    const [first, ...rest] = variants.map((v) => structuredClone(v));
    const law = first!.legalBasis[0]!.id;
    first!.materials.push(
      { id: 'lawfulExtra', name: { zh: '法定材料', en: 'Lawful extra' }, necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 }, legalBasis: [law] },
      { id: 'habitExtra', name: { zh: '习惯材料', en: 'Habitual extra' }, necessity: 'required', source: 'applicant', format: ['paper'], copies: { originals: 1, photocopies: 0 } },
    );
    const { definition, flags } = deriveTopRunner([first!, ...rest]);
    expect(definition.materials.map((m) => m.id)).toContain('lawfulExtra');
    expect(definition.materials.map((m) => m.id)).not.toContain('habitExtra');
    expect(flags).toContainEqual({ element: 'materials/lawfulExtra', reason: 'required-by-law', legalBasis: [law], missingIn: rest.map((v) => v.region.code) });
  });

  it('keeps and flags a field another region is required by law to ask', () => {
    const { variants } = all[0]!;
    const copies = variants.map((v) => structuredClone(v));
    const lightest = deriveTopRunner(copies).sources.form;
    const other = copies.find((v) => v.region.code !== lightest)!;
    (other.form.schema.properties as Record<string, unknown>).lawfulField = { type: 'string', title: '法定字段', maxLength: 20 };
    other.form.fieldBasis = [{ field: '/lawfulField', legalBasis: [other.legalBasis[0]!.id] }];
    const { definition, flags } = deriveTopRunner(copies);
    expect((definition.form.schema.properties as Record<string, unknown>).lawfulField).toEqual({ type: 'string', title: '法定字段', maxLength: 20 });
    expect(flags.map((f) => f.element)).toContain('form/lawfulField');
  });

  it('refuses variants of different matters', () => {
    expect(() => deriveTopRunner([all[0]!.variants[0]!, all[1]!.variants[0]!])).toThrow(/different matters/);
  });
});
