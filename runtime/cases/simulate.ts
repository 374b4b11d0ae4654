/**
 * The simulator: a draft definition run as a case before it is published, by the runtime itself. Each call is a
 * stateless replay — a fresh Runtime over a throwaway in-memory SQLite store, the draft published there as a
 * one-matter catalogue, one case for a demo applicant, then the steps in order, each acted by whoever owns the
 * current step (or the role the step names, to see a refusal). After every step it reports a frame: the state,
 * its role, the events the state accepts and whether each would be taken now (machine.ts `step`, the runtime's own
 * transition logic), the deadline, the materials and fees, and the audit trail the runtime wrote. A step the
 * runtime refuses is a frame with the runtime's typed error; nothing outside the throwaway store is written.
 */
import { documentLimits, validateSources, type Catalogue, type LocalizedText, type MatterDefinition, type Problem, type SourceDocument } from '../../engine/index.ts';
import { isObject, join } from '../../engine/json/pointer.ts';
import { ed25519Signer, type Signer } from '../certificates/signer.ts';
import { manualClock } from '../effects/clock.ts';
import { demoCitizens, demoSharedData } from '../shared-data/demo.ts';
import { openSqliteStore } from '../store/sqlite/store.ts';
import type { AuditEvent } from '../store/types.ts';
import { atBoundary } from './boundary.ts';
import { InvalidArgumentError, RuntimeError } from './errors.ts';
import { acceptedEvents, actorsFor, machineOf, rolesOf, specsFor, step as takeStep, type CaseContext, type CaseEvent } from './machine.ts';
import { createRuntime, definitionHash, type Actor, type CaseView, type FiredDelay, type Runtime } from './runtime.ts';
import { exampleData } from './simulate-example.ts';
import type { CaseSituation } from './situation.ts';
import type { CaseTimeLimit } from './time-limits.ts';

/** One thing done to the simulated case. `role` acts as that role instead of the step's owner (to see the refusal). */
export type SimulationStep =
  | { readonly kind: 'fill'; readonly role?: string }
  | { readonly kind: 'save'; readonly data: unknown; readonly role?: string }
  | { readonly kind: 'submit'; readonly data?: unknown; readonly materials?: readonly string[]; readonly role?: string }
  | { readonly kind: 'event'; readonly type: string; readonly note?: string; readonly materials?: readonly string[]; readonly paid?: number; readonly onsiteCheck?: boolean; readonly role?: string }
  | { readonly kind: 'advance'; readonly days: number };

/** What the caller would send with the next event, so "allowed now" reads it (materials ticked, money paid). */
export interface PendingEvent {
  readonly materials?: readonly string[];
  readonly paid?: number;
  readonly onsiteCheck?: boolean;
}

export interface SimulationOptions {
  /** The catalogue context the draft is validated in (shared data, shared schemas, regions, bundles, its baseline). */
  readonly context?: readonly SourceDocument[];
  /** The demo applicant (default zhangWei, whose shared data waives most materials). */
  readonly applicant?: keyof typeof demoCitizens;
  /** When the simulated case starts (default 2026-03-02 09:00 China Standard Time, a Monday). */
  readonly startAt?: number;
  /** Public holidays (`YYYY-MM-DD`) that do not count as working days. */
  readonly holidays?: Iterable<string>;
  readonly pending?: PendingEvent;
}

/** An event the current state accepts, and whether the runtime would take it now. */
export interface SimulatedEvent {
  readonly type: string;
  readonly allowed: boolean;
  /** Why not: the case is finished, or the transition's condition (guard) is not met. */
  readonly reason?: 'finished' | 'condition';
  /** The guards of its transitions, for the reason. */
  readonly guards: readonly string[];
  /** Where it leads now, and the runtime's actions it takes. */
  readonly to?: string;
  readonly actions?: readonly string[];
}

