/**
 * The process (an XState machine config) as the process designer reads it: states as nodes (step name, role, final
 * and outcome) and transitions as edges (event, target, guard, actions; a delayed transition's edge is labelled with
 * its delay, an eventless one "always"). Read from the draft as JSON, which may be invalid while it is edited: what
 * does not have the expected shape is skipped, the validator reports it. Pure.
 */
import type { LocalizedText, MatterDefinition } from '../../engine/index.ts';
import { escapeToken, isObject } from '../../engine/json/pointer.ts';

/** A state's name: a letter, then letters, digits, _ or - (what the validator's process.state-name asks). */
export const stateName = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** An event's name: UPPER_SNAKE_CASE (the validator's process.event-name). */
export const eventName = /^[A-Z][A-Z0-9_]{0,63}$/;
/** A delay: milliseconds or an ISO 8601 duration in weeks, days, hours or minutes (the meta-schema's `after` keys). */
export const delayName = /^(?:[1-9][0-9]{0,11}|P[1-9][0-9]{0,3}[WD]|PT[1-9][0-9]{0,5}[HM])$/;
/** How a case may end (a final state's meta.outcome). */
export const outcomes = ['approved', 'rejected', 'withdrawn'] as const;
export type Outcome = (typeof outcomes)[number];

export interface ProcessNode {
  readonly id: string;
  /** `/process/states/<id>`. */
  readonly pointer: string;
  readonly role: string | undefined;
  readonly step: LocalizedText | undefined;
  readonly final: boolean;
  readonly outcome: Outcome | undefined;
  readonly initial: boolean;
  /** A state with states of its own (compound or parallel): shown, its inside edited as JSON. */
  readonly compound: boolean;
}

/** Where a transition is kept: `on` (an event), `after` (a delay) or `always` (eventless). */
export type TransitionKind = 'on' | 'after' | 'always';

export interface ProcessEdge {
  /** The transition's pointer: unique, so also its id. */
  readonly id: string;
  readonly from: string;
  readonly kind: TransitionKind;
  /** The event name, the delay (kind `after`) or '' (kind `always`). */
  readonly event: string;
  readonly target: string;
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
  readonly nodes: readonly ProcessNode[];
  /** The states' transitions, then the events every state accepts (the root's `on`, from `anyState`). */
  readonly edges: readonly ProcessEdge[];
}

/** The `from` of an event accepted in every state (the process's own `on`): not a state name. */
export const anyState = '*';

/** Which transition a command means: a state's event (or delay, or `always`) and its index in an array spec. */
export interface TransitionRef {
  readonly from: string;
  /** Default `on`. */
  readonly kind?: TransitionKind;
  /** The event name or delay; ignored for `always`. */
  readonly event: string;
  readonly index?: number;
}

/** The pointer of a state. */
export const statePointer = (name: string): string => `/process/states/${escapeToken(name)}`;

/** The pointer of the spec a transition lives in (the event's value, an array for alternatives). */
export function specPointer(ref: TransitionRef): string {
  const kind = ref.kind ?? 'on';
  return kind === 'always' ? `${statePointer(ref.from)}/always` : `${statePointer(ref.from)}/${kind}/${escapeToken(ref.event)}`;
}

/** The pointer of one transition. */
export const transitionPointer = (ref: TransitionRef): string => (ref.index === undefined ? specPointer(ref) : `${specPointer(ref)}/${ref.index}`);

/** The states of the draft's process (an empty object when there is none to read). */
export function statesOf(definition: MatterDefinition | undefined): Record<string, unknown> {
  const process = (definition as unknown as Record<string, unknown> | undefined)?.process;
  return isObject(process) && isObject(process.states) ? process.states : {};
}

