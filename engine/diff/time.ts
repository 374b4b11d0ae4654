/**
 * Time limits in one measure. A limit counts working days (工作日, the default) or calendar days (日); the diff,
 * the score and the metrics compare them in working days, a calendar day being worth 5/7 of one (a week has five
 * working days in seven). Public holidays are left out: over the limits the catalogue states (up to a few weeks)
 * they rarely fall, and 365/250 (≈ 1.46 calendar days per working day over a Chinese year) would differ by 4%.
 */
import type { MatterDefinition, TimeLimit } from '../model/index.ts';
import type { FixOp } from './fix.ts';

export type TimeUnit = 'working-days' | 'days';

/** Working days per calendar day. */
export const workingDaysPerDay = 5 / 7;

/** The unit a time limit counts in (absent: working days). */
export const unitOf = (t: Pick<TimeLimit, 'unit'>): TimeUnit => (t.unit === 'days' ? 'days' : 'working-days');

/** A weight from a converted count, to two decimals (5 calendar days weigh 3.57, not 3.5714285714285716). */
export const roundWeight = (w: number): number => Math.round(w * 100) / 100;

/** A number of days in `unit`, as working days. */
export const inWorkingDays = (days: number, unit: TimeUnit): number => (unit === 'days' ? days * workingDaysPerDay : days);

/**
 * The fix giving `a` `b`'s value of a time-limit member. When the units differ a number alone would change meaning,
 * so the fix adopts `b`'s whole time limit (what every time-limit fix of the pair does, so they apply together).
 */
export function timeFix(a: MatterDefinition, b: MatterDefinition, ...members: readonly (keyof TimeLimit)[]): FixOp[] {
  if (unitOf(a.timeLimit) !== unitOf(b.timeLimit)) return [{ op: 'set', path: '/timeLimit', value: b.timeLimit }];
  return members
    .filter((m, i) => i === 0 || a.timeLimit[m] !== b.timeLimit[m]) // members beside the first only where they differ
    .map((m) => {
      const value = b.timeLimit[m];
      return value === undefined ? { op: 'remove', path: `/timeLimit/${m}` } : { op: 'set', path: `/timeLimit/${m}`, value };
    });
}

/** `15 working days` / `15 days`, and in Chinese `15 个工作日` / `15 日`. */
export const daysEn = (n: unknown, unit: unknown): string => `${n} ${unit === 'days' ? 'days' : 'working days'}`;
export const daysZh = (n: unknown, unit: unknown): string => `${n} ${unit === 'days' ? '日' : '个工作日'}`;

/** `b`'s days in a message: the bare number when both count the same days (`5 working days instead of 3`). */
export const fromEn = (n: unknown, unit: unknown, otherUnit: unknown): string => (unit === otherUnit ? String(n) : daysEn(n, unit));
