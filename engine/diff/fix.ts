/**
 * Edits that level a definition up, as data. Every op of a plan is computed against the same original definition;
 * `applyFixes` keeps array indices valid by applying removals from arrays (`pull`) last.
 */
import { isObject, parsePointer } from '../json/pointer.ts';
import { jsonEqual } from '../json/equal.ts';

export type FixOp =
  /** Add or replace the value at `path` (missing parent objects are created). */
  | { readonly op: 'set'; readonly path: string; readonly value: unknown }
  /** Delete the object member at `path`. */
  | { readonly op: 'remove'; readonly path: string }
  /** Remove every element of the array at `path` that matches (objects: every key of `match` equal). */
  | { readonly op: 'pull'; readonly path: string; readonly match: unknown }
  /** Append `value` to the array at `path` unless an equal element is there. */
  | { readonly op: 'push'; readonly path: string; readonly value: unknown };

/** Applies fix ops to a copy of `doc` and returns it; `doc` is left untouched. Ops on missing paths are skipped. */
export function applyFixes<T>(doc: T, ops: readonly FixOp[]): T {
  const out = structuredClone(doc);
  const ordered = [...ops.filter((o) => o.op !== 'pull'), ...ops.filter((o) => o.op === 'pull')];
  for (const op of ordered) {
    const tokens = parsePointer(op.path);
    if (!tokens || tokens.length === 0) continue;
    const last = tokens[tokens.length - 1]!;
    const parent = walk(out, tokens.slice(0, -1), op.op === 'set');
    if (parent === undefined) continue;
    const container = parent as Record<string, unknown> & unknown[];
    if (op.op === 'set') container[Array.isArray(parent) ? Number(last) : last] = structuredClone(op.value);
    else if (op.op === 'remove') {
      if (isObject(parent)) delete container[last];
    } else {
      const list = container[last as keyof typeof container];
      if (!Array.isArray(list)) {
        if (op.op === 'push' && isObject(parent) && list === undefined) container[last] = [structuredClone(op.value)];
        continue;
      }
      if (op.op === 'push') {
        if (!list.some((e) => jsonEqual(e, op.value))) list.push(structuredClone(op.value));
      } else {
        const kept = list.filter((e) => !matches(e, op.match));
        list.splice(0, list.length, ...kept);
      }
    }
  }
  return out;
}

function walk(root: unknown, tokens: readonly string[], create: boolean): unknown {
  let node = root;
  for (const t of tokens) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (isObject(node)) {
      if (!Object.hasOwn(node, t) && create) node[t] = {};
      node = node[t];
    } else return undefined;
  }
  return isObject(node) || Array.isArray(node) ? node : undefined;
}

function matches(element: unknown, match: unknown): boolean {
  if (isObject(match) && isObject(element)) return Object.keys(match).every((k) => jsonEqual(element[k], match[k]));
  return jsonEqual(element, match);
}
