/**
 * The engine's proposed top runner (deriveTopRunner, through reviewCatalogue) explained for reviewers: each element
 * with the region it came from and why it was kept (law-required ones flagged), what the current top runner has that
 * the proposal drops, and its score against the current one with the changes that make the difference. Also the
 * draft a province official opens from it: the proposal, carrying the current baseline's own regional elements.
 */
import {
  burdenMetrics, diff, regionalElements, scoreChanges,
  type Change, type DiffContext, type LocalizedText, type MatterDefinition, type RegionIndex,
} from '../../../engine/index.ts';
import { changeJson, regionInfo, rounded, type RegionInfo, type ReviewedMatter } from './review-data.ts';

type Proposal = NonNullable<ReviewedMatter['review']['proposal']>;

// Where an element came from: a region's variant, or the current top runner itself (it is a candidate too).
const regionOf = (m: ReviewedMatter, regions: RegionIndex, code: string): RegionInfo => {
  const v = m.variants.find((x) => x.definition.region.code === code)?.definition.region;
  if (!v && code === m.review.baseline.value.region.code) {
    return { ...regionInfo(regions, m.review.baseline.value.region), name: { zh: '现行标杆', en: 'the current top runner' } };
  }
  return regionInfo(regions, v ?? { code, name: regions.byCode.get(code)?.name ?? { zh: code, en: code }, level: regions.byCode.get(code)?.level as never });
};
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const label = (p: MatterDefinition, element: string): LocalizedText => {
  const [area, id] = element.split('/', 2) as [string, string | undefined];
  const item = area === 'materials' ? p.materials.find((x) => x.id === id) : area === 'fees' ? p.fees.find((x) => x.id === id) : undefined;
  if (item) return item.name;
  const fixed: Record<string, LocalizedText> = {
    form: { zh: '表单', en: 'Form' }, process: { zh: '办理流程', en: 'Process' }, timeLimit: { zh: '办理时限', en: 'Time limit' }, visits: { zh: '跑动次数', en: 'On-site visits' },
  };
  return fixed[element] ?? (element.startsWith('form/') ? { zh: `字段 ${element.slice(4)}`, en: `Field ${element.slice(4)}` } : { zh: element, en: element });
};

// Why the engine kept an element (top-runner.ts: the lightest choice per element; law-required ones kept).
function why(element: string, p: MatterDefinition, flag: Proposal['flags'][number] | undefined, region: RegionInfo, missingIn: readonly RegionInfo[]): LocalizedText {
  const text = reason(element, p, flag, region, missingIn);
  return { zh: text.zh, en: capital(text.en) };
}

function reason(element: string, p: MatterDefinition, flag: Proposal['flags'][number] | undefined, region: RegionInfo, missingIn: readonly RegionInfo[]): LocalizedText {
  const at = region.name;
  if (flag) {
    const missing = missingIn.map((r) => r.name);
    const basis = (locale: 'zh' | 'en') => flag.legalBasis.map((id) => {
      const l = p.legalBasis.find((x) => x.id === id);
      return l ? `${l.title[locale]}${l.article ? (locale === 'zh' ? l.article : ` (${l.article})`) : ''}` : id;
    });
    return {
      zh: `依法保留：${basis('zh').join('、')}要求此项，取自${at.zh}；${missing.map((n) => n.zh).join('、')}未要求，但不得删除。`,
      en: `Kept because the law requires it (${basis('en').join('; ')}), taken from ${at.en}; not asked for in ${missing.map((n) => n.en).join(', ')}, but it may not be dropped.`,
    };
  }
  const m = burdenMetrics(p);
  if (element === 'form') return { zh: `${at.zh}的表单填写最少（申请人填写 ${m.fieldsTyped} 项，预填 ${m.fieldsPrefilled} 项）。`, en: `${at.en}'s form asks the least typing (${m.fieldsTyped} fields typed, ${m.fieldsPrefilled} prefilled).` };
  if (element === 'process') return { zh: `${at.zh}的流程申请人依次等待的人工环节最少（并行办理的按最长分支计），人工环节共 ${m.humanSteps} 个。`, en: `${at.en}'s process has the fewest steps where a person acts that the applicant waits for one after another (parts run side by side count as their longest), ${m.humanSteps} in all.` };
  if (element === 'timeLimit') return { zh: `${at.zh}承诺时限最短（${m.promisedDays} 个工作日）。`, en: `${at.en} promises the shortest time (${m.promisedDays} working days).` };
  if (element === 'visits') return { zh: `${at.zh}跑动次数最少（${m.visits} 次）。`, en: `${at.en} needs the fewest on-site visits (${m.visits}).` };
  if (element.startsWith('materials/')) return { zh: `各地都要求此材料；${at.zh}的要求最容易满足（来源、必要性、格式、份数）。`, en: `Every region asks for it; ${at.en}'s version is the easiest to supply (source, necessity, format, copies).` };
  if (element.startsWith('fees/')) return { zh: `各地都收取此费用；${at.zh}收得最少。`, en: `Every region charges it; ${at.en} charges the least.` };
  return { zh: `取自${at.zh}：各地中最轻的做法。`, en: `Taken from ${at.en}: the lightest choice across regions.` };
}

