/**
 * Where else a definition names a field by its data pointer: prefill entries and the legal basis of fields; and, by
 * its name, the designer's conditions in its parent object (conditions.ts) and the situations of materials and fees
 * (../situations.ts). Removing or renaming a field carries these along, so no reference dangles — except a situation
 * on a removed field: dropping its clause would widen who must bring a material, so it stays for the validator to
 * name.
 */
import { isObject, resolvePointer } from '../../../engine/json/pointer.ts';
import type { MatterDefinition } from '../../../engine/index.ts';
import { renamedInConditions, withoutConditionsOn } from '../conditions.ts';
import { schemaPointerOf, splitField } from '../fields.ts';
import type { Op } from '../patch.ts';
import { namesInCondition, situationsOf } from '../situations.ts';

const lists = ['prefill', 'fieldBasis'] as const;
const within = (pointer: string, field: string) => pointer === field || pointer.startsWith(`${field}/`);

/** Ops that drop every reference to `field` or a field inside it (highest index first, so indices stay valid). */
export function dropReferences(definition: MatterDefinition, field: string): Op[] {
  const ops: Op[] = [];
  for (const list of lists) {
    const entries = definition.form[list] ?? [];
    for (let i = entries.length - 1; i >= 0; i--) if (within(entries[i]!.field, field)) ops.push({ op: 'remove', path: `/form/${list}`, index: i });
  }
  const parent = parentOf(definition, field);
  const next = parent && withoutConditionsOn(parent.schema, parent.name);
  if (parent && next) {
    ops.push(next.allOf ? { op: 'set', path: `${parent.pointer}/allOf`, value: next.allOf } : { op: 'delete', path: `${parent.pointer}/allOf` });
    // appended after the names already there, so a later op on `required` by index still finds its entry
    if (next.required) ops.push({ op: 'set', path: `${parent.pointer}/required`, value: next.required });
  }
  return ops;
}

/** Ops that point every reference to `from` (or inside it) at `to` instead. */
export function moveReferences(definition: MatterDefinition, from: string, to: string): Op[] {
  const ops: Op[] = [];
  for (const list of lists) {
    (definition.form[list] ?? []).forEach((entry, i) => {
      if (within(entry.field, from)) ops.push({ op: 'set', path: `/form/${list}/${i}/field`, value: to + entry.field.slice(from.length) });
    });
  }
  const parent = parentOf(definition, from);
  const [toParent, toName] = splitField(to);
  if (parent && toParent === splitField(from)[0]) {
    const allOf = renamedInConditions(parent.schema, parent.name, toName);
    if (allOf) ops.push({ op: 'set', path: `${parent.pointer}/allOf`, value: allOf });
    // situations name the field by its place in the data: a clause on it (or inside it) follows the rename
    for (const { pointer, condition } of situationsOf(definition)) {
      const names = namesInCondition(condition, from);
      for (const at of names.required) ops.push({ op: 'set', path: `${pointer}${at}`, value: toName });
      for (const at of names.properties) ops.push({ op: 'rename', path: `${pointer}${at}`, to: toName });
    }
  }
  return ops;
}

// The object schema holding `field` as a property, with its pointer and the field's name (none for array items).
function parentOf(definition: MatterDefinition, field: string): { pointer: string; schema: Record<string, unknown>; name: string } | undefined {
  const [parentField, name] = splitField(field);
  const pointer = schemaPointerOf(definition, parentField);
  const schema = pointer === undefined ? undefined : resolvePointer(definition, pointer);
  if (!isObject(schema) || !isObject(schema.properties) || !Object.hasOwn(schema.properties, name)) return undefined;
  return { pointer: pointer!, schema, name };
}
