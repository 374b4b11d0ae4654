/** What the matter produces: `cv:Output`s, typed by the project's output-type concepts; validity and delivery under `om:`. */
import type { MatterDefinition } from '../../engine/index.ts';
import { conceptNode } from './concepts.ts';
import type { Graph } from './graph.ts';
import { ref, text } from './literals.ts';

/** Adds a `cv:Output` per output, with its type concept; returns their IRIs. */
export function addOutputs(g: Graph, d: MatterDefinition, service: string): string[] {
  return d.outputs.map((o) => {
    const type = g.add(conceptNode('output-type', o.type));
    return g.add({
      '@id': `${service}/output/${o.id}`,
      '@type': 'cv:Output',
      'dct:identifier': o.id,
      'dct:title': text(o.name),
      'dct:type': ref(type),
      'om:electronic': o.electronic,
      'om:validityKind': o.validity?.kind,
      'om:validityYears': o.validity?.years,
      'om:validityNote': o.validity?.note && text(o.validity.note),
      'om:delivery': o.delivery && [...o.delivery],
    });
  });
}
