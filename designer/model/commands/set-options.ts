/** Sets a field's options (its choice list), labelled or not; an empty list removes them. See options.ts for the shape. */
import { jsonEqual } from '../../../engine/json/equal.ts';
import type { Op } from '../patch.ts';
import { duplicateValue, optionsKeyword, optionsOf, type FieldOption } from '../options.ts';
import { command, CommandError } from './command.ts';
import { fieldAt, notShared } from './field-at.ts';

export const setOptions = command<{ field: string; options: readonly FieldOption[] | undefined }>({
  name: 'set-options',
  plan(definition, { field, options = [] }) {
    const { pointer, schema } = fieldAt(definition, 'set-options', field);
    notShared('set-options', field, schema);
    const twice = duplicateValue(options);
    if (twice !== undefined) throw new CommandError('set-options', `the value ${JSON.stringify(twice)} is there twice`);
    const current = optionsOf(schema);
    if (!current && ['enum', 'oneOf', 'anyOf'].some((k) => Object.hasOwn(schema, k))) {
      throw new CommandError('set-options', `${field} has alternatives that are more than labelled values; edit them in the JSON view`);
    }
    const label = { zh: `修改选项：${field}`, en: `change the options of ${field}` };
    const ops: Op[] = [];
    const at = current ? Object.keys(schema).indexOf(current.keyword) : undefined;
    const [keyword, value] = options.length ? optionsKeyword(options) : [undefined, undefined];
    if (current?.keyword === keyword && jsonEqual(schema[keyword!], value)) return { ops, label };
    if (current && current.keyword !== keyword) ops.push({ op: 'delete', path: `${pointer}/${current.keyword}` });
    if (keyword) ops.push({ op: 'set', path: `${pointer}/${keyword}`, value, ...(at !== undefined ? { index: at } : {}) });
    return { ops, label, select: pointer };
  },
});
