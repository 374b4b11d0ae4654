/**
 * The process (an XState machine config) as the process designer reads it: states as nodes (step name, role, final
 * and outcome; nested ones named by their path, "bundle.birth.done", with their parent and kind) and transitions as
 * edges (event, target resolved as XState resolves it, guard, actions; a delayed transition's edge is labelled with
 * its delay, an eventless one "always", a compound or parallel state's onDone "done"). Read from the draft as JSON,
 * which may be invalid while it is edited: what does not have the expected shape is skipped, the validator reports
 * it. States are walked by the engine's own walk (engine/process/nodes.ts), so the designer and the validator agree on
 * every path and pointer. Pure.
 */
import type { LocalizedText, MatterDefinition, Process } from '../../engine/index.ts';
import { escapeToken, isObject } from '../../engine/json/pointer.ts';
import { nodeAt, nodesOf, resolveTarget, type NodeKind } from '../../engine/process/nodes.ts';

/** A state's name: a letter, then letters, digits, _ or - (what the validator's process.state-name asks). */
export const stateName = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** An event's name: UPPER_SNAKE_CASE (the validator's process.event-name). */
export const eventName = /^[A-Z][A-Z0-9_]{0,63}(\.[A-Za-z][A-Za-z0-9_-]{0,63})?$/;
/** A delay: milliseconds or an ISO 8601 duration in weeks, days, hours or minutes (the meta-schema's `after` keys). */
export const delayName = /^(?:[1-9][0-9]{0,11}|P[1-9][0-9]{0,3}[WD]|PT[1-9][0-9]{0,5}[HM]|P[1-9][0-9]{0,2}WD)$/;
/** How a case may end (a final state's meta.outcome). */
export const outcomes = ['approved', 'rejected', 'withdrawn'] as const;
export type Outcome = (typeof outcomes)[number];

export interface ProcessNode {
  /** The state's path from the root ("review", "bundle.birth.done"): unique, so also its id. */
  readonly id: string;
  /** Its own name (the last part of its path). */
  readonly key: string;
  /** `/process/states/<key>`, `/process/states/<key>/states/<key>` for a nested one. */
  readonly pointer: string;
  /** The path of the state it is nested in, undefined at the top level. */
  readonly parent: string | undefined;
  /** 1 at the top level. */
  readonly depth: number;
  readonly kind: NodeKind;
  /** Paths of its child states, in document order. */
  readonly children: readonly string[];
  readonly role: string | undefined;
  readonly step: LocalizedText | undefined;
  readonly final: boolean;
  readonly outcome: Outcome | undefined;
  /** Where its parent starts: the process's initial state, or a compound state's initial child. */
  readonly initial: boolean;
  /** A state with states of its own (compound or parallel). */
  readonly compound: boolean;
  /** A child of a parallel state: a region, active beside its siblings. */
  readonly region: boolean;
}

/** Where a transition is kept: `on` (an event), `after` (a delay), `always` (eventless) or `onDone` (children done). */
export type TransitionKind = 'on' | 'after' | 'always' | 'onDone';

export interface ProcessEdge {
  /** The transition's pointer: unique, so also its id. */
  readonly id: string;
  /** The path of the state it leaves (`anyState` for the process's own `on`). */
  readonly from: string;
  readonly kind: TransitionKind;
  /** The event name, the delay (kind `after`) or '' (kinds `always` and `onDone`). */
  readonly event: string;
  /** The path of the state it leads to, or the target as written when it names none (`unresolved`). */
  readonly target: string;
  /** The target as written (a sibling's name, `.child`, `#<process id>.<path>`). */
  readonly written: string;
  readonly unresolved: boolean;
  /** A named guard (the runtime's vocabulary). */
  readonly guard: string | undefined;
  /** A parameterised guard (`{ type, params }`: over the case data), shown and kept, edited as JSON. */
  readonly guardParams: Record<string, unknown> | undefined;
  readonly actions: readonly string[];
  /** Its index when the event's spec is an array (guarded alternatives, tried in order). */
  readonly index: number | undefined;
  /** Written as the target alone (`"SUBMIT": "submitted"`). */
  readonly shorthand: boolean;
}

export interface ProcessGraph {
  readonly initial: string | undefined;
  /** Every state, depth first in document order (a parent before its children). */
  readonly nodes: readonly ProcessNode[];
  /** The states' transitions, then the events every state accepts (the root's `on`, from `anyState`). */
  readonly edges: readonly ProcessEdge[];
}

/** The `from` of an event accepted in every state (the process's own `on`): not a state name. */
export const anyState = '*';

