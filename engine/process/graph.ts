/**
 * A process as a graph: every transition with its pointer (nested states' included, named by their paths), and
 * reachability both ways. Targets are resolved as XState resolves them (./nodes.ts).
 */
import { join } from '../json/pointer.ts';
import type { Guard, Process, Transition } from '../model/index.ts';
import { alwaysEvent } from './automatic.ts';
import { nodeAt, nodeMap, nodesOf, resolveTarget, topLevel } from './nodes.ts';

export interface Edge {
  /** Path of the state the transition belongs to. */
  readonly from: string;
  readonly event: string;
  /** Path of the state it leads to, or the target as written when it names no state (`unresolved`). */
  readonly target: string;
  readonly unresolved?: true;
  readonly guard?: Guard;
  readonly actions: readonly string[];
  /** Pointer of the transition (relative to the definition root). */
  readonly pointer: string;
  /** Pointer of the target value itself. */
  readonly targetPointer: string;
  /** A root-level transition (`process.on`), listed once for each state that accepts it. */
  readonly root?: true;
}

const cache = new WeakMap<Process, readonly Edge[]>();

/** Lists every transition of the process, normalizing XState's string / object / array shorthands (cached). */
export function edgesOf(process: Process): readonly Edge[] {
  let edges = cache.get(process);
  if (!edges) cache.set(process, (edges = collectEdges(process, '/process')));
  return edges;
}

function collectEdges(process: Process, base: string): Edge[] {
  const edges: Edge[] = [];
  for (const from of nodeMap(process).keys()) {
    stateEdges(process, from, base, edges);
    rootEdges(process, from, base, edges);
  }
  return edges;
}

/** The event label of a compound or parallel state's `onDone` (its final children reached). */
export const doneEvent = 'done';

/**
 * Appends the root-level transitions (`process.on`) a top-level state accepts: every event of the root that the
 * state does not handle itself (XState: the state's own transition wins); final states accept none.
 */
export function rootEdges(process: Process, from: string, base: string, edges: Edge[]): void {
  const node = nodeAt(process, from);
  const state = node?.depth === 1 ? node.state : undefined;
  if (!process.on || !state || state.type === 'final') return;
  for (const name of Object.keys(process.on)) {
    if (state.on && Object.hasOwn(state.on, name)) continue;
    const spec = process.on[name]!;
    const at = join(base, 'on', name);
    const list = Array.isArray(spec) ? spec : [spec as string | Transition];
    list.forEach((t, i) => edges.push({ ...edgeOf(process, undefined, from, name, t, Array.isArray(spec) ? join(at, i) : at), root: true }));
  }
}

/** The event label of a delayed transition (`after` key): what edges, messages and the diff show for it. */
export const delayEvent = (delay: string): string => `after ${delay}`;

/**
 * Appends the transitions leaving one state (by path) to `edges`: its events (`on`), its delays (`after`), its
 * eventless ones (`always`), then a compound or parallel state's `onDone`. `base` is the pointer the process is at.
 */
export function stateEdges(process: Process, from: string, base: string, edges: Edge[]): void {
  const node = nodeAt(process, from);
  const state = node?.state;
  if (!node || !state) return;
  const at = base + node.pointer.slice('/process'.length);
  const list = (spec: unknown, event: string, pointer: string) => {
    if (Array.isArray(spec)) spec.forEach((t, i) => edges.push(edgeOf(process, from, from, event, t, join(pointer, i))));
    else edges.push(edgeOf(process, from, from, event, spec as string | Transition, pointer));
  };
  for (const key of ['on', 'after'] as const) {
    const map = state[key];
    if (!map) continue;
    for (const name of Object.keys(map)) list(map[name], key === 'on' ? name : delayEvent(name), join(at, key, name));
  }
  if (state.always !== undefined) list(state.always, alwaysEvent, join(at, 'always'));
  if (state.onDone !== undefined) list(state.onDone, doneEvent, join(at, 'onDone'));
}

// One edge; `source` is the state whose transition it is (undefined: the root), `from` the state it is listed for.
function edgeOf(process: Process, source: string | undefined, from: string, event: string, t: string | Transition, pointer: string): Edge {
  const written = typeof t === 'string' ? t : t?.target;
  const path = resolveTarget(process, source, written);
  const target = path ?? String(written);
  const common = { from, event, target, ...(path === undefined ? { unresolved: true as const } : {}), pointer };
  return typeof t === 'string'
    ? { ...common, actions: [], targetPointer: pointer }
    : { ...common, guard: t?.guard, actions: t?.actions ?? [], targetPointer: join(pointer, 'target') };
}

/**
 * The edges that follow from nesting, for reachability: entering a compound state enters its initial child, a
 * parallel state every region; a state inside another can take its ancestors' transitions (child → parent); a final
 * child completes its parent (→ the parent's onDone, listed as the parent's own edge).
 */
export function nestingEdges(process: Process): Edge[] {
  const edges: Edge[] = [];
  const implicit = (from: string, target: string, event: string, pointer: string) => edges.push({ from, event, target, actions: [], pointer, targetPointer: pointer });
  for (const node of nodesOf(process)) {
    if (node.kind === 'parallel') for (const child of node.children) implicit(node.path, child, 'enter', node.pointer);
    else if (node.kind === 'compound') {
      const initial = typeof node.state.initial === 'string' ? nodeAt(process, `${node.path}.${node.state.initial}`) : undefined;
      if (initial) implicit(node.path, initial.path, 'enter', join(node.pointer, 'initial'));
    }
    if (node.parent !== undefined) implicit(node.path, node.parent, 'within', node.pointer);
  }
  return edges;
}

/** States reachable from `start` along `edges` (followed forwards, or backwards when `reverse`). */
export function reachable(starts: Iterable<string>, edges: readonly Edge[], reverse = false): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = reverse ? [e.target, e.from] : [e.from, e.target];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const seen = new Set<string>(starts);
  const queue = [...seen];
  while (queue.length > 0) {
    for (const s of next.get(queue.pop()!) ?? []) {
      if (!seen.has(s)) {
        seen.add(s);
        queue.push(s);
      }
    }
  }
  return seen;
}

/** Paths of the final states of the process itself (top level: reaching one finishes the case). */
export const finalStates = (process: Process): string[] => topLevel(process).filter((p) => nodeAt(process, p)?.kind === 'final');
