/**
 * The province's metrics: burden metrics that follow situations, groups and units; the per-definition flags (零材料,
 * 零表单, 最多跑一次, minutes on site); convergence of a matter's variants; and the catalogue summary with its
 * levelled threshold. Minimal definitions, so a change of the catalogue data cannot move them.
 */
import { describe, expect, it } from 'vitest';
import {
  burdenMetrics, defaultLevelled, deriveTopRunner, provinceMetrics, reviewCatalogue, summarizeCatalogue, validateSources, weights,
  type MatterDefinition,
} from '../engine/index.ts';
import { convergenceOf, implementationKey } from '../engine/review/convergence.ts';
import { miniSources } from './support/fixtures.ts';
import { base, material } from './support/pairs.ts';

const when = { properties: { reason: { const: '退休' } }, required: ['reason'] };
const shared = { source: 'shared-data', sharedData: { item: 'identity' } };

describe('burdenMetrics(): situations, groups, units and fees', () => {
  it('counts a material asked only in some situations as half a material', () => {
    const d = base();
    d.materials.push(material('retire', '退休证', 'Retirement certificate', { when }));
    expect(burdenMetrics(d).materials).toBe(1 + weights.conditional);
  });

  it('counts a one-of group once, as its lightest alternative, and as nothing when one is fetched through shared data', () => {
    const d = base();
    d.materials.push(...['a', 'b', 'c'].map((id) => material(id, id, id, { oneOfGroup: 'g' })));
    expect(burdenMetrics(d).materials).toBe(2);
    d.materials[3].when = when;
    expect(burdenMetrics(d).materials).toBe(1 + weights.conditional);
    Object.assign(d.materials[4], shared);
    expect(burdenMetrics(d).materials).toBe(1);
  });

  it('counts a one-of group with an optional alternative as nothing to supply', () => {
    const d = base();
    d.materials.push(...['a', 'b'].map((id) => material(id, id, id, { oneOfGroup: 'g' })));
    d.materials[3].necessity = 'optional';
    expect(burdenMetrics(d).materials).toBe(1);
  });

  it('counts promised calendar days as working days (×5/7, two decimals)', () => {
    const d = base();
    d.timeLimit = { unit: 'days', promisedDays: 14, statutoryDays: 15 };
    expect(burdenMetrics(d).promisedDays).toBe(10);
    d.timeLimit.promisedDays = 3;
    expect(burdenMetrics(d).promisedDays).toBe(2.14);
  });

  it('counts the fees due in every situation: a conditional fee is left out, a waivable one counts', () => {
    const d = base();
    d.fees = [
      { id: 'once', name: { zh: '一次', en: 'Once' }, amount: 15, waivedWhen: when },
      { id: 'twice', name: { zh: '二次', en: 'Twice' }, amount: 30, when },
    ];
    expect(burdenMetrics(d).fees).toBe(15);
  });
});

describe('provinceMetrics()', () => {
  it('flags zero materials when every material is fetched, and not when one is asked only in some situations', () => {
    const d = base();
    Object.assign(d.materials[1], shared);
    expect(provinceMetrics(d).zeroMaterials).toBe(true);
    d.materials.push(material('retire', '退休证', 'Retirement certificate', { when }));
    expect(provinceMetrics(d).zeroMaterials).toBe(false);
  });

  it('flags zero forms when every field is prefilled and locked, or there is none', () => {
    const d = base();
    expect(provinceMetrics(d).zeroForm).toBe(false);
    d.form.schema = { type: 'object', properties: {} };
    d.form.prefill = [];
    expect(provinceMetrics(d).zeroForm).toBe(true);
  });

  it('flags at most one visit, and gives the minutes on site of an immediate matter only', () => {
    const d = base();
    d.visits = 1;
    d.timeLimit.onSiteMinutes = 15;
    expect(provinceMetrics(d)).toMatchObject({ atMostOneVisit: true, immediate: false, onSiteMinutes: null });
    d.handlingType = 'immediate';
    d.timeLimit.promisedDays = 0;
    d.visits = 2;
    expect(provinceMetrics(d)).toMatchObject({ atMostOneVisit: false, immediate: true, onSiteMinutes: 15 });
  });

  it('flags nothing for what is not a definition', () => {
    for (const junk of [null, 'x', []]) expect(provinceMetrics(junk)).toEqual({ zeroMaterials: false, zeroForm: false, atMostOneVisit: false, immediate: false, onSiteMinutes: null });
  });
});