/** Which transition a command means: a state's event (or delay, `always`, `onDone`) and its index in an array spec. */
export interface TransitionRef {
  /** The state's path. */
  readonly from: string;
  /** Default `on`. */
  readonly kind?: TransitionKind;
  /** The event name or delay; ignored for `always` and `onDone`. */
  readonly event: string;
  readonly index?: number;
}

/** The pointer of a state, by its path ("a.b" → /process/states/a/states/b). */
export const statePointer = (path: string): string => `/process/states/${path.split('.').map(escapeToken).join('/states/')}`;

/** The pointer of what a transition's `from` keeps its transitions in: a state, or the process itself (`anyState`). */
export const ownerPointer = (from: string): string => (from === anyState ? '/process' : statePointer(from));

/** The pointer of the spec a transition lives in (the event's value, an array for alternatives). */
export function specPointer(ref: TransitionRef): string {
  const kind = ref.kind ?? 'on';
  return kind === 'always' || kind === 'onDone' ? `${ownerPointer(ref.from)}/${kind}` : `${ownerPointer(ref.from)}/${kind}/${escapeToken(ref.event)}`;
}

/** The pointer of one transition. */
export const transitionPointer = (ref: TransitionRef): string => (ref.index === undefined ? specPointer(ref) : `${specPointer(ref)}/${ref.index}`);

/** The draft's process as the engine's walk reads it (an empty one when there is none to read). */
export function processOf(definition: MatterDefinition | undefined): Process {
  const process = (definition as unknown as Record<string, unknown> | undefined)?.process;
  return (isObject(process) ? process : { states: {} }) as unknown as Process;
}

/** The top-level states of the draft's process (an empty object when there is none to read). */
export function statesOf(definition: MatterDefinition | undefined): Record<string, unknown> {
  const process = processOf(definition) as unknown as Record<string, unknown>;
  return isObject(process.states) ? process.states : {};
}

/** The state (JSON) at a path, or undefined. */
export const stateAt = (definition: MatterDefinition | undefined, path: string): Record<string, unknown> | undefined =>
  nodeAt(processOf(definition), path)?.state as Record<string, unknown> | undefined;

/** The draft's process as nodes and edges, in the order the definition lists them (parents before children). */
export function readProcess(definition: MatterDefinition | undefined): ProcessGraph {
  const process = processOf(definition);
  const raw = process as unknown as Record<string, unknown>;
  const initial = typeof raw.initial === 'string' ? raw.initial : undefined;
  const nodes: ProcessNode[] = [];
  const edges: ProcessEdge[] = [];
  for (const n of nodesOf(process)) {
    const state = n.state as unknown as Record<string, unknown>;
    const meta = isObject(state.meta) ? state.meta : {};
    const step = isObject(meta.step) && typeof meta.step.zh === 'string' && typeof meta.step.en === 'string' ? (meta.step as unknown as LocalizedText) : undefined;
    const outcome = outcomes.find((o) => o === meta.outcome);
    const parent = n.parent === undefined ? undefined : nodeAt(process, n.parent);
    const starts = parent === undefined ? n.path === initial : parent.kind === 'compound' && parent.state.initial === n.key;
    nodes.push({
      id: n.path, key: n.key, pointer: n.pointer, parent: n.parent, depth: n.depth, kind: n.kind, children: n.children,
      role: typeof meta.role === 'string' ? meta.role : undefined, step, final: n.kind === 'final', outcome, initial: starts,
      compound: n.kind === 'compound' || n.kind === 'parallel', region: parent?.kind === 'parallel',
    });
    edges.push(...edgesOfState(process, n.path, state, n.pointer));
  }
  if (isObject(raw.on)) edges.push(...edgesOfState(process, anyState, { on: raw.on }, '/process'));
  return { initial, nodes, edges };
}

/**
 * The transitions leaving one state (a JSON value, at `from`'s path): its events, then its delays, then its eventless
 * ones, then its onDone. Targets resolve from `from` (from the root for `anyState`).
 */
