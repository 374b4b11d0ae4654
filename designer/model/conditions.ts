/**
 * Conditional fields: "show Z when its sibling X equals Y". The designer writes one entry into the parent object's
 * `allOf` per conditional field:
 *
 *   { "if": { "properties": { "X": { "const": Y } }, "required": ["X"] },
 *     "then": { "required": ["Z"] },                      (only when Z is required once shown)
 *     "else": { "properties": { "Z": false } } }
 *
 * Z stays declared in the parent's `properties` (so `additionalProperties: false`, the field tree, prefill and the
 * diff see it as before) but leaves the parent's `required`. rjsf resolves `if` against the data and merges the
 * branch that applies: `else` turns Z's schema into `false`, which rjsf does not render, so Z shows only while X
 * equals Y; ajv, for its part, refuses a Z without that X. Entries of any other shape (hand-written conditions) are
 * left alone. Everything here is pure: the commands turn it into ops.
 */
import { isObject } from '../../engine/json/pointer.ts';
import { isOptionValue, type OptionValue } from './options.ts';

/** Show a field when its sibling `field` (a property name) equals `equals`. */
export interface Condition {
  readonly field: string;
  readonly equals: OptionValue;
}

/** A designer condition found in a parent's `allOf`: at `index`, on the field `name`. */
export interface FoundCondition extends Condition {
  readonly index: number;
  readonly name: string;
  /** Required once shown (named in the entry's `then`). */
  readonly required: boolean;
}

type Schema = Readonly<Record<string, unknown>>;

const onlyKeys = (o: Schema, ...keys: string[]) => Object.keys(o).every((k) => keys.includes(k));
const single = (o: unknown): [string, unknown] | undefined => (isObject(o) && Object.keys(o).length === 1 ? Object.entries(o)[0] : undefined);
const sameList = (list: unknown, name: string) => Array.isArray(list) && list.length === 1 && list[0] === name;

/** The `allOf` entry that shows `name` when `when` holds (`then` only if it is required once shown). */
export function conditionEntry(name: string, when: Condition, required: boolean): Record<string, unknown> {
  return {
    if: { properties: { [when.field]: { const: when.equals } }, required: [when.field] },
    ...(required ? { then: { required: [name] } } : {}),
    else: { properties: { [name]: false } },
  };
}

/** Reads one `allOf` entry as a designer condition, or undefined when it has any other shape. */
export function readEntry(entry: unknown): Omit<FoundCondition, 'index'> | undefined {
  if (!isObject(entry) || !onlyKeys(entry, 'if', 'then', 'else') || !isObject(entry.if) || !isObject(entry.else)) return undefined;
  const hidden = onlyKeys(entry.else, 'properties') ? single(entry.else.properties) : undefined;
  if (!hidden || hidden[1] !== false) return undefined;
  const name = hidden[0];
  if (!onlyKeys(entry.if, 'properties', 'required')) return undefined;
  const test = single(entry.if.properties);
  if (!test || !sameList(entry.if.required, test[0]) || !isObject(test[1]) || !onlyKeys(test[1], 'const') || !isOptionValue(test[1].const)) return undefined;
  if (entry.then !== undefined && !(isObject(entry.then) && onlyKeys(entry.then, 'required') && sameList(entry.then.required, name))) return undefined;
  return { name, field: test[0], equals: test[1].const, required: entry.then !== undefined };
}

/** Every designer condition of an object schema, in `allOf` order. */
export function conditionsIn(parent: Schema): FoundCondition[] {
  if (!Array.isArray(parent.allOf)) return [];
  return parent.allOf.flatMap((entry, index) => {
    const found = readEntry(entry);
    return found ? [{ ...found, index }] : [];
  });
}

/** The designer condition on the field `name` of an object schema, if it has one. */
export const conditionOf = (parent: Schema, name: string): FoundCondition | undefined => conditionsIn(parent).find((c) => c.name === name);

/**
 * The parent's `allOf` after the sibling `from` is renamed `to` (in conditions on it and in conditions it governs),
 * or undefined when no condition names it.
 */
export function renamedInConditions(parent: Schema, from: string, to: string): unknown[] | undefined {
  const found = conditionsIn(parent).filter((c) => c.name === from || c.field === from);
  if (found.length === 0) return undefined;
  const allOf = (parent.allOf as unknown[]).slice();
  for (const c of found) {
    const name = c.name === from ? to : c.name;
    allOf[c.index] = conditionEntry(name, { field: c.field === from ? to : c.field, equals: c.equals }, c.required);
  }
  return allOf;
}

/**
 * What the parent's `allOf` and `required` become once its field `name` is gone: the condition on it is dropped, and
 * so is every condition it governed, whose field then shows always (and is required again if it was once shown).
 * `allOf` null: none is left (the keyword goes, as an empty `allOf` is not a schema). Undefined: nothing changes.
 */
export function withoutConditionsOn(parent: Schema, name: string): { allOf: unknown[] | null; required?: string[] } | undefined {
  const gone = conditionsIn(parent).filter((c) => c.name === name || c.field === name);
  if (gone.length === 0) return undefined;
  const indices = new Set(gone.map((c) => c.index));
  const allOf = (parent.allOf as unknown[]).filter((_, i) => !indices.has(i));
  const restored = gone.filter((c) => c.field === name && c.required).map((c) => c.name);
  const required = Array.isArray(parent.required) ? (parent.required as string[]) : [];
  const add = restored.filter((r) => !required.includes(r));
  return { allOf: allOf.length ? allOf : null, ...(add.length ? { required: [...required, ...add] } : {}) };
}
