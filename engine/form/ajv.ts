/** The one ajv configuration every form schema is checked and compiled with (validator and runtime alike). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * A draft 2020-12 ajv in strict mode (unknown keywords, formats and untyped keywords are errors; `required` inside
 * `if` is allowed for conditional fields), with ajv-formats and the project's shared schemas. It never loads
 * anything: a `$ref` to an unknown schema is a compile error.
 */
export function createFormAjv(sharedSchemas: readonly object[] = []): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true, logger: false });
  addFormats.default(ajv);
  for (const schema of sharedSchemas) ajv.addSchema(schema);
  return ajv;
}

/** Format names a form schema may use. */
export const knownFormats: readonly string[] = Object.keys(createFormAjv().formats).sort();
