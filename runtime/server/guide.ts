/**
 * A matter's service guide (办事指南) in one region: materials — each marked waived when shared data stands in for
 * it for the signed-in applicant, with the reason — promised and statutory days, fees, on-site visits, legal basis.
 */
import type { PublishedDefinition } from '../store/types.ts';
import type { SharedDataSource } from '../shared-data/source.ts';
import type { User } from './auth.ts';
import { definitionProperty, materialSchema, part } from './definition-schemas.ts';

const dataSharingReason = { zh: '通过数据共享获取', en: 'Obtained through data sharing' };

const text = part('localizedText');
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] }) as const;
const materialRef = { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'string' }, name: text } } as const;

/** The guide's response schema: buildGuide's answer, property for property. */
export const guideBody = {
  description: 'the service guide',
  type: 'object',
  additionalProperties: false,
  required: [
    'matter', 'personalizedFor', 'acceptanceConditions', 'handlingType', 'channels', 'onlineDepth', 'materials', 'waived', 'toBring', 'prefilled', 'timeLimit', 'fees',
    'totalFee', 'visits', 'visitReason', 'legalBasis', 'outputs',
  ],
  properties: {
    matter: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'version', 'kind', 'region', 'title', 'summary', 'matterType', 'department', 'hash'],
      properties: {
        id: { type: 'string' }, version: { type: 'string' }, kind: definitionProperty('kind'), region: part('region'), title: text, summary: nullable(text),
        matterType: definitionProperty('matterType'), department: part('department'), hash: { type: 'string' },
      },
    },
    personalizedFor: { type: ['string', 'null'], description: 'the signed-in applicant the waivers are worked out for; null for anyone else' },
    acceptanceConditions: { type: 'array', items: text },
    handlingType: definitionProperty('handlingType'),
    channels: definitionProperty('channels'),
    onlineDepth: { anyOf: [definitionProperty('onlineDepth'), { type: 'null' }] },
    materials: {
      type: 'array',
      items: {
        ...materialSchema,
        title: 'GuideMaterial',
        required: [...materialSchema.required, 'waivable', 'waived'],
        properties: {
          ...materialSchema.properties,
          waivable: { type: 'boolean', description: 'shared data can stand in for it' },
          waived: { type: 'boolean', description: 'shared data stands in for it for the signed-in applicant' },
          waivedReason: { ...text, description: 'waivable materials: why shared data can stand in' },
        },
      },
    },
    waived: { type: 'array', items: { ...materialRef, required: ['id', 'name', 'reason'], properties: { ...materialRef.properties, reason: text } } },
    toBring: { type: 'array', items: { ...materialRef, required: ['id', 'name', 'necessity'], properties: { ...materialRef.properties, necessity: materialSchema.properties.necessity } } },
    prefilled: { type: 'array', items: { type: 'string' }, description: 'form fields (JSON Pointers) shared data fills in for the signed-in applicant' },
    timeLimit: part('timeLimit'),
    fees: { type: 'array', items: part('fee') },
    totalFee: { type: 'number', minimum: 0 },
    visits: definitionProperty('visits'),
    visitReason: nullable(text),
    legalBasis: { type: 'array', items: part('legalResource') },
    outputs: { type: 'array', items: part('output') },
  },
} as const;

/** The guide; `user` personalizes the waivers (only applicants have shared data). */
export async function buildGuide(published: PublishedDefinition, sharedData: SharedDataSource, user: User | undefined) {
  const d = published.definition;
  const applicant = user?.role === 'applicant' ? user.subject : undefined;
  const available = new Set<string>();
  if (applicant) {
    const items = new Set([...d.materials.flatMap((m) => (m.sharedData ? [m.sharedData.item] : [])), ...(d.form.prefill ?? []).map((p) => p.item)]);
    for (const item of items) if (await sharedData.lookup(item, applicant)) available.add(item);
  }
  const materials = d.materials.map((m) => {
    const waivable = m.sharedData !== undefined;
    const waived = waivable && available.has(m.sharedData!.item);
    return { ...m, waivable, waived, ...(waivable ? { waivedReason: m.sharedData!.reason ?? dataSharingReason } : {}) };
  });
  const prefilled = (d.form.prefill ?? []).filter((p) => available.has(p.item)).map((p) => p.field);
  return {
    matter: { id: d.id, version: d.version, kind: d.kind, region: d.region, title: d.title, summary: d.summary ?? null, matterType: d.matterType, department: d.department, hash: published.hash },
    personalizedFor: applicant ? user!.id : null,
    acceptanceConditions: d.acceptanceConditions ?? [],
    handlingType: d.handlingType,
    channels: d.channels,
    onlineDepth: d.onlineDepth ?? null,
    materials,
    waived: materials.filter((m) => m.waived).map((m) => ({ id: m.id, name: m.name, reason: m.waivedReason })),
    toBring: materials.filter((m) => !m.waived && m.necessity !== 'exempted').map((m) => ({ id: m.id, name: m.name, necessity: m.necessity })),
    prefilled,
    timeLimit: d.timeLimit,
    fees: d.fees,
    totalFee: d.fees.reduce((sum, f) => sum + f.amount, 0),
    visits: d.visits,
    visitReason: d.visitReason ?? null,
    legalBasis: d.legalBasis,
    outputs: d.outputs,
  };
}
