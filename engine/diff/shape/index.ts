/**
 * Making any two JSON values comparable as definitions. A draft is invalid most of the time while it is edited;
 * the diff still compares what it can. Each part the rules read (a material, a fee, a state's transitions on one
 * event, the visits, …) is compared only when it has the shape the rules read on both sides; otherwise it is left
 * out on both sides — with its counterpart on the other side, so an unnamed material is not also reported as a
 * removed one — and reported once as a note. Parts equal on both sides are no difference, malformed or not.
 *
 * Well-formed definitions (every valid one) are handed back untouched, so their diff is exactly what it was.
 */
import { isObject } from '../../json/pointer.ts';
import { jsonEqual } from '../../json/equal.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { anyObject } from './check.ts';
import { note, sanitize, sideOf, type ComparablePair, type Note } from './sanitize.ts';
import { wellFormed } from './well-formed.ts';

export type { ComparablePair, Note } from './sanitize.ts';

/** Both sides as comparable definitions, or only notes when a side is not an object at all. */
export function comparablePair(a: unknown, b: unknown): ComparablePair | { readonly notes: readonly Note[] } {
  if (!isObject(a) || !isObject(b)) {
    const whole = { en: 'the definition', zh: '事项定义' };
    return { notes: jsonEqual(a, b) ? [] : [note('service', sideOf(anyObject(a), anyObject(b)), '', whole, anyObject(a) ?? anyObject(b)!)] };
  }
  if (wellFormed(a) && wellFormed(b)) return { a: a as unknown as MatterDefinition, b: b as unknown as MatterDefinition, notes: [], relocate: undefined };
  return sanitize(a, b);
}

/** One definition as the diff's rules can read it (for metrics of a draft): malformed parts left out. */
export function comparableOne(d: unknown): MatterDefinition | undefined {
  if (!isObject(d)) return undefined;
  return wellFormed(d) ? (d as unknown as MatterDefinition) : sanitize(d, d).a;
}
