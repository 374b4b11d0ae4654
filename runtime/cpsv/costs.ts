/**
 * Fees as `cv:Cost`s in yuan (EU currency code CNY). No fee names a channel, so no Cost has `cv:ifAccessedThrough`;
 * `cv:isDefinedBy` names an organisation, which fees do not, so their legal basis goes under `om:legalBasis`.
 */
import type { MatterDefinition } from '../../engine/index.ts';
import type { Graph } from './graph.ts';
import { citedBy } from './legal.ts';
import { json, ref, refs, text, typed } from './literals.ts';
import { euAuthority } from './namespaces.ts';

/** The currency every fee is in. */
export const yuan = `${euAuthority}currency/CNY`;

/** Adds a `cv:Cost` per fee; returns their IRIs. */
export function addCosts(g: Graph, d: MatterDefinition, service: string, legal: ReadonlyMap<string, string>): string[] {
  return d.fees.map((f) =>
    g.add({
      '@id': `${service}/cost/${f.id}`,
      '@type': 'cv:Cost',
      'dct:identifier': f.id,
      'dct:description': text(f.name),
      'cv:hasValue': typed(f.amount, 'xsd:double'),
      'cv:currency': ref(yuan),
      'om:legalBasis': refs(citedBy(legal, f.legalBasis)),
      'om:when': f.when && json(f.when),
      'om:waivedWhen': f.waivedWhen && json(f.waivedWhen),
      'om:waiverReason': f.waiverReason && text(f.waiverReason),
    }),
  );
}
