/**
 * The state nodes of a process, nested ones included, named by their path from the root ("review.second"), and what
 * a case's state is: the path of every atomic state it is in, joined by ",". A flat process's state names are their
 * own paths, so a case in a flat process is in "accepted" as before; a case in a parallel state is in one leaf per
 * region ("bundle.birth.accepted,bundle.insurance.submitted"). Pure and total on drafts (a value that is not a state
 * is skipped), so the validator, the diff, the graph and the runtime read processes through one walk.
 *
 * Targets resolve as XState resolves them (xstate/src/stateUtils.ts resolveTarget): a plain target is a path from the
 * parent of the state the transition belongs to (its siblings), `.child` a path from that state itself, and
 * `#<process id>.<path>` a path from the root. Root-level transitions (`process.on`) read a plain target from the root.
 */
import { join } from '../json/pointer.ts';
import type { Process, ProcessState } from '../model/index.ts';

/** Separates the active leaves of a parallel state in a case's state (identifiers have no commas). */
export const leafSeparator = ',';
/** How deep states nest below the process (the meta-schema's limit, checked by the validator). */
export const maxStateDepth = 4;
/** How deep the walk reads (beyond the limit, so the validator can name the state too deep; never unbounded). */
export const walkDepth = maxStateDepth + 4;

export type NodeKind = 'atomic' | 'compound' | 'parallel' | 'final';

export interface StateNode {
  /** Path from the root, "." between keys: "review", "review.second". */
  readonly path: string;
  readonly key: string;
  readonly state: ProcessState;
  /** Pointer of the state (relative to the definition root): /process/states/review/states/second. */
  readonly pointer: string;
  /** Path of the parent state, undefined at the top level. */
  readonly parent: string | undefined;
  /** 1 at the top level. */
  readonly depth: number;
  readonly kind: NodeKind;
  /** Paths of the child states, in document order. */
  readonly children: readonly string[];
}

const isState = (value: unknown): value is ProcessState => typeof value === 'object' && value !== null && !Array.isArray(value);
const childrenOf = (state: ProcessState): Record<string, ProcessState | undefined> | undefined =>
  isState(state.states) ? (state.states as Record<string, ProcessState | undefined>) : undefined;

/** What kind of state node a state is: final, parallel, compound (it has child states), or atomic. */
export function kindOf(state: ProcessState | undefined): NodeKind {
  if (!state) return 'atomic';
  if (state.type === 'final') return 'final';
  if (state.type === 'parallel') return 'parallel';
  return state.type === 'compound' || (childrenOf(state) !== undefined && Object.keys(childrenOf(state)!).length > 0) ? 'compound' : 'atomic';
}

const cache = new WeakMap<object, ReadonlyMap<string, StateNode>>();

/** Every state node of the process by path, depth first in document order (cached per states object). */
export function nodeMap(process: Process): ReadonlyMap<string, StateNode> {
  const states = isState(process?.states) ? process.states : undefined;
  if (!states) return new Map();
  let map = cache.get(states);
  if (map) return map;
  const nodes = new Map<string, StateNode>();
  const walk = (owner: Record<string, ProcessState | undefined>, parent: StateNode | undefined, base: string, depth: number): string[] => {
    const paths: string[] = [];
    for (const key of Object.keys(owner)) {
      const state = owner[key];
      if (!isState(state)) continue;
      const path = parent ? `${parent.path}.${key}` : key;
      const pointer = join(base, 'states', key);
      const children: string[] = [];
      const node: StateNode = { path, key, state, pointer, parent: parent?.path, depth, kind: kindOf(state), children };
      nodes.set(path, node);
      paths.push(path);
      // deeper than any definition may nest is not walked (the validator reports the depth), so a hostile draft stays cheap
      const own = childrenOf(state);
      if (own && depth < walkDepth) children.push(...walk(own, node, pointer, depth + 1));
    }
    return paths;
  };
  walk(states as Record<string, ProcessState | undefined>, undefined, '/process', 1);
  cache.set(states, (map = nodes));
  return map;
}

