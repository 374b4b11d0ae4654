/**
 * The CPSV-AP 3.2 mapping (runtime/cpsv), read as JSON: what each element of a definition becomes, the IRIs and
 * paths it gets, the processing time, events and bundles, and the same bytes whatever order the input comes in.
 */
import { describe, expect, it } from 'vitest';
import type { MatterDefinition } from '../engine/index.ts';
import { calendarDaysOf, cpsvBytes, cpsvDocuments, CpsvExportError, processingTime, selectDefinitions, type CpsvDocument, type JsonLdNode } from '../runtime/cpsv/index.ts';
import { miniBundle, richDefinition } from './support/cpsv.ts';
import { miniDoc } from './support/fixtures.ts';

const baseline = (): MatterDefinition => miniDoc('matters/baseline.json');
const variant = (): MatterDefinition => miniDoc('matters/variant.json');
const other = (): MatterDefinition => miniDoc('matters/other.json');
const service = (d: MatterDefinition) => `https://onematter.dev/id/matter/${d.id}/${d.region.code}/${d.version}`;

/** The node with `iri` in a document's graph. */
const node = (doc: CpsvDocument | undefined, iri: string): JsonLdNode => {
  const found = doc?.document['@graph'].find((n) => n['@id'] === iri);
  if (!found) throw new Error(`no node ${iri}`);
  return found;
};
const docOf = (docs: readonly CpsvDocument[], path: string) => docs.find((d) => d.path === path);

describe('processingTime()', () => {
  it('turns working days into the longest calendar span they can take without holidays', () => {
    expect([0, 1, 3, 5, 6, 10, 15, 20].map(calendarDaysOf)).toEqual([0, 3, 5, 7, 10, 14, 21, 28]);
    expect(processingTime({ promisedDays: 3 })).toBe('P5D');
    expect(processingTime({ unit: 'working-days', promisedDays: 15, statutoryDays: 20 })).toBe('P21D');
  });

  it('keeps calendar days as they are, and states an immediate matter in its on-site minutes', () => {
    expect(processingTime({ unit: 'days', promisedDays: 15, extendableTo: 30 })).toBe('P15D');
    expect(processingTime({ promisedDays: 0, onSiteMinutes: 30 })).toBe('PT30M');
    expect(processingTime({ promisedDays: 0 })).toBe('P0D');
  });
});

describe('selectDefinitions()', () => {
  it('keeps the newest version of each matter in each region, by number, or every version when asked', () => {
    const old = { ...variant(), version: '1.9.0' };
    const newer = { ...variant(), version: '1.10.0' };
    expect(selectDefinitions([newer, baseline(), old], false).map((d) => `${d.region.code}@${d.version}`)).toEqual(['330000@1.0.0', '330100@1.10.0']);
    expect(selectDefinitions([newer, baseline(), old], true).map((d) => `${d.region.code}@${d.version}`)).toEqual(['330000@1.0.0', '330100@1.9.0', '330100@1.10.0']);
  });
});