// The proposal's element a change concerns (its path is into the proposal for added and changed, the baseline for removed).
function elementOf(c: Change, p: MatterDefinition, sources: Readonly<Record<string, string>>): string | undefined {
  if (c.kind === 'removed') return undefined;
  const [, area, index] = c.path.split('/');
  if ((area === 'materials' || area === 'fees') && index !== undefined) {
    const id = (area === 'materials' ? p.materials : p.fees)[Number(index)]?.id;
    return id !== undefined && sources[`${area}/${id}`] ? `${area}/${id}` : undefined;
  }
  const fieldPath = (k: string) => `/form/schema/${k.slice(5).split('/').map((t) => `properties/${t}`).join('/')}`;
  if (area === 'form') return Object.keys(sources).find((k) => k.startsWith('form/') && c.path.startsWith(fieldPath(k))) ?? 'form';
  return area && sources[area] ? area : undefined;
}

/** The proposal with its provenance and its score explained; undefined when the matter has no variants. */
export function explainProposal(m: ReviewedMatter, regions: RegionIndex, context: DiffContext) {
  const proposal = m.review.proposal;
  if (!proposal) return undefined;
  const p = proposal.definition;
  const base = m.review.baseline.value;
  const flags = new Map(proposal.flags.map((f) => [f.element, f]));
  const elements = Object.entries(proposal.sources).map(([element, code]) => {
    const flag = flags.get(element);
    const region = regionOf(m, regions, code);
    const missingIn = (flag?.missingIn ?? []).map((c) => regionOf(m, regions, c));
    return { element, label: label(p, element), region, lawRequired: flag !== undefined, legalBasis: [...(flag?.legalBasis ?? [])], missingIn, why: why(element, p, flag, region, missingIn) };
  });
  const keptNames = new Set([...p.materials, ...p.fees].flatMap((x) => [x.id, x.name.zh]));
  const dropped = [...base.materials.map((x) => ({ area: 'materials', x })), ...base.fees.map((x) => ({ area: 'fees', x }))]
    .filter(({ x }) => !keptNames.has(x.id) && !keptNames.has(x.name.zh))
    .map(({ area, x }) => ({
      element: `${area}/${x.id}`, label: x.name,
      why: { zh: '只有部分地区要求，且无法律依据：建议标杆不再要求。', en: 'Only some regions ask for it and no law requires it: the proposal drops it.' },
    }));
  const changes = proposal.changesFromBaseline;
  const proposedScore = scoreChanges(changes);
  const currentScore = scoreChanges(diff(base, p, context));
  const lighter = changes.filter((c) => c.burden === 'less');
  const heavier = changes.filter((c) => c.burden === 'more');
  const sum = (list: readonly Change[]) => rounded(list.reduce((n, c) => n + c.weight, 0));
  const difference = (c: Change) => {
    const element = elementOf(c, p, proposal.sources);
    return { ...changeJson(c), element: element ?? null, region: element ? regionOf(m, regions, proposal.sources[element]!) : null };
  };
  return {
    matter: { id: m.id, title: base.title },
    current: { version: base.version, region: regionInfo(regions, base.region), metrics: burdenMetrics(base) },
    proposed: { metrics: burdenMetrics(p), definition: p },
    elements,
    dropped,
    score: {
      proposed: rounded(proposedScore),
      current: rounded(currentScore),
      explanation: {
        zh: `与现行标杆相比，建议标杆有 ${lighter.length} 处更轻${lighter.length ? `（负担 −${sum(lighter)}）` : ''}、${heavier.length} 处更重${heavier.length ? `（负担 +${sum(heavier)}）` : ''}。以现行标杆为准，建议标杆得 ${rounded(proposedScore)} 分（最高 100）；若采用建议标杆，现行标杆对照它得 ${rounded(currentScore)} 分。`,
        en: `Against the current top runner the proposal is lighter in ${lighter.length} place${lighter.length === 1 ? '' : 's'}${lighter.length ? ` (burden −${sum(lighter)})` : ''} and heavier in ${heavier.length}${heavier.length ? ` (burden +${sum(heavier)})` : ''}. Measured against the current top runner it scores ${rounded(proposedScore)} (100 at most); if it were adopted, the current top runner would score ${rounded(currentScore)} against it.`,
      },
      lighter: lighter.map(difference),
      heavier: heavier.map(difference),
      neutral: changes.length - lighter.length - heavier.length,
    },
  };
}

/** The draft of the baseline's next version: the proposal, with the current baseline's regional elements (who, where, what it is called). */
export function proposalDraft(m: ReviewedMatter): MatterDefinition | undefined {
  const proposal = m.review.proposal;
  if (!proposal) return undefined;
  const base = m.review.baseline.value as unknown as Record<string, unknown>;
  const draft = structuredClone(proposal.definition) as unknown as Record<string, unknown>;
  for (const key of [...regionalElements, '$schema']) {
    if (key === 'kind' || key === 'baseline') continue;
    if (Object.hasOwn(base, key)) draft[key] = structuredClone(base[key]);
    else delete draft[key];
  }
  draft.kind = 'baseline';
  delete draft.baseline;
  return draft as unknown as MatterDefinition;
}
