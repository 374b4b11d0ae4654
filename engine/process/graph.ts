/** A flat process as a graph: every transition with its pointer, and reachability both ways. */
import { join } from '../json/pointer.ts';
import type { Guard, Process, Transition } from '../model/index.ts';
import { alwaysEvent } from './automatic.ts';

export interface Edge {
  readonly from: string;
  readonly event: string;
  readonly target: string;
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
  for (const from of Object.keys(process.states)) {
    stateEdges(process, from, base, edges);
    rootEdges(process, from, base, edges);
  }
  return edges;
}

/**
 * Appends the root-level transitions (`process.on`) a state accepts: every event of the root that the state does
 * not handle itself (XState: the state's own transition wins); final states accept none.
 */
export function rootEdges(process: Process, from: string, base: string, edges: Edge[]): void {
  const state = process.states[from];
  if (!process.on || !state || state.type === 'final') return;
  for (const name of Object.keys(process.on)) {
    if (state.on && Object.hasOwn(state.on, name)) continue;
    const spec = process.on[name]!;
    const at = join(base, 'on', name);
    const list = Array.isArray(spec) ? spec : [spec as string | Transition];
    list.forEach((t, i) => edges.push({ ...edgeOf(from, name, t, Array.isArray(spec) ? join(at, i) : at), root: true }));
  }
}

/** The event label of a delayed transition (`after` key): what edges, messages and the diff show for it. */
export const delayEvent = (delay: string): string => `after ${delay}`;

/** Appends the transitions leaving one state to `edges`: its events (`on`), its delays (`after`), then its eventless ones (`always`). */
export function stateEdges(process: Process, from: string, base: string, edges: Edge[]): void {
  const state = process.states[from];
  for (const key of ['on', 'after'] as const) {
    const map = state?.[key];
    if (!map) continue;
    for (const name of Object.keys(map)) {
      const spec = map[name]!;
      const event = key === 'on' ? name : delayEvent(name);
      const at = join(base, 'states', from, key, name);
      if (Array.isArray(spec)) for (let i = 0; i < spec.length; i++) edges.push(edgeOf(from, event, spec[i]!, join(at, i)));
      else edges.push(edgeOf(from, event, spec as string | Transition, at));
    }
  }
  const always = state?.always;
  if (always !== undefined) {
    const at = join(base, 'states', from, 'always');
    if (Array.isArray(always)) always.forEach((t, i) => edges.push(edgeOf(from, alwaysEvent, t, join(at, i))));
    else edges.push(edgeOf(from, alwaysEvent, always as string | Transition, at));
  }
}

function edgeOf(from: string, event: string, t: string | Transition, pointer: string): Edge {
  return typeof t === 'string'
    ? { from, event, target: t, actions: [], pointer, targetPointer: pointer }
    : { from, event, target: t.target, guard: t.guard, actions: t.actions ?? [], pointer, targetPointer: join(pointer, 'target') };
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

/** Names of the final states. */
export const finalStates = (process: Process): string[] =>
  Object.entries(process.states).filter(([, s]) => s?.type === 'final').map(([name]) => name);
