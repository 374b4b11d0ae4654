/**
 * The supplement clock (补正不计时): a step that requests a supplement stops the promised-time clock, and the
 * applicant's resubmission starts it again with the deadline moved by the working days it stood still (weekends and
 * holidays excluded). Pure: the runtime writes the deadline row and puts the audit part in the step's payload.
 */
import type { Deadline } from '../store/types.ts';
import { addWorkingDays, cstDayStart, dayMs, isWorkingDay } from '../effects/working-days.ts';

/** What the audit event of a pause or a resumption records. */
export type ClockAudit =
  | { readonly pausedAt: number }
  | { readonly pausedAt: number; readonly resumedAt: number; readonly pausedWorkingDays: number; readonly newDueAt: number };

/**
 * The working days a clock stood still from `pausedAt` to `resumedAt`: those after the day it stopped, up to and
 * including the day it started again (the day of the request still counted; the day of the resubmission does not).
 */
export function pausedWorkingDays(pausedAt: number, resumedAt: number, holidays: ReadonlySet<string>): number {
  let n = 0;
  for (let day = cstDayStart(pausedAt) + dayMs; day <= cstDayStart(resumedAt); day += dayMs) if (isWorkingDay(day, holidays)) n++;
  return n;
}

/**
 * The deadline after a step: paused by a step whose actions request a supplement, resumed (and moved) by the
 * applicant's resubmission; undefined when the step leaves the clock as it is (no deadline, met, or nothing to do).
 */
export function clockAfter(
  deadline: Deadline | undefined, step: { pauses: boolean; resumes: boolean; now: number }, holidays: ReadonlySet<string>,
): { set: Deadline; audit: ClockAudit } | undefined {
  if (!deadline || deadline.metAt !== undefined) return undefined;
  if (step.pauses && deadline.pausedAt === undefined) return { set: { ...deadline, pausedAt: step.now }, audit: { pausedAt: step.now } };
  if (step.resumes && deadline.pausedAt !== undefined) {
    const days = pausedWorkingDays(deadline.pausedAt, step.now, holidays);
    const dueAt = days === 0 ? deadline.dueAt : addWorkingDays(deadline.dueAt, days, holidays);
    const { pausedAt: _, ...running } = deadline;
    return { set: { ...running, dueAt }, audit: { pausedAt: deadline.pausedAt, resumedAt: step.now, pausedWorkingDays: days, newDueAt: dueAt } };
  }
  return undefined;
}
