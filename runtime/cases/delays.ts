/**
 * Durable delayed transitions (a state's `after`). XState's own timers live in an actor and are lost when it is
 * restored (xstate#5331); onematter keeps no actors, so each delay of the state a case enters becomes a due row in
 * the store, and `Runtime.fireDue` sends XState's after-event when it is due.
 */
import type { AnyStateMachine } from 'xstate';
import type { MatterDefinition } from '../../engine/index.ts';
import type { DueDelay } from '../store/types.ts';
import { DefinitionError } from './errors.ts';

const units: Readonly<Record<string, number>> = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000 };

/** The length of an `after` key in ms: milliseconds, or an ISO 8601 duration in weeks, days, hours or minutes (calendar time). */
export function delayMs(key: string): number {
  if (/^[1-9][0-9]{0,11}$/.test(key)) return Number(key);
  const iso = /^P(?:([1-9][0-9]{0,3})([WD])|T([1-9][0-9]{0,5})([HM]))$/.exec(key);
  if (!iso) throw new DefinitionError('delay-invalid', `delay "${key}" is neither milliseconds nor an ISO 8601 duration in weeks, days, hours or minutes`);
  return Number(iso[1] ?? iso[3]) * units[iso[2] ?? iso[4]!]!;
}

/** The named (ISO) delays of a process, in ms, for XState's `delays` implementations. */
export function namedDelays(definition: MatterDefinition): Record<string, number> {
  const named: Record<string, number> = {};
  for (const state of Object.values(definition.process.states)) {
    for (const key of Object.keys(state?.after ?? {})) if (!/^[0-9]+$/.test(key)) named[key] = delayMs(key);
  }
  return named;
}

/** The delays a case entering `state` at `enteredAt` waits for: one due row per `after` key of the state. */
export function delaysOnEntry(machine: AnyStateMachine, definition: MatterDefinition, caseId: string, state: string, enteredAt: number): DueDelay[] {
  const after = definition.process.states[state]?.after;
  if (!after) return [];
  const node = machine.states[state];
  if (!node) throw new DefinitionError('delay-invalid', `state "${state}" is not in the process`);
  // XState's event for a delay: `xstate.after.<delay>.<state node id>` (numeric keys as numbers)
  return Object.keys(after).map((delay) => ({ caseId, state, delay, event: `xstate.after.${/^[0-9]+$/.test(delay) ? Number(delay) : delay}.${node.id}`, dueAt: enteredAt + delayMs(delay) }));
}

/** The `after` key an XState after-event of `state` stands for, or undefined when it is not one. */
export function delayOfEvent(definition: MatterDefinition, state: string, event: string): string | undefined {
  if (!event.startsWith('xstate.after.')) return undefined;
  return Object.keys(definition.process.states[state]?.after ?? {}).find((d) => event.startsWith(`xstate.after.${/^[0-9]+$/.test(d) ? Number(d) : d}.`));
}
