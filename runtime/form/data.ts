/** Form data with verified values: the values of locked fields always come from shared data. Pure: no React. */
import { isObject, parsePointer, resolvePointer } from '../../engine/json/pointer.ts';
import { jsonEqual } from '../../engine/json/equal.ts';

/**
 * Returns `data` with each locked pointer set to its verified value (copying only the changed path). Returns `data`
 * itself when every verified value is already in place, so a controlled form keeps its reference.
 */
export function withLocked(data: unknown, locked: Readonly<Record<string, unknown>>): unknown {
  let out = data;
  for (const [pointer, value] of Object.entries(locked)) {
    const tokens = parsePointer(pointer);
    if (!tokens || tokens.length === 0 || value === undefined) continue; // the whole form cannot be locked
    if (jsonEqual(resolvePointer(out, pointer), value)) continue;
    out = setAt(out, tokens, value);
  }
  return out;
}

/** `data` with `value` at the JSON Pointer `pointer`, copying only the path and creating objects on the way. */
export function setAtPointer(data: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  return tokens && tokens.length > 0 ? setAt(data, tokens, value) : data;
}

function setAt(node: unknown, tokens: readonly string[], value: unknown): unknown {
  const [head, ...rest] = tokens;
  if (head === undefined) return value;
  if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(head)) {
    const copy = node.slice();
    copy[Number(head)] = setAt(node[Number(head)], rest, value);
    return copy;
  }
  const object = isObject(node) ? node : {};
  const child = Object.hasOwn(object, head) ? object[head] : undefined;
  return { ...object, [head]: setAt(child, rest, value) };
}
