/**
 * The CPSV-AP 3.2 export read back as RDF by an established JSON-LD processor (jsonld.js), with every URL refused:
 * each instance of each class carries every property the specification makes mandatory; the optional properties the
 * export fills are there; nothing CPSV-AP lacks is said outside the `om:` namespace, and every `om:` term is
 * documented in docs/cpsv.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpsvDocuments, om, prefixes, selectDefinitions, type CpsvDocument } from '../runtime/cpsv/index.ts';
import { projectRoot, realCatalogue } from './support/catalogue.ts';
import { bySubject, miniBundle, rdfType, refuseNetwork, richDefinition, toQuads } from './support/cpsv.ts';
import { miniDoc } from './support/fixtures.ts';
import jsonld from 'jsonld';

const { cpsv, cv, dct, dcat, eli, adms, skos, foaf, xsd } = prefixes;

interface ClassShape {
  /** The classes whose instances the shape applies to (a superclass's properties apply to its subclasses). */
  readonly classes: readonly string[];
  readonly mandatory: Readonly<Record<string, string>>;
  readonly optional: Readonly<Record<string, string>>;
}

/**
 * CPSV-AP 3.2.0, per class: the properties the specification marks Mandatory and Optional, by name and IRI.
 * Source: SEMICeu/CPSV-AP `releases/3.2.0/index.html`, appendix "Quick Reference of Classes and Properties" (commit
 * 200984cce64753f416be3eaec33e2053a4ba0f2c), cross-checked against `releases/3.2.0/shacl/cpsv-ap-SHACL.ttl`
 * (`sh:minCount 1` on exactly the mandatory ones) and the per-class tables' cardinalities.
 * 3.2.0 marks no property Recommended: its quick reference lists every property as Mandatory or Optional, so the
 * recommended sets are empty, and the test pins instead which optional properties the export fills.
 * One discrepancy in the specification: BusinessEvent.type is Mandatory in the quick reference but 0..* in the
 * class table and without sh:minCount in the shapes; the table below follows the stricter quick reference.
 */
