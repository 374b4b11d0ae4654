/**
 * A definition's process as an XState machine, built once per published version (keyed by content hash). The
 * runtime only uses XState's pure `transition`: it computes the next state and the named actions, and the runtime
 * performs them inside the transition's database transaction. Guards read the case context, the event and the form
 * data: the materials and fees that apply follow the applicant's answers (engine/situations).
 */
import { createMachine, initialTransition, transition, type AnyStateMachine } from 'xstate';
import { knownActions, missingOf, situationOf, type MatterDefinition } from '../../engine/index.ts';
import { delayOfEvent, namedDelays } from './delays.ts';

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
const cache = new Map<string, AnyStateMachine>();
// Unguarded transitions depend only on (state, event type): their outcome is worked out by XState once.
const outcomes = new WeakMap<AnyStateMachine, { definition: MatterDefinition; memo: Map<string, Outcome | undefined> }>();
/** Where a step leads: the next state, whether the process is done, and the runtime's actions it takes. */
export type Outcome = { state: string; done: boolean; actions: string[] };

/** Where step() hands the guards the case's form data: in the snapshot's context, never in the persisted one. */
const formData = '__formData';
type GuardArgs = { context: CaseContext; event: CaseEvent };
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
  };
  // named (ISO 8601) delays resolve to ms; unresolved, XState would raise the after-event at once
  machine = createMachine({ ...(definition.process as object), context: {} } as never).provide({ guards, actions, delays: namedDelays(definition) } as never);
  cache.set(hash, machine);
  outcomes.set(machine, { definition, memo: new Map() });
  return machine;
}

/** The initial state of a process. */
export function initialState(machine: AnyStateMachine): string {
  const [snapshot] = initialTransition(machine);
  return String(snapshot.value);
}

/**
 * The next state and the actions taken by `event` from `state`, or undefined when the state does not accept it.
 * `data` is the case's form data, which the guards read (it is not part of the context the runtime saves).
 */
export function step(machine: AnyStateMachine, state: string, context: CaseContext, event: CaseEvent, data: unknown = {}): Outcome | undefined {
  const known = outcomes.get(machine);
  const stateSpec = known?.definition.process.states[state];
  const delay = known && delayOfEvent(known.definition, state, event.type);
  const spec = delay !== undefined ? stateSpec?.after?.[delay] : stateSpec?.on?.[event.type];
  const guarded = spec !== undefined && (Array.isArray(spec) ? spec : [spec]).some((t) => typeof t === 'object' && t.guard !== undefined);
  const key = `${state}\u0000${event.type}`;
  if (known && !guarded && known.memo.has(key)) return known.memo.get(key);
  const current = machine.resolveState({ value: state, context: { ...context, [formData]: data } });
  let outcome: Outcome | undefined;
  if (current.can(event as never)) {
    const [next, executed] = transition(machine, current, event as never);
    // XState's own raise/cancel of after-events are not the runtime's actions: delays are rows (./delays.ts)
    outcome = { state: String(next.value), done: next.status === 'done', actions: executed.map((a) => a.type).filter((t) => !t.startsWith('xstate.')) };
  }
  if (known && !guarded) known.memo.set(key, outcome);
  return outcome;
}
