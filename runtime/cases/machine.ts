/**
 * A definition's process as an XState machine, built once per published version (keyed by content hash). The
 * runtime only uses XState's pure `transition`: it computes the next state and the named actions, and the runtime
 * performs them inside the transition's database transaction. Guards read the case context, the event and the form
 * data: the materials and fees that apply follow the applicant's answers (engine/situations).
 *
 * Automatic decisions (a state's `always`) are handed to XState under an internal event, `automaticEvent`, so that
 * XState's own transition logic picks the first transition whose guard holds, while each one taken stays a step of
 * its own that the runtime records (XState would otherwise take them inside the step that led there, unrecorded).
 */
import { createMachine, initialTransition, transition, type AnyStateMachine } from 'xstate';
import { conditionError, conditionHolds, knownActions, knownGuards, missingOf, situationOf, type Guard, type JsonObject, type MatterDefinition, type Process } from '../../engine/index.ts';
import { isObject, join, parsePointer, resolvePointer } from '../../engine/json/pointer.ts';
import { alwaysOf, olderThan, olderThanSince } from '../../engine/process/automatic.ts';
import { membersState } from '../../engine/bundles/process.ts';
import { doneLoops } from '../../engine/process/graph.ts';
import type { DueDelay } from '../store/types.ts';
import type { ProcessState } from '../../engine/model/index.ts';
import { activePaths, isConfiguration, leavesOfState, lineage, nodeAt, nodesOf, resolveTarget, roleAt, stateOfValue, stateValueOf, type StateNode } from '../../engine/process/nodes.ts';
import { delayOfEvent, namedDelays } from './delays.ts';
import { DefinitionError } from './errors.ts';

export interface CaseContext {
  /** Yuan paid so far. */
  paid?: number;
  /** Material ids the applicant has supplied. */
  supplied?: string[];
  /** Material ids waived through shared data. */
  waived?: string[];
  onsiteCheck?: boolean;
  /** When the applicant first submitted: the time limits run from here. */
  submittedAt?: number;
  decision?: { event: string; by: string; note?: string; at: number };
  supplementRequest?: { by: string; note?: string; at: number };
  [key: string]: unknown;
}

export interface CaseEvent {
  type: string;
  note?: string;
  paid?: number;
  materials?: string[];
  onsiteCheck?: boolean;
}

const noop = () => {};
const actions = Object.fromEntries(knownActions.map((a) => [a.name, noop]));
// Machines by definition hash, oldest first: bounded, since every draft the simulator runs is a hash of its own.
const cache = new Map<string, AnyStateMachine>();
const cacheLimit = 500;
// Unguarded transitions depend only on (state, event type): their outcome is worked out by XState once.
const outcomes = new WeakMap<AnyStateMachine, { definition: MatterDefinition; memo: Map<string, Outcome | undefined> }>();
/** Where a step leads: the next state, whether the process is done, and the runtime's actions it takes. */
export type Outcome = { state: string; done: boolean; actions: string[] };

/** Where step() hands the guards the case's form data and the time: in the snapshot's context, never in the persisted one. */
const formData = '__formData';
const clock = '__now';
const verifiedFields = '__verified';
type GuardArgs = { context: CaseContext; event: CaseEvent };

/** The internal event a state's `always` list is handed to XState under (no one can send it: events are UPPER_SNAKE). */
export const automaticEvent = 'onematter.always';
const supplied = (context: CaseContext, event: CaseEvent) => new Set([...(context.supplied ?? []), ...(context.waived ?? []), ...(event.materials ?? [])]);

