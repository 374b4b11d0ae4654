/**
 * A process as a graph: every transition with its pointer (nested states' included, named by their paths), and
 * reachability both ways. Targets are resolved as XState resolves them (./nodes.ts).
 */
import { isObject, join } from '../json/pointer.ts';
import type { Guard, Process, Transition } from '../model/index.ts';
import { alwaysEvent } from './automatic.ts';
import { completedOnEntry, nodeAt, nodeMap, nodesOf, resolveTarget, topLevel } from './nodes.ts';

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
  const root = new Map<string, Edge[]>(); // a root-level transition resolves the same for every state: once
  for (const from of nodeMap(process).keys()) {
    stateEdges(process, from, base, edges);
    rootEdges(process, from, base, edges, root);
  }
  return edges;
}

const byState = new WeakMap<Process, Map<string, readonly Edge[]>>();

/**
 * The transitions leaving one state (by path), as stateEdges lists them at `/process`; worked out once per process
 * and state (a baseline's for every variant the review compares with it).
 */
export function edgesFromState(process: Process, path: string): readonly Edge[] {
  let states = byState.get(process);
  if (!states) byState.set(process, (states = new Map()));
  let edges = states.get(path);
  if (!edges) {
    const listed: Edge[] = [];
    stateEdges(process, path, '/process', listed);
    states.set(path, (edges = listed));
  }
  return edges;
}

/** The event label of a compound or parallel state's `onDone` (its final children reached). */
export const doneEvent = 'done';

/**
 * Appends the root-level transitions (`process.on`) a top-level state accepts: every event of the root that the
 * state does not handle itself (XState: the state's own transition wins); final states accept none.
 */
export function rootEdges(process: Process, from: string, base: string, edges: Edge[], resolved = new Map<string, Edge[]>()): void {
  const node = nodeAt(process, from);
  const state = node?.depth === 1 ? node.state : undefined;
  if (!isObject(process.on) || !state || state.type === 'final') return;
  const own = isObject(state.on) ? state.on : undefined;
  for (const name of Object.keys(process.on)) {
    if (own && Object.hasOwn(own, name)) continue;
    let list = resolved.get(name);
    if (!list) {
      const spec = process.on[name]!;
      const at = join(base, 'on', name);
      const specs = Array.isArray(spec) ? spec : [spec as string | Transition];
      resolved.set(name, (list = specs.map((t, i) => ({ ...edgeOf(process, undefined, from, name, t, Array.isArray(spec) ? join(at, i) : at), root: true as const }))));
    }
    for (const edge of list) edges.push({ ...edge, from });
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
    if (!isObject(map)) continue; // a draft's string or list is no map of transitions (the meta-schema says so)
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
  // a draft's null or number has no target member to point at: the value itself is wrong
  return typeof t === 'string' || !isObject(t)
    ? { ...common, actions: [], targetPointer: pointer }
    : { ...common, guard: t.guard, actions: Array.isArray(t.actions) ? t.actions : [], targetPointer: join(pointer, 'target') };
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
    // in place: copying the list per edge made a state with thousands of edges (root events × states) take minutes
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
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

/**
 * The cycles of a graph (state → states it leads to), each once, as the states on it from the first one met; depth
 * first without recursion, so a chain of thousands of states cannot exhaust the stack.
 */
export function cyclesOf(next: ReadonlyMap<string, readonly string[]>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  const found = new Set<string>();
  for (const start of next.keys()) {
    if (done.has(start)) continue;
    done.add(start);
    const path = [start];
    const onPath = new Map([[start, 0]]);
    const cursor = [0];
    while (path.length > 0) {
      const name = path.at(-1)!;
      const to = next.get(name)?.[cursor[cursor.length - 1]!++];
      if (to === undefined) {
        path.pop();
        cursor.pop();
        onPath.delete(name);
        continue;
      }
      const i = onPath.get(to);
      if (i !== undefined) {
        const cycle = path.slice(i);
        const key = [...cycle].sort().join('\u0000');
        if (!found.has(key)) cycles.push(cycle);
        found.add(key);
      } else if (!done.has(to)) {
        done.add(to);
        onPath.set(to, path.length);
        path.push(to);
        cursor.push(0);
      }
    }
  }
  return cycles;
}

/**
 * The loops of joins (onDone) that XState would run without end inside one step: a state's onDone enters a state
 * that completes at once (its final child, say), whose onDone leads back. Each as the states whose onDone it takes.
 */
export function doneLoops(process: Process): string[][] {
  const next = new Map<string, string[]>();
  for (const node of nodesOf(process)) {
    if (node.state.onDone === undefined || (node.kind !== 'compound' && node.kind !== 'parallel')) continue;
    const specs: unknown[] = Array.isArray(node.state.onDone) ? node.state.onDone : [node.state.onDone];
    const to = new Set<string>();
    for (const t of specs) {
      const target = resolveTarget(process, node.path, typeof t === 'string' ? t : isObject(t) ? t.target : undefined);
      if (target !== undefined) for (const p of completedOnEntry(process, target)) if (nodeAt(process, p)?.state.onDone !== undefined) to.add(p);
    }
    next.set(node.path, [...to]);
  }
  return cyclesOf(next);
}
