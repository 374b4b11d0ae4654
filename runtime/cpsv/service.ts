/**
 * One definition as a CPSV-AP 3.2 graph: the `cpsv:PublicService` first, then everything it links to that belongs
 * to it (evidence, requirements, costs, channels, outputs, legal resources, organisations, contact points, concepts).
 */
import type { MatterDefinition } from '../../engine/index.ts';
import { addChannels } from './channels.ts';
import { conceptNode } from './concepts.ts';
import { addCosts } from './costs.ts';
import { addInputs } from './evidence.ts';
import { Graph, type JsonLdNode } from './graph.ts';
import { serviceIri } from './iris.ts';
import { addLegalResources } from './legal.ts';
import { ref, refs, text, typed } from './literals.ts';
import { euAuthority } from './namespaces.ts';
import { addContactPoints, addLocations, addOrganisation, addRegion } from './organisation.ts';
import { addOutputs } from './outputs.ts';
import { timeProperties } from './time.ts';

/** What a definition's graph needs from the rest of the export. */
export interface ServiceContext {
  /** The catalogue (`dcat:Dataset`) the service is part of. */
  readonly catalogue: string;
  /** The events (from `lifeEvents` and the bundles listing the definition) that group it. */
  readonly events: readonly string[];
  /** The PublicService a variant's baseline reference names, when the export knows the baseline's region. */
  readonly baseline: (ref: { readonly id: string; readonly version: string }) => string | undefined;
  /** The PublicService that `requires` names for a matter id. */
  readonly required: (id: string) => string;
}

/** The language every service is delivered in (EU language code list). */
export const chinese = `${euAuthority}language/ZHO`;

/** The nodes of a definition's document: its PublicService first. */
export function serviceGraph(d: MatterDefinition, ctx: ServiceContext): JsonLdNode[] {
  const g = new Graph();
  const service = serviceIri(d);
  const legal = addLegalResources(g, d);
  const inputs = addInputs(g, d, service, legal);
  const matterType = g.add(conceptNode('matter-type', d.matterType));
  const audience = (d.serviceObject ?? []).map((o) => g.add(conceptNode('service-object', o)));
  const status = d.status && g.add(conceptNode('status', d.status));
  const node: JsonLdNode = {
    '@id': service,
    '@type': 'cpsv:PublicService',
    'dct:identifier': d.id,
    'dct:title': text(d.title),
    'dct:description': text(d.summary),
    'owl:versionInfo': d.version,
    'cv:isClassifiedBy': ref(matterType),
    'cv:hasCompetentAuthority': ref(addOrganisation(g, d.department, d.region, service, 'competent-authority')),
    'dct:spatial': ref(addRegion(g, d.region)),
    'dct:language': ref(chinese),
    'dct:audience': refs(audience),
    'adms:status': status && ref(status),
    'cv:contactPoint': refs(addContactPoints(g, d, service)),
    'cv:hasLegalResource': refs([...new Set(legal.values())]),
    'cv:holdsRequirement': refs(inputs.requirements),
    'cpsv:hasInput': refs(inputs.evidence),
    'cv:hasCost': refs(addCosts(g, d, service, legal)),
    'cv:hasChannel': refs(addChannels(g, d, service)),
    'cpsv:produces': refs(addOutputs(g, d, service)),
    'cv:hasParticipation': refs(addParticipations(g, d, service)),
    'cv:isGroupedBy': refs(ctx.events),
    'dct:requires': refs((d.requires ?? []).map(ctx.required)),
    'dct:isPartOf': ref(ctx.catalogue),
    ...timeProperties(d.timeLimit),
    'dct:source': d.baseline && ctx.baseline(d.baseline) !== undefined ? ref(ctx.baseline(d.baseline)!) : undefined,
    'om:kind': d.kind,
    'om:standardOwner': d.standardOwner && ref(addOrganisation(g, d.standardOwner, d.region, service, 'standard-owner')),
    'om:exerciseLevel': d.exerciseLevel,
    'om:acceptedAt': refs(addLocations(g, d, service)),
    'om:acceptanceScope': d.acceptanceScope,
    'om:effectiveFrom': d.effectiveFrom === undefined ? undefined : typed(d.effectiveFrom, 'xsd:date'),
    'om:basicCode': d.codes?.basic,
    'om:implementationCode': d.codes?.implementation,
    'om:itemCode': d.codes?.item,
    'om:handlingType': d.handlingType,
    'om:onlineDepth': d.onlineDepth,
    'om:visits': d.visits,
    'om:visitReason': d.visitReason && text(d.visitReason),
  };
  const graph = new Graph();
  graph.add(node);
  for (const n of g.nodes()) graph.add(n);
  return graph.nodes();
}

// The roles that act in the process (applicant, clerk, …) as `cv:Participation`s, each role a concept of the service.
function addParticipations(g: Graph, d: MatterDefinition, service: string): string[] {
  return d.roles.map((r) => {
    const role = g.add({ '@id': `${service}/role/${r.id}`, '@type': 'skos:Concept', 'skos:prefLabel': text(r.name), 'skos:notation': r.id });
    return g.add({ '@id': `${service}/participation/${r.id}`, '@type': 'cv:Participation', 'dct:identifier': r.id, 'dct:description': text(r.name), 'cv:role': ref(role) });
  });
}
