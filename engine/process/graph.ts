/** A flat process as a graph: every transition with its pointer, and reachability both ways. */
import { join } from '../json/pointer.ts';
import type { Process, Transition, TransitionSpec } from '../model/index.ts';

export interface Edge {
  readonly from: string;
  readonly event: string;
  readonly target: string;
  readonly guard?: string;
  readonly actions: readonly string[];
  /** Pointer of the transition (relative to the definition root). */
  readonly pointer: string;
  /** Pointer of the target value itself. */
  readonly targetPointer: string;
}

/** Lists every transition of the process, normalizing XState's string / object / array shorthands. */
export function edgesOf(process: Process, base = '/process'): Edge[] {
  const edges: Edge[] = [];
  for (const [from, state] of Object.entries(process.states)) {
    for (const [event, spec] of Object.entries(state?.on ?? {})) {
      const at = join(base, 'states', from, 'on', event);
      const push = (t: string | Transition, pointer: string) =>
        edges.push(
          typeof t === 'string'
            ? { from, event, target: t, actions: [], pointer, targetPointer: pointer }
            : { from, event, target: t.target, guard: t.guard, actions: t.actions ?? [], pointer, targetPointer: join(pointer, 'target') },
        );
      if (Array.isArray(spec)) spec.forEach((t, i) => push(t, join(at, i)));
      else push(spec as Exclude<TransitionSpec, unknown[]>, at);
    }
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

/** Names of the final states. */
export const finalStates = (process: Process): string[] =>
  Object.entries(process.states).filter(([, s]) => s?.type === 'final').map(([name]) => name);
