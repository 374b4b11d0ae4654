/**
 * The modules ajv's standalone validator code may `require`, and what each must export: the server checks generated
 * code against this list, and the browser hands the code exactly these (so nothing is evaluated or fetched on the fly).
 * Not 'ajv/dist/runtime/uri' (fast-uri, a tenth of a form's JavaScript): only ajv's compiler resolves URIs, and no
 * generated code names it — should a later ajv do so, the server refuses to precompile the form, naming the module.
 */
export const precompiledRequires = [
  'ajv/dist/runtime/equal',
  'ajv/dist/runtime/ucs2length',
  'ajv/dist/runtime/validation_error',
  'ajv-formats/dist/formats',
] as const;

export type PrecompiledRequire = (typeof precompiledRequires)[number];
