/**
 * onematter's engine: the meaning of a matter definition, as pure functions. Definitions in; problems, metrics
 * (and later changes and plans) out. No I/O, no clock.
 */
export type * from './model/index.ts';
export { definitionSchema, sharedDataSchema, bundleSchema, sharedSchemaBase } from './model/index.ts';
export { validateSources, loadCatalogue, type SourceDocument, type Catalogue, type Loaded, type ValidationResult } from './validate/index.ts';
export { parseDocument, documentLimits, type ParseResult } from './json/parse.ts';
export { problem, renderMessage, messages, type Problem, type ProblemCode, type Locale } from './problems/index.ts';
export { burdenMetrics, type BurdenMetrics } from './metrics/burden.ts';
export { knownGuards, knownActions, type VocabularyEntry } from './process/vocabulary.ts';
export { createFormAjv, knownFormats } from './form/ajv.ts';
