/**
 * Where ajv, which validates every form at runtime, decides differently from JSON Schema 2020-12 (found by running
 * the JSON-Schema-Test-Suite through onematter): such schemas are refused, so an application is never refused or
 * accepted in error. Pure; `check` runs on every subschema the schema check visits.
 *
 * - `unevaluatedItems`: ajv counts every item as evaluated once `contains` passes, and credits items checked by a
 *   failed `anyOf`/`oneOf` branch (ajv-validator/ajv#1909).
 * - `unevaluatedProperties` with an `if` that names properties neither the object nor the subschema holding the `if`
 *   names in `properties`: ajv credits them whether `if` held or not, and loses them when no `then` names them.
 */
import { isObject, join } from '../json/pointer.ts';
import { problem, type Problem } from '../problems/index.ts';

/** Subschemas that apply to the same instance (in place), where an `if` feeds the object's unevaluatedProperties. */
const inPlace = ['allOf', 'anyOf', 'oneOf'] as const;

export function ajvDeviations(node: Record<string, unknown>, at: string, file: string): Problem[] {
  const problems: Problem[] = [];
  if (node.unevaluatedItems !== undefined && node.unevaluatedItems !== true) {
    problems.push(problem('form.ajv-deviation', file, join(at, 'unevaluatedItems'), { keyword: 'unevaluatedItems' }));
  }
  if (node.unevaluatedProperties !== undefined && node.unevaluatedProperties !== true) {
    const visit = (sub: unknown, here: string, outer: ReadonlySet<string>, depth: number): void => {
      // a subschema with its own unevaluatedProperties is checked when the schema check visits it
      if (!isObject(sub) || depth > 16 || (sub !== node && sub.unevaluatedProperties !== undefined)) return;
      const named = new Set([...outer, ...Object.keys(isObject(sub.properties) ? sub.properties : {})]);
      const cond = sub.if;
      if (isObject(cond)) {
        const names = Object.keys(isObject(cond.properties) ? cond.properties : {}).filter((n) => !named.has(n));
        const open = cond.patternProperties !== undefined || cond.additionalProperties !== undefined;
        if (names.length > 0 || open) problems.push(problem('form.ajv-deviation', file, join(here, 'if'), { keyword: 'if', names }));
      }
      for (const k of inPlace) if (Array.isArray(sub[k])) (sub[k] as unknown[]).forEach((s, i) => visit(s, join(here, k, i), named, depth + 1));
      for (const k of ['then', 'else']) visit(sub[k], join(here, k), named, depth + 1);
      if (isObject(sub.dependentSchemas)) for (const [n, s] of Object.entries(sub.dependentSchemas)) visit(s, join(here, 'dependentSchemas', n), named, depth + 1);
    };
    visit(node, at, new Set(), 0);
  }
  return problems;
}
