/**
 * What the portal's build puts in place of fast-equals inside @rjsf/utils (vite.config.ts; task E2, issue 12 "lighter
 * applicant pages"): rjsf uses it for one thing, its `deepEquals` — `createCustomEqual({ circular: true })` with
 * functions all equal — on schemas, uiSchemas, form data and error schemas, which are JSON plus functions. This is
 * that comparison (fast-equals 6's loose mode) for what those hold: plain and null-prototype objects, arrays, dates,
 * regular expressions, maps, sets, numbers by SameValue, functions by the given rule, cycles; React's and Preact's
 * owner keys skipped as fast-equals does. Any other kind of object (typed arrays, errors, URLs, wrappers) is equal
 * only to itself: at worst rjsf sees a change where there is none and renders again, never the reverse.
 * test/portal-deep-equals.test.ts holds it to fast-equals on the catalogue's schemas and data.
 */

/** The options @rjsf/utils passes; anything else is refused, so a newer rjsf asking for more fails loudly. */
interface Options {
  circular?: boolean;
  createCustomConfig?: (config: Record<string, unknown>) => { areFunctionsEqual?: (a: unknown, b: unknown) => boolean };
}

/** rjsf asked fast-equals for something the portal's stand-in does not do. */
export class DeepEqualsOptionError extends Error {
  constructor(option: string) {
    super(`fast-equals option "${option}" is not supported by the portal's deep-equals.ts (it implements what @rjsf/utils uses)`);
    this.name = 'DeepEqualsOptionError';
  }
}

type Pairs = Map<object, object>;
const ownerKeys = new Set(['_owner', '__o', '__v']);

export function createCustomEqual(options: Options = {}): (a: unknown, b: unknown) => boolean {
  for (const key of Object.keys(options)) if (key !== 'circular' && key !== 'createCustomConfig') throw new DeepEqualsOptionError(key);
  const custom = options.createCustomConfig?.({}) ?? {};
  for (const key of Object.keys(custom)) if (key !== 'areFunctionsEqual') throw new DeepEqualsOptionError(`createCustomConfig().${key}`);
  const functionsEqual = custom.areFunctionsEqual ?? ((a: unknown, b: unknown) => a === b);

  const equals = (a: unknown, b: unknown, pairs: Pairs): boolean => {
    if (a === b) return true;
    if (a == null || b == null || typeof a !== typeof b) return false;
    if (typeof a === 'number' || typeof a === 'bigint') return Object.is(a, b);
    if (typeof a === 'function') return functionsEqual(a, b);
    if (typeof a !== 'object') return false;
    // a pair already being compared further up is equal as far as this branch goes (cycles)
    const x = a as object;
    const y = b as object;
    const seenX = pairs.get(x);
    const seenY = pairs.get(y);
    if (seenX && seenY) return seenX === y && seenY === x;
    pairs.set(x, y).set(y, x);
    const result = compare(x, y, pairs);
    pairs.delete(x);
    pairs.delete(y);
    return result;
  };

  const compare = (a: object, b: object, pairs: Pairs): boolean => {
    const kind = a.constructor;
    if (kind !== b.constructor) return false;
    if (kind === Object || kind == null) return objects(a as Record<string, unknown>, b as Record<string, unknown>, pairs);
    if (Array.isArray(a)) return (a as unknown[]).length === (b as unknown[]).length && (a as unknown[]).every((v, i) => equals(v, (b as unknown[])[i], pairs));
    if (kind === Date) return Object.is((a as Date).getTime(), (b as Date).getTime());
    if (kind === RegExp) return (a as RegExp).source === (b as RegExp).source && (a as RegExp).flags === (b as RegExp).flags;
    if (kind === Map) return unordered([...(a as Map<unknown, unknown>)], [...(b as Map<unknown, unknown>)], (p, q) => equals(p[0], q[0], pairs) && equals(p[1], q[1], pairs));
    if (kind === Set) return unordered([...(a as Set<unknown>)], [...(b as Set<unknown>)], (p, q) => equals(p, q, pairs));
    // a class instance compares as an object (fast-equals does so by its tag); anything else only to itself
    return Object.prototype.toString.call(a) === '[object Object]' && objects(a as Record<string, unknown>, b as Record<string, unknown>, pairs);
  };

  const objects = (a: Record<string, unknown>, b: Record<string, unknown>, pairs: Pairs): boolean => {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    const react = Boolean(a.$$typeof || b.$$typeof);
    return keys.every((key) => (react && ownerKeys.has(key)) || (Object.prototype.propertyIsEnumerable.call(b, key) && equals(a[key], b[key], pairs)));
  };

  // each of `a` matched to a different one of `b` (same sizes)
  const unordered = <T>(a: T[], b: T[], same: (p: T, q: T) => boolean): boolean => {
    if (a.length !== b.length) return false;
    const used = new Set<number>();
    return a.every((p) => {
      const i = b.findIndex((q, j) => !used.has(j) && same(p, q));
      return i >= 0 && used.add(i) !== undefined;
    });
  };

  return (a, b) => equals(a, b, new Map());
}
