/**
 * What the applicant brings and must meet: materials as `cv:Evidence` (`cpsv:hasInput`), the application form as
 * one more Evidence, acceptance conditions and "one of" material groups as `cv:Requirement`s. A waived material
 * conforms to its shared-data item as an `cv:EvidenceType` (evidence the government fetches, once-only style).
 */
import type { MatterDefinition } from '../../engine/index.ts';
import { conceptNode } from './concepts.ts';
import type { Graph } from './graph.ts';
import { sharedDataIri } from './iris.ts';
import { citedBy } from './legal.ts';
import { json, ref, refs, text } from './literals.ts';

type Material = MatterDefinition['materials'][number];

/** The IRIs a PublicService links as `cpsv:hasInput` and `cv:holdsRequirement`. */
export interface Inputs {
  readonly evidence: string[];
  readonly requirements: string[];
}

/** Adds the materials, the form and the requirements of `d`. */
export function addInputs(g: Graph, d: MatterDefinition, service: string, legal: ReadonlyMap<string, string>): Inputs {
  const evidence = d.materials.map((m) => addMaterial(g, m, service, legal));
  evidence.push(addForm(g, d, service));
  const requirements = (d.acceptanceConditions ?? []).map((condition, i) => {
    const type = g.add(conceptNode('requirement-type', 'acceptance-condition'));
    return g.add({ '@id': `${service}/requirement/condition-${i + 1}`, '@type': 'cv:Requirement', 'dct:identifier': `condition-${i + 1}`, 'dct:title': text(condition), 'dct:type': ref(type) });
  });
  for (const [group, members] of oneOfGroups(d.materials)) requirements.push(addOneOf(g, group, members, service));
  return { evidence, requirements };
}

const evidenceIri = (service: string, material: string) => `${service}/evidence/${material}`;
const oneOfIri = (service: string, group: string) => `${service}/requirement/one-of/${group}`;

function addMaterial(g: Graph, m: Material, service: string, legal: ReadonlyMap<string, string>): string {
  const type = m.sharedData && g.add({ '@id': sharedDataIri(m.sharedData.item), '@type': 'cv:EvidenceType', 'dct:identifier': m.sharedData.item });
  return g.add({
    '@id': evidenceIri(service, m.id),
    '@type': 'cv:Evidence',
    'dct:identifier': m.id,
    'dct:title': text(m.name),
    'dct:description': m.notes && text(m.notes),
    'dct:conformsTo': type && ref(type),
    'cv:supportsRequirement': m.oneOfGroup === undefined ? undefined : ref(oneOfIri(service, m.oneOfGroup)),
    'om:necessity': m.necessity,
    'om:source': m.source,
    'om:format': [...m.format],
    'om:originals': m.copies.originals,
    'om:photocopies': m.copies.photocopies,
    'om:issuer': m.issuer && text(m.issuer),
    'om:sharedDataReason': m.sharedData?.reason && text(m.sharedData.reason),
    'om:blankForm': m.blankForm,
    'om:example': m.example,
    'om:legalBasis': refs(citedBy(legal, m.legalBasis)),
    'om:when': m.when && json(m.when),
    'om:oneOfGroup': m.oneOfGroup,
  });
}

// The application form (申请表) is evidence too: the applicant completes it.
function addForm(g: Graph, d: MatterDefinition, service: string): string {
  return g.add({
    '@id': `${service}/form`,
    '@type': 'cv:Evidence',
    'dct:identifier': 'form',
    'dct:title': text({ zh: `${d.title.zh}申请表`, en: `Application form: ${d.title.en}` }),
  });
}

// Materials by their one-of group, groups in the order they first appear.
function oneOfGroups(materials: readonly Material[]): Map<string, Material[]> {
  const groups = new Map<string, Material[]>();
  for (const m of materials) if (m.oneOfGroup !== undefined) groups.set(m.oneOfGroup, [...(groups.get(m.oneOfGroup) ?? []), m]);
  return groups;
}

function addOneOf(g: Graph, group: string, members: readonly Material[], service: string): string {
  const type = g.add(conceptNode('requirement-type', 'one-of'));
  return g.add({
    '@id': oneOfIri(service, group),
    '@type': 'cv:Requirement',
    'dct:identifier': `one-of-${group}`,
    'dct:title': text({ zh: `提交以下材料之一：${members.map((m) => m.name.zh).join('、')}`, en: `One of: ${members.map((m) => m.name.en).join('; ')}` }),
    'dct:type': ref(type),
    'cv:hasSupportingEvidence': refs(members.map((m) => evidenceIri(service, m.id))),
    'om:oneOfGroup': group,
  });
}
