/**
 * The project's concept schemes for the definition format's enumerations (matter types, channels, …), as SKOS
 * concepts `https://onematter.dev/id/concept/<scheme>/<value>`. National code lists have no published IRIs, and the
 * EU code lists CPSV-AP suggests do not hold China's matter types, so the export names its own and labels them.
 */
import type { Bilingual } from './literals.ts';
import { ref, text } from './literals.ts';
import { idBase } from './namespaces.ts';
import type { JsonLdNode } from './graph.ts';

interface Scheme {
  readonly title: Bilingual;
  readonly concepts: Readonly<Record<string, Bilingual>>;
}

/** Every scheme, by its IRI segment. */
export const schemes = {
  'matter-type': {
    title: { zh: '事项类型', en: 'Matter types' },
    concepts: {
      licensing: { zh: '行政许可', en: 'Administrative licensing' },
      payment: { zh: '行政给付', en: 'Administrative payment' },
      confirmation: { zh: '行政确认', en: 'Administrative confirmation' },
      levy: { zh: '行政征收', en: 'Administrative levy' },
      reward: { zh: '行政奖励', en: 'Administrative reward' },
      adjudication: { zh: '行政裁决', en: 'Administrative adjudication' },
      'other-power': { zh: '其他行政权力', en: 'Other administrative power' },
      'public-service': { zh: '公共服务', en: 'Public service' },
      filing: { zh: '行政备案', en: 'Administrative filing' },
    },
  },
  channel: {
    title: { zh: '办理渠道', en: 'Channels' },
    concepts: {
      online: { zh: '网上办理', en: 'Online' },
      mobile: { zh: '掌上办理', en: 'Mobile app' },
      onsite: { zh: '窗口办理', en: 'At a service window' },
      'self-service': { zh: '自助终端办理', en: 'Self-service terminal' },
      mail: { zh: '邮寄办理', en: 'By post' },
    },
  },
  'service-object': {
    title: { zh: '服务对象', en: 'Service objects' },
    concepts: {
      'natural-person': { zh: '自然人', en: 'Natural person' },
      'legal-person': { zh: '法人', en: 'Legal person' },
      'other-organisation': { zh: '其他组织', en: 'Other organisation' },
    },
  },
  status: {
    title: { zh: '事项状态', en: 'Matter status' },
    concepts: {
      active: { zh: '在用', en: 'In use' },
      suspended: { zh: '暂停', en: 'Suspended' },
      cancelled: { zh: '取消', en: 'Cancelled' },
    },
  },
  'output-type': {
    title: { zh: '办理结果类型', en: 'Output types' },
    concepts: {
      certificate: { zh: '证件证照', en: 'Certificate' },
      license: { zh: '许可证书', en: 'Licence' },
      decision: { zh: '决定书', en: 'Decision' },
      record: { zh: '登记备案', en: 'Record' },
    },
  },
  'legal-level': {
    title: { zh: '效力级别', en: 'Levels of legal force' },
    concepts: {
      law: { zh: '法律', en: 'Law' },
      'administrative-regulation': { zh: '行政法规', en: 'Administrative regulation' },
      'departmental-rule': { zh: '部门规章', en: 'Departmental rule' },
      'local-regulation': { zh: '地方性法规', en: 'Local regulation' },
      'local-government-rule': { zh: '地方政府规章', en: 'Local government rule' },
      'normative-document': { zh: '规范性文件', en: 'Normative document' },
    },
  },
  'requirement-type': {
    title: { zh: '要求类型', en: 'Requirement types' },
    concepts: {
      'acceptance-condition': { zh: '受理条件', en: 'Acceptance condition' },
      'one-of': { zh: '材料多选一', en: 'One of several materials' },
    },
  },
} as const satisfies Record<string, Scheme>;

export type SchemeName = keyof typeof schemes;

/** The IRI of a scheme. */
export const schemeIri = (scheme: string): string => `${idBase}concept/${scheme}`;

/** The IRI of one concept. */
export const conceptIri = (scheme: string, value: string): string => `${schemeIri(scheme)}/${value}`;

/** A concept of one of the schemes above, with its labels. */
export function conceptNode<S extends SchemeName>(scheme: S, value: keyof (typeof schemes)[S]['concepts'] & string): JsonLdNode {
  const labels = (schemes[scheme].concepts as Record<string, Bilingual>)[value]!;
  return conceptOf(scheme, value, labels);
}

/** A concept of any scheme (events, roles) with the labels given. */
export const conceptOf = (scheme: string, value: string, labels: Bilingual): JsonLdNode => ({
  '@id': conceptIri(scheme, value),
  '@type': 'skos:Concept',
  'skos:prefLabel': text(labels),
  'skos:notation': value,
  'skos:inScheme': ref(schemeIri(scheme)),
});

/** The scheme node, titled. */
export const schemeNode = (scheme: string, title: Bilingual): JsonLdNode => ({ '@id': schemeIri(scheme), '@type': 'skos:ConceptScheme', 'dct:title': text(title) });
