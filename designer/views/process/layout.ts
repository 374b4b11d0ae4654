/**
 * Where the process graph's nodes and edges go: dagre's layered layout, top to bottom (the process reads downwards).
 * Edge labels take part in the layout, so they get places of their own and do not sit on each other or on nodes.
 *
 * A compound or parallel state is a box around its children, laid out from the inside out: each box's children are
 * laid out first (a compound's by dagre, a parallel state's regions side by side), which gives the box its size, and
 * the box is then one node among its siblings. dagre's own compound graphs (`setParent`) are not used: they throw
 * when an edge ends at a cluster (dagrejs/dagre-d3#261), and a process's transitions enter compound states and leave
 * them (onDone) all the time. A transition between states of different boxes is laid out between the boxes that hold
 * them, at the level where they meet; React Flow draws it.
 */
import { Graph, layout } from '@dagrejs/dagre';
import { anyState, edgeLabel, type ProcessGraph } from '../../model/process.ts';

export const nodeWidth = 180;
export const nodeHeight = 64;
/** A box's room for its heading above its children, and around them. */
export const groupHeader = 58;
export const groupPadding = 16;
/** The space between the regions of a parallel state. */
export const regionGap = 24;

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Size {
  readonly width: number;
  readonly height: number;
}
type Route = { readonly points: readonly Point[]; readonly label: Point | undefined };

export interface ProcessLayout {
  /** The top-left corner of each node, relative to the box it is in (React Flow's `position` for a child node). */
  readonly nodes: ReadonlyMap<string, Point>;
  /** The top-left corner of each node on the whole graph. */
  readonly absolute: ReadonlyMap<string, Point>;
  /** The size of each box (a compound or parallel state). */
  readonly groups: ReadonlyMap<string, Size>;
  /** The route (on the whole graph) and label centre of each edge between nodes of the same box, by edge id. */
  readonly edges: ReadonlyMap<string, Route>;
}

/** Lays the process out; `sizes` are the (non-box) nodes' measured sizes where known (else the default size). */
export function layoutProcess(graph: ProcessGraph, sizes: ReadonlyMap<string, Size> = new Map()): ProcessLayout {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes = new Map<string, Point>();
  const groups = new Map<string, Size>();
  const routes = new Map<string, { box: string | undefined; route: Route }>();
  const size = (id: string, height = nodeHeight): Size => groups.get(id) ?? sizes.get(id) ?? { width: nodeWidth, height };
  // the child of `box` (undefined: the top level) that holds `id`, or undefined when `id` is not inside `box`
  const holder = (id: string, box: string | undefined): string | undefined => {
    if (id === anyState) return box === undefined ? anyState : undefined;
    for (let n = byId.get(id); n; n = n.parent === undefined ? undefined : byId.get(n.parent)) if (n.parent === box) return n.id;
    return undefined;
  };

  // lays out the children of `box` (relative to its content's top-left corner) and returns the content's size
  const place = (box: string | undefined, children: readonly string[]): Size => {
    for (const c of children) {
      const child = byId.get(c)!;
      if (child.children.length === 0) continue;
      const inner = place(c, child.children);
      groups.set(c, { width: Math.max(nodeWidth, inner.width) + 2 * groupPadding, height: inner.height + groupHeader + groupPadding });
    }
    if (box !== undefined && byId.get(box)!.kind === 'parallel') {
      // regions side by side, top-aligned: they run at the same time
      let x = 0;
      let height = 0;
      for (const c of children) {
        nodes.set(c, { x, y: 0 });
        x += size(c).width + regionGap;
        height = Math.max(height, size(c).height);
      }
      return { width: Math.max(0, x - regionGap), height };
    }
    const g = new Graph({ multigraph: true });
    g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 36, edgesep: 16, marginx: box === undefined ? 10 : 0, marginy: box === undefined ? 10 : 0 });
    g.setDefaultEdgeLabel(() => ({}));
    // dagre writes its results into the labels it is given: each node gets a copy of its size
    for (const c of children) g.setNode(c, { ...size(c) });
    const any = box === undefined && graph.edges.some((e) => e.from === anyState);
    if (any) g.setNode(anyState, { ...size(anyState, nodeHeight / 1.5) });
    for (const e of graph.edges) {
      if (e.unresolved) continue;
      const [a, b] = [holder(e.from, box), holder(e.target, box)];
      if (a === undefined || b === undefined || (a === b && a !== e.from)) continue;
      // only an edge between the nodes themselves keeps dagre's route; one between boxes holding them does not
      const exact = a === e.from && b === e.target;
      g.setEdge(a, b, exact ? { width: Math.min(200, 7 * edgeLabel(e).length + 12), height: 20, labelpos: 'c' } : {}, exact ? e.id : `~${e.id}`);
    }
    layout(g);
    for (const id of g.nodes()) {
      const n = g.node(id) as { x: number; y: number; width: number; height: number };
      nodes.set(id, { x: n.x - n.width / 2, y: n.y - n.height / 2 });
    }
    for (const ref of g.edges()) {
      const e = g.edge(ref) as { points?: Point[]; x?: number; y?: number };
      if (ref.name && !ref.name.startsWith('~') && e.points) routes.set(ref.name, { box, route: { points: e.points, label: e.x !== undefined && e.y !== undefined ? { x: e.x, y: e.y } : undefined } });
    }
    const bounds = g.graph() as { width?: number; height?: number };
    return { width: bounds.width ?? 0, height: bounds.height ?? 0 };
  };
  place(undefined, graph.nodes.filter((n) => n.parent === undefined).map((n) => n.id));

  // a box's children sit below its heading, inside its padding
  for (const n of graph.nodes) {
    if (n.parent === undefined) continue;
    const at = nodes.get(n.id)!;
    nodes.set(n.id, { x: at.x + groupPadding, y: at.y + groupHeader });
  }
  const absolute = new Map<string, Point>();
  const absoluteOf = (id: string): Point => {
    const known = absolute.get(id);
    if (known) return known;
    const at = nodes.get(id) ?? { x: 0, y: 0 };
    const parent = byId.get(id)?.parent;
    const origin = parent === undefined ? { x: 0, y: 0 } : absoluteOf(parent);
    const result = { x: origin.x + at.x, y: origin.y + at.y };
    absolute.set(id, result);
    return result;
  };
  for (const id of nodes.keys()) absoluteOf(id);
  const edges = new Map<string, Route>();
  for (const [id, { box, route }] of routes) {
    const o = box === undefined ? { x: 0, y: 0 } : (({ x, y }) => ({ x: x + groupPadding, y: y + groupHeader }))(absoluteOf(box));
    const shift = (p: Point): Point => ({ x: p.x + o.x, y: p.y + o.y });
    edges.set(id, { points: route.points.map(shift), label: route.label && shift(route.label) });
  }
  return { nodes, absolute, groups, edges };
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
