/**
 * Shows a field only when a sibling equals a value ("show the postal address when delivery is by post"), or always
 * again. The condition is an entry of the parent object's `allOf` (see conditions.ts): a required field keeps being
 * required once shown, so its name moves from the parent's `required` into the entry's `then`, and back.
 */
import { jsonEqual } from '../../../engine/json/equal.ts';
import { isObject } from '../../../engine/json/pointer.ts';
import { conditionEntry, conditionOf } from '../conditions.ts';
import { splitField } from '../fields.ts';
import type { OptionValue } from '../options.ts';
import type { Op } from '../patch.ts';
import { command, CommandError } from './command.ts';
import { fieldAt } from './field-at.ts';

export const setCondition = command<{ field: string; when: { field: string; equals: OptionValue } | undefined }>({
  name: 'set-condition',
  plan(definition, { field, when }) {
    const [parentField, name] = splitField(field);
    const parent = parentField === '' ? { pointer: '/form/schema', schema: definition.form.schema as Record<string, unknown> } : fieldAt(definition, 'set-condition', parentField);
    const properties = isObject(parent.schema.properties) ? parent.schema.properties : {};
    if (name === '-' || !Object.hasOwn(properties, name)) throw new CommandError('set-condition', `there is no field ${field}`);
    let on: string | undefined;
    if (when) {
      const [whenParent, whenName] = splitField(when.field);
      if (whenParent !== parentField || whenName === '-' || !Object.hasOwn(properties, whenName)) throw new CommandError('set-condition', `${when.field} is not a field beside ${field}`);
      if (whenName === name) throw new CommandError('set-condition', `${field} cannot depend on itself`);
      on = whenName;
    }
    const found = conditionOf(parent.schema, name);
    const required = Array.isArray(parent.schema.required) ? (parent.schema.required as string[]) : [];
    const isRequired = required.includes(name) || !!found?.required;
    const allOf = Array.isArray(parent.schema.allOf) ? parent.schema.allOf.slice() : [];
    if (on !== undefined) {
      const entry = conditionEntry(name, { field: on, equals: when!.equals }, isRequired);
      if (found) allOf[found.index] = entry;
      else allOf.push(entry);
    } else if (found) allOf.splice(found.index, 1);
    const nextRequired = on !== undefined ? required.filter((r) => r !== name) : isRequired && !required.includes(name) ? [...required, name] : required;

    const ops: Op[] = [];
    if (!jsonEqual(allOf, parent.schema.allOf ?? [])) {
      ops.push(allOf.length ? { op: 'set', path: `${parent.pointer}/allOf`, value: allOf } : { op: 'delete', path: `${parent.pointer}/allOf` });
    }
    if (!jsonEqual(nextRequired, required)) ops.push({ op: 'set', path: `${parent.pointer}/required`, value: nextRequired });
    const label = when
      ? { zh: `条件显示 ${field}：当 ${when.field} 为 ${String(when.equals)}`, en: `show ${field} when ${when.field} is ${String(when.equals)}` }
      : { zh: `总是显示 ${field}`, en: `always show ${field}` };
    return { ops, label, select: `${parent.pointer}/properties/${field.slice(field.lastIndexOf('/') + 1)}` };
  },
});
