import { scanJson } from './scan.ts';
import { problem, type Problem } from '../problems/index.ts';

/** Limits every document is held to before it is parsed. */
export const documentLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 64 } as const;

export type ParseResult = { ok: true; value: Record<string, unknown> } | { ok: false; problems: Problem[] };

/**
 * Parses one JSON document safely: size and depth limits, strict syntax with line/column, no prototype keys,
 * no duplicate keys, and an object root. Never throws on any input. `size` (bytes) lets a caller that refused to
 * read an oversized file still get the problem.
 */
export function parseDocument(file: string, text: string, size?: number): ParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bytes = size ?? utf8Length(source);
  if (bytes > documentLimits.maxBytes) {
    return { ok: false, problems: [problem('json.too-large', file, '', { bytes, limit: documentLimits.maxBytes })] };
  }
  const findings = scanJson(source, { maxDepth: documentLimits.maxDepth });
  if (findings.length > 0) {
    return { ok: false, problems: findings.map((f) => problem(f.code, file, f.pointer, f.params)) };
  }
  const value: unknown = JSON.parse(source);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { ok: false, problems: [problem('json.not-object', file, '', { found })] };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** UTF-8 length of a text, without Buffer, so the engine also runs in the browser (designer). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
