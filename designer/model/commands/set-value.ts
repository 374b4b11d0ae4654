import { escapeToken, isObject, parsePointer, resolvePointer } from '../../../engine/json/pointer.ts';
import { jsonEqual } from '../../../engine/json/equal.ts';
import { command, CommandError } from './command.ts';

/** Sets (or, with `value` undefined, deletes) the value at a pointer; missing parent objects are created. */
export const setValue = command<{ pointer: string; value: unknown }>({
  name: 'set-value',
  plan(definition, { pointer, value }) {
    const tokens = parsePointer(pointer);
    if (!tokens || tokens.length === 0) throw new CommandError('set-value', `"${pointer}" does not point into the definition`);
    const label = { zh: `修改 ${pointer}`, en: `change ${pointer}` };
    const current = resolvePointer(definition, pointer);
    if (value === undefined) return { ops: current === undefined ? [] : [{ op: 'delete', path: pointer }], label, select: pointer };
    if (current !== undefined && jsonEqual(current, value)) return { ops: [], label };
    // the first missing object on the way is set whole, holding the rest of the path
    let path = '';
    for (let i = 0; i < tokens.length; i++) {
      const parent = resolvePointer(definition, path);
      const next = `${path}/${escapeToken(tokens[i]!)}`;
      if (i === tokens.length - 1 || resolvePointer(definition, next) === undefined) {
        if (!isObject(parent) && !(Array.isArray(parent) && i === tokens.length - 1)) throw new CommandError('set-value', `${path || '/'} cannot hold ${tokens[i]}`);
        const rest = tokens.slice(i + 1).reduceRight<unknown>((inner, token) => ({ [token]: inner }), value);
        return { ops: [{ op: 'set', path: next, value: rest }], label, select: pointer };
      }
      path = next;
    }
    throw new CommandError('set-value', 'unreachable');
  },
});