/** The machine of a definition version (cached by its hash). */
export function machineOf(definition: MatterDefinition, hash: string): AnyStateMachine {
  let machine = cache.get(hash);
  if (machine) return machine;
  const situation = (context: CaseContext) => situationOf(definition, context[formData]);
  const guards = {
    feesPaid: ({ context, event }: GuardArgs) => (context.paid ?? 0) + (event.paid ?? 0) >= situation(context).amountDue,
    noFees: ({ context }: GuardArgs) => situation(context).amountDue === 0,
    materialsComplete: ({ context, event }: GuardArgs) => {
      const missing = missingOf(situation(context), supplied(context, event));
      return missing.materials.length === 0 && missing.groups.length === 0;
    },
    materialsPending: ({ context, event }: GuardArgs) => {
      const have = supplied(context, event);
      return situation(context).materials.some((d) => d.material.necessity === 'tolerated-missing' && !have.has(d.material.id));
    },
    needsOnsiteCheck: ({ context, event }: GuardArgs) => Boolean(event.onsiteCheck ?? context.onsiteCheck),
    dataMatches: ({ context }: GuardArgs, params: { when: JsonObject }) => conditionHolds(params.when, context[formData] ?? {}),
    olderThan: ({ context }: GuardArgs, params: { field: string; duration: string; verified?: boolean }) => {
      const value = resolvePointer(context[formData], params.field);
      if (params.verified && (context[verifiedFields] as Record<string, unknown> | undefined)?.[params.field] !== value) return false;
      return olderThan(value, params.duration, typeof context[clock] === 'number' ? context[clock] : Date.now());
    },
  };
  checkTransitions(definition.process);
  // named (ISO 8601) delays resolve to ms; unresolved, XState would raise the after-event at once
  try {
    machine = createMachine({ ...xstateConfig(definition.process), context: {} } as never).provide({ guards, actions, delays: namedDelays(definition) } as never);
  } catch (error) {
    if (error instanceof DefinitionError) throw error;
    throw new DefinitionError('definition-process-invalid', `the process cannot be run: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(hash, machine);
  outcomes.set(machine, { definition, memo: new Map() });
  return machine;
}

const guardNames = new Set(knownGuards.map((g) => g.name));
const durationShape = /^P[1-9][0-9]{0,3}[YMWD]$/;

/**
 * Refuses (DefinitionError, naming the place) a process whose transitions XState could not run or whose guards the
 * runtime cannot evaluate: targets that are not states, guards that are not known names or well-formed dataMatches
 * (a condition that compiles: one that did not would count as holding, and approve) or olderThan guards. The
 * validator reports all of these; this keeps a definition that slipped past it from failing mid-step, or deciding.
 */
function checkTransitions(process: Process): void {
  const refuse = (at: string, what: string): never => {
    throw new DefinitionError('definition-process-invalid', `the process cannot be run: ${at} ${what}`);
  };
  if (!isObject(process) || !isObject(process.states)) refuse('/process', 'has no states');
  const transition = (t: unknown, at: string, source: string | undefined): void => {
    const target = typeof t === 'string' ? t : isObject(t) ? t.target : undefined;
    if (resolveTarget(process, source, target) === undefined) refuse(at, `leads to ${JSON.stringify(target) ?? 'nothing'}, which is not a state of the process`);
    if (!isObject(t) || t.guard === undefined) return;
    const guard: unknown = t.guard;
    if (typeof guard === 'string') {
      if (!guardNames.has(guard)) refuse(join(at, 'guard'), `names ${JSON.stringify(guard)}, which is not a guard the runtime implements`);
      return;
    }
    const params = isObject(guard) ? guard.params : undefined;
    if (isObject(guard) && typeof guard.type === 'string' && guardNames.has(guard.type)) return;
    if (isObject(guard) && guard.type === 'dataMatches' && isObject(params) && isObject(params.when)) {
      const reason = conditionError(params.when as JsonObject);
      if (reason === undefined) return;
      refuse(join(at, 'guard', 'params', 'when'), `is not a condition the form's ajv compiles: ${reason}`);
    }
    if (isObject(guard) && guard.type === 'olderThan' && isObject(params) && typeof params.field === 'string' && (parsePointer(params.field)?.length ?? 0) > 0
      && typeof params.duration === 'string' && durationShape.test(params.duration) && (params.verified === undefined || typeof params.verified === 'boolean')) return;
    refuse(join(at, 'guard'), 'is neither a guard name nor a well-formed dataMatches or olderThan guard');
  };
  const spec = (value: unknown, at: string, source: string | undefined): void => {
    if (Array.isArray(value)) value.forEach((t, i) => transition(t, join(at, i), source));
    else transition(value, at, source);
  };
  const map = (value: unknown, at: string, source: string | undefined): void => {
    if (value === undefined) return;
    if (!isObject(value)) refuse(at, 'is not an object of transitions');
    for (const [key, s] of Object.entries(value as Record<string, unknown>)) spec(s, join(at, key), source);
  };
  map(process.on, '/process/on', undefined);
  if (nodeAt(process, process.initial)?.depth !== 1) refuse('/process/initial', 'is not a state of the process');
  for (const node of nodesOf(process)) {
    const s = node.state as Record<string, unknown>;
    map(s.on, join(node.pointer, 'on'), node.path);
    map(s.after, join(node.pointer, 'after'), node.path);
    if (s.always !== undefined) spec(s.always, join(node.pointer, 'always'), node.path);
    if (s.onDone !== undefined) spec(s.onDone, join(node.pointer, 'onDone'), node.path);
    if (node.kind === 'compound' && !node.children.includes(`${node.path}.${String(s.initial)}`)) refuse(join(node.pointer, 'initial'), 'is not a child state');
    // XState enters a parallel state without regions as if it were a leaf: the case would rest where no step is taken
    if (node.kind === 'parallel' && node.children.length === 0) refuse(join(node.pointer, 'states'), 'holds no regions');
    // what XState would fail on only when a case gets there (an initial child of a leaf), or read otherwise than the walk
    if (s.states !== undefined && !isObject(s.states)) refuse(join(node.pointer, 'states'), 'is not an object of states');
    if (s.initial !== undefined && !node.children.includes(`${node.path}.${String(s.initial)}`)) refuse(join(node.pointer, 'initial'), 'is not a child state');
    if (s.type !== undefined && s.type !== 'final' && s.type !== 'compound' && s.type !== 'parallel') refuse(join(node.pointer, 'type'), 'is not final, compound or parallel');
  }
  // XState would take these joins without end inside one transition: the step would never return
  const [loop] = doneLoops(process);
  if (loop) refuse(join(nodeAt(process, loop[0]!)!.pointer, 'onDone'), `completes again at once (${loop.map((p) => JSON.stringify(p)).join(' → ')}): its joins loop without end`);
}

