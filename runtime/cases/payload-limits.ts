/**
 * Payload limits: every value a caller hands the runtime for a case (a draft, submitted data, an event) is measured
 * before anything recursive (JSON.stringify, canonical JSON, ajv) touches it. The walk is iterative — one frame per
 * open object or array, at most 32 — so hostile nesting cannot overflow the stack, and it stops at the first value
 * past a limit or outside JSON.
 */
import { escapeToken } from '../../engine/json/pointer.ts';
import { PayloadError, type PayloadProblem } from './errors.ts';

/** Limits no real form reaches: 32 levels of nesting and 512 KiB of JSON (UTF-8). */
export const payloadLimits = { maxDepth: 32, maxBytes: 512 * 1024 } as const;

// An open object (keys listed) or array (keys undefined), the next child to visit, and its own token in its parent.
interface Frame {
  readonly value: Record<string, unknown> | unknown[];
  readonly keys: string[] | undefined;
  readonly length: number;
  index: number;
  readonly token: string | number;
}

// Characters that JSON writes as more than one byte: escapes, and everything outside printable ASCII.
const wide = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
const escapes = /["\\\u0000-\u001f]/g;

/** Throws a PayloadError (with the JSON Pointer into `value`) unless `value` is JSON within the limits. */
export function checkPayload(value: unknown, limits: { maxDepth: number; maxBytes: number } = payloadLimits): void {
  new Walk(limits).run(value);
}

// One walk's state; a class, not closures, so a check allocates no functions (it runs on every transition).
class Walk {
  private readonly stack: Frame[] = [];
  private bytes = 0;

  constructor(private readonly limits: { maxDepth: number; maxBytes: number }) {}

  run(value: unknown): void {
    const { stack, limits } = this;
    this.visit(value, '');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.index === frame.length) {
        stack.pop();
        continue;
      }
      const i = frame.index++;
      if (frame.keys) {
        const key = frame.keys[i]!;
        const child = (frame.value as Record<string, unknown>)[key];
        if (child === undefined) continue; // JSON leaves the property out, as JSON.stringify does
        this.bytes += stringBytes(key, limits.maxBytes - this.bytes) + 2; // "key": and a comma
        if (this.bytes > limits.maxBytes) this.refuse('payload-too-large', undefined); // at the object: the pointer never holds a huge key
        this.visit(child, key);
      } else {
        if (!(i in frame.value)) this.refuse('payload-not-json', i, 'a hole in an array');
        this.visit((frame.value as unknown[])[i], i);
      }
    }
  }

  // Counts a value; an object or array opens a frame (the loop in run visits its children).
  private visit(v: unknown, token: string | number): void {
    const { stack, limits } = this;
    switch (typeof v) {
      case 'string':
        this.bytes += stringBytes(v, limits.maxBytes - this.bytes);
        break;
      case 'number':
        if (!Number.isFinite(v)) this.refuse('payload-not-json', token, `the number ${v}`);
        this.bytes += String(v).length;
        break;
      case 'boolean':
        this.bytes += v ? 4 : 5;
        break;
      case 'object': {
        if (v === null) {
          this.bytes += 4;
          break;
        }
        for (let f = 0; f < stack.length; f++) if (stack[f]!.value === v) this.refuse('payload-not-json', token, 'a cycle (an object inside itself)');
        const isArray = Array.isArray(v);
        const prototype: unknown = Object.getPrototypeOf(v);
        if (!isArray && prototype !== Object.prototype && prototype !== null) this.refuse('payload-not-json', token, `a ${nameOf(v)} (only plain objects and arrays)`);
        if (stack.length >= limits.maxDepth) this.refuse('payload-too-deep', token);
        const keys = isArray ? undefined : Object.keys(v);
        const length = isArray ? v.length : keys!.length;
        this.bytes += 2 + (isArray ? Math.max(0, length - 1) : 0); // brackets and commas, before touching a single element
        if (this.bytes > limits.maxBytes) this.refuse('payload-too-large', token);
        stack.push({ value: v as Frame['value'], keys, length, index: 0, token });
        return;
      }
      default: // undefined (at the root or in an array), functions, symbols, bigints
        this.refuse('payload-not-json', token, v === undefined ? 'undefined' : `a ${typeof v}`);
    }
    if (this.bytes > limits.maxBytes) this.refuse('payload-too-large', token);
  }

  // Refuses at the open frames plus `token` (the child being visited; undefined: at the innermost open frame).
  private refuse(code: PayloadProblem, token: string | number | undefined, what?: string): never {
    const tokens = this.stack.slice(1).map((f) => escapeToken(f.token));
    if (token !== undefined && this.stack.length > 0) tokens.push(escapeToken(token));
    const pointer = tokens.length === 0 ? '' : `/${tokens.join('/')}`;
    const limit = code === 'payload-too-deep' ? this.limits.maxDepth : code === 'payload-too-large' ? this.limits.maxBytes : undefined;
    throw new PayloadError(code, pointer, limit, what);
  }
}

// UTF-8 bytes of a string as JSON (quotes and escapes); a string longer than `room` is past the limit unmeasured.
function stringBytes(s: string, room: number): number {
  if (s.length > room) return s.length; // UTF-8 never takes fewer bytes than UTF-16 code units
  if (!wide.test(s)) return s.length + 2; // printable ASCII, the common case: one byte each
  const escaped = s.match(escapes);
  return Buffer.byteLength(s, 'utf8') + 2 + (escaped ? escaped.length : 0); // at least one more byte per escape
}

function nameOf(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `${name} object` : 'non-plain object';
}