const cpsvAp320: Readonly<Record<string, ClassShape>> = {
  PublicService: {
    classes: [`${cpsv}PublicService`],
    mandatory: { description: `${dct}description`, hasCompetentAuthority: `${cv}hasCompetentAuthority`, identifier: `${dct}identifier`, name: `${dct}title` },
    optional: {
      addressee: `${dct}audience`, contactPoint: `${cv}contactPoint`, follows: `${cpsv}follows`, functionsOfGovernment: `${dct}type`,
      hasChannel: `${cv}hasChannel`, hasCost: `${cv}hasCost`, hasInput: `${cpsv}hasInput`, hasInputType: `${cv}hasInputType`,
      hasLegalResource: `${cv}hasLegalResource`, hasParticipation: `${cv}hasParticipation`, holdsRequirement: `${cv}holdsRequirement`,
      isClassifiedBy: `${cv}isClassifiedBy`, isGroupedBy: `${cv}isGroupedBy`, isPartOf: `${dct}isPartOf`, keyword: `${dcat}keyword`,
      language: `${dct}language`, processingTime: `${cv}processingTime`, produces: `${cpsv}produces`, relatedService: `${cv}relatedService`,
      requires: `${dct}requires`, sector: `${cv}sector`, spatial: `${dct}spatial`, status: `${adms}status`, thematicArea: `${cv}thematicArea`,
    },
  },
  PublicOrganisation: { classes: [`${cv}PublicOrganisation`], mandatory: { preferredLabel: `${skos}prefLabel`, spatial: `${dct}spatial` }, optional: {} },
  Evidence: {
    classes: [`${cv}Evidence`],
    mandatory: { identifier: `${dct}identifier`, name: `${dct}title` },
    optional: {
      description: `${dct}description`, isConformantTo: `${dct}conformsTo`, isPartOf: `${dct}isPartOf`, language: `${dct}language`,
      relatedDocumentation: `${foaf}page`, supportsRequirement: `${cv}supportsRequirement`, type: `${dct}type`,
    },
  },
  EvidenceType: { classes: [`${cv}EvidenceType`], mandatory: { identifier: `${dct}identifier` }, optional: { evidenceTypeClassification: `${cv}evidenceTypeClassification` } },
  Requirement: {
    classes: [`${cv}Requirement`],
    mandatory: { identifier: `${dct}identifier`, name: `${dct}title` },
    optional: { fulfils: `${cv}fulfils`, hasSupportingEvidence: `${cv}hasSupportingEvidence`, type: `${dct}type` },
  },
  Cost: {
    classes: [`${cv}Cost`],
    mandatory: { identifier: `${dct}identifier` },
    optional: { currency: `${cv}currency`, description: `${dct}description`, hasValue: `${cv}hasValue`, ifAccessedThrough: `${cv}ifAccessedThrough`, isDefinedBy: `${cv}isDefinedBy` },
  },
  Output: {
    classes: [`${cv}Output`],
    mandatory: { identifier: `${dct}identifier`, name: `${dct}title` },
    optional: { description: `${dct}description`, isPartOf: `${dct}isPartOf`, language: `${dct}language`, type: `${dct}type` },
  },
  Channel: {
    classes: [`${cv}Channel`],
    mandatory: { identifier: `${dct}identifier` },
    optional: {
      availabilityRestriction: `${cv}specialOpeningHoursSpecification`, description: `${dct}description`, hasInput: `${cpsv}hasInput`,
      openingHours: `${cv}openingHours`, ownedBy: `${cv}ownedBy`, processingTime: `${cv}processingTime`, type: `${dct}type`,
    },
  },
  LegalResource: { classes: [`${eli}LegalResource`], mandatory: {}, optional: { related: `${dct}relation` } },
  ContactPoint: {
    classes: [`${cv}ContactPoint`],
    mandatory: {},
    optional: { availabilityRestriction: `${cv}specialOpeningHoursSpecification`, contactPage: `${cv}contactPage`, hasEmail: `${cv}email`, hasTelephone: `${cv}telephone`, openingHours: `${cv}openingHours` },
  },
  Event: {
    classes: [`${cv}Event`, `${cv}LifeEvent`, `${cv}BusinessEvent`],
    mandatory: { identifier: `${dct}identifier`, name: `${dct}title` },
    optional: { description: `${dct}description`, hasRelatedService: `${cv}hasRelatedService` },
  },
  LifeEvent: { classes: [`${cv}LifeEvent`], mandatory: {}, optional: { type: `${dct}type` } },
  BusinessEvent: { classes: [`${cv}BusinessEvent`], mandatory: { type: `${dct}type` }, optional: {} },
  Participation: {
    classes: [`${cv}Participation`],
    mandatory: { description: `${dct}description`, identifier: `${dct}identifier`, role: `${cv}role` },
    optional: { hasParticipant: `${cv}hasParticipant` },
  },
  Agent: { classes: [`${foaf}Agent`], mandatory: { identifier: `${dct}identifier`, name: `${dct}title` }, optional: { address: 'http://www.w3.org/ns/locn#address', participates: `${cv}participates` } },
  Dataset: {
    classes: [`${dcat}Dataset`],
    mandatory: { description: `${dct}description`, publisher: `${dct}publisher` },
    optional: { hasPart: `${dct}hasPart`, identifier: `${dct}identifier`, landingPage: `${dcat}landingPage`, title: `${dct}title` },
  },
};

/** Per class: its instances, and for each optional property whether every, some or no instance has it. */
interface ClassReport {
  readonly instances: number;
  readonly missingMandatory: readonly string[];
  readonly optional: Readonly<Record<string, 'all' | 'some' | 'none'>>;
}