// The process as XState reads it: `always` under automaticEvent at every depth, root-level plain targets as paths
// from the root (`.name`: XState reads a plain target on the root as nothing).
function xstateConfig(process: Process): object {
  const nest = (states: Record<string, ProcessState | undefined>): Record<string, unknown> => Object.fromEntries(Object.entries(states).map(([name, state]) => {
    if (!state) return [name, state];
    const children = isObject(state.states) ? { states: nest(state.states as Record<string, ProcessState | undefined>) } : {};
    if (!state.always) return [name, { ...state, ...children }];
    const { always, ...rest } = state;
    return [name, { ...rest, ...children, on: { ...rest.on, [automaticEvent]: always } }];
  }));
  const states = nest(process.states);
  if (!process.on) return { ...process, states };
  const root = (target: string) => (target.startsWith('#') || target.startsWith('.') ? target : `.${target}`);
  const child = (t: unknown) => (typeof t === 'string' ? root(t) : { ...(t as object), target: root((t as { target: string }).target) });
  const on = Object.fromEntries(Object.entries(process.on).map(([event, spec]) => [event, Array.isArray(spec) ? spec.map(child) : child(spec)]));
  return { ...process, states, on };
}

/** The initial state of a process (a case's state: its leaves joined by ","; a top-level name in a flat process). */
export function initialState(machine: AnyStateMachine): string {
  const [snapshot] = initialTransition(machine);
  const known = outcomes.get(machine);
  return known ? stateOfValue(known.definition.process, snapshot.value) : String(snapshot.value);
}

/** What guards read besides the context and the event: the case's form data, its verified fields, and the time. */
export interface GuardFacts {
  readonly data: unknown;
  /** Fields prefilled from shared data and locked (data pointer → value), as the case record keeps them. */
  readonly verified?: Readonly<Record<string, unknown>>;
  readonly now: number;
}

/**
 * The next state and the actions taken by `event` from `state`, or undefined when the state does not accept it.
 * `data` is the case's form data, which the guards read (it is not part of the context the runtime saves); pass
 * `facts` instead to give the guards the verified fields and the time too (default: none verified, the system clock).
 */