/** The runtime's refusal of a step: its code, message and the data it carries (field errors, accepted events, …). */
export interface SimulationError {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** The case after one step. */
export interface SimulationFrame {
  /** The step's index in the steps given; -1 for the case as started. */
  readonly index: number;
  readonly kind: SimulationStep['kind'] | 'start';
  /** Who acted (null for the start, time passing and a refused step). */
  readonly actor: Actor | null;
  readonly state: string;
  readonly stepName: LocalizedText | null;
  /** The role whose turn it is (null when the case is finished). */
  readonly role: string | null;
  readonly status: string;
  readonly outcome: string | null;
  readonly events: readonly SimulatedEvent[];
  readonly now: number;
  readonly deadline: { readonly dueAt: number; readonly metAt: number | null } | null;
  readonly timeLimit: CaseTimeLimit;
  readonly situation: CaseSituation;
  readonly waived: readonly string[];
  readonly data: unknown;
  /** Verified (prefilled, locked) fields: pointer → value. */
  readonly verified: Readonly<Record<string, unknown>>;
  readonly delays: readonly { readonly delay: string; readonly dueAt: number }[];
  /** Delays fired by time passing. */
  readonly fired: readonly { readonly delay: string; readonly outcome: FiredDelay['outcome']; readonly to: string | null }[];
  readonly certificates: readonly string[];
  readonly audit: readonly SimulatedAuditEvent[];
  readonly error: SimulationError | null;
}

export interface SimulatedAuditEvent {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly role: string;
  readonly type: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly payload: unknown;
}

export interface Simulation {
  readonly matterId: string;
  readonly region: string;
  readonly applicant: string;
  readonly frames: readonly SimulationFrame[];
}

/** The draft is not a valid definition: the validator's problems, with pointers into it. */
export class SimulationDraftError extends RuntimeError {
  constructor(readonly problems: readonly Pick<Problem, 'code' | 'pointer' | 'message'>[]) {
    super('invalid-definition', `the draft cannot be simulated: it has ${problems.length} problem(s): ${problems.slice(0, 5).map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}`);
  }
}

/** The frames would be larger than one answer may be (each frame carries the case data and the trail so far). */
export class SimulationTooLargeError extends RuntimeError {
  constructor(readonly limit: number, readonly index: number) {
    super('simulation-too-large', `the frames pass ${limit / 1024 / 1024} MiB at step ${index}: every frame carries the case data and its trail, so send fewer steps or less data`);
  }
}

/** The most steps one simulation replays. */
export const maxSimulationSteps = 200;
/** The most delayed transitions one simulation fires (a loop of delays would fire without end). */
export const maxFiredDelays = 200;
/** The largest answer (its frames as JSON): 200 steps of a normal draft are far below it; 200 copies of 500 KiB of data are not. */
export const maxSimulationBytes = 16 * 1024 * 1024;
const day = 86_400_000;
/** 2026-03-02 09:00 China Standard Time. */
const defaultStart = Date.UTC(2026, 2, 2, 1, 0, 0);
const draftFile = 'simulated-draft.json';
// The simulated certificates' seal: a key of its own, made once (a fresh key per replay costs more than the replay).
let simulationSigner: Signer | undefined;
// Validating in the catalogue context takes longer than the replay, and the designer replays one draft many times:
// the last few outcomes are kept per context, by the draft's content hash.
const validations = new WeakMap<readonly SourceDocument[], Map<string, Catalogue | SimulationDraftError>>();
const keptValidations = 16;

/** Runs `steps` on a fresh case of the draft `definition` and returns a frame after the start and after each step. */
export async function simulate(definition: unknown, sharedSchemas: readonly object[], steps: readonly SimulationStep[], options: SimulationOptions = {}): Promise<Simulation> {
  return atBoundary('simulate', async () => {
    if (!Array.isArray(steps)) throw new InvalidArgumentError('steps', 'must be an array');
    if (steps.length > maxSimulationSteps) throw new InvalidArgumentError('steps', `at most ${maxSimulationSteps} steps`);
    const catalogue = validated(definition, options.context ?? []);
    const def = catalogue.definitions[0]!.value;
    const applicant = demoCitizens[options.applicant ?? 'zhangWei'];
    if (!applicant) throw new InvalidArgumentError('options.applicant', `must be one of ${Object.keys(demoCitizens).join(', ')}`);
    const clock = manualClock(options.startAt ?? defaultStart);
    const store = openSqliteStore({ path: ':memory:' });
    try {
      simulationSigner ??= ed25519Signer('onematter-simulation-seal');
      const runtime = await createRuntime({ store, catalogue, sharedSchemas, sharedData: demoSharedData, clock, signer: simulationSigner, ...(options.holidays ? { holidays: options.holidays } : {}) });
      let view = await runtime.startCase({ matterId: def.id, region: def.region.code, version: def.version, applicant });
      const caseId = view.record.id;
      const budget = { fired: 0 };
      const frames: SimulationFrame[] = [await frameOf(runtime, def, view, { index: -1, kind: 'start', actor: null, now: clock.now() }, steps.length === 0 ? options.pending : undefined)];
      let bytes = JSON.stringify(frames[0]).length;
      for (const [index, s] of steps.entries()) {
        const last = index === steps.length - 1;
        checkStep(s, index);
        let actor: Actor | null = null;
        let fired: SimulationFrame['fired'] = [];
        let error: SimulationError | null = null;
        try {
          if (s.kind === 'advance') {
            const passed = await passTime(runtime, clock, caseId, s.days * day, budget);
            fired = passed.fired;
            error = passed.error;
          } else {
            // the role that acts by default: the one the event is for (in a parallel state, its region's)
            const acting = s.kind === 'event' ? [...(actorsFor(def, view.record.state, s.type) ?? [])][0] : undefined;
            actor = actorFor(s.role ?? acting ?? rolesOf(def, view.record.state)[0] ?? 'applicant', applicant);
            const revision = view.record.revision;
            if (s.kind === 'fill') await runtime.saveDraft(caseId, exampleData(def.form.schema, sharedSchemas, view.record.data), actor, revision);
            else if (s.kind === 'save') await runtime.saveDraft(caseId, s.data, actor, revision);
            else if (s.kind === 'submit') await runtime.submit(caseId, s.data ?? view.record.data, actor, revision, [...(s.materials ?? [])]);
            else await runtime.act(caseId, eventOf(s), actor, revision);
          }
        } catch (e) {
          if (!(e instanceof RuntimeError) || e.code === 'internal' || e.code === 'store-failed') throw e;
          error = refusal(e);
          actor = null;
        }
        view = await runtime.getCase(caseId);
        const frame = await frameOf(runtime, def, view, { index, kind: s.kind, actor, now: clock.now(), fired, error }, last ? options.pending : undefined);
        bytes += JSON.stringify(frame).length;
        if (bytes > maxSimulationBytes) throw new SimulationTooLargeError(maxSimulationBytes, index);
        frames.push(frame);
      }
      return { matterId: def.id, region: def.region.code, applicant, frames };
    } finally {
      await store.close();
    }
  });
}

// Time passes as a sweeper watching all along would see it: the clock stops at each delay falling due on the way
// and fires it then, so escalations chain (a state entered by one delay starts its own) and each is recorded when due.
// Delays that lead into each other (a loop of `after`s) would fire without end: one simulation fires at most
// `maxFiredDelays`; past that the clock stops at the last one fired and the frame says why.
async function passTime(
  runtime: Runtime, clock: ReturnType<typeof manualClock>, caseId: string, ms: number, budget: { fired: number },
): Promise<{ fired: SimulationFrame['fired']; error: SimulationError | null }> {
  const until = clock.now() + ms;
  const fired: { delay: string; outcome: FiredDelay['outcome']; to: string | null }[] = [];
  for (;;) {
    const next = (await runtime.pendingDelays(caseId))[0];
    if (!next || next.dueAt > until) break;
    if (budget.fired >= maxFiredDelays) {
      const message = `more than ${maxFiredDelays} delayed transitions fired in one simulation: the process's delays (after) lead into each other; time stops at the last one fired`;
      return { fired, error: { code: 'delays-loop', message, details: { state: (await runtime.getCase(caseId)).record.state } } };
    }
    clock.set(Math.max(clock.now(), next.dueAt));
    for (const f of await runtime.fireDue()) {
      budget.fired++;
      if (f.caseId === caseId) fired.push({ delay: f.delay, outcome: f.outcome, to: f.to ?? null });
    }
  }
  clock.set(until);
  return { fired, error: null };
}

// The draft validated in its context as publishing would; its problems (only its own) refuse the simulation.
function validated(definition: unknown, context: readonly SourceDocument[]): Catalogue {
  if (!isObject(definition)) throw new SimulationDraftError([{ code: 'schema.type', pointer: '', message: 'the draft is not a JSON object' }]);
  // hashing and validating recurse: a draft nested deeper than any document the engine reads is refused first
  const deep = tooDeep(definition, documentLimits.maxDepth);
  if (deep !== undefined) throw new SimulationDraftError([{ code: 'json.too-deep', pointer: deep, message: `nested deeper than ${documentLimits.maxDepth} levels` }]);
  // a draft may not name a version yet: the simulation runs it as one
  const value = { ...definition, version: typeof definition.version === 'string' && definition.version ? definition.version : '0.0.0' };
  let kept = validations.get(context);
  if (!kept) validations.set(context, (kept = new Map()));
  const key = definitionHash(value as unknown as MatterDefinition);
  let outcome = kept.get(key);
  if (!outcome) {
    outcome = validate(value, context);
    if (kept.size >= keptValidations) kept.delete(kept.keys().next().value!);
    kept.set(key, outcome);
  }
  if (outcome instanceof SimulationDraftError) throw outcome;
  return outcome;
}

// The pointer of the first value nested deeper than `limit`, found without recursion; undefined when none is.
function tooDeep(root: unknown, limit: number): string | undefined {
  const stack: [unknown, string, number][] = [[root, '', 0]];
  while (stack.length > 0) {
    const [value, pointer, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limit) return pointer;
    for (const [key, child] of Object.entries(value)) if (typeof child === 'object' && child !== null) stack.push([child, join(pointer, key), depth + 1]);
  }
  return undefined;
}

function validate(value: Record<string, unknown>, context: readonly SourceDocument[]): Catalogue | SimulationDraftError {
  const { catalogue, problems } = validateSources([...context, { file: draftFile, text: JSON.stringify(value) }]);
  const own = problems.filter((p) => p.file === draftFile);
  if (own.length > 0) return new SimulationDraftError(own.map((p) => ({ code: p.code, pointer: p.pointer, message: p.message })));
  const draft = catalogue.definitions.find((d) => d.file === draftFile);
  if (!draft) return new SimulationDraftError([{ code: 'schema.kind', pointer: '/kind', message: 'the draft is not a matter definition (kind baseline or variant)' }]);
  return { ...catalogue, definitions: [draft] };
}

function checkStep(s: SimulationStep, index: number): void {
  const at = `steps[${index}]`;
  if (!isObject(s)) throw new InvalidArgumentError(at, 'must be an object');
  if (s.kind === 'advance' && !(Number.isInteger(s.days) && s.days >= 0 && s.days <= 3660)) throw new InvalidArgumentError(`${at}.days`, 'must be a whole number of days from 0 to 3660');
  if (s.kind === 'event' && typeof s.type !== 'string') throw new InvalidArgumentError(`${at}.type`, 'must be an event name');
  if (!['fill', 'save', 'submit', 'event', 'advance'].includes(s.kind)) throw new InvalidArgumentError(`${at}.kind`, 'must be fill, save, submit, event or advance');
}

// The applicant acts as the demo citizen; staff roles act under their role's name.
const actorFor = (role: string, applicant: string): Actor => ({ id: role === 'applicant' ? applicant : role, role });

function eventOf(s: Extract<SimulationStep, { kind: 'event' }>): CaseEvent {
  return {
    type: s.type,
    ...(s.note ? { note: s.note } : {}),
    ...(s.materials?.length ? { materials: [...s.materials] } : {}),
    ...(s.paid !== undefined ? { paid: s.paid } : {}),
    ...(s.onsiteCheck !== undefined ? { onsiteCheck: s.onsiteCheck } : {}),
  };
}

// The runtime's typed error as data: code, message and what it carries.
function refusal(e: RuntimeError): SimulationError {
  const carried = e as unknown as Record<string, unknown>;
  const details: Record<string, unknown> = {};
  for (const key of ['errors', 'field', 'event', 'state', 'accepted', 'pointer', 'argument']) if (carried[key] !== undefined) details[key] = carried[key];
  return { code: e.code, message: e.message, details };
}

async function frameOf(
  runtime: Runtime, def: MatterDefinition, view: CaseView,
  step: { index: number; kind: SimulationFrame['kind']; actor: Actor | null; now: number; fired?: SimulationFrame['fired']; error?: SimulationError | null },
  pending: PendingEvent | undefined,
): Promise<SimulationFrame> {
  const { record } = view;
  const context = record.context as CaseContext;
  return {
    index: step.index, kind: step.kind, actor: step.actor,
    state: record.state, stepName: view.step ?? null, role: record.role ?? null, status: record.status, outcome: record.outcome ?? null,
    events: eventsOf(def, view, pending), now: step.now,
    deadline: view.deadline ? { dueAt: view.deadline.dueAt, metAt: view.deadline.metAt ?? null } : null,
    timeLimit: view.timeLimit, situation: view.situation, waived: context.waived ?? [], data: record.data, verified: record.verified,
    delays: (await runtime.pendingDelays(record.id)).map((d) => ({ delay: d.delay, dueAt: d.dueAt })),
    fired: step.fired ?? [], certificates: view.certificates.map((c) => c.id), audit: view.audit.map(auditOf), error: step.error ?? null,
  };
}

const auditOf = (e: AuditEvent): SimulatedAuditEvent => ({ seq: e.seq, at: e.at, actor: e.actor, role: e.role, type: e.type, from: e.from ?? null, to: e.to ?? null, payload: e.payload });

// The events the state accepts (its own and the process's root-level ones), each tried with the runtime's step().
function eventsOf(def: MatterDefinition, view: CaseView, pending: PendingEvent | undefined): SimulatedEvent[] {
  const { record } = view;
  const machine = machineOf(def, definitionHash(def));
  const finished = record.status === 'done' || record.role === undefined;
  return acceptedEvents(def, record.state).map((type) => {
    const list = specsFor(def, record.state, type).flatMap((spec) => (Array.isArray(spec) ? spec : [spec]));
    const guards = list.flatMap((t) => (isObject(t) && typeof t.guard === 'string' ? [t.guard] : isObject(t) && isObject(t.guard) && typeof t.guard.type === 'string' ? [t.guard.type] : []));
    if (finished) return { type, allowed: false, reason: 'finished' as const, guards };
    const event: CaseEvent = { type, ...(pending?.materials?.length ? { materials: [...pending.materials] } : {}), ...(pending?.paid ? { paid: pending.paid } : {}), ...(pending?.onsiteCheck !== undefined ? { onsiteCheck: pending.onsiteCheck } : {}) };
    const next = takeStep(machine, record.state, record.context as CaseContext, event, record.data);
    return next ? { type, allowed: true, guards, to: next.state, actions: next.actions } : { type, allowed: false, reason: 'condition' as const, guards };
  });
}
