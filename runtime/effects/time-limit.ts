/** A time limit's end in its unit: working days (工作日, the default) or calendar days (日). */
import type { TimeLimit } from '../../engine/index.ts';
import { addCalendarDays } from './calendar-days.ts';
import { addWorkingDays } from './working-days.ts';

/** The end of a limit of `days` in `unit` that starts at `start`. */
export function limitEnd(start: number, days: number, unit: TimeLimit['unit'], holidays: ReadonlySet<string>): number {
  return unit === 'days' ? addCalendarDays(start, days, holidays) : addWorkingDays(start, days, holidays);
}