export function step(machine: AnyStateMachine, state: string, context: CaseContext, event: CaseEvent, data: unknown = {}, facts?: Omit<GuardFacts, 'data'>): Outcome | undefined {
  const known = outcomes.get(machine);
  if (!known) throw new DefinitionError('definition-process-invalid', 'the machine was not built by machineOf');
  const { process } = known.definition;
  if (!isConfiguration(process, state)) return undefined;
  const guarded = specsFor(known.definition, state, event.type).some((spec) => (Array.isArray(spec) ? spec : [spec]).some((t) => typeof t === 'object' && t !== null && t.guard !== undefined));
  const key = `${state}\u0000${event.type}`;
  if (!guarded && known.memo.has(key)) return known.memo.get(key);
  const current = machine.resolveState({ value: stateValueOf(process, state) as never, context: guardContext(context, { data, verified: facts?.verified, now: facts?.now ?? Date.now() }) });
  let outcome: Outcome | undefined;
  if (current.can(event as never)) {
    const [next, executed] = transition(machine, current, event as never);
    // XState's own raise/cancel of after-events are not the runtime's actions: delays are rows (./delays.ts)
    outcome = { state: stateOfValue(process, next.value), done: next.status === 'done', actions: executed.map((a) => a.type).filter((t) => !t.startsWith('xstate.')) };
  }
  if (!guarded) known.memo.set(key, outcome);
  return outcome;
}

/**
 * The transitions a case in `state` could take on `eventType` (each as written: a target, a transition or a list):
 * of every state it is in (a delay's of the state it times), then the process's root-level ones.
 */
export function specsFor(definition: MatterDefinition, state: string, eventType: string): unknown[] {
  const { process } = definition;
  const specs: unknown[] = [];
  for (const path of activePaths(process, state)) {
    const s = nodeAt(process, path)!.state;
    const delay = delayOfEvent(definition, path, eventType);
    if (eventType === automaticEvent) specs.push(s.always);
    else if (delay !== undefined) specs.push(s.after?.[delay]);
    else if (s.on && Object.hasOwn(s.on, eventType)) specs.push(s.on[eventType]);
  }
  if (process.on && Object.hasOwn(process.on, eventType)) specs.push(process.on[eventType]);
  return specs.filter((spec) => spec !== undefined);
}

/** An automatic decision: where it leads and the guard that decided (none: the list's unguarded last transition). */
export interface AutomaticOutcome extends Outcome {
  readonly guard: Guard | undefined;
}

/**
 * The automatic decision of `state` for a case, or undefined when the state has no `always` or none of its guards
 * holds: XState picks the transition (first whose guard holds), and names it, so the audit trail can say what decided.
 */
export function automaticStep(machine: AnyStateMachine, state: string, context: CaseContext, facts: GuardFacts): AutomaticOutcome | undefined {
  const process = outcomes.get(machine)?.definition.process;
  if (!process || !activePaths(process, state).some((p) => nodeAt(process, p)?.state.always)) return undefined;
  const event = { type: automaticEvent };
  const outcome = step(machine, state, context, event, facts.data, facts);
  if (!outcome) return undefined;
  const current = machine.resolveState({ value: stateValueOf(process, state) as never, context: guardContext(context, facts) });
  const [taken] = machine.getTransitionData(current as never, event as never);
  const guard = (taken as { guard?: unknown } | undefined)?.guard;
  return { ...outcome, guard: guard === undefined ? undefined : (typeof guard === 'string' ? guard : (structuredClone(guard) as Guard)) };
}

// The snapshot context guards read: the saved context plus the facts, under keys the saved context never holds.
const guardContext = (context: CaseContext, facts: GuardFacts): CaseContext => ({ ...context, [formData]: facts.data, [verifiedFields]: facts.verified ?? {}, [clock]: facts.now });

/** A state of the process by path: own members only (a case's state named "constructor" is not Object's). */
export const stateOf = (def: MatterDefinition, path: string): ProcessState | undefined => nodeAt(def.process, path)?.state;

/** The roles acting in a case's state: each leaf's (its own or inherited), once each, in document order; none when finished. */
export function rolesOf(def: MatterDefinition, state: string): string[] {
  return [...new Set(leavesOfState(state).map((leaf) => roleAt(def.process, leaf)).filter((r): r is string => r !== undefined))];
}

/**
 * The role acting in a case's state, as the case row keeps it for the queues: the one role, or the roles of a
 * parallel state's regions joined by spaces (a queue reads "clerk" out of "clerk police"); none in a final state.
 */
export function roleOf(def: MatterDefinition, state: string): string | undefined {
  const roles = rolesOf(def, state);
  return roles.length === 0 ? undefined : roles.join(' ');
}

/** Whether the case's state is final: a final state of the process itself (a region's final state is not). */
export function isFinalState(def: MatterDefinition, state: string): boolean {
  const node = nodeAt(def.process, state);
  return node !== undefined && node.depth === 1 && node.kind === 'final';
}

/**
 * The events a case in `state` accepts: each of its states' own, innermost first, then the root-level ones (none in
 * a final state).
 */
