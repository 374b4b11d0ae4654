/**
 * Legal bases as ELI legal resources. The document is one resource wherever it is cited (by its Chinese title and
 * revision); a cited article is a `eli:LegalResourceSubdivision` of it. The definition's legal-basis ids map to these.
 */
import type { MatterDefinition } from '../../engine/index.ts';
import { conceptNode } from './concepts.ts';
import type { Graph } from './graph.ts';
import { legalIri } from './iris.ts';
import { ref, text } from './literals.ts';

type LegalBasis = MatterDefinition['legalBasis'][number];

/** Adds every legal basis; returns the IRI each id cites (the article where one is named). */
export function addLegalResources(g: Graph, d: MatterDefinition): Map<string, string> {
  const byId = new Map<string, string>();
  for (const l of d.legalBasis) byId.set(l.id, addLegalResource(g, l));
  return byId;
}

function addLegalResource(g: Graph, l: LegalBasis): string {
  const level = l.level && g.add(conceptNode('legal-level', l.level));
  const document = g.add({
    '@id': legalIri(l.title.zh, l.revision),
    '@type': 'eli:LegalResource',
    'dct:title': text(l.title),
    'eli:id_local': l.docNumber,
    'eli:type_document': level && ref(level),
    'om:issuer': l.issuer && text(l.issuer),
    'om:revision': l.revision,
    'foaf:page': l.url === undefined ? undefined : ref(l.url),
  });
  if (l.article === undefined) return document;
  return g.add({
    '@id': legalIri(l.title.zh, l.revision, l.article),
    '@type': ['eli:LegalResource', 'eli:LegalResourceSubdivision'],
    'dct:title': text({ zh: `${l.title.zh}${l.article}`, en: `${l.title.en}, ${l.article}` }),
    'eli:is_part_of': ref(document),
    'om:article': l.article,
  });
}

/** The legal resources a list of legal-basis ids cites, in order (unknown ids, which the validator refuses, are left out). */
export const citedBy = (byId: ReadonlyMap<string, string>, ids: readonly string[] | undefined): string[] =>
  [...new Set((ids ?? []).flatMap((id) => byId.get(id) ?? []))];
