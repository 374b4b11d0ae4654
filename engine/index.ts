/**
 * onematter's engine: the meaning of a matter definition, as pure functions. Definitions in; problems, metrics,
 * changes, scores and level-up plans out. No I/O, no clock.
 */
export type * from './model/index.ts';
export { definitionSchema, sharedDataSchema, bundleSchema, regionsSchema, sharedSchemaBase } from './model/index.ts';
export { validateSources, loadCatalogue, diffContextOf, type SourceDocument, type Catalogue, type Loaded, type ValidationResult } from './validate/index.ts';
export { parseDocument, documentLimits, type ParseResult } from './json/parse.ts';
export { problem, renderMessage, messages, type Problem, type ProblemCode, type Locale } from './problems/index.ts';
export { burdenMetrics, type BurdenMetrics } from './metrics/burden.ts';
export { provinceMetrics, type ProvinceMetrics } from './metrics/province.ts';
export { indexRegions, ancestorsOf, isInside, type RegionIndex } from './regions/index.ts';
export { knownGuards, knownActions, type VocabularyEntry } from './process/vocabulary.ts';
export { createFormAjv, knownFormats } from './form/ajv.ts';
export { importForm, type ImportChange, type ImportOptions, type ImportResult } from './import/index.ts';
export { diff, applyFixes, weights, type Change, type Area, type Burden, type ChangeKind, type FixOp, type DiffContext } from './diff/index.ts';
export { planAction } from './review/index.ts';
export { score, levelUp, applyPlan, reviewVariant, reviewCatalogue, scoreChanges, scoreScale, deriveTopRunner, type VariantReview, type TopRunnerProposal, type TopRunnerFlag, type MatterReview, type ReviewedVariant } from './review/index.ts';
export { summarizeCatalogue, defaultLevelled, regionalElements, type CatalogueSummary, type MatterSummary, type Share, type Convergence } from './review/index.ts';
export { proposeVersion, type VersionProposal, type VersionReason, type VersionBump } from './versioning/index.ts';
export { situationOf, missingOf, conditionHolds, conditionError, type Situation, type DueMaterial, type DueGroup, type DueFee, type Missing } from './situations/index.ts';
export { describeCondition, conditionDescription, type ConditionDescription } from './situations/describe.ts';
export { toStately, fromStately, type StatelyChange, type StatelyImport } from './stately/index.ts';
export { compose, resolveMembers, bundleSaving, compareVersions, bundleRole, addressedEvent, composeBundles, withComposedBundles, type Composition, type BundleSaving, type BundleBurden, type ComposedBundle } from './bundles/index.ts';
