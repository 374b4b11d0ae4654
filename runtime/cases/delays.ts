/**
 * Durable delayed transitions (a state's `after`). XState's own timers live in an actor and are lost when it is
 * restored (xstate#5331); onematter keeps no actors, so each delay of the state a case enters becomes a due row in
 * the store, and `Runtime.fireDue` sends XState's after-event when it is due.
 */
import type { AnyStateMachine } from 'xstate';
import type { MatterDefinition } from '../../engine/index.ts';
import { activePaths, nodeAt, nodesOf } from '../../engine/process/nodes.ts';
import type { DueDelay } from '../store/types.ts';
import { addWorkingDays } from '../effects/working-days.ts';
import { DefinitionError } from './errors.ts';

const units: Readonly<Record<string, number>> = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000 };

/**
 * The length of an `after` key in ms: milliseconds, or an ISO 8601 duration in weeks, days, hours or minutes
 * (calendar time); working days (P2WD) count as calendar days here, for XState, which never times them (see dueAfter).
 */
export function delayMs(key: string): number {
  if (/^[1-9][0-9]{0,11}$/.test(key)) return Number(key);
  const working = workingDays.exec(key);
  if (working) return Number(working[1]) * units.D!;
  const iso = /^P(?:([1-9][0-9]{0,3})([WD])|T([1-9][0-9]{0,5})([HM]))$/.exec(key);
  if (!iso) throw new DefinitionError('delay-invalid', `delay "${key}" is neither milliseconds nor an ISO 8601 duration in weeks, days, hours or minutes`);
  return Number(iso[1] ?? iso[3]) * units[iso[2] ?? iso[4]!]!;
}

const workingDays = /^P([1-9][0-9]{0,2})WD$/;

/**
 * When a delay of `key` that started at `enteredAt` falls due: `enteredAt` plus its length, or for working days
 * (P2WD) when the last of them has ended (the next day's first millisecond, China Standard Time; weekends and
 * `holidays` skipped), as a step's promised time limit counts them.
 */
export function dueAfter(key: string, enteredAt: number, holidays: ReadonlySet<string> = new Set()): number {
  const working = workingDays.exec(key);
  return working ? addWorkingDays(enteredAt, Number(working[1]), holidays) + 1 : enteredAt + delayMs(key);
}

/** The named (ISO) delays of a process, in ms, for XState's `delays` implementations. */
export function namedDelays(definition: MatterDefinition): Record<string, number> {
  const named: Record<string, number> = {};
  for (const { state } of nodesOf(definition.process)) {
    for (const key of Object.keys(state.after ?? {})) if (!/^[0-9]+$/.test(key)) named[key] = delayMs(key);
  }
  return named;
}

/** The delays a case entering the state at `path` at `enteredAt` waits for: one due row per `after` key of the state. */
export function delaysOnEntry(machine: AnyStateMachine, definition: MatterDefinition, caseId: string, path: string, enteredAt: number, holidays?: ReadonlySet<string>): DueDelay[] {
  const after = nodeAt(definition.process, path)?.state.after;
  if (!after) return [];
  let node: AnyStateMachine['root'] | undefined = machine.root;
  for (const key of path.split('.')) node = node && Object.hasOwn(node.states, key) ? node.states[key] : undefined;
  if (!node) throw new DefinitionError('delay-invalid', `state "${path}" is not in the process`);
  const state = path;
  // XState's event for a delay: `xstate.after.<delay>.<state node id>` (numeric keys as numbers)
  return Object.keys(after).map((delay) => ({ caseId, state, delay, event: `xstate.after.${/^[0-9]+$/.test(delay) ? Number(delay) : delay}.${node.id}`, dueAt: dueAfter(delay, enteredAt, holidays) }));
}

/** The `after` key an XState after-event of the state at `path` stands for, or undefined when it is not one. */
export function delayOfEvent(definition: MatterDefinition, path: string, event: string): string | undefined {
  if (!event.startsWith('xstate.after.')) return undefined;
  const after = nodeAt(definition.process, path)?.state.after ?? {};
  // the event ends with the state node's id: `<process id>.<path>`
  return Object.keys(after).find((d) => event === `xstate.after.${/^[0-9]+$/.test(d) ? Number(d) : d}.${definition.process.id}.${path}`);
}

// The states a step from `before` to `after` (cases' states) enters, and whether it enters or leaves a timed one
// (one with `after`); undefined when it does neither, so its pending delays stay as they are.
function timedMove(definition: MatterDefinition, before: string, after: string): { is: ReadonlySet<string>; entered: string[] } | undefined {
  const was = new Set(activePaths(definition.process, before));
  const is = new Set(activePaths(definition.process, after));
  const timed = (p: string) => nodeAt(definition.process, p)?.state.after !== undefined;
  const entered = [...is].filter((p) => !was.has(p));
  return entered.some(timed) || [...was].some((p) => !is.has(p) && timed(p)) ? { is, entered } : undefined;
}

/** The delays a case entering `state` (a case's state: its leaves) at `enteredAt` waits for: those of every state it is in. */
export function delaysOfState(machine: AnyStateMachine, definition: MatterDefinition, caseId: string, state: string, enteredAt: number, holidays?: ReadonlySet<string>): DueDelay[] {
  return activePaths(definition.process, state).flatMap((p) => delaysOnEntry(machine, definition, caseId, p, enteredAt, holidays));
}

/**
 * The pending delays after a step that took the case along `path` (its state before, after the step, then after each
 * automatic decision), from `pending` (read only when some state on the way is timed); undefined when they stay. Each
 * move keeps the rows of the states the case is still in (their clocks run on), drops those of states it left, and
 * adds those of each state it entered.
 */
export async function delaysAlong(machine: AnyStateMachine, definition: MatterDefinition, caseId: string, pending: () => Promise<DueDelay[]>, path: readonly string[], now: number, holidays?: ReadonlySet<string>): Promise<DueDelay[] | undefined> {
  let delays: DueDelay[] | undefined;
  for (let i = 1; i < path.length; i++) {
    const move = timedMove(definition, path[i - 1]!, path[i]!);
    if (!move) continue;
    const kept = (delays ?? (await pending())).filter((d) => move.is.has(d.state));
    delays = [...kept, ...move.entered.flatMap((p) => delaysOnEntry(machine, definition, caseId, p, now, holidays))];
  }
  return delays;
}
