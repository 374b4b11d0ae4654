/** The level-up plan: what a variant changes to reach its baseline, biggest burden reduction first. */
import { applyFixes, type Change } from '../diff/index.ts';
import type { MatterDefinition } from '../model/index.ts';

/**
 * The `more` changes of `diff(variant, baseline)`, heaviest first (ties keep diff order). Each step carries the
 * fix that removes it; changes where the variant is lighter or merely different are its own to keep.
 */
export function planFromChanges(changes: readonly Change[]): Change[] {
  return changes
    .map((change, order) => ({ change, order }))
    .filter(({ change }) => change.burden === 'more')
    .sort((x, y) => y.change.weight - x.change.weight || x.order - y.order)
    .map(({ change }) => change);
}

/** Applies a plan (or any steps of it) to a copy of the variant. */
export function applyPlan(variant: MatterDefinition, plan: readonly Change[]): MatterDefinition {
  return applyFixes(variant, plan.flatMap((step) => step.fix));
}
