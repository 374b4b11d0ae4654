/**
 * The modules ajv's standalone validator code may `require`, and what each must export: the server checks generated
 * code against this list, and the browser hands the code exactly these (so nothing is evaluated or fetched on the fly).
 */
export const precompiledRequires = [
  'ajv/dist/runtime/equal',
  'ajv/dist/runtime/ucs2length',
  'ajv/dist/runtime/uri',
  'ajv/dist/runtime/validation_error',
  'ajv-formats/dist/formats',
] as const;

export type PrecompiledRequire = (typeof precompiledRequires)[number];
