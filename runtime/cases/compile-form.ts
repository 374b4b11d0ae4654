/**
 * Compiling a published definition's form schema with the runtime's ajv, and its errors as field errors. ajv's own
 * errors (a `$ref` to a schema the runtime was not given, a keyword strict mode refuses, a shared schema it refuses)
 * become DefinitionErrors naming the definition and saying what to do.
 */
import { MissingRefError, type Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { createFormAjv } from '../../engine/index.ts';
import type { PublishedDefinition } from '../store/types.ts';
import { DefinitionError, type FieldError } from './errors.ts';

/** The ajv every form compiles with; a shared schema ajv refuses (invalid, or a duplicate $id) is a DefinitionError. */
export function sharedSchemasAjv(shared: readonly object[]): Ajv2020 {
  try {
    return createFormAjv(shared);
  } catch (error) {
    throw new DefinitionError('shared-schema-invalid', `a shared schema cannot be used: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** ajv's errors as field errors: a missing property points at the property, not at its parent. */
export function fieldErrors(validate: ValidateFunction): (data: unknown) => FieldError[] {
  const none: FieldError[] = [];
  return (data) =>
    validate(data)
      ? none
      : (validate.errors ?? []).map((e) => ({
          pointer: e.keyword === 'required' ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}` : e.instancePath,
          keyword: e.keyword,
          message: e.message ?? e.keyword,
        }));
}

/** The compiled validator of a published definition's form; throws DefinitionError when it cannot compile. */
export function compileForm(ajv: Ajv2020, published: PublishedDefinition): ValidateFunction {
  try {
    return ajv.compile(published.definition.form.schema);
  } catch (error) {
    const name = `${published.id}@${published.version} (${published.region})`;
    if (error instanceof MissingRefError) {
      throw new DefinitionError('definition-schema-unresolved', `the form schema of ${name} refers to ${error.missingRef}, which this runtime does not know: create the runtime with sharedSchemas (the catalogue's shared schemas) or with the catalogue`, { cause: error });
    }
    throw new DefinitionError('definition-schema-invalid', `the form schema of ${name} does not compile: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
