/** Validates documents against the meta-schemas. Compiled once per process, on first use. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { bundleSchema, definitionSchema, regionsSchema, sharedDataSchema } from './index.ts';

export type DocumentKind = 'definition' | 'bundle' | 'shared-data' | 'regions';

let validators: Record<DocumentKind, ValidateFunction> | undefined;

/** The compiled meta-schema validator for one kind of document. */
export function metaValidator(kind: DocumentKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
    addFormats.default(ajv);
    // `tsType` tells json-schema-to-typescript which TypeScript type a property has; it does not validate.
    ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
    ajv.addSchema([definitionSchema, sharedDataSchema, bundleSchema, regionsSchema]);
    validators = {
      definition: ajv.getSchema(definitionSchema.$id)!,
      'shared-data': ajv.getSchema(sharedDataSchema.$id)!,
      bundle: ajv.getSchema(bundleSchema.$id)!,
      regions: ajv.getSchema(regionsSchema.$id)!,
    };
  }
  return validators[kind];
}
