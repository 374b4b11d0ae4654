/** A JSON-LD graph under construction: nodes in the order they were first added, one per IRI. */

/** One node: its IRI, its classes and its properties (compact IRIs as keys). */
export interface JsonLdNode {
  readonly '@id': string;
  readonly '@type'?: string | readonly string[];
  readonly [property: string]: unknown;
}

export class Graph {
  readonly #nodes = new Map<string, JsonLdNode>();

  /** Adds a node unless one with its IRI is there (the first description wins); returns its IRI. */
  add(node: JsonLdNode): string {
    if (!this.#nodes.has(node['@id'])) this.#nodes.set(node['@id'], withoutEmpty(node));
    return node['@id'];
  }

  /** The nodes, in the order they were first added. */
  nodes(): JsonLdNode[] {
    return [...this.#nodes.values()];
  }
}

// Drops properties whose value is undefined or an empty list, so an absent element writes no key.
function withoutEmpty(node: JsonLdNode): JsonLdNode {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as JsonLdNode;
}
