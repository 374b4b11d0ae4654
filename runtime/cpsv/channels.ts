/** The ways a matter can be applied for, as `cv:Channel`s typed by the project's channel concepts. */
import type { MatterDefinition } from '../../engine/index.ts';
import { conceptNode } from './concepts.ts';
import type { Graph } from './graph.ts';
import { ref } from './literals.ts';

/** Adds a `cv:Channel` per channel, with its type concept; returns their IRIs. */
export function addChannels(g: Graph, d: MatterDefinition, service: string): string[] {
  return d.channels.map((c) => {
    const type = g.add(conceptNode('channel', c));
    return g.add({ '@id': `${service}/channel/${c}`, '@type': 'cv:Channel', 'dct:identifier': c, 'dct:type': ref(type) });
  });
}
