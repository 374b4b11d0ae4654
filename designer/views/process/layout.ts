/**
 * Where the process graph's nodes and edges go: dagre's layered layout, top to bottom (the process reads downwards).
 * Edge labels take part in the layout, so they get places of their own and do not sit on each other or on nodes.
 */
import { Graph, layout } from '@dagrejs/dagre';
import { anyState, edgeLabel, type ProcessGraph } from '../../model/process.ts';

export const nodeWidth = 180;
export const nodeHeight = 64;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ProcessLayout {
  /** The top-left corner of each node (the states, and `anyState` when some event is accepted in every state). */
  readonly nodes: ReadonlyMap<string, Point>;
  /** Each edge's route (from its source's border to its target's) and the centre of its label, by edge id. */
  readonly edges: ReadonlyMap<string, { readonly points: readonly Point[]; readonly label: Point | undefined }>;
}

/** Lays the process out; `sizes` are the nodes' measured sizes where known (else the default size). */
export function layoutProcess(graph: ProcessGraph, sizes: ReadonlyMap<string, { width: number; height: number }> = new Map()): ProcessLayout {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 36, edgesep: 16, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(graph.nodes.map((n) => n.id));
  const size = (id: string, height = nodeHeight) => sizes.get(id) ?? { width: nodeWidth, height };
  for (const id of ids) g.setNode(id, size(id));
  if (graph.edges.some((e) => e.from === anyState)) g.setNode(anyState, size(anyState, nodeHeight / 1.5));
  for (const e of graph.edges) {
    if (!ids.has(e.target) || !(ids.has(e.from) || e.from === anyState)) continue;
    g.setEdge(e.from, e.target, { width: Math.min(200, 7 * edgeLabel(e).length + 12), height: 20, labelpos: 'c' }, e.id);
  }
  layout(g);
  const nodes = new Map<string, Point>();
  for (const id of g.nodes()) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    nodes.set(id, { x: n.x - n.width / 2, y: n.y - n.height / 2 });
  }
  const edges = new Map<string, { points: Point[]; label: Point | undefined }>();
  for (const ref of g.edges()) {
    const e = g.edge(ref) as { points?: Point[]; x?: number; y?: number };
    if (ref.name && e.points) edges.set(ref.name, { points: e.points, label: e.x !== undefined && e.y !== undefined ? { x: e.x, y: e.y } : undefined });
  }
  return { nodes, edges };
}

/** An SVG path through `points`, smoothed (quadratic curves through the midpoints between them). */
export function smoothPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  if (rest.length === 0) return `M ${first!.x} ${first!.y}`;
  let d = `M ${first!.x} ${first!.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    d += ` Q ${p.x} ${p.y} ${(p.x + q.x) / 2} ${(p.y + q.y) / 2}`;
  }
  const last = rest.at(-1)!;
  return `${d} L ${last.x} ${last.y}`;
}