function conformance(quads: readonly Quad[]): Record<string, ClassReport> {
  const subjects = bySubject(quads);
  const report: Record<string, ClassReport> = {};
  for (const [name, shape] of Object.entries(cpsvAp320)) {
    const instances = [...subjects].filter(([, props]) => (props.get(rdfType) ?? []).some((t) => shape.classes.includes(t.value)));
    const missingMandatory = instances.flatMap(([iri, props]) => Object.entries(shape.mandatory).filter(([, p]) => !props.has(p)).map(([property]) => `${iri} lacks ${name}.${property}`));
    const optional = Object.fromEntries(
      Object.entries(shape.optional).map(([property, p]) => {
        const having = instances.filter(([, props]) => props.has(p)).length;
        return [property, having === 0 ? 'none' : having === instances.length ? 'all' : 'some'] as const;
      }),
    );
    report[name] = { instances: instances.length, missingMandatory, optional };
  }
  return report;
}

const filled = (r: ClassReport) => Object.entries(r.optional).filter(([, v]) => v !== 'none').map(([k]) => k).sort();

async function quadsOf(documents: readonly CpsvDocument[]): Promise<Quad[]> {
  return (await Promise.all(documents.map((d) => toQuads(d.document)))).flat();
}

const business = { ...miniBundle(), id: '330000-BUNDLE-0002', title: { zh: '开办企业一件事', en: 'Starting a business' }, event: 'market-entry' as const, eventType: 'business' as const };