export function acceptedEvents(def: MatterDefinition, state: string): string[] {
  if (isFinalState(def, state) || !isConfiguration(def.process, state)) return [];
  const events: string[] = [];
  // the leaves' own events first (each region's), then those of the states around them, level by level
  const lineages = leavesOfState(state).map((leaf) => lineage(def.process, leaf));
  for (let level = 0; lineages.some((l) => level < l.length); level++) {
    for (const l of lineages) for (const e of level < l.length ? Object.keys(nodeAt(def.process, l[level]!)!.state.on ?? {}) : []) if (!events.includes(e)) events.push(e);
  }
  return [...events, ...Object.keys(def.process.on ?? {}).filter((e) => !events.includes(e))];
}

/**
 * Who may send `event` to a case in `state`: the roles of the states whose transition would take it (XState: the
 * innermost state of each leaf that handles it), a state without a role of its own letting the roles acting below it;
 * a root-level event, anyone acting and the applicant (WITHDRAW). Undefined when no state handles the event.
 */
export function actorsFor(def: MatterDefinition, state: string, event: string): Set<string> | undefined {
  const { process } = def;
  if (isFinalState(def, state)) return undefined;
  const handlers = new Set<StateNode>();
  let root = false;
  for (const leaf of leavesOfState(state)) {
    const handler = lineage(process, leaf).map((p) => nodeAt(process, p)!).find((n) => n.state.on !== undefined && Object.hasOwn(n.state.on, event));
    if (handler) handlers.add(handler);
    else if (process.on && Object.hasOwn(process.on, event)) root = true;
  }
  if (handlers.size === 0 && !root) return undefined;
  const below = (path: string) => leavesOfState(state).filter((l) => l === path || l.startsWith(`${path}.`)).map((l) => roleAt(process, l)).filter((r): r is string => r !== undefined);
  let allowed: Set<string> | undefined;
  for (const handler of handlers) {
    const own = roleAt(process, handler.path);
    const roles = new Set(own !== undefined ? [own] : below(handler.path));
    allowed = allowed === undefined ? roles : new Set([...allowed].filter((r) => roles.has(r)));
  }
  if (root) {
    const everyone = new Set([...rolesOf(def, state), 'applicant']);
    allowed = allowed === undefined ? everyone : new Set([...allowed].filter((r) => everyone.has(r)));
  }
  return allowed;
}


/** The context after a step: what the event paid and supplied, when the case was submitted, the decision taken. */
export function contextAfter(context: CaseContext, event: CaseEvent, next: Outcome, step: { type: string; by: string; now: number; submits: boolean }): CaseContext {
  const after: CaseContext = { ...context };
  const note = event.note ? { note: event.note } : {};
  if (event.paid) after.paid = (context.paid ?? 0) + event.paid;
  if (event.materials?.length) after.supplied = [...new Set([...(context.supplied ?? []), ...event.materials])];
  if (event.onsiteCheck !== undefined) after.onsiteCheck = event.onsiteCheck;
  if (step.submits) after.submittedAt = step.now;
  if (next.actions.includes('recordDecision')) after.decision = { event: step.type, by: step.by, at: step.now, ...note };
  if (next.actions.includes('requestSupplement')) after.supplementRequest = { by: step.by, at: step.now, ...note };
  return after;
}

/** The `delay` of the due row that checks a waiting case's automatic decisions again (never an `after` key). */
export const recheckDelay = 'always';
const timedAutomatic = new WeakMap<MatterDefinition, boolean>();

/**
 * The due row that checks again, when time alone will make one of them hold, the automatic decisions of the states a
 * case waits in: an `olderThan` guard that does not hold yet holds from a known day on (its field's date plus the
 * duration), so a case resting in a state where people act but whose `always` may decide it is decided by the sweep
 * that day, not only at its next step. None when no such guard waits (cheap for processes without one).
 */
export function recheckOf(def: MatterDefinition, caseId: string, state: string, facts: GuardFacts): DueDelay[] {
  const { process } = def;
  if (!waitsOnTime(def)) return [];
  let due: { path: string; at: number } | undefined;
  for (const path of activePaths(process, state)) {
    for (const t of alwaysOf(nodeAt(process, path)!.state)) {
      const guard = isObject(t) && isObject(t.guard) && t.guard.type === 'olderThan' ? (t.guard.params as { field: string; duration: string; verified?: boolean }) : undefined;
      if (!guard) continue;
      const value = resolvePointer(facts.data, guard.field);
      if (guard.verified && facts.verified?.[guard.field] !== value) continue; // never holds: nothing to wait for
      const at = olderThanSince(value, guard.duration);
      if (at !== undefined && at > facts.now && (due === undefined || at < due.at)) due = { path, at };
    }
  }
  return due ? [{ caseId, state: due.path, delay: recheckDelay, event: automaticEvent, dueAt: due.at }] : [];
}

