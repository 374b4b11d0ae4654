/**
 * The catalogue index: a `dcat:Dataset` (CPSV-AP's target of `dct:isPartOf`) published by the government of the
 * catalogue's highest region, with every exported service as a part and the file describing it (`om:document`),
 * the life and business events, the bundles and the project's concept schemes.
 */
import type { BundleDefinition, MatterDefinition } from '../../engine/index.ts';
import { schemeNode, schemes } from './concepts.ts';
import { eventGraph, eventScheme } from './events.ts';
import { Graph, type JsonLdNode } from './graph.ts';
import { catalogueIri, publisherIri, regionIri, serviceIri } from './iris.ts';
import { byCodeUnits, ref, refs, text } from './literals.ts';
import { addRegion } from './organisation.ts';

type Region = MatterDefinition['region'];

const levels = ['province', 'city', 'county', 'township', 'village'] as const;

/** The region a catalogue is published for: the highest-level region among its definitions (the lowest code on a tie). */
export function catalogueRegion(definitions: readonly MatterDefinition[]): Region | undefined {
  const rank = (r: Region) => levels.indexOf(r.level);
  return definitions.map((d) => d.region).sort((a, b) => rank(a) - rank(b) || byCodeUnits(a.code, b.code))[0];
}

/** The index's graph; `documents` holds each service's file, relative to the index. */
export function catalogueGraph(
  region: Region,
  definitions: readonly MatterDefinition[],
  members: ReadonlyMap<BundleDefinition, readonly string[]>,
  documents: ReadonlyMap<string, string>,
): JsonLdNode[] {
  const g = new Graph();
  const services = definitions.map(serviceIri);
  g.add({
    '@id': catalogueIri(region.code),
    '@type': 'dcat:Dataset',
    'dct:identifier': region.code,
    'dct:title': text({ zh: `${region.name.zh}政务服务事项目录`, en: `${region.name.en} catalogue of government service matters` }),
    'dct:description': text({
      zh: `${region.name.zh}政务服务事项的标准（最佳实践）与各地实施，每个事项定义一份CPSV-AP 3.2文档。`,
      en: `The standards (top runners) and regional implementations of ${region.name.en}'s government service matters, one CPSV-AP 3.2 document per definition.`,
    }),
    'dct:publisher': ref(publisherIri(region.code)),
    'dct:spatial': ref(regionIri(region.code)),
    'dct:hasPart': refs(services),
  });
  g.add({ '@id': publisherIri(region.code), '@type': 'foaf:Agent', 'dct:identifier': region.code, 'dct:title': text(region.name) });
  addRegion(g, region);
  for (const s of services) g.add({ '@id': s, 'om:document': documents.get(s) });
  for (const n of eventGraph(definitions, members)) g.add(n);
  for (const [name, scheme] of Object.entries(schemes)) g.add(schemeNode(name, scheme.title));
  g.add(schemeNode(eventScheme.name, eventScheme.title));
  return g.nodes();
}
