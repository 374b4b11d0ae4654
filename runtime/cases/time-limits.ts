/**
 * A case's time limits in the matter's unit. The promised limit is the case's deadline row (overdue is measured
 * against it). The statutory limit, and the longest the law allows it to be extended to (`extendableTo`, e.g. 居住证
 * 15日 → 30日), are worked out from the submission time and shown, not enforced: an extension is the authority's
 * decision, which a process can model as its own step; the runtime does not extend deadlines by itself.
 */
import type { MatterDefinition, TimeLimit } from '../../engine/index.ts';
import { limitEnd } from '../effects/time-limit.ts';

export interface CaseTimeLimit {
  /** What the days count: working days (工作日) or calendar days (日). */
  readonly unit: NonNullable<TimeLimit['unit']>;
  readonly promisedDays: number;
  /** Null when the law sets no limit. */
  readonly statutoryDays: number | null;
  readonly extendableTo: number | null;
  /** When the clock started (the submission); null before. */
  readonly startedAt: number | null;
  /** The end of the statutory limit; null before submission or without one. */
  readonly statutoryDueAt: number | null;
  /** The end of the longest extension the law allows; null before submission or without one. */
  readonly extendedDueAt: number | null;
}

/** The time limits of a case on `definition` whose clock started at `startedAt` (undefined: not submitted yet). */
export function caseTimeLimit(definition: Pick<MatterDefinition, 'timeLimit'>, startedAt: number | undefined, holidays: ReadonlySet<string>): CaseTimeLimit {
  const { unit = 'working-days', promisedDays, statutoryDays, extendableTo } = definition.timeLimit;
  const end = (days: number | undefined) => (startedAt === undefined || days === undefined ? null : limitEnd(startedAt, days, unit, holidays));
  return {
    unit, promisedDays, statutoryDays: statutoryDays ?? null, extendableTo: extendableTo ?? null, startedAt: startedAt ?? null,
    statutoryDueAt: end(statutoryDays), extendedDueAt: end(extendableTo),
  };
}
