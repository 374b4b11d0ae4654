/** One variant against its baseline: score, level-up plan, and both at once. */
import { diff, type Change, type DiffContext } from '../diff/index.ts';
import { burdenMetrics, type BurdenMetrics } from '../metrics/burden.ts';
import type { MatterDefinition } from '../model/index.ts';
import { planFromChanges } from './level-up.ts';
import { scoreChanges } from './score.ts';

/** Everything a reviewer sees for one variant. */
export interface VariantReview {
  readonly changes: readonly Change[];
  readonly metrics: { readonly variant: BurdenMetrics; readonly baseline: BurdenMetrics };
  readonly score: number;
  readonly plan: readonly Change[];
}

/**
 * The 0–100 score of `variant` against `baseline` (100 = at least as light for the applicant). Total, like `diff`:
 * parts of a draft that cannot be compared weigh nothing.
 */
export const score = (variant: unknown, baseline: unknown, context?: DiffContext): number =>
  scoreChanges(diff(variant, baseline, context));

/** The ordered changes that bring `variant` to `baseline`, biggest burden reduction first (total, like `diff`). */
export const levelUp = (variant: unknown, baseline: unknown, context?: DiffContext): Change[] =>
  planFromChanges(diff(variant, baseline, context));

/** Diff, metrics, score and plan of one variant, from a single diff. */
export function reviewVariant(variant: MatterDefinition, baseline: MatterDefinition, context?: DiffContext): VariantReview {
  const changes = diff(variant, baseline, context);
  return {
    changes,
    metrics: { variant: burdenMetrics(variant), baseline: burdenMetrics(baseline) },
    score: scoreChanges(changes),
    plan: planFromChanges(changes),
  };
}
