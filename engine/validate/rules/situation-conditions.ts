import { isObject, join } from '../../json/pointer.ts';
import { declaresField } from '../../form/fields.ts';
import type { JsonObject, MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import { conditionError, conditionsOf } from '../../situations/index.ts';
import { fieldParts } from '../inclusion/parts.ts';
import { firstRefused } from '../inclusion/values.ts';
import { checkJsonSchema } from '../json-schema-check.ts';
import type { Rule } from '../rule.ts';

/**
 * Situation conditions (`materials[].when`, `fees[].when`, `fees[].waivedWhen`) are safe JSON Schemas that compile
 * with the form's ajv, and name only fields the form has: a misspelt name in `properties` never constrains
 * anything, so the condition would always hold (and in `required` never), silently. A value a condition compares a
 * field with (`const`, `enum`) is one the field accepts: "就葉" for "就业" would make the material never apply.
 */
export const situationConditionsRule: Rule<MatterDefinition> = {
  name: 'situation-conditions',
  codes: ['condition.invalid', 'condition.unknown-field', 'condition.value-never', 'form.unknown-keyword', 'form.pattern-invalid', 'form.pattern-unsafe', 'form.unknown-format',
    'form.ref-external', 'form.ref-unresolved', 'form.dynamic-ref', 'form.keyword-ignored', 'form.enum-empty', 'form.not-schema', 'form.too-complex'],
  check({ file, value }, ctx) {
    return conditionsOf(value).flatMap(({ pointer, schema }) => checkCondition(schema, pointer, file, value, ctx.sharedSchemas));
  },
};

/**
 * The problems of one condition at `pointer` (a situation's, or a process guard's `dataMatches`): unsafe or not
 * compiling, naming fields the form lacks, comparing a field with a value it refuses.
 */
export function checkCondition(schema: JsonObject, pointer: string, file: string, value: MatterDefinition, sharedSchemas: ReadonlyMap<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const unsafe = checkJsonSchema(schema, { file, base: pointer, sharedSchemas });
  if (unsafe.length > 0) return unsafe;
  const reason = conditionError(schema);
  if (reason !== undefined) problems.push(problem('condition.invalid', file, pointer, { reason }));
  const unknown: string[] = [];
  const named = namedFields(schema, pointer);
  for (const name of named) {
    if (name.node !== undefined || unknown.some((u) => name.field.startsWith(`${u}/`))) continue;
    if (declaresField(value.form.schema, name.field, sharedSchemas)) continue;
    unknown.push(name.field);
    problems.push(problem('condition.unknown-field', file, name.at, { field: name.field }));
  }
  if (reason !== undefined) return problems;
  for (const { field, at, node } of named) {
    if (node === undefined || unknown.some((u) => field === u || field.startsWith(`${u}/`))) continue;
    problems.push(...neverValues(node, field, at, file, value, sharedSchemas));
  }
  return problems;
}

// Subschemas that speak of the same object as their parent.
const sameObject = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else'] as const;
const maxVisits = 2_000;

/**
 * The fields a condition names, as data paths with the pointer where each is named: every `properties` key and
 * `required` entry, through nested `properties` and the branches above; a parent is listed before its children.
 * A field is listed once without `node`, where first named, and once with `node` for each subschema it is given.
 */
function namedFields(condition: unknown, base: string): { field: string; at: string; node?: unknown }[] {
  const out: { field: string; at: string; node?: unknown }[] = [];
  const seen = new Set<string>();
  const stack: { node: unknown; path: string; at: string }[] = [{ node: condition, path: '', at: base }];
  for (let visits = 0; stack.length > 0 && visits < maxVisits; visits++) {
    const { node, path, at } = stack.pop()!;
    if (!isObject(node)) continue;
    const name = (field: string, where: string, sub?: unknown) => {
      if (!seen.has(field)) out.push({ field, at: where });
      seen.add(field);
      if (sub !== undefined) out.push({ field, at: where, node: sub }); // each comparison of the field, wherever written
    };
    if (Array.isArray(node.required)) node.required.forEach((r, i) => typeof r === 'string' && name(join(path, r), join(at, 'required', i)));
    if (isObject(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) {
        name(join(path, key), join(at, 'properties', key), child);
        stack.push({ node: child, path: join(path, key), at: join(at, 'properties', key) });
      }
    }
    for (const k of sameObject) {
      const v = node[k];
      if (Array.isArray(v)) v.forEach((s, i) => stack.push({ node: s, path, at: join(at, k, i) }));
      else if (v !== undefined) stack.push({ node: v, path, at: join(at, k) });
    }
  }
  return out;
}

/**
 * The values a condition's subschema for `field` compares it with (its `const`, or each `enum` entry) that the form's
 * field refuses, tried with the form's ajv on each part of the field (a part that cannot be compiled alone decides
 * nothing): such a value never occurs in the form data, so that comparison can never hold.
 */
function neverValues(node: unknown, field: string, at: string, file: string, definition: MatterDefinition, shared: ReadonlyMap<string, unknown>): Problem[] {
  if (!isObject(node)) return [];
  const compared: { value: unknown; at: string }[] = Object.hasOwn(node, 'const') ? [{ value: node.const, at: join(at, 'const') }] : [];
  if (Array.isArray(node.enum)) node.enum.forEach((v, i) => compared.push({ value: v, at: join(at, 'enum', i) }));
  if (compared.length === 0) return [];
  const target = fieldParts({ file, root: definition.form.schema, base: '/form/schema' }, field, { schemas: shared, files: new Map() });
  if (!target || target.parts.truncated) return [];
  const problems: Problem[] = [];
  for (const { value, at: where } of compared) {
    if (!target.parts.parts.some((part) => 'refused' in (firstRefused(part.node, [value]) ?? {}))) continue;
    problems.push(problem('condition.value-never', file, where, { field, value, formPointer: target.anchor }));
  }
  return problems;
}
