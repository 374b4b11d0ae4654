/**
 * Where JSON Pointers are in a JSON text: the [from, to) offsets of the value each pointer names (and of its member
 * key), so the JSON view can underline a problem and select what a pointer names. One pass over the text for any
 * number of pointers, with an explicit stack (never recursion: hostile nesting cannot overflow it) and no pointer
 * strings built for values nobody asked about, so a megabyte of JSON takes milliseconds. It locates, it does not
 * validate: on malformed text it answers as far as it got.
 */
import { escapeToken, parsePointer } from '../../engine/json/pointer.ts';

export interface Location {
  /** The value: its first character and one past its last (a container's brackets included). */
  readonly from: number;
  readonly to: number;
  /** Where its member key starts (the opening quote), for members of an object. */
  readonly keyFrom?: number;
  /** The pointer located: the one asked for, or (not exact) the nearest ancestor present in the text. */
  readonly pointer: string;
  readonly exact: boolean;
}

// The pointers asked for, as a tree of their tokens; the scan fills in where each node's value is.
interface Node {
  readonly children: Map<string, Node>;
  from: number;
  to: number;
  keyFrom: number;
}

const node = (): Node => ({ children: new Map(), from: -1, to: -1, keyFrom: -1 });

interface Frame {
  readonly array: boolean;
  /** The tree node of this container, when a pointer asked for it or something inside it. */
  readonly node: Node | undefined;
  readonly from: number;
  readonly keyFrom: number;
  index: number;
}

/** Locates every pointer of `pointers` in `text` (malformed pointers and values before the text's first are left out). */
export function locatePointers(text: string, pointers: Iterable<string>): Map<string, Location> {
  const root = node();
  const asked: [string, string[]][] = [];
  for (const pointer of pointers) {
    const tokens = parsePointer(pointer);
    if (!tokens) continue;
    asked.push([pointer, tokens]);
    let at = root;
    for (const token of tokens) {
      let next = at.children.get(token);
      if (!next) at.children.set(token, (next = node()));
      at = next;
    }
  }
  scan(text, root);
  const found = new Map<string, Location>();
  for (const [pointer, tokens] of asked) {
    if (root.from < 0) continue; // no value in the text at all
    // the deepest node on the pointer's path that the text has
    let best = root;
    let depth = 0;
    while (depth < tokens.length) {
      const next = best.children.get(tokens[depth]!)!;
      if (next.from < 0) break;
      best = next;
      depth++;
    }
    const exact = depth === tokens.length;
    found.set(pointer, {
      from: best.from,
      to: best.to,
      ...(best.keyFrom >= 0 ? { keyFrom: best.keyFrom } : {}),
      pointer: exact ? pointer : tokens.slice(0, depth).reduce((p, t) => `${p}/${escapeToken(t)}`, ''),
      exact,
    });
  }
  return found;
}

/** Locates one pointer (see locatePointers). */
export const locatePointer = (text: string, pointer: string): Location | undefined => locatePointers(text, [pointer]).get(pointer);

const SCALAR = /-?[0-9][0-9.eE+-]*|true|false|null/y;

// Walks the text once, recording where each asked-for node's value (and key) is.
function scan(text: string, root: Node): void {
  const stack: Frame[] = [];
  let pos = 0;
  let target: Node | undefined = root; // the node of the value about to be read
  let keyFrom = -1;
  let expectValue = true;
  const skipWs = () => {
    for (let c = text.charCodeAt(pos); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++pos));
  };
  const record = (at: Node | undefined, from: number, to: number, key: number) => {
    if (!at) return;
    if (at.from >= 0) forget(at); // a duplicate key: the last one counts, as for JSON.parse
    at.from = from;
    at.to = to;
    at.keyFrom = key;
  };
  // Reads the next member's key (objects) or counts the next element (arrays); false on malformed text.
  const member = (frame: Frame): boolean => {
    skipWs();
    if (frame.array) {
      target = frame.node?.children.get(String(frame.index++));
      keyFrom = -1;
      return true;
    }
    if (text.charCodeAt(pos) !== 34 /* " */) return false;
    const start = pos;
    const end = stringEnd(text, pos);
    if (end < 0) return false;
    pos = end;
    skipWs();
    if (text.charCodeAt(pos) !== 58 /* : */) return false;
    pos++;
    target = frame.node?.children.size ? frame.node.children.get(keyOf(text, start, end)) : undefined;
    keyFrom = start;
    return true;
  };

  for (;;) {
    if (expectValue) {
      skipWs();
      const from = pos;
      const c = text.charCodeAt(pos);
      if (c === 123 /* { */ || c === 91 /* [ */) {
        const frame: Frame = { array: c === 91, node: target, from, keyFrom, index: 0 };
        if (target && target.from >= 0) forget(target);
        stack.push(frame);
        pos++;
        skipWs();
        if (text.charCodeAt(pos) === (frame.array ? 93 : 125)) {
          pos++;
          stack.pop();
          record(frame.node, frame.from, pos, frame.keyFrom);
          expectValue = false;
        } else if (!member(frame)) break;
        continue;
      }
      let end = -1;
      if (c === 34) end = stringEnd(text, pos);
      else {
        SCALAR.lastIndex = pos;
        if (SCALAR.test(text)) end = SCALAR.lastIndex;
      }
      if (end < 0) break;
      record(target, from, end, keyFrom);
      pos = end;
      expectValue = false;
      continue;
    }
    const top = stack.at(-1);
    if (!top) break;
    skipWs();
    const c = text.charCodeAt(pos);
    if (c === 44 /* , */) {
      pos++;
      if (!member(top)) break;
      expectValue = true;
    } else if (c === (top.array ? 93 : 125)) {
      pos++;
      stack.pop();
      record(top.node, top.from, pos, top.keyFrom);
    } else break;
  }
  // malformed text: the containers still open end where the scan stopped
  for (const frame of stack) if (frame.node && frame.node.from < 0) record(frame.node, frame.from, Math.min(pos, text.length), frame.keyFrom);
}

// One past the closing quote of the string starting at `at`, or -1 when it does not close.
function stringEnd(text: string, at: number): number {
  for (let quote = text.indexOf('"', at + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return -1;
}

// A key's text, escapes decoded (only then is JSON.parse needed).
function keyOf(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return raw;
  }
}

// Clears what an earlier, duplicate member recorded under a node (iteratively).
function forget(at: Node): void {
  const todo = [at];
  for (let n = todo.pop(); n; n = todo.pop()) {
    n.from = n.to = n.keyFrom = -1;
    for (const child of n.children.values()) todo.push(child);
  }
}
