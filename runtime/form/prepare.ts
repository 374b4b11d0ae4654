/**
 * The per-definition work behind MatterForm, done once per definition version and cached: shared `$ref`s inlined,
 * descriptions moved to the uiSchema, and one ajv 2020-12 validator for rjsf. No React.
 */
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import type { MatterDefinition } from '../../engine/index.ts';
import { createFormValidator } from './compiling-validator.ts';
import { inlineSharedRefs, withoutDescriptions } from './render-schema.ts';

/** What rjsf needs for one definition's form, independent of locale and applicant. */
export interface PreparedForm {
  /** The form schema with shared schemas inlined, annotations intact (input of the uiSchema builder). */
  schema: Record<string, unknown>;
  /** The schema handed to rjsf: as `schema`, without `description` (rjsf would show it in whatever language). */
  renderSchema: RJSFSchema;
  /**
   * rjsf's validator: ajv draft 2020-12 (advisory; the runtime's validator is the authority). Made on first use: it
   * compiles schemas with `new Function`, which a page without 'unsafe-eval' must avoid by passing a precompiled one.
   */
  readonly validator: ValidatorType;
}

const cache = new WeakMap<object, { sharedSchemas: readonly object[] | undefined; prepared: PreparedForm }>();

/** Prepares (or returns the cached preparation of) a definition's form; published definitions never change. */
export function prepareForm(definition: MatterDefinition, sharedSchemas?: readonly object[]): PreparedForm {
  const key = definition.form.schema;
  const hit = cache.get(key);
  if (hit && hit.sharedSchemas === sharedSchemas) return hit.prepared;
  const schema = inlineSharedRefs(definition.form.schema, sharedSchemas);
  let validator: ValidatorType | undefined;
  const prepared: PreparedForm = {
    schema,
    renderSchema: withoutDescriptions(schema) as RJSFSchema,
    get validator() {
      return (validator ??= createFormValidator());
    },
  };
  cache.set(key, { sharedSchemas, prepared });
  return prepared;
}

// (where they were defined before the in-page compiler became a module of its own)
export { createFormValidator, formValidatorOptions } from './compiling-validator.ts';
