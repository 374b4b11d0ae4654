/**
 * A strict, linear JSON scanner that runs before JSON.parse. It reports what JSON.parse would hide or choke on,
 * each with a JSON Pointer: syntax errors (with line and column), nesting past a limit, keys that could alter
 * prototypes, and duplicate keys (whose earlier value JSON.parse silently drops). It never recurses, so hostile
 * nesting cannot overflow the stack.
 */
import { join } from './pointer.ts';

export interface ScanLimits {
  readonly maxDepth: number;
}

export type ScanFinding =
  | { code: 'json.invalid'; pointer: string; params: { line: number; column: number; detail: string } }
  | { code: 'json.too-deep'; pointer: string; params: { limit: number } }
  | { code: 'json.forbidden-key' | 'json.duplicate-key'; pointer: string; params: { key: string } };

/** Keys that `obj[key] = …` style code could turn into a prototype change. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  readonly kind: 'object' | 'array';
  readonly pointer: string;
  readonly keys: Set<string>;
  index: number;
}

class ScanError extends Error {
  constructor(readonly at: number, readonly detail: string) {
    super(detail);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const WS = /[ \t\n\r]*/y;

/** Scans `text`; returns every finding (syntax and depth errors end the scan). */
export function scanJson(text: string, limits: ScanLimits): ScanFinding[] {
  const findings: ScanFinding[] = [];
  const stack: Frame[] = [];
  let pos = 0;

  const skipWs = () => {
    WS.lastIndex = pos;
    WS.exec(text);
    pos = WS.lastIndex;
  };
  const readString = (): string => {
    const start = pos;
    STRING_BODY.lastIndex = pos + 1;
    STRING_BODY.exec(text);
    const end = STRING_BODY.lastIndex;
    if (text[end] !== '"') throw new ScanError(end, end >= text.length ? 'unterminated string' : 'invalid character or escape in string');
    pos = end + 1;
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const currentPointer = (): string => {
    const top = stack.at(-1);
    return top ? top.pointer : '';
  };
  // Reads one value starting at pos; containers push a frame and return, the loop below closes them.
  const readValue = (pointer: string) => {
    skipWs();
    const c = text[pos];
    if (c === '{' || c === '[') {
      if (stack.length >= limits.maxDepth) {
        findings.push({ code: 'json.too-deep', pointer, params: { limit: limits.maxDepth } });
        throw new StopScan();
      }
      stack.push({ kind: c === '{' ? 'object' : 'array', pointer, keys: new Set(), index: 0 });
      pos++;
      return true;
    }
    if (c === '"') readString();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = pos;
      if (!NUMBER.exec(text)) throw new ScanError(pos, 'invalid number');
      pos = NUMBER.lastIndex;
    } else if (text.startsWith('true', pos)) pos += 4;
    else if (text.startsWith('false', pos)) pos += 5;
    else if (text.startsWith('null', pos)) pos += 4;
    else throw new ScanError(pos, c === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
    return false;
  };
  // Reads the next member key (objects) or element (arrays) of the top frame, or closes it.
  const readMember = (frame: Frame, first: boolean) => {
    skipWs();
    const close = frame.kind === 'object' ? '}' : ']';
    if (text[pos] === close && first) {
      pos++;
      stack.pop();
      return;
    }
    if (!first) {
      if (text[pos] === close) {
        pos++;
        stack.pop();
        return;
      }
      if (text[pos] !== ',') throw new ScanError(pos, `expected "," or "${close}"`);
      pos++;
      skipWs();
    }
    if (frame.kind === 'array') {
      readValue(join(frame.pointer, frame.index++));
      return;
    }
    if (text[pos] !== '"') throw new ScanError(pos, 'expected a property name in double quotes');
    const key = readString();
    const pointer = join(frame.pointer, key);
    if (forbiddenKeys.has(key)) findings.push({ code: 'json.forbidden-key', pointer, params: { key } });
    else if (frame.keys.has(key)) findings.push({ code: 'json.duplicate-key', pointer, params: { key } });
    frame.keys.add(key);
    skipWs();
    if (text[pos] !== ':') throw new ScanError(pos, 'expected ":" after the property name');
    pos++;
    frame.index++;
    readValue(pointer);
  };

  try {
    readValue('');
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      readMember(frame, frame.index === 0);
    }
    skipWs();
    if (pos < text.length) throw new ScanError(pos, 'unexpected content after the JSON value');
  } catch (error) {
    if (error instanceof ScanError) {
      const { line, column } = lineAndColumn(text, error.at);
      findings.push({ code: 'json.invalid', pointer: currentPointer(), params: { line, column, detail: error.detail } });
    } else if (!(error instanceof StopScan)) throw error;
  }
  return findings;
}

class StopScan extends Error {}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
