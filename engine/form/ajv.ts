/** The one ajv configuration every form schema is checked and compiled with (validator and runtime alike). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * A draft 2020-12 ajv in strict mode (unknown keywords, formats and untyped keywords are errors; `required` inside
 * `if` is allowed for conditional fields), with ajv-formats and the project's shared schemas. It never loads
 * anything: a `$ref` to an unknown schema is a compile error. Only the data's own properties count (without
 * `ownProperties`, a field named `toString` would find Object.prototype's in every application), and `multipleOf`
 * allows for binary fractions as rjsf's validator does (without it, 19.99 is not a multiple of 0.01). Situation
 * conditions pass `strictTypes: false`: `{ "properties": { "reason": { "const": "退休" } } }` need not say it is
 * about an object. `source: true` keeps each validator's source, for ajv's standalone code (precompiling for a page
 * without 'unsafe-eval').
 */
export function createFormAjv(sharedSchemas: readonly object[] = [], options: { readonly strictTypes?: boolean; readonly source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true, ...(options.strictTypes === false ? { strictTypes: false } : {}), ...(options.source ? { code: { source: true } } : {}), strictRequired: false, allErrors: true, allowUnionTypes: true, ownProperties: true, multipleOfPrecision: 8, logger: false,
  });
  addFormats.default(ajv);
  // ajv resolves `#name` refs to `$anchor` but does not list the keyword, so strict mode would refuse it (ajv#1854)
  ajv.addKeyword({ keyword: '$anchor', schemaType: 'string' });
  for (const schema of sharedSchemas) ajv.addSchema(schema);
  return ajv;
}

/** Format names a form schema may use. */
export const knownFormats: readonly string[] = Object.keys(createFormAjv().formats).sort();
