/**
 * A matter's service guide (办事指南) in one region: materials — each marked waived when shared data stands in for
 * it for the signed-in applicant, with the reason, and with the situation it applies in described in words —
 * time limits in their unit, fees with their conditions and waivers, on-site visits, who implements it (and who owns
 * the standard), who may apply and where, places, contact, legal basis.
 * The guide describes situations; it cannot decide them (it has no answers): the case does that.
 */
import { conditionDescription, type BundleSaving, type Material } from '../../engine/index.ts';
import type { PublishedDefinition } from '../store/types.ts';
import type { SharedDataSource } from '../shared-data/source.ts';
import type { User } from './auth.ts';
import { definitionProperty, feeSchema, materialSchema, part } from './definition-schemas.ts';

const dataSharingReason = { zh: '通过数据共享获取', en: 'Obtained through data sharing' };

const text = part('localizedText');
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] }) as const;
const conditionText = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en', 'generic'],
  properties: { zh: { type: 'string' }, en: { type: 'string' }, generic: { type: 'boolean', description: 'too intricate to put in words: the text is a generic "in some situations"' } },
} as const;
const situationText = { ...nullable(conditionText), description: 'the situation it applies in, in words; null: always' } as const;
const burden = {
  type: 'object', additionalProperties: false, required: ['fieldsTyped', 'materials', 'visits', 'promisedDays', 'submissions'],
  properties: { fieldsTyped: { type: 'number' }, materials: { type: 'number' }, visits: { type: 'number' }, promisedDays: { type: 'number', description: 'working days' }, submissions: { type: 'number' } },
} as const;
const savingSchema = {
  type: 'object', additionalProperties: false, required: ['separately', 'together', 'saved'],
  properties: { separately: { ...burden, description: 'each member applied for on its own, added up' }, together: { ...burden, description: 'the bundle' }, saved: { ...burden, description: 'separately − together' } },
} as const;
const materialRef = { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'string' }, name: text } } as const;

/** The guide's response schema: buildGuide's answer, property for property. */
export const guideBody = {
  description: 'the service guide',
  type: 'object',
  additionalProperties: false,
  required: [
    'matter', 'personalizedFor', 'acceptanceConditions', 'handlingType', 'channels', 'onlineDepth', 'materials', 'waived', 'toBring', 'prefilled', 'timeLimit', 'fees',
    'totalFee', 'visits', 'visitReason', 'legalBasis', 'outputs', 'locations', 'contact', 'bundle',
  ],
  properties: {
    matter: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'version', 'kind', 'region', 'title', 'summary', 'matterType', 'department', 'standardOwner', 'serviceObject', 'acceptanceScope', 'hash'],
      properties: {
        id: { type: 'string' }, version: { type: 'string' }, kind: definitionProperty('kind'), region: part('region'), title: text, summary: nullable(text),
        matterType: definitionProperty('matterType'),
        department: { ...part('department'), description: 'the implementing body (实施主体), with its nature where the definition gives it' },
        standardOwner: { ...nullable(part('department')), description: 'who owns the standard (the province), where it is not the implementing body; null: the same' },
        serviceObject: { ...nullable(definitionProperty('serviceObject')), description: 'who may apply; null: not stated' },
        acceptanceScope: { ...nullable(definitionProperty('acceptanceScope')), description: 'where an application is accepted regardless of residence (通办范围); null: not stated' },
        hash: { type: 'string' },
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
        required: [...materialSchema.required, 'waivable', 'waived', 'whenText', 'coveredBy'],
        properties: {
          ...materialSchema.properties,
          whenText: situationText,
          coveredBy: { type: ['string', 'null'], description: 'the member of its one-of group that shared data stands in for, which satisfies the group for the signed-in applicant; null otherwise' },
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
    fees: {
      type: 'array',
      items: {
        ...feeSchema,
        title: 'GuideFee',
        required: [...feeSchema.required, 'whenText', 'waivedWhenText'],
        properties: { ...feeSchema.properties, whenText: situationText, waivedWhenText: { ...nullable(conditionText), description: 'the situation it is waived in, in words; null: never waived' } },
      },
    },
    totalFee: { type: 'number', minimum: 0, description: 'yuan every applicant is charged: the fees without a condition (some may be waived); conditional fees come on top where they apply' },
    visits: definitionProperty('visits'),
    visitReason: nullable(text),
    legalBasis: { type: 'array', items: part('legalResource') },
    outputs: { type: 'array', items: part('output') },
    locations: { type: 'array', items: part('location') },
    contact: nullable(part('contact')),
    bundle: {
      description: 'a one-thing bundle (一件事): its life event, how it is submitted, its members (each department’s part) and what it saves against applying for each member on its own; null for a single matter',
      anyOf: [{
        type: 'object', additionalProperties: false, required: ['event', 'eventType', 'submission', 'members', 'saving'],
        properties: {
          event: { type: 'string', description: 'the life event (national vocabulary: birth, employment, market-entry, …)' },
          eventType: { type: 'string', enum: ['life', 'business'] },
          submission: { type: 'string', enum: ['once', 'separate'], description: 'once: one form, one submission; separate: each member submitted on its own' },
          members: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, required: ['key', 'title', 'department', 'departmentName'], properties: { key: { type: 'string' }, title: text, department: { type: 'string' }, departmentName: text } },
          },
          saving: { ...nullable(savingSchema), description: 'fields typed, materials, visits, promised working days and submissions: each member on its own added up, the bundle, and the difference; null for a bundle version the server did not compose from its definitions folder' },
        },
      }, { type: 'null' }],
    },
  },
} as const;

