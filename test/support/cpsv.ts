/**
 * For the CPSV-AP tests: a definition that fills every optional element the export maps, and the export read back
 * as RDF by jsonld.js with a document loader that refuses every URL (a document that needed a remote context would
 * fail), in safe mode (a key that does not expand would fail instead of being dropped).
 */
import jsonld, { type Quad } from 'jsonld';
import type { BundleDefinition, MatterDefinition } from '../../engine/index.ts';
import { miniDoc } from './fixtures.ts';

export const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** A document loader that fetches nothing. */
export async function refuseNetwork(url: string): Promise<never> {
  throw new Error(`the test refuses to fetch ${url}`);
}

/** A JSON-LD document as RDF quads, with no network and no silent loss. */
export const toQuads = (document: unknown): Promise<Quad[]> => jsonld.toRDF(document, { documentLoader: refuseNetwork, safe: true });

/** Triples by subject: predicate IRI → objects. */
export function bySubject(quads: readonly Quad[]): Map<string, Map<string, Quad['object'][]>> {
  const subjects = new Map<string, Map<string, Quad['object'][]>>();
  for (const q of quads) {
    const props = subjects.get(q.subject.value) ?? new Map<string, Quad['object'][]>();
    props.set(q.predicate.value, [...(props.get(q.predicate.value) ?? []), q.object]);
    subjects.set(q.subject.value, props);
  }
  return subjects;
}

/** The mini baseline with every optional element the export maps filled in (not valid as a whole: the mapping does not care). */
export function richDefinition(): MatterDefinition {
  const d = miniDoc('matters/baseline.json');
  return {
    ...d,
    department: { code: '11330000002482224X', name: { zh: '居住地县级公安机关', en: 'County public security organ of the place of residence' }, nature: 'entrusted', entrustedBy: { zh: '浙江省公安厅', en: 'Zhejiang Provincial Public Security Department' }, level: 'county' },
    standardOwner: { name: { zh: '浙江省公安厅', en: 'Zhejiang Provincial Public Security Department' }, nature: 'statutory', level: 'province' },
    exerciseLevel: 'county',
    onlineDepth: 3,
    locations: [{ name: { zh: '市民中心', en: 'Citizen centre' }, address: { zh: '杭州市解放东路18号', en: '18 Jiefang East Road, Hangzhou' }, region: '330102', hours: { zh: '工作日9:00-17:00', en: 'Working days 9:00-17:00' }, window: 'A12', phone: '0571-12345' }],
    serviceObject: ['natural-person'],
    acceptanceScope: 'province',
    contact: { consult: '12345', complaint: '0571-12345678', email: 'help@example.org', hours: { zh: '工作日', en: 'Working days' } },
    status: 'active',
    effectiveFrom: '2026-01-01',
    codes: { basic: '000123456000', implementation: '11330000002482224X4000123456000', item: '01' },
    requires: ['330000-TEST-0002', '330000-NOT-HERE'],
    legalBasis: [
      { id: 'decree663', title: { zh: '《居住证暂行条例》', en: 'Interim Regulations on Residence Permits' }, article: '第九条', level: 'administrative-regulation', docNumber: '国务院令第663号', revision: '2015', url: 'https://www.gov.cn/zhengce/content/2015-12/14/content_10398.htm', issuer: { zh: '国务院', en: 'State Council' } },
      { id: 'fees', title: { zh: '《收费标准》', en: 'Fee schedule' } },
    ],
    acceptanceConditions: [{ zh: '居住半年以上', en: 'Lived there for six months or more' }],
    materials: [
      ...d.materials,
      { id: 'employment', name: { zh: '就业证明', en: 'Proof of employment' }, necessity: 'required', source: 'third-party', format: ['paper'], copies: { originals: 1, photocopies: 1 }, issuer: { zh: '用人单位', en: 'The employer' }, oneOfGroup: 'ground', blankForm: true, example: true, notes: { zh: '三选一', en: 'One of three' } },
      { id: 'study', name: { zh: '就读证明', en: 'Proof of study' }, necessity: 'required', source: 'applicant', format: ['electronic'], copies: { originals: 1, photocopies: 0 }, oneOfGroup: 'ground', when: { properties: { ground: { const: 'study' } }, required: ['ground'] } },
    ],
    timeLimit: { unit: 'days', statutoryDays: 15, extendableTo: 30, promisedDays: 3, onSiteMinutes: 20 },
    fees: [
      { id: 'card', name: { zh: '工本费', en: 'Card fee' }, amount: 20.5, legalBasis: ['fees'], when: { properties: { replacement: { const: true } } }, waivedWhen: { properties: { first: { const: true } } }, waiverReason: { zh: '首次免费', en: 'Free the first time' } },
    ],
    visits: 1,
    visitReason: { zh: '采集指纹', en: 'Fingerprints are taken' },
    lifeEvents: ['relocation', 'employment'],
    outputs: [
      { id: 'permit', name: { zh: '居住证', en: 'Residence permit' }, type: 'certificate', electronic: true, validity: { kind: 'conditional', note: { zh: '随年龄变化', en: 'Depends on age' } }, delivery: ['electronic', 'mail'] },
      { id: 'receipt', name: { zh: '受理回执', en: 'Receipt' }, type: 'record', electronic: false, validity: { kind: 'years', years: 1 } },
    ],
  } as MatterDefinition;
}

/** The mini catalogue's bundle (the relocation event, life). */
export const miniBundle = (): BundleDefinition => miniDoc('bundle.json');
