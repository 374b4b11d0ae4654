/** The `--levelled <points>` option of `score` and `review`: the score at which a region counts as levelled. */
import { defaultLevelled } from '../../engine/index.ts';
import { UsageError } from './io.ts';

/** The option's parseArgs declaration. */
export const levelledOption = { levelled: { type: 'string' } } as const;

/** The threshold given (default 90): a number from 0 to 100, else a usage error naming what was given. */
export function parseLevelled(value: string | undefined): number {
  if (value === undefined) return defaultLevelled;
  const n = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 100)) throw new UsageError(`--levelled takes a score from 0 to 100 (the province levels regions to ${defaultLevelled}), not "${value}"`);
  return n;
}
