import type { Ajv2020 } from 'ajv/dist/2020.js';
import { problem, type Problem } from '../problems/index.ts';

/** Compiles a schema with ajv and reports a failure as a problem, pointing where ajv's message says it is. */
export function compileProblems(ajv: Ajv2020, schema: object, file: string, base: string): Problem[] {
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const at = /at "#([^"]*)"/.exec(reason)?.[1] ?? '';
    let pointer = base;
    try {
      pointer = base + decodeURIComponent(at);
    } catch {
      // keep the schema's root
    }
    return [problem('form.schema-compile', file, pointer, { reason })];
  }
}
