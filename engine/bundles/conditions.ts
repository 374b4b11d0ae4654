/**
 * A member's conditions seen from the composed definition: its form data sits under the member's key, so every
 * condition over it is wrapped in `{properties: {key: …}, required: [key]}`, every field pointer gets `/key` in front,
 * and every local `$ref` points into the member's part of the composed form.
 */
import { escapeToken, isObject } from '../json/pointer.ts';
import type { Guard, TransitionSpec } from '../model/index.ts';

type Json = Record<string, unknown>;

export const wrapCondition = (key: string, condition: Json): Json => ({ properties: { [key]: condition }, required: [key] });

export const prefixPointer = (key: string, pointer: string): string => `/${escapeToken(key)}${pointer}`;

/** A guard as the composed process sees it: conditions over the member's data wrapped, field pointers prefixed. */
export function wrapGuard(key: string, guard: Guard): Guard {
  if (typeof guard === 'string') return guard;
  if (guard.type === 'dataMatches') return { ...guard, params: { ...guard.params, when: wrapCondition(key, guard.params.when as Json) } } as Guard;
  if (guard.type === 'olderThan') return { ...guard, params: { ...guard.params, field: prefixPointer(key, guard.params.field) } } as Guard;
  return guard;
}

/** A transition list with its guards wrapped (targets and actions unchanged). */
export function wrapTransitions(key: string, spec: TransitionSpec): TransitionSpec {
  const one = (t: unknown): unknown => (isObject(t) && t.guard !== undefined ? { ...t, guard: wrapGuard(key, t.guard as Guard) } : t);
  return (Array.isArray(spec) ? spec.map(one) : one(spec)) as TransitionSpec;
}

/** A copy of a member's form schema whose local `$ref`s (`#/…`) point into `/properties/key` of the composed form. */
export function relocateRefs(schema: unknown, key: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => relocateRefs(s, key));
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `#/properties/${escapeToken(key)}${v.slice(1)}` : relocateRefs(v, key);
  }
  return out;
}

/**
 * Whether a condition (a JSON Schema over the data at `base`) looks at the field at `tokens` or below it: its
 * `properties` lead there, or its `required` names it. Followed through allOf/anyOf/oneOf/not/if/then/else.
 */
export function mentions(condition: unknown, tokens: readonly string[], depth = 0): boolean {
  if (!isObject(condition) || depth > 32) return false;
  if (tokens.length === 0) return true;
  const [head, ...rest] = tokens as [string, ...string[]];
  const props = condition.properties;
  if (isObject(props) && Object.hasOwn(props, head) && mentions(props[head], rest, depth + 1)) return true;
  if (rest.length === 0 && Array.isArray(condition.required) && condition.required.includes(head)) return true;
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = condition[k];
    if (Array.isArray(list) && list.some((c) => mentions(c, tokens, depth + 1))) return true;
  }
  return ['not', 'if', 'then', 'else'].some((k) => mentions(condition[k], tokens, depth + 1));
}
