import type { MatterDefinition } from '../../model/index.ts';
import { problem } from '../../problems/index.ts';
import { checkJsonSchema } from '../json-schema-check.ts';
import { compileProblems } from '../compile-problems.ts';
import type { Rule } from '../rule.ts';

/** The form schema is a strict, self-contained JSON Schema 2020-12 object schema that ajv compiles. */
export const formSchemaRule: Rule<MatterDefinition> = {
  name: 'form-schema',
  codes: ['form.root-not-object', 'form.unknown-keyword', 'form.unknown-format', 'form.ref-external', 'form.ref-unresolved',
    'form.id-not-allowed', 'form.pattern-invalid', 'form.pattern-unsafe', 'form.too-complex', 'form.not-schema', 'form.ref-cycle', 'form.dynamic-ref',
    'form.anchor-duplicate', 'form.enum-empty', 'form.keyword-ignored', 'form.type-missing', 'form.type-conflict', 'form.tuple-open',
    'form.strict-mode', 'form.ajv-deviation', 'form.schema-compile'],
  check({ file, value }, ctx) {
    const schema = value.form.schema;
    const base = '/form/schema';
    const problems = checkJsonSchema(schema, { file, base, sharedSchemas: ctx.sharedSchemas });
    if (schema.type !== 'object') problems.unshift(problem('form.root-not-object', file, schema.type === undefined ? base : `${base}/type`));
    if (problems.length > 0) return problems;
    return compileProblems(ctx.formAjv, schema, file, base);
  },
};