/** The draft's process as nodes and edges, in the order the definition lists them. */
export function readProcess(definition: MatterDefinition | undefined): ProcessGraph {
  const process = (definition as unknown as Record<string, unknown> | undefined)?.process;
  const initial = isObject(process) && typeof process.initial === 'string' ? process.initial : undefined;
  const states = statesOf(definition);
  const nodes: ProcessNode[] = [];
  const edges: ProcessEdge[] = [];
  for (const [id, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    const meta = isObject(state.meta) ? state.meta : {};
    const step = isObject(meta.step) && typeof meta.step.zh === 'string' && typeof meta.step.en === 'string' ? (meta.step as unknown as LocalizedText) : undefined;
    const outcome = outcomes.find((o) => o === meta.outcome);
    nodes.push({
      id, pointer: statePointer(id), role: typeof meta.role === 'string' ? meta.role : undefined, step,
      final: state.type === 'final', outcome, initial: id === initial, compound: isObject(state.states) || state.type === 'parallel',
    });
    edges.push(...edgesOfState(id, state));
  }
  if (isObject(process) && isObject(process.on)) edges.push(...edgesOfState(anyState, { on: process.on }, '/process'));
  return { initial, nodes, edges };
}

/** The transitions leaving one state (a JSON value): its events, then its delays, then its eventless ones. */
export function edgesOfState(from: string, state: Record<string, unknown>, base = statePointer(from)): ProcessEdge[] {
  const edges: ProcessEdge[] = [];
  const push = (kind: TransitionKind, event: string, spec: unknown) => {
    const list = Array.isArray(spec) ? spec : [spec];
    list.forEach((t, i) => {
      const index = Array.isArray(spec) ? i : undefined;
      const id = `${base}/${kind === 'always' ? 'always' : `${kind}/${escapeToken(event)}`}${index !== undefined ? `/${index}` : ''}`;
      if (typeof t === 'string') edges.push({ id, from, kind, event, target: t, guard: undefined, guardParams: undefined, actions: [], index, shorthand: true });
      else if (isObject(t) && typeof t.target === 'string') {
        const actions = Array.isArray(t.actions) ? t.actions.filter((a): a is string => typeof a === 'string') : [];
        const guard = typeof t.guard === 'string' ? t.guard : undefined;
        const guardParams = isObject(t.guard) ? t.guard : undefined;
        edges.push({ id, from, kind, event, target: t.target, guard, guardParams, actions, index, shorthand: false });
      }
    });
  };
  for (const kind of ['on', 'after'] as const) {
    const map = state[kind];
    if (isObject(map)) for (const [event, spec] of Object.entries(map)) push(kind, event, spec);
  }
  if (state.always !== undefined) push('always', '', state.always);
  return edges;
}

/** What an edge's guard says: its name, or a parameterised guard's type and main parameters. */
export function guardText(edge: Pick<ProcessEdge, 'guard' | 'guardParams'>): string | undefined {
  if (edge.guard !== undefined) return edge.guard;
  const g = edge.guardParams;
  if (!g) return undefined;
  const params = isObject(g.params) ? g.params : {};
  return g.type === 'olderThan' ? `olderThan(${String(params.field)}, ${String(params.duration)})` : `${String(g.type)}(…)`;
}

/** What an edge says: "APPROVE", "after P3D", "always" — with its guard, "APPROVE [feesPaid]". */
export function edgeLabel(edge: Pick<ProcessEdge, 'kind' | 'event' | 'guard' | 'guardParams'>): string {
  const event = edge.kind === 'after' ? `after ${edge.event}` : edge.kind === 'always' ? 'always' : edge.event;
  const guard = guardText(edge);
  return guard ? `${event} [${guard}]` : event;
}

/** The transition a pointer names, or the state it is in: what the process view selects for a pointer. */
export function selectedOf(graph: ProcessGraph, pointer: string | undefined): { node?: ProcessNode; edge?: ProcessEdge } {
  if (!pointer?.startsWith('/process/states/')) return {};
  const edge = graph.edges
    .filter((e) => pointer === e.id || pointer.startsWith(`${e.id}/`))
    .sort((a, b) => b.id.length - a.id.length)[0];
  if (edge) return { edge };
  const node = graph.nodes.find((n) => pointer === n.pointer || pointer.startsWith(`${n.pointer}/`));
  return node ? { node } : {};
}

/** A state name not in use, from `base` (`secondReview`, `secondReview2`…). */
export function freshStateName(definition: MatterDefinition | undefined, base = 'state'): string {
  const states = statesOf(definition);
  if (!Object.hasOwn(states, base)) return base;
  let n = 2;
  while (Object.hasOwn(states, `${base}${n}`)) n++;
  return `${base}${n}`;
}
