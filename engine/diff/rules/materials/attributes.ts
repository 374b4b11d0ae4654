/**
 * Necessity, source, format and copies of a material both definitions ask for (halved where both ask it only in some
 * situations). The necessity and source of an alternative both put in the same one-of group are weighed through the
 * group (materials.alternatives: what its easiest alternative weighs), so here they are neutral.
 */
import { necessityRank, sourceRank } from '../../materials/weigh.ts';
import { join } from '../../../json/pointer.ts';
import type { Material } from '../../../model/index.ts';
import { formatLabels, labelOf, necessityLabels, sourceLabels } from '../../../model/labels.ts';
import { memberOf } from '../../lookup.ts';
import { matchMaterials } from '../../materials/match.ts';
import type { Describe, DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';

const paperOnly = (m: Material) => !m.format.includes('electronic');
// `paper+electronic` (the message params keep the values) in words
const formats = (v: unknown, locale: 'zh' | 'en') => String(v).split('+').map((f) => labelOf(formatLabels, f, locale)).join(locale === 'zh' ? '或' : ' or ');
const copies = (m: Material) => m.copies.originals + m.copies.photocopies;

interface Attribute {
  readonly code: string;
  readonly describe: Describe;
  /** Whether the attribute makes what a material weighs (materials/weigh.ts), so a one-of group weighs it. */
  readonly weighedByGroup?: boolean;
  /** Signed burden of `a` against `b` (positive = more), its weight, and the values for the message. */
  measure(a: Material, b: Material): { sign: number; weight: number; from: unknown; to: unknown } | undefined;
}

function attributeRule(attr: Attribute): DefinitionRule {
  return {
    code: attr.code,
    area: 'materials',
    scope: 'definition',
    reads: ['/materials'],
    describe: {
      en: (p) => `${attr.describe.en(p)}${p.group === undefined ? '' : ` (weighed with its one-of group “${p.group}”)`}`,
      zh: (p) => `${attr.describe.zh(p)}${p.group === undefined ? '' : `（计入“${p.group}”组）`}`,
    },
    compare(a, b, emit) {
      for (const pair of matchMaterials(a, b).pairs) {
        const m = attr.measure(pair.a, pair.b);
        if (!m) continue;
        // asked only in some situations on both sides: the difference concerns that share of applicants
        const share = pair.a.when !== undefined && pair.b.when !== undefined ? weights.conditional : 1;
        const group = attr.weighedByGroup && pair.a.oneOfGroup !== undefined && pair.a.oneOfGroup === pair.b.oneOfGroup ? pair.a.oneOfGroup : undefined;
        const sign = group === undefined ? m.sign : 0;
        emit({
          kind: 'changed',
          path: join('/materials', pair.ia),
          burden: sign > 0 ? 'more' : sign < 0 ? 'less' : 'neutral',
          weight: m.weight * share,
          params: { id: pair.a.id, name: pair.a.name.en, nameZh: pair.a.name.zh, from: m.from, to: m.to, ...(group === undefined ? {} : { group }) },
          fix: [{ op: 'set', path: join('/materials', pair.ia), value: pair.b }],
        });
      }
    },
  };
}

/** exempted → optional → tolerated-missing → required. */
export const necessityRule = attributeRule({
  code: 'materials.necessity',
  weighedByGroup: true,
  describe: {
    en: (p) => `makes “${p.name}” ${labelOf(necessityLabels, p.to, 'en')} instead of ${labelOf(necessityLabels, p.from, 'en')}`,
    zh: (p) => `材料“${p.nameZh}”由${labelOf(necessityLabels, p.from, 'zh')}改为${labelOf(necessityLabels, p.to, 'zh')}`,
  },
  measure(a, b) {
    const d = necessityRank[a.necessity] - necessityRank[b.necessity];
    if (d === 0) return undefined;
    const fetched = a.source === 'shared-data' && b.source === 'shared-data'; // the applicant brings neither
    return { sign: fetched ? 0 : d, weight: Math.abs(d) * weights.necessityStep, from: b.necessity, to: a.necessity };
  },
});

/** shared-data → government-issued → applicant: the applicant carrying what government holds is more burden. */
export const sourceRule = attributeRule({
  code: 'materials.source',
  weighedByGroup: true,
  describe: {
    en: (p) => `“${p.name}” comes from ${labelOf(sourceLabels, p.to, 'en')} instead of ${labelOf(sourceLabels, p.from, 'en')}`,
    zh: (p) => `材料“${p.nameZh}”来源由${labelOf(sourceLabels, p.from, 'zh')}改为${labelOf(sourceLabels, p.to, 'zh')}`,
  },
  measure(a, b) {
    const d = sourceRank[a.source] - sourceRank[b.source];
    return d === 0 ? undefined : { sign: d, weight: Math.abs(d) * weights.sourceStep, from: b.source, to: a.source };
  },
});

/** Paper only where electronic was accepted. */
export const formatRule = attributeRule({
  code: 'materials.format',
  describe: {
    en: (p) => `accepts “${p.name}” as ${formats(p.to, 'en')} instead of ${formats(p.from, 'en')}`,
    zh: (p) => `材料“${p.nameZh}”形式由${formats(p.from, 'zh')}改为${formats(p.to, 'zh')}`,
  },
  measure(a, b) {
    if (a.format.length === b.format.length && a.format.every(memberOf(b.format))) return undefined;
    const d = Number(paperOnly(a)) - Number(paperOnly(b));
    return { sign: d, weight: d === 0 ? 0 : weights.paperOnly, from: b.format.join('+'), to: a.format.join('+') };
  },
});

/** More originals or photocopies. */
export const copiesRule = attributeRule({
  code: 'materials.copies',
  describe: { en: (p) => `asks for ${p.to} ${p.to === 1 ? 'copy' : 'copies'} of “${p.name}” instead of ${p.from}`, zh: (p) => `材料“${p.nameZh}”份数由 ${p.from} 改为 ${p.to}` },
  measure(a, b) {
    const d = copies(a) - copies(b);
    return d === 0 ? undefined : { sign: d, weight: Math.abs(d) * weights.copy, from: copies(b), to: copies(a) };
  },
});
