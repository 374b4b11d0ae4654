/** Reviewing variants against their top runner: score, level-up plan, and a proposed top runner. */
export { score, levelUp, reviewVariant, type VariantReview } from './variant.ts';
export { applyPlan } from './level-up.ts';
export { planAction } from './plan-actions.ts';
export { scoreChanges, scoreScale } from './score.ts';
export { deriveTopRunner, type TopRunnerProposal, type TopRunnerFlag, type TopRunnerOptions } from './top-runner.ts';
export { reviewCatalogue, type MatterReview, type ReviewedVariant } from './catalogue.ts';
export { summarizeCatalogue, defaultLevelled, type CatalogueSummary, type MatterSummary, type Share } from './summary.ts';
export { convergenceOf, implementationKey, regionalElements, type Convergence } from './convergence.ts';
