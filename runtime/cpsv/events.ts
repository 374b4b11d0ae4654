/**
 * Life and business events: every event a definition names in `lifeEvents` or a bundle (一件事) is built for, as a
 * `cv:LifeEvent` or `cv:BusinessEvent` relating the services it groups. A bundle is described on its event
 * (`om:bundle`): its id, version, region and the services it composes.
 */
import { compareVersions, type BundleDefinition, type MatterDefinition } from '../../engine/index.ts';
import { conceptOf } from './concepts.ts';
import { Graph, type JsonLdNode } from './graph.ts';
import { bundleIri, eventIri, serviceIri } from './iris.ts';
import type { LangString } from './literals.ts';
import { ref, refs, text } from './literals.ts';
import { addRegion } from './organisation.ts';

/** The scheme of event concepts (`dct:type` of the events). */
export const eventScheme = { name: 'event', title: { zh: '生活与企业事件', en: 'Life and business events' } } as const;

/**
 * The services each bundle composes, as IRIs: for each member `{ id, version }` it lists (unpinned: the newest exported), the baseline of that version (a
 * variant's version is its own, not the baseline's). The baseline's region is that of the matter's exported baseline,
 * so a bundle still naming an older version links to that version's IRI even when only a newer one is exported; a
 * matter exported with no baseline is composed of its definitions of that version.
 */
export function bundleMembers(bundles: readonly BundleDefinition[], definitions: readonly MatterDefinition[]): Map<BundleDefinition, string[]> {
  const baselineRegion = new Map(definitions.filter((d) => d.kind === 'baseline').map((d) => [d.id, d.region.code]));
  return new Map(
    bundles.map((b) => [
      b,
      [...new Set(b.members.flatMap(({ matter }) => {
        // unpinned: the newest version of the matter that is exported
        const version = matter.version ?? definitions.filter((d) => d.id === matter.id).map((d) => d.version).sort(compareVersions).at(-1);
        if (version === undefined) return [];
        const m = { id: matter.id, version };
        const region = baselineRegion.get(m.id);
        if (region !== undefined) return [serviceIri({ ...m, region: { code: region } })];
        return definitions.filter((d) => d.id === m.id && d.version === m.version).map(serviceIri);
      }))],
    ]),
  );
}

/** The events grouping `d`, as IRIs: its own `lifeEvents` and the events of the bundles composing it. */
export function eventsOf(d: MatterDefinition, members: ReadonlyMap<BundleDefinition, readonly string[]>): string[] {
  const iri = serviceIri(d);
  const ids = [...(d.lifeEvents ?? []), ...[...members].filter(([, services]) => services.includes(iri)).map(([b]) => b.event)];
  return [...new Set(ids)].sort().map(eventIri);
}

/** Every event's node (with its concept, bundles and their regions), in event-id order. */
export function eventGraph(definitions: readonly MatterDefinition[], members: ReadonlyMap<BundleDefinition, readonly string[]>): JsonLdNode[] {
  const g = new Graph();
  const bundles = [...members.keys()];
  const ids = [...new Set([...definitions.flatMap((d) => d.lifeEvents ?? []), ...bundles.map((b) => b.event)])].sort();
  for (const id of ids) {
    const own = bundles.filter((b) => b.event === id);
    const tagged = definitions.filter((d) => (d.lifeEvents ?? []).includes(id));
    const services = [...new Set([...tagged.map(serviceIri), ...own.flatMap((b) => members.get(b)!)])];
    // a bundle's title names the event; without one, the event is known only by its (English) identifier
    const name: LangString[] = own[0] ? text(own[0].title) : [{ '@value': id, '@language': 'en' }];
    const type = g.add({ ...conceptOf(eventScheme.name, id, own[0]?.title ?? { zh: id, en: id }), 'skos:prefLabel': name });
    g.add({
      '@id': eventIri(id),
      '@type': isBusiness(own, tagged) ? 'cv:BusinessEvent' : 'cv:LifeEvent',
      'dct:identifier': id,
      'dct:title': name,
      'dct:type': ref(type),
      'cv:hasRelatedService': refs(services),
      'om:bundle': refs(own.map(bundleIri)),
    });
    for (const b of own) {
      g.add({
        '@id': bundleIri(b),
        '@type': 'om:Bundle',
        'dct:identifier': b.id,
        'dct:title': text(b.title),
        'owl:versionInfo': b.version,
        'dct:spatial': ref(addRegion(g, b.region)),
        'dct:hasPart': refs(members.get(b)!),
      });
    }
  }
  return g.nodes();
}

// A bundle says which kind of event it is; otherwise an event is a business event when every matter it groups serves
// only legal persons or organisations.
function isBusiness(bundles: readonly BundleDefinition[], tagged: readonly MatterDefinition[]): boolean {
  const said = bundles.find((b) => b.eventType !== undefined)?.eventType;
  if (said !== undefined) return said === 'business';
  return tagged.length > 0 && tagged.every((d) => d.serviceObject !== undefined && !d.serviceObject.includes('natural-person'));
}
