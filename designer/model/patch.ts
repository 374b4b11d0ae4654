/**
 * The designer's edits as data: a few JSON operations addressed by JSON Pointer, applied without mutating the
 * document (only the path to the change is copied, the rest is shared), each returning the operation that undoes it.
 * Object members keep their position, so applying an op and then its inverse gives back an identical document —
 * key order included.
 */
import { escapeToken, isObject, parsePointer } from '../../engine/json/pointer.ts';

export type Op =
  /** Set the member or element at `path` (a missing object member is added at `index`, default: last). */
  | { readonly op: 'set'; readonly path: string; readonly value: unknown; readonly index?: number }
  /** Delete the object member at `path`. */
  | { readonly op: 'delete'; readonly path: string }
  /** Insert `value` into the array at `path` before `index` (its length appends). */
  | { readonly op: 'insert'; readonly path: string; readonly index: number; readonly value: unknown }
  /** Remove the element `index` of the array at `path`. */
  | { readonly op: 'remove'; readonly path: string; readonly index: number }
  /** Move the element `from` of the array at `path` to position `to`. */
  | { readonly op: 'move'; readonly path: string; readonly from: number; readonly to: number }
  /** Rename the object member at `path` to `to`, keeping its position. */
  | { readonly op: 'rename'; readonly path: string; readonly to: string };

/** An op could not be applied: its path does not lead to what it needs. */
export class PatchError extends Error {
  constructor(readonly op: Op, reason: string) {
    super(`cannot ${op.op} at ${op.path || '/'}: ${reason}`);
    this.name = 'PatchError';
  }
}

type Json = unknown;
type Container = Record<string, Json> | Json[];

/** Applies one op; returns the new document and the op that undoes it. */
export function applyOp(doc: Json, op: Op): { doc: Json; inverse: Op } {
  const tokens = parsePointer(op.path);
  if (!tokens) throw new PatchError(op, 'not a JSON Pointer');
  if (op.op === 'set' || op.op === 'delete' || op.op === 'rename') {
    if (tokens.length === 0) {
      if (op.op !== 'set') throw new PatchError(op, 'the document itself has no name');
      return { doc: op.value, inverse: { op: 'set', path: '', value: doc } };
    }
    const key = tokens[tokens.length - 1]!;
    let inverse: Op | undefined;
    const next = update(doc, tokens.slice(0, -1), op, (parent) => {
      if (Array.isArray(parent)) {
        const i = index(parent, key, op, op.op === 'set' ? 0 : 1);
        if (op.op !== 'set') throw new PatchError(op, 'array elements are removed with "remove"');
        inverse = { op: 'set', path: op.path, value: parent[i] };
        const copy = parent.slice();
        copy[i] = op.value;
        return copy;
      }
      const has = Object.hasOwn(parent, key);
      const keys = Object.keys(parent);
      if (op.op === 'set') {
        inverse = has ? { op: 'set', path: op.path, value: parent[key] } : { op: 'delete', path: op.path };
        return has ? { ...parent, [key]: op.value } : withKeyAt(parent, key, op.value, op.index ?? keys.length);
      }
      if (!has) throw new PatchError(op, `no member "${key}"`);
      if (op.op === 'delete') {
        inverse = { op: 'set', path: op.path, value: parent[key], index: keys.indexOf(key) };
        const { [key]: _, ...rest } = parent;
        return rest;
      }
      if (Object.hasOwn(parent, op.to)) throw new PatchError(op, `a member "${op.to}" exists already`);
      inverse = { op: 'rename', path: siblingPath(op.path, op.to), to: key };
      return Object.fromEntries(Object.entries(parent).map(([k, v]) => [k === key ? op.to : k, v]));
    });
    return { doc: next, inverse: inverse! };
  }
  let inverse: Op | undefined;
  const next = update(doc, tokens, op, (target) => {
    if (!Array.isArray(target)) throw new PatchError(op, 'not an array');
    const copy = target.slice();
    if (op.op === 'insert') {
      if (!Number.isInteger(op.index) || op.index < 0 || op.index > copy.length) throw new PatchError(op, `index ${op.index} outside 0..${copy.length}`);
      copy.splice(op.index, 0, op.value);
      inverse = { op: 'remove', path: op.path, index: op.index };
    } else if (op.op === 'remove') {
      const i = index(copy, String(op.index), op, 1);
      inverse = { op: 'insert', path: op.path, index: i, value: copy.splice(i, 1)[0] };
    } else {
      const from = index(copy, String(op.from), op, 1);
      const to = index(copy, String(op.to), op, 1);
      copy.splice(to, 0, copy.splice(from, 1)[0]);
      inverse = { op: 'move', path: op.path, from: to, to: from };
    }
    return copy;
  });
  return { doc: next, inverse: inverse! };
}

/** Applies ops in order; returns the new document and the ops that undo them all (in the order to apply them). */
export function applyOps(doc: Json, ops: readonly Op[]): { doc: Json; inverse: Op[] } {
  const inverse: Op[] = [];
  let current = doc;
  for (const op of ops) {
    const step = applyOp(current, op);
    current = step.doc;
    inverse.unshift(step.inverse);
  }
  return { doc: current, inverse };
}

/** The pointer of the member `name` beside the one `path` names. */
export const siblingPath = (path: string, name: string): string => `${path.slice(0, path.lastIndexOf('/'))}/${escapeToken(name)}`;

// Copies the containers along `tokens` and replaces the last one by `change(it)`.
function update(node: Json, tokens: readonly string[], op: Op, change: (container: Container) => Container): Json {
  if (tokens.length === 0) {
    if (!isObject(node) && !Array.isArray(node)) throw new PatchError(op, 'the parent is not an object or array');
    return change(node);
  }
  const [head, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(node)) {
    const i = index(node, head, op, 1);
    const copy = node.slice();
    copy[i] = update(node[i], rest, op, change);
    return copy;
  }
  if (!isObject(node) || !Object.hasOwn(node, head)) throw new PatchError(op, `no member "${head}" on the way`);
  return { ...node, [head]: update(node[head], rest, op, change) };
}

// An array index token, checked against the array (`past` = 1: must name an element; 0: may also be the length).
function index(array: readonly Json[], token: string, op: Op, past: 0 | 1): number {
  const i = /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : -1;
  if (i < 0 || i > array.length - past) throw new PatchError(op, `no element ${token}`);
  return i;
}

function withKeyAt(object: Record<string, Json>, key: string, value: Json, at: number): Record<string, Json> {
  const entries = Object.entries(object);
  entries.splice(Math.max(0, Math.min(at, entries.length)), 0, [key, value]);
  return Object.fromEntries(entries);
}
