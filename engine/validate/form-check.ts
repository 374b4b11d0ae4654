/** The checks every form schema is held to: the validator's form rule, and importForm on the schema it produced. */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { isObject } from '../json/pointer.ts';
import { problem, type Problem } from '../problems/index.ts';
import { compileProblems } from './compile-problems.ts';
import { checkJsonSchema } from './json-schema-check.ts';

/** Where a form schema sits, and what it is checked with. */
export interface FormCheckContext {
  readonly file: string;
  /** Pointer of the form schema's root inside the file. */
  readonly base: string;
  /** Shared schemas by `$id`. */
  readonly sharedSchemas: ReadonlyMap<string, unknown>;
  /** The ajv the form is compiled with (holding the shared schemas). */
  readonly formAjv: Ajv2020;
  /** Whether to compile when the static checks pass (default true); ajv reports only its first refusal. */
  readonly compile?: boolean;
}

/** A strict, self-contained JSON Schema 2020-12 object schema that ajv compiles: every problem, with pointers. */
export function checkFormSchema(schema: unknown, ctx: FormCheckContext): Problem[] {
  const problems = checkJsonSchema(schema, { file: ctx.file, base: ctx.base, sharedSchemas: ctx.sharedSchemas });
  const type = isObject(schema) ? schema.type : undefined;
  if (type !== 'object') problems.unshift(problem('form.root-not-object', ctx.file, isObject(schema) && type !== undefined ? `${ctx.base}/type` : ctx.base));
  if (problems.length > 0 || ctx.compile === false || !isObject(schema)) return problems;
  return compileProblems(ctx.formAjv, schema, ctx.file, ctx.base);
}
