/**
 * Time limits in calendar days (日), as the residence-permit and provident-fund rules count them: every day counts,
 * the day the clock starts does not, and a limit whose last day is a rest day (a weekend or a listed holiday) ends
 * with the next working day instead (《民法典》第二百零一条、第二百零三条, the general rule for periods). China Standard Time.
 */
import { cstDayStart, dayMs, isWorkingDay } from './working-days.ts';

/** The end (last millisecond, CST) of the `days`-th calendar day after the day of `start`, moved off rest days. */
export function addCalendarDays(start: number, days: number, holidays: ReadonlySet<string> = new Set()): number {
  let dayStart = cstDayStart(start) + Math.max(0, Math.floor(days)) * dayMs;
  // a limit of 0 days ends the same day, like an immediate matter; only a limit that runs days is moved off rest days
  if (days > 0) for (let guard = 0; guard < 366 && !isWorkingDay(dayStart, holidays); guard++) dayStart += dayMs;
  return dayStart + dayMs - 1;
}