/** Every state node, depth first. */
export const nodesOf = (process: Process): StateNode[] => [...nodeMap(process).values()];

/** The state at `path`, or undefined (own members only: a path "constructor" is not Object's). */
export const nodeAt = (process: Process, path: string): StateNode | undefined => nodeMap(process).get(path);

/** The top-level state paths. */
export const topLevel = (process: Process): string[] => nodesOf(process).filter((n) => n.depth === 1).map((n) => n.path);

/** The paths of `path` and its ancestors, innermost first. */
export function lineage(process: Process, path: string): string[] {
  const out: string[] = [];
  for (let node = nodeAt(process, path); node; node = node.parent === undefined ? undefined : nodeAt(process, node.parent)) out.push(node.path);
  return out;
}

/**
 * The absolute path a transition's target names, resolved from the state the transition belongs to (`source`, or
 * undefined for the process root), or undefined when it names no state.
 */
export function resolveTarget(process: Process, source: string | undefined, target: unknown): string | undefined {
  if (typeof target !== 'string' || target === '') return undefined;
  let base: string | undefined; // the node the path starts below ('' is the root)
  let rest = target;
  if (target.startsWith('#')) {
    const dot = target.indexOf('.');
    if (dot < 0 || target.slice(1, dot) !== process.id) return undefined;
    base = '';
    rest = target.slice(dot + 1);
  } else if (target.startsWith('.')) {
    base = source ?? '';
    rest = target.slice(1);
  } else if (source === undefined) {
    base = '';
  } else {
    base = nodeAt(process, source)?.parent ?? '';
  }
  const path = base === '' ? rest : `${base}.${rest}`;
  return nodeAt(process, path) ? path : undefined;
}

/**
 * The states a case enters when a transition targets `path`: the state, then a compound one's initial child and a
 * parallel one's every region, down to the leaves (document order; a missing initial child enters nothing more).
 */
export function entryOf(process: Process, path: string): string[] {
  const node = nodeAt(process, path);
  if (!node) return [];
  if (node.kind === 'parallel') return [path, ...node.children.flatMap((c) => entryOf(process, c))];
  if (node.kind !== 'compound' || typeof node.state.initial !== 'string') return [path];
  const initial = `${path}.${node.state.initial}`;
  return node.children.includes(initial) ? [path, ...entryOf(process, initial)] : [path];
}

/** Whether a compound or parallel state can complete (take its onDone): a final child of its own, or every region able to. */
export function canComplete(process: Process, path: string): boolean {
  const node = nodeAt(process, path);
  if (node?.kind === 'compound') return node.children.some((c) => nodeAt(process, c)?.kind === 'final');
  return node?.kind === 'parallel' && node.children.every((c) => canComplete(process, c));
}

/**
 * The compound and parallel states that complete the moment a case enters `target`: a compound one whose final child
 * it enters, a parallel one all of whose regions that does for (regions it does not enter count as not done).
 */
export function completedOnEntry(process: Process, target: string): string[] {
  const active = new Set([...entryOf(process, target), ...lineage(process, target)]);
  const done = (path: string): boolean => {
    const node = nodeAt(process, path);
    if (node?.kind === 'compound') return node.children.some((c) => active.has(c) && nodeAt(process, c)?.kind === 'final');
    return node?.kind === 'parallel' && node.children.every((c) => active.has(c) && done(c));
  };
  return [...active].filter(done);
}

/** The role acting in a state: its own meta.role or its nearest ancestor's (none in a final state). */
export function roleAt(process: Process, path: string): string | undefined {
  const node = nodeAt(process, path);
  if (!node || node.kind === 'final') return undefined;
  for (const p of lineage(process, path)) {
    const role = nodeAt(process, p)?.state.meta?.role;
    if (typeof role === 'string') return role;
  }
  return undefined;
}

/** The leaves of a case's state ("a" → ["a"]; "b.x,b.y" → ["b.x", "b.y"]). */
export const leavesOfState = (state: string): string[] => state.split(leafSeparator);

/** A case's state from its leaves. */
export const stateOfLeaves = (leaves: readonly string[]): string => leaves.join(leafSeparator);