const described = (condition: object | undefined, formSchema: object) => (condition === undefined ? null : conditionDescription(condition, formSchema));

/**
 * The guide; `user` personalizes the waivers (only applicants have shared data). `saving`: a composed bundle's, as
 * bundleSaving computed it when the server composed it.
 */
export async function buildGuide(published: PublishedDefinition, sharedData: SharedDataSource, user: User | undefined, saving?: BundleSaving) {
  const d = published.definition;
  const applicant = user?.role === 'applicant' ? user.subject : undefined;
  const available = new Set<string>();
  if (applicant) {
    const items = new Set([...d.materials.flatMap((m) => (m.sharedData ? [m.sharedData.item] : [])), ...(d.form.prefill ?? []).map((p) => p.item)]);
    for (const item of items) if (await sharedData.lookup(item, applicant)) available.add(item);
  }
  const isWaived = (m: Material) => m.sharedData !== undefined && available.has(m.sharedData.item);
  // a one-of group one waived member satisfies: the other members need not be brought (the first waived one covers them)
  const covering = new Map<string, string>();
  for (const m of d.materials) if (m.oneOfGroup !== undefined && isWaived(m) && !covering.has(m.oneOfGroup)) covering.set(m.oneOfGroup, m.id);
  const materials = d.materials.map((m) => {
    const waivable = m.sharedData !== undefined;
    const waived = isWaived(m);
    const coveredBy = !waived && m.oneOfGroup !== undefined ? (covering.get(m.oneOfGroup) ?? null) : null;
    return { ...m, waivable, waived, whenText: described(m.when, d.form.schema), coveredBy, ...(waivable ? { waivedReason: m.sharedData!.reason ?? dataSharingReason } : {}) };
  });
  const prefilled = (d.form.prefill ?? []).filter((p) => available.has(p.item)).map((p) => p.field);
  return {
    matter: {
      id: d.id, version: d.version, kind: d.kind, region: d.region, title: d.title, summary: d.summary ?? null, matterType: d.matterType, department: d.department,
      standardOwner: d.standardOwner ?? null, serviceObject: d.serviceObject ?? null, acceptanceScope: d.acceptanceScope ?? null, hash: published.hash,
    },
    personalizedFor: applicant ? user!.id : null,
    acceptanceConditions: d.acceptanceConditions ?? [],
    handlingType: d.handlingType,
    channels: d.channels,
    onlineDepth: d.onlineDepth ?? null,
    materials,
    waived: materials.filter((m) => m.waived).map((m) => ({ id: m.id, name: m.name, reason: m.waivedReason })),
    toBring: materials.filter((m) => !m.waived && m.coveredBy === null && m.necessity !== 'exempted').map((m) => ({ id: m.id, name: m.name, necessity: m.necessity })),
    prefilled,
    timeLimit: d.timeLimit,
    fees: d.fees.map((f) => ({ ...f, whenText: described(f.when, d.form.schema), waivedWhenText: described(f.waivedWhen, d.form.schema) })),
    totalFee: d.fees.filter((f) => f.when === undefined).reduce((sum, f) => sum + f.amount, 0),
    visits: d.visits,
    visitReason: d.visitReason ?? null,
    legalBasis: d.legalBasis,
    outputs: d.outputs,
    locations: d.locations ?? [],
    contact: d.contact ?? null,
    bundle: d.bundle
      ? {
          event: d.bundle.event, eventType: d.bundle.eventType, submission: d.bundle.submission,
          members: d.bundle.members.map((m) => ({ key: m.key, title: m.title, department: m.department, departmentName: m.departmentName })),
          saving: saving ?? null,
        }
      : null,
  };
}