describe('cpsvDocuments()', () => {
  const docs = cpsvDocuments({ definitions: [baseline(), variant(), other()], bundles: [miniBundle()] });

  it('writes one document per definition at matters/<id>/<region>.jsonld and the index, each with its context embedded', () => {
    expect(docs.map((d) => d.path)).toEqual([
      'matters/330000-TEST-0001/330000.jsonld',
      'matters/330000-TEST-0001/330100.jsonld',
      'matters/330000-TEST-0002/330000.jsonld',
      'catalogue.jsonld',
    ]);
    for (const d of docs) expect(d.document['@context']).toMatchObject({ '@version': 1.1, cpsv: 'http://purl.org/vocab/cpsv#', cv: 'http://data.europa.eu/m8g/', om: 'https://onematter.dev/ns#' });
  });

  it('puts an older version beside the newest as <region>@<version>.jsonld', () => {
    const paths = cpsvDocuments({ definitions: [baseline(), { ...baseline(), version: '1.1.0' }], bundles: [] }).map((d) => d.path);
    expect(paths).toEqual(['matters/330000-TEST-0001/330000@1.0.0.jsonld', 'matters/330000-TEST-0001/330000.jsonld', 'catalogue.jsonld']);
  });

  it('maps the matter type to isClassifiedBy, the version to owl:versionInfo and the summary to the description', () => {
    const s = node(docs[0], service(baseline()));
    expect(s).toMatchObject({
      '@type': 'cpsv:PublicService',
      'dct:identifier': '330000-TEST-0001',
      'owl:versionInfo': '1.0.0',
      'cv:isClassifiedBy': { '@id': 'https://onematter.dev/id/concept/matter-type/public-service' },
      'dct:description': [{ '@value': '测试用的最小事项。', '@language': 'zh' }, { '@value': 'A minimal matter for tests.', '@language': 'en' }],
      'dct:title': [{ '@value': '测试事项', '@language': 'zh' }, { '@value': 'Test matter', '@language': 'en' }],
    });
    expect(s).not.toHaveProperty('dct:type');
    expect(s).not.toHaveProperty('dct:hasVersion');
    expect(node(docs[0], 'https://onematter.dev/id/concept/matter-type/public-service')).toMatchObject({ '@type': 'skos:Concept', 'skos:prefLabel': [{ '@value': '公共服务' }, { '@value': 'Public service' }] });
  });

  it('links a variant to its baseline with dct:source, and names the competent authority in the variant’s region', () => {
    const s = node(docs[1], service(variant()));
    expect(s['dct:source']).toEqual({ '@id': service(baseline()) });
    expect(s['om:kind']).toBe('variant');
    const authority = node(docs[1], `${service(variant())}/competent-authority`);
    expect(authority).toMatchObject({ '@type': 'cv:PublicOrganisation', 'dct:spatial': { '@id': 'https://onematter.dev/id/region/330100' } });
  });

  it('states the promised limit as processingTime and keeps both limits and their unit under om:', () => {
    expect(node(docs[0], service(baseline()))).toMatchObject({
      'cv:processingTime': { '@value': 'P5D', '@type': 'xsd:duration' },
      'om:timeUnit': 'working-days',
      'om:promisedDays': 3,
      'om:statutoryDays': 15,
    });
  });

  it('groups a service by its bundles’ events; a bundle composes the baselines of the versions it lists', () => {
    expect(node(docs[0], service(baseline()))['cv:isGroupedBy']).toEqual([{ '@id': 'https://onematter.dev/id/event/employment' }]);
    expect(node(docs[1], service(variant()))).not.toHaveProperty('cv:isGroupedBy'); // 1.1.0 is the variant's own version
    const index = docOf(docs, 'catalogue.jsonld');
    expect(node(index, 'https://onematter.dev/id/event/employment')).toEqual({
      '@id': 'https://onematter.dev/id/event/employment',
      '@type': 'cv:LifeEvent',
      'dct:identifier': 'employment',
      'dct:title': [{ '@value': '测试一件事', '@language': 'zh' }, { '@value': 'Test bundle', '@language': 'en' }],
      'dct:type': { '@id': 'https://onematter.dev/id/concept/event/employment' },
      'cv:hasRelatedService': [{ '@id': service(baseline()) }, { '@id': service(other()) }],
      'om:bundle': [{ '@id': 'https://onematter.dev/id/bundle/330000-BUNDLE-0001/330000/1.0.0' }],
    });
    expect(node(index, 'https://onematter.dev/id/bundle/330000-BUNDLE-0001/330000/1.0.0')).toMatchObject({
      '@type': 'om:Bundle',
      'dct:hasPart': [{ '@id': service(baseline()) }, { '@id': service(other()) }],
    });
  });

  it('links a bundle naming an older baseline to that version’s IRI, never to a variant that shares its number', () => {
    const newer = { ...baseline(), version: '1.1.0' };
    const sameNumber = { ...variant(), version: '1.0.0' };
    const index = cpsvDocuments({ definitions: [newer, sameNumber], bundles: [miniBundle()] }).at(-1);
    expect(node(index, 'https://onematter.dev/id/bundle/330000-BUNDLE-0001/330000/1.0.0')['dct:hasPart']).toEqual([{ '@id': service(baseline()) }]);
  });

  it('makes an event a BusinessEvent when its bundle says so', () => {
    const business = { ...miniBundle(), event: 'market-entry' as const, eventType: 'business' as const };
    const index = cpsvDocuments({ definitions: [baseline()], bundles: [business] }).at(-1);
    expect(node(index, 'https://onematter.dev/id/event/market-entry')['@type']).toBe('cv:BusinessEvent');
  });

  it('describes the catalogue as a dcat:Dataset published for the highest region, with each service’s document', () => {
    const index = docOf(docs, 'catalogue.jsonld');
    expect(node(index, 'https://onematter.dev/id/catalogue/330000')).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:publisher': { '@id': 'https://onematter.dev/id/agent/330000' },
      'dct:hasPart': [{ '@id': service(baseline()) }, { '@id': service(variant()) }, { '@id': service(other()) }],
    });
    expect(node(index, service(variant()))).toEqual({ '@id': service(variant()), 'om:document': 'matters/330000-TEST-0001/330100.jsonld' });
    expect(node(docs[0], service(baseline()))['dct:isPartOf']).toEqual({ '@id': 'https://onematter.dev/id/catalogue/330000' });
  });

  it('maps materials to Evidence, a one-of group to a Requirement they support, and shared data to an EvidenceType', () => {
    const rich = richDefinition();
    const [doc] = cpsvDocuments({ definitions: [rich], bundles: [] });
    const s = service(rich);
    expect(node(doc, s)['cpsv:hasInput']).toEqual(['idCard', 'rental', 'employment', 'study'].map((m) => ({ '@id': `${s}/evidence/${m}` })).concat({ '@id': `${s}/form` }));
    expect(node(doc, `${s}/evidence/idCard`)['dct:conformsTo']).toEqual({ '@id': 'https://onematter.dev/id/shared-data/identity' });
    expect(node(doc, `${s}/evidence/study`)).toMatchObject({
      'cv:supportsRequirement': { '@id': `${s}/requirement/one-of/ground` },
      'om:oneOfGroup': 'ground',
      'om:when': { '@type': '@json', '@value': { properties: { ground: { const: 'study' } }, required: ['ground'] } },
    });
    expect(node(doc, `${s}/requirement/one-of/ground`)).toMatchObject({
      '@type': 'cv:Requirement',
      'dct:title': [{ '@value': '提交以下材料之一：就业证明、就读证明' }, { '@value': 'One of: Proof of employment; Proof of study' }],
      'cv:hasSupportingEvidence': [{ '@id': `${s}/evidence/employment` }, { '@id': `${s}/evidence/study` }],
    });
    expect(node(doc, s)['cv:holdsRequirement']).toEqual([{ '@id': `${s}/requirement/condition-1` }, { '@id': `${s}/requirement/one-of/ground` }]);
  });

  it('maps fees to Costs in yuan with no channel, their legal basis and situations under om:', () => {
    const rich = richDefinition();
    const [doc] = cpsvDocuments({ definitions: [rich], bundles: [] });
    const cost = node(doc, `${service(rich)}/cost/card`);
    expect(cost).toMatchObject({
      '@type': 'cv:Cost',
      'cv:hasValue': { '@value': 20.5, '@type': 'xsd:double' },
      'cv:currency': { '@id': 'http://publications.europa.eu/resource/authority/currency/CNY' },
      'om:legalBasis': [{ '@id': 'https://onematter.dev/eli/cn/《收费标准》' }],
      'om:waivedWhen': { '@type': '@json' },
    });
    expect(cost).not.toHaveProperty('cv:ifAccessedThrough');
    expect(cost).not.toHaveProperty('cv:isDefinedBy');
  });

  it('gives legal resources ELI-style IRIs: one per document and revision, an article below it', () => {
    const rich = richDefinition();
    const [doc] = cpsvDocuments({ definitions: [rich], bundles: [] });
    const document = 'https://onematter.dev/eli/cn/《居住证暂行条例》/rev/2015';
    expect(node(doc, service(rich))['cv:hasLegalResource']).toEqual([{ '@id': `${document}/art/第九条` }, { '@id': 'https://onematter.dev/eli/cn/《收费标准》' }]);
    expect(node(doc, document)).toMatchObject({ '@type': 'eli:LegalResource', 'eli:id_local': '国务院令第663号', 'eli:type_document': { '@id': 'https://onematter.dev/id/concept/legal-level/administrative-regulation' } });
    expect(node(doc, `${document}/art/第九条`)).toMatchObject({ '@type': ['eli:LegalResource', 'eli:LegalResourceSubdivision'], 'eli:is_part_of': { '@id': document }, 'om:article': '第九条' });
  });

  it('percent-encodes what an IRI segment may not hold, and keeps Chinese as it is', () => {
    const d = { ...baseline(), legalBasis: [{ id: 'x', title: { zh: '《条例 A/B》#1?', en: 'Rules' } }] };
    const [doc] = cpsvDocuments({ definitions: [d], bundles: [] });
    expect(node(doc, service(d))['cv:hasLegalResource']).toEqual([{ '@id': 'https://onematter.dev/eli/cn/《条例%20A%2FB》%231%3F' }]);
  });

  it('points requires at the same region’s service, else the baseline, else the matter', () => {
    const rich = richDefinition();
    const [doc] = cpsvDocuments({ definitions: [rich, other()], bundles: [] });
    expect(node(doc, service(rich))['dct:requires']).toEqual([{ '@id': service(other()) }, { '@id': 'https://onematter.dev/id/matter/330000-NOT-HERE' }]);
  });

  it('maps contact, locations, codes and the standard owner', () => {
    const rich = richDefinition();
    const [doc] = cpsvDocuments({ definitions: [rich], bundles: [] });
    const s = service(rich);
    expect(node(doc, s)).toMatchObject({
      'cv:hasCompetentAuthority': { '@id': 'https://onematter.dev/id/organisation/11330000002482224X' },
      'om:standardOwner': { '@id': `${s}/standard-owner` },
      'cv:contactPoint': [{ '@id': `${s}/contact-point/consult` }, { '@id': `${s}/contact-point/complaint` }],
      'om:acceptedAt': [{ '@id': `${s}/location/1` }],
      'om:basicCode': '000123456000',
      'om:effectiveFrom': { '@value': '2026-01-01', '@type': 'xsd:date' },
      'adms:status': { '@id': 'https://onematter.dev/id/concept/status/active' },
      'dct:audience': [{ '@id': 'https://onematter.dev/id/concept/service-object/natural-person' }],
    });
    expect(node(doc, `${s}/contact-point/consult`)).toMatchObject({ 'cv:telephone': '12345', 'cv:email': 'help@example.org', 'cv:openingHours': { '@id': `${s}/contact-point/consult/hours` } });
    expect(node(doc, 'https://onematter.dev/id/organisation/11330000002482224X')).toMatchObject({ 'om:nature': 'entrusted', 'om:level': 'county' });
  });

  it('gives the same bytes whatever order the definitions and bundles come in', () => {
    const second = { ...miniBundle(), id: '330000-BUNDLE-0002', event: 'living' as const };
    const a = cpsvDocuments({ definitions: [baseline(), variant(), other(), richDefinition()].slice(1), bundles: [miniBundle(), second] }).map(cpsvBytes);
    const b = cpsvDocuments({ definitions: [other(), richDefinition(), variant()], bundles: [second, miniBundle()] }).map(cpsvBytes);
    expect(b).toEqual(a);
    expect(a.every((bytes) => bytes.endsWith('}\n'))).toBe(true);
  });

  it('refuses an export with no definition, or with one definition twice', () => {
    expect(() => cpsvDocuments({ definitions: [], bundles: [miniBundle()] })).toThrow(CpsvExportError);
    expect(() => cpsvDocuments({ definitions: [baseline(), baseline()], bundles: [] })).toThrow('330000-TEST-0001@1.0.0 (330000) is given twice');
  });
});