/** Every state node a case in `state` is in: the leaves and their ancestors, outermost first, each once. */
export function activePaths(process: Process, state: string): string[] {
  const seen = new Set<string>();
  for (const leaf of leavesOfState(state)) for (const p of lineage(process, leaf).reverse()) seen.add(p);
  return [...seen];
}

/**
 * Whether `state` is a state a case can be in: every leaf an atomic or final state of the process, one top-level
 * state, one child of each compound state it is in and every region of each parallel one, each leaf once.
 */
export function isConfiguration(process: Process, state: string): boolean {
  const leaves = leavesOfState(state);
  if (new Set(leaves).size !== leaves.length) return false;
  for (const leaf of leaves) {
    const node = nodeAt(process, leaf);
    if (!node || (node.kind !== 'atomic' && node.kind !== 'final')) return false;
  }
  const active = new Set(activePaths(process, state));
  if (topLevel(process).filter((p) => active.has(p)).length !== 1) return false;
  for (const path of active) {
    const node = nodeAt(process, path)!;
    const on = node.children.filter((c) => active.has(c)).length;
    if (node.kind === 'parallel' ? on !== node.children.length : node.children.length > 0 && on !== 1) return false;
  }
  return true;
}

/** XState's state value for a case's state: "a" → "a"; "b.x" → { b: "x" }; "p.r1.x,p.r2" → { p: { r1: "x", r2: {} } }. */
export function stateValueOf(process: Process, state: string): string | Record<string, unknown> {
  const active = new Set(activePaths(process, state));
  const below = (children: readonly string[], parallel: boolean): string | Record<string, unknown> => {
    const on = children.filter((c) => active.has(c));
    if (parallel) return Object.fromEntries(on.map((c) => [nodeAt(process, c)!.key, valueOf(c, true)]));
    const [only] = on;
    if (only === undefined) return {};
    const node = nodeAt(process, only)!;
    return node.children.length === 0 ? node.key : { [node.key]: valueOf(only, false) };
  };
  // a node's value under its parent: a region that is a leaf is {}; a compound or parallel node, what is below it
  const valueOf = (path: string, region: boolean): string | Record<string, unknown> => {
    const node = nodeAt(process, path)!;
    if (node.children.length === 0) return region ? {} : node.key;
    return below(node.children, node.kind === 'parallel');
  };
  return below(topLevel(process), false);
}

/** A case's state from XState's state value: its leaves in document order. */
export function stateOfValue(process: Process, value: unknown): string {
  const leaves = new Set<string>();
  const walk = (v: unknown, prefix: string): void => {
    if (typeof v === 'string') leaves.add(prefix ? `${prefix}.${v}` : v);
    else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        const path = prefix ? `${prefix}.${key}` : key;
        if (typeof child === 'object' && child !== null && Object.keys(child).length === 0) leaves.add(path);
        else walk(child, path);
      }
    }
  };
  walk(value, '');
  return stateOfLeaves([...nodeMap(process).keys()].filter((p) => leaves.has(p)));
}

/**
 * The step name of a case's state: its leaf's, or the nearest named state's it is in; a parallel state's regions'
 * names joined ("公安核查、卫健核查" / "Police check · Health check"), a region already at its final state left out
 * (it is done) unless all are.
 */
export function stepOfState(process: Process, state: string): { zh: string; en: string } | undefined {
  const leaves = leavesOfState(state);
  const working = leaves.filter((leaf) => { const n = nodeAt(process, leaf); return !(n && n.depth > 1 && n.kind === 'final'); });
  const steps = (working.length > 0 ? working : leaves)
    .map((leaf) => lineage(process, leaf).map((p) => nodeAt(process, p)!.state.meta?.step).find((s) => s !== undefined))
    .filter((s): s is { zh: string; en: string } => s !== undefined);
  const unique = steps.filter((s, i) => steps.findIndex((t) => t.zh === s.zh && t.en === s.en) === i);
  if (unique.length <= 1) return unique[0];
  return { zh: unique.map((s) => s.zh).join('、'), en: unique.map((s) => s.en).join(' · ') };
}
