/**
 * `cv:processingTime` is one `xsd:duration`; a definition has a promised and a statutory limit, in working or
 * calendar days, and on-site minutes for immediate matters. The export states the promised limit (what the applicant
 * waits) as a calendar duration and keeps every figure exactly under `om:`.
 */
import type { MatterDefinition } from '../../engine/index.ts';
import { typed } from './literals.ts';

type TimeLimit = MatterDefinition['timeLimit'];

/**
 * The longest calendar span `n` working days can take, public holidays aside (a limit of n working days ends with the
 * n-th working day after the day it starts): each full 5 working days is a week of 7, and a remainder may cross one
 * weekend. 3 → 5, 5 → 7, 15 → 21.
 */
export function calendarDaysOf(workingDays: number): number {
  const weeks = Math.floor(workingDays / 5);
  const rest = workingDays % 5;
  return weeks * 7 + (rest > 0 ? rest + 2 : 0);
}

/** The promised limit as an ISO 8601 duration: on-site minutes when it is 0 and they are known, else days. */
export function processingTime(limit: TimeLimit): string {
  if (limit.promisedDays === 0 && limit.onSiteMinutes !== undefined) return `PT${limit.onSiteMinutes}M`;
  const days = (limit.unit ?? 'working-days') === 'working-days' ? calendarDaysOf(limit.promisedDays) : limit.promisedDays;
  return `P${days}D`;
}

/** The PublicService's time properties: `cv:processingTime` and the exact figures under `om:`. */
export const timeProperties = (limit: TimeLimit) => ({
  'cv:processingTime': typed(processingTime(limit), 'xsd:duration'),
  'om:timeUnit': limit.unit ?? 'working-days',
  'om:promisedDays': limit.promisedDays,
  'om:statutoryDays': limit.statutoryDays,
  'om:extendableTo': limit.extendableTo,
  'om:onSiteMinutes': limit.onSiteMinutes,
});
