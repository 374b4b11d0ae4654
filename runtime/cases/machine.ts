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
import { olderThan } from '../../engine/process/automatic.ts';
import type { ProcessState } from '../../engine/model/index.ts';
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
  const states = process.states as Record<string, unknown>;
  const transition = (t: unknown, at: string): void => {
    const target = typeof t === 'string' ? t : isObject(t) ? t.target : undefined;
    if (typeof target !== 'string' || !Object.hasOwn(states, target)) refuse(at, `leads to ${JSON.stringify(target) ?? 'nothing'}, which is not a state of the process`);
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
  const spec = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((t, i) => transition(t, join(at, i)));
    else transition(value, at);
  };
  const map = (value: unknown, at: string): void => {
    if (value === undefined) return;
    if (!isObject(value)) refuse(at, 'is not an object of transitions');
    for (const [key, s] of Object.entries(value as Record<string, unknown>)) spec(s, join(at, key));
  };
  map(process.on, '/process/on');
  for (const [name, state] of Object.entries(states)) {
    const at = join('/process/states', name);
    if (!isObject(state)) refuse(at, 'is not an object');
    const s = state as Record<string, unknown>;
    map(s.on, join(at, 'on'));
    map(s.after, join(at, 'after'));
    if (s.always !== undefined) spec(s.always, join(at, 'always'));
  }
}

// The process as XState reads it: `always` under automaticEvent, root-level targets as child states (`.name`).
function xstateConfig(process: Process): object {
  const states = Object.fromEntries(Object.entries(process.states).map(([name, state]) => {
    if (!state?.always) return [name, state];
    const { always, ...rest } = state;
    return [name, { ...rest, on: { ...rest.on, [automaticEvent]: always } }];
  }));
  if (!process.on) return { ...process, states };
  const child = (t: unknown) => (typeof t === 'string' ? `.${t}` : { ...(t as object), target: `.${(t as { target: string }).target}` });
  const on = Object.fromEntries(Object.entries(process.on).map(([event, spec]) => [event, Array.isArray(spec) ? spec.map(child) : child(spec)]));
  return { ...process, states, on };
}

/** The initial state of a process. */
export function initialState(machine: AnyStateMachine): string {
  const [snapshot] = initialTransition(machine);
  return String(snapshot.value);
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
  const stateSpec = known?.definition.process.states[state];
  const delay = known && delayOfEvent(known.definition, state, event.type);
  const root = known?.definition.process.on;
  const spec = event.type === automaticEvent ? stateSpec?.always
    : delay !== undefined ? stateSpec?.after?.[delay]
    : (stateSpec?.on && Object.hasOwn(stateSpec.on, event.type) ? stateSpec.on[event.type] : root && Object.hasOwn(root, event.type) ? root[event.type] : undefined);
  const guarded = spec !== undefined && (Array.isArray(spec) ? spec : [spec]).some((t) => typeof t === 'object' && t.guard !== undefined);
  const key = `${state}\u0000${event.type}`;
  if (known && !guarded && known.memo.has(key)) return known.memo.get(key);
  const current = machine.resolveState({ value: state, context: guardContext(context, { data, verified: facts?.verified, now: facts?.now ?? Date.now() }) });
  let outcome: Outcome | undefined;
  if (current.can(event as never)) {
    const [next, executed] = transition(machine, current, event as never);
    // XState's own raise/cancel of after-events are not the runtime's actions: delays are rows (./delays.ts)
    outcome = { state: String(next.value), done: next.status === 'done', actions: executed.map((a) => a.type).filter((t) => !t.startsWith('xstate.')) };
  }
  if (known && !guarded) known.memo.set(key, outcome);
  return outcome;
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
  if (!outcomes.get(machine)?.definition.process.states[state]?.always) return undefined;
  const event = { type: automaticEvent };
  const outcome = step(machine, state, context, event, facts.data, facts);
  if (!outcome) return undefined;
  const current = machine.resolveState({ value: state, context: guardContext(context, facts) });
  const [taken] = machine.getTransitionData(current as never, event as never);
  const guard = (taken as { guard?: unknown } | undefined)?.guard;
  return { ...outcome, guard: guard === undefined ? undefined : (typeof guard === 'string' ? guard : (structuredClone(guard) as Guard)) };
}

// The snapshot context guards read: the saved context plus the facts, under keys the saved context never holds.
const guardContext = (context: CaseContext, facts: GuardFacts): CaseContext => ({ ...context, [formData]: facts.data, [verifiedFields]: facts.verified ?? {}, [clock]: facts.now });

/** A state of the process by name: own members only (a case's state named "constructor" is not Object's). */
export const stateOf = (def: MatterDefinition, state: string): ProcessState | undefined => (Object.hasOwn(def.process.states, state) ? def.process.states[state] : undefined);

/** The role acting in a state (none in a final state). */
export function roleOf(def: MatterDefinition, state: string): string | undefined {
  const s = stateOf(def, state);
  return s && s.type !== 'final' ? s.meta?.role : undefined;
}

/** The events a state accepts: its own, then the root-level ones it does not handle itself (none in a final state). */
export function acceptedEvents(def: MatterDefinition, state: string): string[] {
  const s = stateOf(def, state);
  const own = Object.keys(s?.on ?? {});
  if (!s || s.type === 'final') return own;
  return [...own, ...Object.keys(def.process.on ?? {}).filter((e) => !own.includes(e))];
}