/** Whether any automatic decision of the process waits on time (an `olderThan` guard in an `always` list). */
export function waitsOnTime(def: MatterDefinition): boolean {
  let timed = timedAutomatic.get(def);
  if (timed === undefined) {
    timed = nodesOf(def.process).some((n) => alwaysOf(n.state).some((t) => isObject(t) && isObject(t.guard) && t.guard.type === 'olderThan'));
    timedAutomatic.set(def, timed);
  }
  return timed;
}


/**
 * An event's base name: the part before '.'. A one-thing bundle addresses its staff events to a member
 * (ACCEPT.police), and what the runtime does on an event (materials refusal on ACCEPT, the supplement clock, the
 * reference at the first SUBMIT) goes by the base name.
 */
export const baseEvent = (type: string): string => {
  const dot = type.indexOf('.');
  return dot < 0 ? type : type.slice(0, dot);
};

/** The member an addressed event names (ACCEPT.police → police); undefined for an event addressed to nobody. */
export const eventMember = (type: string): string | undefined => {
  const dot = type.indexOf('.');
  return dot < 0 ? undefined : type.slice(dot + 1);
};

/**
 * The role `actor` acts in when one of `allowed` may: their own role, or their department's (police-clerk: a staff
 * member of the police acting on a bundle's police step). Undefined when neither may.
 */
export function actingRole(allowed: ReadonlySet<string> | readonly string[], actor: { role: string; department?: string }): string | undefined {
  const has = (r: string) => ('has' in allowed ? allowed.has(r) : allowed.includes(r));
  if (has(actor.role)) return actor.role;
  if (actor.department && actor.role !== 'applicant') {
    const qualified = `${actor.department}-${actor.role}`;
    if (has(qualified)) return qualified;
  }
  return undefined;
}

/**
 * The event the applicant's submission sends in `state`: SUBMIT, or — when the state does not accept SUBMIT but
 * accepts SUBMIT addressed to members (a bundle whose members are submitted separately) — the first of those, in the
 * order acceptedEvents lists them (the regions in the bundle's member order). One submission submits one member.
 */
export function submitEventOf(def: MatterDefinition, state: string): string {
  const accepted = acceptedEvents(def, state);
  if (accepted.includes('SUBMIT')) return 'SUBMIT';
  return accepted.find((e) => baseEvent(e) === 'SUBMIT') ?? 'SUBMIT';
}

/** The state paths the transitions `event` takes from `state` lead to (their targets), for a bundle's member outcomes. */
export function transitionTargets(machine: AnyStateMachine, state: string, context: CaseContext, event: CaseEvent, facts: GuardFacts): string[] {
  const known = outcomes.get(machine);
  if (!known || !isConfiguration(known.definition.process, state)) return [];
  const type = event.type === 'automatic' ? automaticEvent : event.type;
  const current = machine.resolveState({ value: stateValueOf(known.definition.process, state) as never, context: guardContext(context, facts) });
  const taken = machine.getTransitionData(current as never, { ...event, type } as never) as { target?: readonly { path: readonly string[] }[] }[];
  return taken.flatMap((t) => (t.target ?? []).map((n) => n.path.join('.')));
}

/** The path of a bundle member's region in its composed process (compose puts the regions in the parallel `members`). */
export const memberRegion = (key: string): string => `${membersState}.${key}`;

/** A bundle member's final outcome as its region's final state names it, given the leaves and targets a step reaches. */
export function memberOutcomes(def: MatterDefinition, paths: readonly string[]): Record<string, string> {
  const ended: Record<string, string> = {};
  for (const m of def.bundle?.members ?? []) {
    const prefix = `${memberRegion(m.key)}.`;
    for (const path of paths) {
      if (!path.startsWith(prefix)) continue;
      const node = nodeAt(def.process, path);
      if (node?.kind === 'final' && node.depth === 3) ended[m.key] = node.state.meta?.outcome ?? path.slice(prefix.length);
    }
  }
  return ended;
}