describe('convergenceOf(): distinct implementations once regional elements are left out', () => {
  const variant = (over: (d: any) => void = () => {}) => {
    const d = base();
    Object.assign(d, { kind: 'variant', baseline: { id: d.id, version: '1.0.0' }, version: '1.2.0', region: { code: '330100', name: { zh: '杭州市', en: 'Hangzhou' }, level: 'city' } });
    d.department = { name: { zh: '杭州市公安局', en: 'Hangzhou PSB' } };
    d.locations = [{ name: { zh: '市民之家', en: 'Citizen centre' } }];
    d.contact = { consult: '12345' };
    d.title = { zh: '测试事项（杭州）', en: 'Test matter (Hangzhou)' };
    over(d);
    return d;
  };

  it('counts a variant that differs only in region, body, places, contact, codes and titles as the baseline’s implementation', () => {
    expect(convergenceOf(base(), [variant(), variant((d) => (d.codes = { implementation: 'X1234' }))])).toEqual({ distinct: 1, sameAsBaseline: 2 });
  });

  it('ignores the order of materials, channels and object keys', () => {
    const v = variant((d) => {
      d.materials.reverse();
      d.channels.reverse();
      d.timeLimit = { promisedDays: d.timeLimit.promisedDays, statutoryDays: d.timeLimit.statutoryDays };
    });
    expect(implementationKey(v)).toBe(implementationKey(base()));
  });

  it('counts each different material list, form, time limit or fee as another implementation', () => {
    const variants = [
      variant((d) => d.materials.push(material('photo', '照片', 'Photo'))),
      variant((d) => (d.form.schema.properties.address.maxLength = 100)),
      variant((d) => (d.timeLimit.promisedDays = 5)),
      variant((d) => (d.timeLimit.promisedDays = 5)),
    ];
    expect(convergenceOf(base(), variants)).toEqual({ distinct: 4, sameAsBaseline: 0 });
  });
});

describe('summarizeCatalogue()', () => {
  const { catalogue } = validateSources(miniSources());
  const reviews = reviewCatalogue(catalogue);

  it('counts the province’s metrics over every baseline and variant reviewed', () => {
    const s = summarizeCatalogue(reviews);
    const defs = reviews.flatMap((m) => [m.baseline.value, ...m.variants.map((v) => v.definition)]);
    expect(s.definitions).toBe(defs.length);
    expect(s.baselines).toBe(reviews.length);
    expect(s.variants).toBe(defs.length - reviews.length);
    expect(s.atMostOneVisit.count).toBe(defs.filter((d) => d.visits <= 1).length);
    expect(s.zeroMaterials.count).toBe(defs.filter((d) => burdenMetrics(d).materials === 0).length);
    expect(s.atMostOneVisit.share).toBeCloseTo(s.atMostOneVisit.count / s.definitions, 10);
    expect(s.matters.map((m) => m.distinct)).toEqual(reviews.map((m) => m.convergence.distinct));
  });

  it('counts a region levelled at or above the threshold, 90 unless told', () => {
    const scores = reviews.flatMap((m) => m.variants.map((v) => v.review.score));
    expect(summarizeCatalogue(reviews).levelled).toMatchObject({ threshold: defaultLevelled, count: scores.filter((x) => x >= 90).length, total: scores.length });
    const lowest = Math.min(...scores);
    expect(summarizeCatalogue(reviews, { levelled: lowest }).levelled.count).toBe(scores.length);
    expect(summarizeCatalogue(reviews, { levelled: 100 }).levelled.count).toBe(scores.filter((x) => x >= 100).length);
    expect(summarizeCatalogue(reviews, { levelled: 0 }).levelled.share).toBe(1);
  });

  it('gives the median and longest minutes on site of the immediate matters that state them', () => {
    const immediate = (minutes: number | undefined) => {
      const d: MatterDefinition = base();
      d.handlingType = 'immediate';
      d.timeLimit = { promisedDays: 0, ...(minutes === undefined ? {} : { onSiteMinutes: minutes }) };
      return d;
    };
    const fake = (d: MatterDefinition) => ({ ...reviews[0]!, baseline: { file: 'x.json', value: d }, variants: [] });
    const s = summarizeCatalogue([fake(immediate(10)), fake(immediate(30)), fake(immediate(20)), fake(immediate(undefined)), fake(base())]);
    expect(s.immediate).toEqual({ count: 4, withMinutes: 3, medianMinutes: 20, maxMinutes: 30 });
  });
});

describe('deriveTopRunner(): situations', () => {
  it('takes a material as one alternative of a one-of group before taking it on its own, even tolerated missing', () => {
    const a: MatterDefinition = base();
    const b: MatterDefinition = base();
    a.region = { ...a.region, code: '330100' };
    b.region = { ...b.region, code: '330200' };
    a.materials.push(material('housing', '住所证明', 'Housing proof', { necessity: 'tolerated-missing' }), material('study', '就读证明', 'Study proof'));
    b.materials.push(material('housing', '住所证明', 'Housing proof', { oneOfGroup: 'ground' }), material('study', '就读证明', 'Study proof', { oneOfGroup: 'ground' }));
    const picked = deriveTopRunner([a, b]).definition.materials.filter((m) => m.id === 'housing' || m.id === 'study');
    expect(picked.map((m) => [m.id, m.oneOfGroup])).toEqual([['housing', 'ground'], ['study', 'ground']]);
  });
});

describe('deriveTopRunner() across units', () => {
  it('takes the shortest promise in one measure: 6 calendar days before 5 working days', () => {
    const a: MatterDefinition = base();
    const b: MatterDefinition = base();
    a.region = { ...a.region, code: '330100' };
    b.region = { ...b.region, code: '330200' };
    a.timeLimit = { promisedDays: 5, statutoryDays: 15 };
    b.timeLimit = { unit: 'days', promisedDays: 6, statutoryDays: 21 };
    expect(deriveTopRunner([a, b]).sources.timeLimit).toBe('330200');
  });
});
