/** What the import needs to know of JSON Schema 2020-12 keywords, as data. */

/** Keywords holding one subschema, a list of them, or a map of them (in the converted, 2020-12 spelling). */
export const subschemaKeywords = [
  'not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
] as const;
export const subschemaListKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
export const subschemaMapKeywords = ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const;

/** Subschemas that apply to the same value as the schema holding them: ajv's strictTypes passes them its types. */
export const inPlaceKeywords: ReadonlySet<string> = new Set(['not', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'dependentSchemas']);

/**
 * The value types each type-specific keyword applies to, as ajv's strict mode reads them (test/import-form.test.ts
 * holds this table to ajv's own): without one of them in `type` (or around it), ajv refuses the schema.
 */
export const keywordTypes: Readonly<Record<string, readonly string[]>> = {
  maximum: ['number'], minimum: ['number'], exclusiveMaximum: ['number'], exclusiveMinimum: ['number'], multipleOf: ['number'],
  maxLength: ['string'], minLength: ['string'], pattern: ['string'],
  format: ['number', 'string'],
  maxItems: ['array'], minItems: ['array'], uniqueItems: ['array'], prefixItems: ['array'], items: ['array'], contains: ['array'],
  maxContains: ['array'], minContains: ['array'], unevaluatedItems: ['array'],
  maxProperties: ['object'], minProperties: ['object'], required: ['object'], propertyNames: ['object'], additionalProperties: ['object'],
  properties: ['object'], patternProperties: ['object'], dependentRequired: ['object'], dependentSchemas: ['object'], unevaluatedProperties: ['object'],
};

/** Whether a keyword for `type` applies to values of `types` (an integer is a number). */
export const admits = (types: readonly string[], type: string): boolean => types.includes(type) || (type === 'number' && types.includes('integer'));

/** The types a `type` keyword names, or undefined when it names none (absent or malformed). */
export function typesOf(type: unknown): readonly string[] | undefined {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string')) return type as string[];
  return undefined;
}
