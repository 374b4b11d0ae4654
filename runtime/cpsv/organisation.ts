/** Who and where: the competent authority and the standard's owner, the region, contact points and places of acceptance. */
import type { MatterDefinition } from '../../engine/index.ts';
import type { Graph } from './graph.ts';
import { organisationIri, regionIri } from './iris.ts';
import { ref, text } from './literals.ts';

type Department = MatterDefinition['department'];
type Region = MatterDefinition['region'];

/** A region as a `dct:Location`: its GB/T 2260 code, names and level. */
export function addRegion(g: Graph, region: Region): string {
  return g.add({ '@id': regionIri(region.code), '@type': 'dct:Location', 'dct:identifier': region.code, 'skos:prefLabel': text(region.name), 'om:level': region.level });
}

/**
 * A department as a `cv:PublicOrganisation` acting in `region` (CPSV-AP requires a spatial). With a credit code it
 * has one IRI everywhere; without one it belongs to the service (`<service>/<role>`), since names are not identities.
 */
export function addOrganisation(g: Graph, department: Department, region: Region, service: string, role: string): string {
  const spatial = addRegion(g, region);
  return g.add({
    '@id': department.code === undefined ? `${service}/${role}` : organisationIri(department.code),
    '@type': 'cv:PublicOrganisation',
    'skos:prefLabel': text(department.name),
    'dct:spatial': ref(spatial),
    'dct:identifier': department.code,
    'om:nature': department.nature,
    'om:entrustedBy': department.entrustedBy && text(department.entrustedBy),
    'om:level': department.level,
  });
}

/** The consultation and complaint lines as `cv:ContactPoint`s (`om:purpose` tells them apart). */
export function addContactPoints(g: Graph, d: MatterDefinition, service: string): string[] {
  const c = d.contact;
  if (!c) return [];
  const points: string[] = [];
  if (c.consult !== undefined || c.email !== undefined || c.hours !== undefined) {
    const hours = c.hours && g.add({ '@id': `${service}/contact-point/consult/hours`, '@type': 'time:TemporalEntity', 'dct:description': text(c.hours) });
    points.push(g.add({
      '@id': `${service}/contact-point/consult`,
      '@type': 'cv:ContactPoint',
      'om:purpose': 'consult',
      'cv:telephone': c.consult,
      'cv:email': c.email,
      'cv:openingHours': hours && ref(hours),
    }));
  }
  if (c.complaint !== undefined) {
    points.push(g.add({ '@id': `${service}/contact-point/complaint`, '@type': 'cv:ContactPoint', 'om:purpose': 'complaint', 'cv:telephone': c.complaint }));
  }
  return points;
}

/** The places where the matter is accepted (办理地点), as `dct:Location`s with a `locn:Address`. */
export function addLocations(g: Graph, d: MatterDefinition, service: string): string[] {
  return (d.locations ?? []).map((l, i) => {
    const at = `${service}/location/${i + 1}`;
    const address = l.address && g.add({ '@id': `${at}/address`, '@type': 'locn:Address', 'locn:fullAddress': text(l.address) });
    return g.add({
      '@id': at,
      '@type': 'dct:Location',
      'skos:prefLabel': text(l.name),
      'locn:address': address && ref(address),
      'om:region': l.region === undefined ? undefined : ref(regionIri(l.region)),
      'om:hours': l.hours && text(l.hours),
      'om:window': l.window,
      'om:phone': l.phone,
    });
  });
}
