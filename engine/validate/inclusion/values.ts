/**
 * When a shared-data field can yield only a few values (`enum`, `const`), inclusion is decided by trying each one
 * against the form's part with the form's ajv configuration: exact, whatever keywords the part uses.
 */
import type { ValidateFunction } from 'ajv';
import { createFormAjv } from '../../form/ajv.ts';
import { isObject } from '../../json/pointer.ts';
import { checkPattern } from '../regex-safety.ts';

const cacheLimit = 500;
const compiled = new Map<string, ValidateFunction | null>();
let ajv: ReturnType<typeof createFormAjv> | undefined;

/**
 * The first of `values` the part refuses (`{ refused }`), `{}` when it accepts them all, or undefined when the part
 * cannot be compiled on its own (it holds a `$ref`, a regex the validator refuses, or ajv refuses it): then nothing
 * is decided here. A regex is only ever run once regex-safety has passed it.
 */
export function firstRefused(part: Readonly<Record<string, unknown>>, values: readonly unknown[]): { refused?: unknown } | undefined {
  let fn = byObject.get(part);
  if (fn === undefined) byObject.set(part, (fn = compile(part)));
  if (fn === null) return undefined;
  for (const value of values) if (fn(value) !== true) return { refused: value };
  return {};
}

// The same part is tried with many values: compiled once per object, and once per text across objects.
const byObject = new WeakMap<object, ValidateFunction | null>();
function compile(part: Readonly<Record<string, unknown>>): ValidateFunction | null {
  const text = JSON.stringify(part);
  if (text.includes('"$ref"')) return null;
  const hit = compiled.get(text);
  if (hit !== undefined) return hit;
  if (compiled.size >= cacheLimit) {
    compiled.clear();
    ajv = undefined;
  }
  let fn: ValidateFunction | null = null;
  if (regexesSafe(part)) {
    ajv ??= createFormAjv([], { strictTypes: false });
    try {
      fn = ajv.compile(JSON.parse(text) as object);
    } catch {
      fn = null;
    }
  }
  compiled.set(text, fn);
  return fn;
}

const maxNodes = 5_000;
// Every `pattern` and `patternProperties` regex in a schema passes regex-safety (false too when the schema is too big to scan).
function regexesSafe(schema: unknown): boolean {
  const stack: unknown[] = [schema];
  for (let n = 0; stack.length > 0; n++) {
    if (n > maxNodes) return false;
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (typeof node.pattern === 'string' && !checkPattern(node.pattern).ok) return false;
      if (isObject(node.patternProperties) && Object.keys(node.patternProperties).some((p) => !checkPattern(p).ok)) return false;
      stack.push(...Object.values(node));
    }
  }
  return true;
}
