/**
 * Which step of one process is which step of the other. States are matched by path at any depth; a step that moved
 * into or out of a compound or parallel state (sequential steps made regions of a one-thing bundle) is matched by
 * its step name and role, so moving a step is not reported as one step dropped and another added. Two flat states
 * are matched by name only, as they always were: a renamed state of a flat process is a different step.
 */
import type { Process } from '../../../model/index.ts';
import { nodeAt, nodeMap, roleAt, type StateNode } from '../../../process/nodes.ts';

/** The atomic states of `a` and `b` (where steps are taken) paired: a's path → b's path. */
export interface StepMatch {
  readonly aToB: ReadonlyMap<string, string>;
  readonly bToA: ReadonlyMap<string, string>;
}

const atomicCache = new WeakMap<object, readonly StateNode[]>();

/** The atomic states, the only ones a case rests in for someone (or some rule) to act (cached with the process's nodes). */
export function atomicNodes(process: Process): readonly StateNode[] {
  const map = nodeMap(process);
  let list = atomicCache.get(map);
  if (!list) {
    list = [...map.values()].filter((n) => n.kind === 'atomic');
    atomicCache.set(map, list);
  }
  return list;
}

/** Whether a process has a state inside another (a flat one has none: its steps are matched by name only). */
export function isNested(process: Process): boolean {
  for (const node of nodeMap(process).values()) if (node.depth > 1) return true;
  return false;
}

const cache = new WeakMap<Process, WeakMap<Process, StepMatch>>();

/** Pairs the atomic states of two processes (cached per pair). */
export function matchSteps(a: Process, b: Process): StepMatch {
  let inner = cache.get(a);
  if (!inner) cache.set(a, (inner = new WeakMap()));
  let match = inner.get(b);
  if (!match) inner.set(b, (match = computeMatch(a, b)));
  return match;
}

function computeMatch(a: Process, b: Process): StepMatch {
  const aToB = new Map<string, string>();
  const bToA = new Map<string, string>();
  const left = atomicNodes(a);
  const right = atomicNodes(b);
  for (const n of left) {
    if (nodeAt(b, n.path)?.kind !== 'atomic') continue;
    aToB.set(n.path, n.path);
    bToA.set(n.path, n.path);
  }
  // the rest, by step name and role, where either state is nested (in document order when a name repeats)
  if (!isNested(a) && !isNested(b)) return { aToB, bToA };
  const waiting = new Map<string, string[]>();
  for (const n of right) {
    const key = signature(b, n);
    if (bToA.has(n.path) || key === undefined) continue;
    const list = waiting.get(key);
    if (list) list.push(n.path);
    else waiting.set(key, [n.path]);
  }
  for (const n of left) {
    const key = signature(a, n);
    if (aToB.has(n.path) || key === undefined) continue;
    const list = waiting.get(key);
    const at = list?.findIndex((p) => n.depth > 1 || p.includes('.')) ?? -1;
    if (at < 0) continue;
    const [other] = list!.splice(at, 1);
    aToB.set(n.path, other!);
    bToA.set(other!, n.path);
  }
  return { aToB, bToA };
}

// What names a step to the people who take it: its step name (both languages) and its role. A state without a
// step name (an automatic one, a draft's) is matched by path only.
function signature(process: Process, node: StateNode): string | undefined {
  const step = node.state.meta?.step;
  if (typeof step?.en !== 'string' || typeof step.zh !== 'string') return undefined;
  return JSON.stringify([step.en, step.zh, roleAt(process, node.path) ?? null]);
}