describe('the CPSV-AP 3.2 export, expanded to RDF', () => {
  let rich: Record<string, ClassReport>;
  let real: Record<string, ClassReport>;
  let richQuads: Quad[];
  let realQuads: Quad[];
  beforeAll(async () => {
    const other = miniDoc('matters/other.json');
    richQuads = await quadsOf(cpsvDocuments({ definitions: [richDefinition(), other], bundles: [miniBundle(), business] }));
    rich = conformance(richQuads);
    // every definition of the real catalogue the meta-schema accepts (the catalogue's data may be mid-edit elsewhere)
    const { catalogue } = realCatalogue;
    realQuads = await quadsOf(cpsvDocuments({ definitions: selectDefinitions(catalogue.definitions.map((d) => d.value), true), bundles: catalogue.bundles.map((b) => b.value) }));
    real = conformance(realQuads);
  }, 60_000);

  it('needs no network: the context is embedded, and a document that named a remote one would fail to load', async () => {
    expect(richQuads.length).toBeGreaterThan(100);
    await expect(jsonld.toRDF({ '@context': 'https://semiceu.github.io/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld', '@id': 'https://onematter.dev/x' }, { documentLoader: refuseNetwork })).rejects.toThrow();
  });

  it('has every mandatory property on every instance of every class, in the real catalogue and a definition with every element', () => {
    for (const report of [rich, real]) {
      for (const [name, r] of Object.entries(report)) expect(r.missingMandatory, name).toEqual([]);
    }
    const emitted = (report: Record<string, ClassReport>) => Object.entries(report).filter(([, r]) => r.instances > 0).map(([name]) => name).sort();
    expect(emitted(rich)).toEqual(Object.keys(cpsvAp320).sort()); // no class of the table goes untested
    expect(emitted(real)).toEqual(expect.arrayContaining(['Channel', 'Dataset', 'Event', 'Evidence', 'LegalResource', 'LifeEvent', 'Output', 'Participation', 'PublicOrganisation', 'PublicService', 'Requirement']));
  });

  it('fills these optional properties, and leaves out only what a definition cannot say', () => {
    expect(Object.fromEntries(Object.entries(rich).map(([name, r]) => [name, filled(r)]))).toEqual({
      PublicService: [
        'addressee', 'contactPoint', 'hasChannel', 'hasCost', 'hasInput', 'hasLegalResource', 'hasParticipation', 'holdsRequirement',
        'isClassifiedBy', 'isGroupedBy', 'isPartOf', 'language', 'processingTime', 'produces', 'requires', 'spatial', 'status',
      ],
      PublicOrganisation: [],
      Evidence: ['description', 'isConformantTo', 'supportsRequirement'],
      EvidenceType: [],
      Requirement: ['hasSupportingEvidence', 'type'],
      Cost: ['currency', 'description', 'hasValue'],
      Output: ['type'],
      Channel: ['type'],
      LegalResource: [],
      ContactPoint: ['hasEmail', 'hasTelephone', 'openingHours'],
      Event: ['hasRelatedService'],
      LifeEvent: ['type'],
      BusinessEvent: [],
      Participation: [],
      Agent: [],
      Dataset: ['hasPart', 'identifier', 'title'],
    });
    // what every real definition has, whatever its data
    const always = (name: string) => Object.entries(real[name]!.optional).filter(([, v]) => v === 'all').map(([k]) => k);
    expect(always('PublicService')).toEqual(expect.arrayContaining(['hasChannel', 'hasInput', 'hasLegalResource', 'hasParticipation', 'isClassifiedBy', 'isPartOf', 'language', 'processingTime', 'spatial']));
    expect(always('Channel')).toEqual(['type']);
    expect(always('Output')).toEqual(['type']);
  });

  it('never says ifAccessedThrough: no fee names a channel', () => {
    expect([...richQuads, ...realQuads].filter((q) => q.predicate.value === `${cv}ifAccessedThrough`)).toEqual([]);
  });

  it('writes names and descriptions in Chinese and English, processing times as xsd:duration and amounts as xsd:double', () => {
    for (const quads of [richQuads, realQuads]) {
      const subjects = bySubject(quads);
      for (const [iri, props] of subjects) {
        if (!(props.get(rdfType) ?? []).some((t) => t.value === `${cpsv}PublicService`)) continue;
        for (const p of [`${dct}title`, `${dct}description`]) expect(props.get(p)!.map((o) => o.language).sort(), `${iri} ${p}`).toEqual(['en', 'zh']);
        expect(props.get(`${cv}processingTime`)!.map((o) => o.datatype?.value), iri).toEqual([`${xsd}duration`]);
      }
      for (const q of quads.filter((q) => q.predicate.value === `${cv}hasValue`)) expect(q.object.datatype?.value).toBe(`${xsd}double`);
    }
    const cost = bySubject(richQuads).get('https://onematter.dev/id/matter/330000-TEST-0001/330000/1.0.0/cost/card')!;
    expect(cost.get(`${cv}hasValue`)![0]!.value).toBe('2.05E1');
    expect(cost.get(`${cv}currency`)![0]!.value).toBe('http://publications.europa.eu/resource/authority/currency/CNY');
  });

  it('says nothing CPSV-AP lacks outside om:, and documents every om: term in docs/cpsv.md', () => {
    const inProfile = new Set(Object.values(cpsvAp320).flatMap((s) => [...Object.values(s.mandatory), ...Object.values(s.optional)]));
    // standard terms the export uses beyond the profile's own: typing, SKOS concepts, versions, ELI and addresses
    const beyond = new Set([
      rdfType, `${skos}prefLabel`, `${skos}notation`, `${skos}inScheme`, 'http://www.w3.org/2002/07/owl#versionInfo', `${dct}source`,
      `${dct}spatial`, `${dct}hasPart`, `${eli}id_local`, `${eli}type_document`, `${eli}is_part_of`, 'http://www.w3.org/ns/locn#address',
      'http://www.w3.org/ns/locn#fullAddress',
    ]);
    const predicates = new Set([...richQuads, ...realQuads].map((q) => q.predicate.value));
    expect([...predicates].filter((p) => !p.startsWith(om) && !inProfile.has(p) && !beyond.has(p))).toEqual([]);
    const doc = readFileSync(join(projectRoot, 'docs/cpsv.md'), 'utf8');
    const omTerms = [...new Set([...richQuads, ...realQuads].flatMap((q) => [q.predicate.value, q.object.value]).filter((v) => v.startsWith(om)))];
    expect(omTerms.length).toBeGreaterThan(30);
    for (const term of omTerms) expect(doc, term).toContain(`\`om:${term.slice(om.length)}\``);
  });
});
