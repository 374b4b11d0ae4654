/**
 * Convergence towards "one matter, one form, one process": how many distinct implementations a matter has. Two
 * definitions are the same implementation when they are equal once what is regional by nature is left out:
 *
 * - bookkeeping: `kind`, `version`, `baseline`, `effectiveFrom`, `status`, `$schema`;
 * - who and where: `region`, `department` (the implementing body), `standardOwner`, `exerciseLevel`, `locations`,
 *   `contact`, `codes` (implementation codes are per body);
 * - how the guide is titled and summarised: `title`, `summary`;
 * - order: materials, fees and outputs are compared by id, channels as a set, object keys in any order.
 *
 * Everything the applicant meets — materials, form, process, time limits, fees, visits, channels, outputs, legal
 * basis, acceptance conditions — stays in.
 */
import { canonical } from '../json/equal.ts';
import { isObject } from '../json/pointer.ts';

/** The members left out before comparing (see above). */
export const regionalElements = [
  'kind', 'version', 'baseline', 'effectiveFrom', 'status', '$schema',
  'region', 'department', 'standardOwner', 'exerciseLevel', 'locations', 'contact', 'codes',
  'title', 'summary',
] as const;

const byId = (list: unknown): unknown =>
  Array.isArray(list) ? [...list].sort((x, y) => String(isObject(x) ? x.id : '').localeCompare(String(isObject(y) ? y.id : ''))) : list;

/** A text equal for two definitions exactly when they are the same implementation. */
export function implementationKey(definition: unknown): string {
  if (!isObject(definition)) return canonical(definition);
  const rest: Record<string, unknown> = { ...definition };
  for (const k of regionalElements) delete rest[k];
  for (const k of ['materials', 'fees', 'outputs']) if (k in rest) rest[k] = byId(rest[k]);
  if (Array.isArray(rest.channels)) rest.channels = [...rest.channels].map(String).sort();
  return canonical(rest);
}

export interface Convergence {
  /** Distinct implementations among the baseline and its variants: 1 = one matter, one form, one process. */
  readonly distinct: number;
  /** Variants that are the baseline's implementation. */
  readonly sameAsBaseline: number;
}

/** How far a matter's variants have converged on its baseline. */
export function convergenceOf(baseline: unknown, variants: readonly unknown[]): Convergence {
  const base = implementationKey(baseline);
  const keys = variants.map(implementationKey);
  return { distinct: new Set([base, ...keys]).size, sameAsBaseline: keys.filter((k) => k === base).length };
}
