/**
 * Compiling a published definition's form schema with the runtime's ajv. ajv's own errors (a `$ref` to a schema the
 * runtime was not given, a keyword strict mode refuses) become DefinitionErrors naming the definition and saying
 * what to do.
 */
import { MissingRefError, type Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { PublishedDefinition } from '../store/types.ts';
import { DefinitionError } from './errors.ts';

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
