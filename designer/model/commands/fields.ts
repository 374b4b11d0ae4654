/** Editing the form's field tree: add, remove, rename, reorder a field, and make it required or optional. */
import { escapeToken, isObject, resolvePointer } from '../../../engine/json/pointer.ts';
import type { MatterDefinition } from '../../../engine/index.ts';
import { conditionEntry, conditionOf } from '../conditions.ts';
import { schemaPointerOf, splitField } from '../fields.ts';
import type { Op } from '../patch.ts';
import { command, CommandError } from './command.ts';
import { dropReferences, moveReferences } from './field-references.ts';

const fieldName = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

// The object schema holding a field's siblings, with its pointer.
function parentOf(definition: MatterDefinition, name: string, parentField: string): { pointer: string; schema: Record<string, unknown> } {
  const pointer = schemaPointerOf(definition, parentField);
  const schema = pointer === undefined ? undefined : resolvePointer(definition, pointer);
  if (pointer === undefined || !isObject(schema)) throw new CommandError(name, `there is no field ${parentField || '(the form)'}`);
  return { pointer, schema };
}

function existing(definition: MatterDefinition, name: string, field: string) {
  const [parentField, key] = splitField(field);
  const parent = parentOf(definition, name, parentField);
  if (key === '-' || !isObject(parent.schema.properties) || !Object.hasOwn(parent.schema.properties, key)) throw new CommandError(name, `there is no field ${field}`);
  return { parentField, key, parent, properties: parent.schema.properties };
}

const requiredOf = (schema: Record<string, unknown>): string[] => (Array.isArray(schema.required) ? (schema.required as string[]) : []);

/** Adds a field to an object field (or the form itself, parent ''), optionally required, at a position. */
export const addField = command<{ parent: string; name: string; schema: Record<string, unknown>; required?: boolean; index?: number }>({
  name: 'add-field',
  plan(definition, { parent: parentField, name, schema, required, index }) {
    if (!fieldName.test(name)) throw new CommandError('add-field', `"${name}" is not a field name: a letter, then letters, digits or _`);
    const parent = parentOf(definition, 'add-field', parentField);
    const field = `${parentField}/${name}`;
    const ops: Op[] = [];
    if (!isObject(parent.schema.properties)) ops.push({ op: 'set', path: `${parent.pointer}/properties`, value: {} });
    else if (Object.hasOwn(parent.schema.properties, name)) throw new CommandError('add-field', `${field} exists already`);
    ops.push({ op: 'set', path: `${parent.pointer}/properties/${escapeToken(name)}`, value: schema, ...(index !== undefined ? { index } : {}) });
    if (required) {
      const list = requiredOf(parent.schema);
      ops.push(Array.isArray(parent.schema.required) ? { op: 'insert', path: `${parent.pointer}/required`, index: list.length, value: name } : { op: 'set', path: `${parent.pointer}/required`, value: [name] });
    }
    return { ops, label: { zh: `添加字段 ${field}`, en: `add field ${field}` }, select: `${parent.pointer}/properties/${escapeToken(name)}` };
  },
});

/** Removes a field, its `required` entry and every prefill and legal-basis entry that names it or a field inside it. */
export const removeField = command<{ field: string }>({
  name: 'remove-field',
  plan(definition, { field }) {
    const { key, parent } = existing(definition, 'remove-field', field);
    const ops: Op[] = dropReferences(definition, field);
    const required = requiredOf(parent.schema);
    if (required.includes(key)) ops.push({ op: 'remove', path: `${parent.pointer}/required`, index: required.indexOf(key) });
    ops.push({ op: 'delete', path: `${parent.pointer}/properties/${escapeToken(key)}` });
    return { ops, label: { zh: `删除字段 ${field}`, en: `remove field ${field}` }, select: parent.pointer };
  },
});

/** Renames a field in place (its position, `required` entry and references follow). */
export const renameField = command<{ field: string; to: string }>({
  name: 'rename-field',
  plan(definition, { field, to }) {
    const { parentField, key, parent, properties } = existing(definition, 'rename-field', field);
    if (!fieldName.test(to)) throw new CommandError('rename-field', `"${to}" is not a field name: a letter, then letters, digits or _`);
    if (to === key) return { ops: [], label: { zh: '', en: '' } };
    if (Object.hasOwn(properties, to)) throw new CommandError('rename-field', `${parentField}/${to} exists already`);
    const target = `${parentField}/${escapeToken(to)}`;
    const ops: Op[] = [{ op: 'rename', path: `${parent.pointer}/properties/${escapeToken(key)}`, to }, ...moveReferences(definition, field, target)];
    const required = requiredOf(parent.schema);
    if (required.includes(key)) ops.push({ op: 'set', path: `${parent.pointer}/required/${required.indexOf(key)}`, value: to });
    return { ops, label: { zh: `重命名字段 ${field} → ${to}`, en: `rename field ${field} to ${to}` }, select: `${parent.pointer}/properties/${escapeToken(to)}` };
  },
});

/** Moves a field to another position among its siblings (drag and drop, or the keyboard's move up/down). */
export const moveField = command<{ field: string; to: number }>({
  name: 'move-field',
  plan(definition, { field, to }) {
    const { key, parent, properties } = existing(definition, 'move-field', field);
    const keys = Object.keys(properties);
    if (!Number.isInteger(to) || to < 0 || to >= keys.length) throw new CommandError('move-field', `position ${to} is outside 0..${keys.length - 1}`);
    if (keys.indexOf(key) === to) return { ops: [], label: { zh: '', en: '' } };
    const path = `${parent.pointer}/properties/${escapeToken(key)}`;
    return { ops: [{ op: 'delete', path }, { op: 'set', path, value: properties[key], index: to }], label: { zh: `移动字段 ${field}`, en: `move field ${field}` }, select: path };
  },
});

/** Makes a field required or optional (a conditional field: required once shown, in its condition). */
export const setRequired = command<{ field: string; required: boolean }>({
  name: 'set-required',
  plan(definition, { field, required }) {
    const { key, parent } = existing(definition, 'set-required', field);
    const list = requiredOf(parent.schema);
    const label = { zh: `${required ? '必填' : '选填'}：${field}`, en: `make ${field} ${required ? 'required' : 'optional'}` };
    const select = `${parent.pointer}/properties/${escapeToken(key)}`;
    const condition = conditionOf(parent.schema, key);
    if (condition) {
      if (condition.required === required) return { ops: [], label };
      return { ops: [{ op: 'set', path: `${parent.pointer}/allOf/${condition.index}`, value: conditionEntry(key, condition, required) }], label, select };
    }
    if (list.includes(key) === required) return { ops: [], label };
    if (!required) return { ops: [{ op: 'remove', path: `${parent.pointer}/required`, index: list.indexOf(key) }], label, select };
    if (!Array.isArray(parent.schema.required)) return { ops: [{ op: 'set', path: `${parent.pointer}/required`, value: [key] }], label, select };
    return { ops: [{ op: 'insert', path: `${parent.pointer}/required`, index: list.length, value: key }], label, select };
  },
});
