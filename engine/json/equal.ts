/** Structural equality and a canonical text for JSON values (key order ignored). */
import { isObject } from './pointer.ts';

/** True when two JSON values are equal, ignoring object key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, false);
}

/**
 * Like jsonEqual, but false as soon as either value holds a `$ref`: two equal references can still mean different
 * things when they resolve against different documents.
 */
export function jsonEqualWithoutRefs(a: unknown, b: unknown): boolean {
  return equal(a, b, true);
}

function equal(a: unknown, b: unknown, refsDiffer: boolean): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i], refsDiffer)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // for-in without allocating key arrays: this runs over every node of every diff
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    // JSON values are never undefined, and an inherited member (a function) never equals one
    const yv = y[k];
    if (yv === undefined || (refsDiffer && k === '$ref') || !equal(x[k], yv, refsDiffer)) return false;
    keys++;
  }
  for (const _ in y) keys--;
  return keys === 0;
}

/** A stable text for a JSON value (sorted keys), for sets of values such as enums and alternatives. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
