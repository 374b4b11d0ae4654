import type { Ajv2020 } from 'ajv/dist/2020.js';
import { isObject, resolvePointer } from '../json/pointer.ts';
import { refTarget } from '../form/refs.ts';
import { problem, type Problem } from '../problems/index.ts';
import { strictRefusals } from './strict-refusals.ts';

/**
 * Compiles a schema with ajv and reports a failure as a problem, pointing where ajv's message says it is: a
 * strict-mode refusal gets its own code (./strict-refusals.ts), anything else is `form.schema-compile`.
 */
export function compileProblems(ajv: Ajv2020, schema: object, file: string, base: string): Problem[] {
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const at = /at (?:path )?"#([^"]*)"/.exec(reason)?.[1] ?? '';
    let pointer = base;
    try {
      const missing = /missing type "([^"]+)" for keyword "([^"]+)"/.exec(reason);
      pointer = base + locate(schema, decodeURIComponent(at), missing ? { keyword: missing[2]!, types: missing[1]!.split(',') } : undefined);
    } catch {
      // keep the schema's root
    }
    for (const refusal of strictRefusals) {
      const m = refusal.match.exec(reason);
      if (m) return [problem(refusal.code, file, pointer, { ...refusal.params(m), reason })];
    }
    return [problem('form.schema-compile', file, pointer, { reason })];
  }
}

/**
 * Where ajv's path is in the schema. ajv gives it from the root of the schema it was compiling, which is a `$ref`'s
 * target when that target was compiled on its own: then the path is looked up under each local `$ref` target too,
 * taking the first place that exists (and, for a missing type, holds the keyword without that type).
 */
function locate(schema: object, at: string, missing: { keyword: string; types: string[] } | undefined): string {
  const fits = (prefix: string) => {
    const node = resolvePointer(schema, prefix + at);
    if (node === undefined || !missing) return node !== undefined;
    const declared = isObject(node) ? (Array.isArray(node.type) ? node.type : [node.type]) : [];
    return isObject(node) && Object.hasOwn(node, missing.keyword) && !missing.types.some((t) => declared.includes(t));
  };
  if (fits('')) return at;
  const targets: string[] = [];
  const stack: unknown[] = [schema];
  for (let budget = 20_000; stack.length > 0 && budget > 0; budget--) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
        const target = refTarget(node.$ref, schema, noShared);
        if (target) targets.push(target.pointer);
      }
      stack.push(...Object.values(node));
    }
  }
  return targets.map((t) => t + at).find((p) => fits(p.slice(0, p.length - at.length))) ?? at;
}

const noShared: ReadonlyMap<string, unknown> = new Map();
