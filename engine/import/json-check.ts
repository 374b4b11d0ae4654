/**
 * Whether a value handed to importForm is JSON a definition can hold: plain objects, arrays, strings, finite numbers,
 * booleans and null; no cycles, no prototype-altering keys, no deeper nesting than a definition allows its form.
 * The designer hands in values from JavaScript, so nothing is assumed. Iterative: hostile nesting cannot overflow.
 */
import { documentLimits } from '../json/parse.ts';
import { join } from '../json/pointer.ts';
import { forbiddenKeys } from '../json/scan.ts';
import { problem, type Problem } from '../problems/index.ts';

/** How deep a form may nest: a definition holds it at `/form/schema`, two levels down, within the document limit. */
export const formDepthLimit = documentLimits.maxDepth - 2;
// Enough to say what is wrong; a value with more is not going to be imported.
const maxProblems = 20;

/** What is not JSON in `value`, each with a pointer; empty when it is JSON. */
export function jsonProblems(value: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  // at most what its JSON takes (each string's UTF-16 length is no more than its UTF-8 bytes): a form larger than a
  // whole definition may be is refused before any work is done on it
  let least = 0;
  const onPath = new Set<object>();
  // entries to visit, and markers to leave a container (so that only ancestors count as a cycle)
  const stack: ({ value: unknown; at: string; depth: number } | { leave: object })[] = [{ value, at: '', depth: 0 }];
  while (stack.length > 0 && problems.length < maxProblems) {
    const top = stack.pop()!;
    if ('leave' in top) {
      onPath.delete(top.leave);
      continue;
    }
    const { value: v, at, depth } = top;
    least += typeof v === 'string' ? v.length + 2 : 1;
    if (least > documentLimits.maxBytes) return [problem('json.too-large', file, '', { bytes: `more than ${documentLimits.maxBytes}`, limit: documentLimits.maxBytes })];
    const found = notJson(v);
    if (found) {
      problems.push(problem('import.not-json', file, at, { found }));
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (onPath.has(v)) {
      problems.push(problem('import.not-json', file, at, { found: 'a reference back to an object that holds it (a cycle)' }));
      continue;
    }
    if (depth + 1 > formDepthLimit) {
      problems.push(problem('json.too-deep', file, at, { limit: formDepthLimit }));
      continue;
    }
    onPath.add(v);
    stack.push({ leave: v });
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: i in v ? v[i] : undefined, at: join(at, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      least += key.length + 3;
      if (forbiddenKeys.has(key)) problems.push(problem('json.forbidden-key', file, join(at, key), { key }));
      else stack.push({ value: (v as Record<string, unknown>)[key], at: join(at, key), depth: depth + 1 });
    }
  }
  return problems;
}

// What a non-JSON value is, in words; undefined for JSON.
function notJson(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(v) ? undefined : String(v);
    case 'object': {
      if (v === null || Array.isArray(v)) return undefined;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return `an instance of ${(proto as { constructor?: { name?: string } }).constructor?.name || 'a class'}`;
      return Object.getOwnPropertySymbols(v).length > 0 ? 'an object with symbol keys' : undefined;
    }
    default:
      return typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`;
  }
}