export function edgesOfState(process: Process, from: string, state: Record<string, unknown>, base = ownerPointer(from)): ProcessEdge[] {
  const edges: ProcessEdge[] = [];
  const source = from === anyState ? undefined : from;
  const push = (kind: TransitionKind, event: string, spec: unknown) => {
    const list = Array.isArray(spec) ? spec : [spec];
    list.forEach((t, i) => {
      const index = Array.isArray(spec) ? i : undefined;
      const id = `${base}/${kind === 'always' || kind === 'onDone' ? kind : `${kind}/${escapeToken(event)}`}${index !== undefined ? `/${index}` : ''}`;
      const written = typeof t === 'string' ? t : isObject(t) && typeof t.target === 'string' ? t.target : undefined;
      if (written === undefined) return;
      const resolved = resolveTarget(process, source, written);
      const common = { id, from, kind, event, target: resolved ?? written, written, unresolved: resolved === undefined, index };
      if (typeof t === 'string') edges.push({ ...common, guard: undefined, guardParams: undefined, actions: [], shorthand: true });
      else if (isObject(t)) {
        const actions = Array.isArray(t.actions) ? t.actions.filter((a): a is string => typeof a === 'string') : [];
        edges.push({ ...common, guard: typeof t.guard === 'string' ? t.guard : undefined, guardParams: isObject(t.guard) ? t.guard : undefined, actions, shorthand: false });
      }
    });
  };
  for (const kind of ['on', 'after'] as const) {
    const map = state[kind];
    if (isObject(map)) for (const [event, spec] of Object.entries(map)) push(kind, event, spec);
  }
  if (state.always !== undefined) push('always', '', state.always);
  if (state.onDone !== undefined) push('onDone', '', state.onDone);
  return edges;
}

/**
 * The shortest target XState resolves from `from` to `to` (both paths): the sibling's name when `to` is a sibling
 * of `from` (or `from` itself), otherwise `#<process id>.<path>`; undefined when neither resolves (no process id).
 * From the root (`from` undefined or `anyState`) it is the path itself, which the root reads from the top.
 */
export function targetFrom(process: Process, from: string | undefined, to: string): string | undefined {
  if (from === undefined || from === anyState) return resolveTarget(process, undefined, to) === to ? to : undefined;
  const parentOf = (p: string) => (p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : undefined);
  const key = to.slice(to.lastIndexOf('.') + 1);
  if ((from === undefined ? undefined : parentOf(from)) === parentOf(to) && resolveTarget(process, from, key) === to) return key;
  const id = `#${String(process.id)}.${to}`;
  return resolveTarget(process, from, id) === to ? id : undefined;
}

/** What an edge's guard says: its name, or a parameterised guard's type and main parameters. */
export function guardText(edge: Pick<ProcessEdge, 'guard' | 'guardParams'>): string | undefined {
  if (edge.guard !== undefined) return edge.guard;
  const g = edge.guardParams;
  if (!g) return undefined;
  const params = isObject(g.params) ? g.params : {};
  return g.type === 'olderThan' ? `olderThan(${String(params.field)}, ${String(params.duration)})` : `${String(g.type)}(…)`;
}

/** What an edge says: "APPROVE", "after P3D", "always", "done" — with its guard, "APPROVE [feesPaid]". */
export function edgeLabel(edge: Pick<ProcessEdge, 'kind' | 'event' | 'guard' | 'guardParams'>): string {
  const event = edge.kind === 'after' ? `after ${edge.event}` : edge.kind === 'always' ? 'always' : edge.kind === 'onDone' ? 'done' : edge.event;
  const guard = guardText(edge);
  return guard ? `${event} [${guard}]` : event;
}

/** The transition a pointer names, or the innermost state it is in: what the process view selects for a pointer. */
export function selectedOf(graph: ProcessGraph, pointer: string | undefined): { node?: ProcessNode; edge?: ProcessEdge } {
  if (!pointer?.startsWith('/process/states/') && !pointer?.startsWith('/process/on/')) return {};
  const inside = (base: string) => pointer === base || pointer.startsWith(`${base}/`);
  const edge = graph.edges.filter((e) => inside(e.id)).sort((a, b) => b.id.length - a.id.length)[0];
  if (edge) return { edge };
  const node = graph.nodes.filter((n) => inside(n.pointer)).sort((a, b) => b.pointer.length - a.pointer.length)[0];
  return node ? { node } : {};
}

/**
 * The top-level states that handle `event` themselves: a case there takes their own transition, never the root's
 * (XState: the state's own wins; final states accept none). As the validator's graph reads it (engine/process/graph.ts).
 */
export const overriding = (graph: ProcessGraph, event: string): ProcessNode[] =>
  graph.nodes.filter((n) => n.depth === 1 && !n.final && graph.edges.some((e) => e.from === n.id && e.kind === 'on' && e.event === event));

/** The key of a path ("a.b" → "b") and its parent's path ("a.b" → "a"; "a" → undefined). */
export const keyOf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);
export const parentOf = (path: string): string | undefined => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined);

/** A state name not in use among the children of `parent` (the top level when undefined), from `base` (`review2`…). */
export function freshStateName(definition: MatterDefinition | undefined, base = 'state', parent?: string): string {
  const owner = parent === undefined ? statesOf(definition) : stateAt(definition, parent)?.states;
  const taken = isObject(owner) ? owner : {};
  if (!Object.hasOwn(taken, base)) return base;
  let n = 2;
  while (Object.hasOwn(taken, `${base}${n}`)) n++;
  return `${base}${n}`;
}
