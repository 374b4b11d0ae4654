import type { MatterDefinition } from '../../model/index.ts';
import { checkFormSchema } from '../form-check.ts';
import type { Rule } from '../rule.ts';

/** The form schema is a strict, self-contained JSON Schema 2020-12 object schema that ajv compiles. */
export const formSchemaRule: Rule<MatterDefinition> = {
  name: 'form-schema',
  codes: ['form.root-not-object', 'form.unknown-keyword', 'form.unknown-format', 'form.ref-external', 'form.ref-unresolved',
    'form.id-not-allowed', 'form.pattern-invalid', 'form.pattern-unsafe', 'form.too-complex', 'form.not-schema', 'form.ref-cycle', 'form.dynamic-ref',
    'form.anchor-duplicate', 'form.enum-empty', 'form.keyword-ignored', 'form.type-missing', 'form.type-conflict', 'form.tuple-open',
    'form.strict-mode', 'form.ajv-deviation', 'form.schema-compile'],
  check({ file, value }, ctx) {
    return checkFormSchema(value.form.schema, { file, base: '/form/schema', sharedSchemas: ctx.sharedSchemas, formAjv: ctx.formAjv });
  },
};
