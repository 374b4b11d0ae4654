/**
 * Promised time limits count working days (工作日): not Saturdays, Sundays or listed holidays, in China Standard
 * Time. A limit of N working days ends at the close of the N-th working day after the day the clock started.
 */
const cstOffsetMs = 8 * 3600 * 1000;
const dayMs = 24 * 3600 * 1000;

/** `YYYY-MM-DD` of a time in China Standard Time. */
export const cstDate = (t: number): string => new Date(t + cstOffsetMs).toISOString().slice(0, 10);

/** The end (last millisecond, CST) of the `days`-th working day after the day of `start`; 0 days = end of that day. */
export function addWorkingDays(start: number, days: number, holidays: ReadonlySet<string> = new Set()): number {
  let dayStart = Math.floor((start + cstOffsetMs) / dayMs) * dayMs - cstOffsetMs; // 00:00 CST of the start day
  let left = days;
  while (left > 0) {
    dayStart += dayMs;
    const weekday = new Date(dayStart + cstOffsetMs).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(cstDate(dayStart))) left--;
  }
  return dayStart + dayMs - 1;
}
