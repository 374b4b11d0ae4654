/**
 * Promised time limits count working days (工作日): not Saturdays, Sundays or listed holidays, in China Standard
 * Time. A limit of N working days ends at the close of the N-th working day after the day the clock started.
 */
const cstOffsetMs = 8 * 3600 * 1000;
export const dayMs = 24 * 3600 * 1000;

/** `YYYY-MM-DD` of a time in China Standard Time. */
export const cstDate = (t: number): string => new Date(t + cstOffsetMs).toISOString().slice(0, 10);

/** 00:00 CST of the day `t` falls on. */
export const cstDayStart = (t: number): number => Math.floor((t + cstOffsetMs) / dayMs) * dayMs - cstOffsetMs;

/** Whether the CST day starting at `dayStart` is a working day: not a weekend, not a listed holiday. */
export function isWorkingDay(dayStart: number, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(dayStart + cstOffsetMs).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(cstDate(dayStart));
}

/** The end (last millisecond, CST) of the `days`-th working day after the day of `start`; 0 days = end of that day. */
export function addWorkingDays(start: number, days: number, holidays: ReadonlySet<string> = new Set()): number {
  let dayStart = cstDayStart(start);
  let left = days;
  while (left > 0) {
    dayStart += dayMs;
    if (isWorkingDay(dayStart, holidays)) left--;
  }
  return dayStart + dayMs - 1;
}
