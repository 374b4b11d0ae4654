/**
 * Automatic decisions (秒批): a state's eventless transitions (`always`) and the parameterised guards they and other
 * transitions may use. Pure: the runtime hands XState the transitions and implements the guards with these helpers.
 */
import type { Guard, ProcessState, Transition } from '../model/index.ts';

/** The event label of an eventless transition: what edges, messages and the diff show for it. */
export const alwaysEvent = 'always';

/** A state's `always` transitions as a list (XState's string / object / array shorthands normalised). */
export function alwaysOf(state: ProcessState | undefined): (string | Transition)[] {
  const spec = state?.always;
  if (spec === undefined) return [];
  return Array.isArray(spec) ? spec : [spec];
}

/**
 * Whether a state decides itself: not final, no role, and its `always` list ends with an unguarded transition, so a
 * case never rests there for a person. Such a state is not a human step (metrics, diff) and needs no role.
 */
export function isAutomatic(state: ProcessState | undefined): boolean {
  if (!state || state.type === 'final' || state.meta?.role !== undefined) return false;
  const last = alwaysOf(state).at(-1);
  // total on drafts: an entry that is neither a target nor a transition object (null, a number) decides nothing
  return typeof last === 'string' || (typeof last === 'object' && last !== null && !Array.isArray(last) && last.guard === undefined);
}

const dateShape = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const durationShape = /^P([1-9][0-9]{0,3})([YMWD])$/;
// China Standard Time, UTC+8 all year: the calendar day a case is decided on
const cst = 8 * 3_600_000;
const dayMs = 86_400_000;

/**
 * Whether `value` is a date (YYYY-MM-DD) at least `duration` (P6M, P1Y, P2W, P30D) before the China Standard Time day
 * of `now` (ms since the epoch). Months and years are calendar ones: 2026-05-31 plus P6M is 2026-11-30. False for
 * anything not a date. Day arithmetic only, so the engine reads no clock.
 */
export function olderThan(value: unknown, duration: string, now: number): boolean {
  const since = olderThanSince(value, duration);
  return since !== undefined && since <= now;
}

/**
 * The time (ms since the epoch) from which `olderThan(value, duration, now)` holds: the first millisecond of that
 * China Standard Time day; undefined for anything not a date. The runtime checks a waiting case again then.
 */
export function olderThanSince(value: unknown, duration: string): number | undefined {
  const d = typeof value === 'string' ? dateShape.exec(value) : null;
  const p = durationShape.exec(duration);
  if (!d || !p) return undefined;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (m < 1 || m > 12 || day < 1 || day > daysIn(y, m)) return undefined;
  const n = Number(p[1]);
  let end: number;
  if (p[2] === 'Y' || p[2] === 'M') {
    const months = y * 12 + m - 1 + (p[2] === 'Y' ? 12 * n : n);
    const [ey, em] = [Math.floor(months / 12), (months % 12) + 1];
    end = epochDay(ey, em, Math.min(day, daysIn(ey, em)));
  } else {
    end = epochDay(y, m, day) + n * (p[2] === 'W' ? 7 : 1);
  }
  return end * dayMs - cst;
}

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number): number => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
// Days since 1970-01-01 of a proleptic Gregorian date.
// Date.UTC reads the years 0–99 as 1900–1999: count from 400 years later (the Gregorian calendar repeats every 400
// years, 146,097 days) and step back. Pure arithmetic: the engine makes no Date objects and reads no clock.
const epochDay = (y: number, m: number, d: number): number => Date.UTC(y + 400, m - 1, d) / dayMs - 146_097;
