/**
 * Comparing the situations (`when`, `waivedWhen`) two versions of one element apply in, for the material and fee
 * rules: which way the burden goes and what it weighs, from the element's weight in every situation.
 */
import { conditionRelation, type ConditionRelation } from '../conditions.ts';
import type { Burden, ChangeKind } from '../change.ts';
import type { FixOp } from '../fix.ts';
import { weights } from '../weights.ts';

export interface SituationChange {
  readonly kind: ChangeKind;
  /** Into `a` for added and changed, into `b` for removed. */
  readonly side: 'a' | 'b';
  readonly burden: Burden;
  readonly weight: number;
  readonly relation: ConditionRelation | 'added' | 'removed';
}

/**
 * How `a`'s condition differs from `b`'s, for an element weighing `weight` in every situation. Adding a condition
 * (`when`: asked of fewer applicants; `waivedWhen`: waived for some) is less burden and moves the weight by the share
 * it leaves out (`share`); dropping it is more. `narrower` says which way a proven narrower condition goes: `less`
 * for one that asks, `more` for a waiver (granted in fewer situations); it moves half as much. A condition the proof
 * cannot read is neutral. Undefined when the two are the same situation.
 */
export function situationChange(ca: unknown, cb: unknown, weight: number, share: number, narrower: 'less' | 'more'): SituationChange | undefined {
  if (ca === undefined && cb === undefined) return undefined;
  const wider = narrower === 'less' ? 'more' : 'less';
  const moved = weight * (1 - share);
  const burden = (b: Burden, w: number): Pick<SituationChange, 'burden' | 'weight'> => (w > 0 ? { burden: b, weight: w } : { burden: 'neutral', weight: 0 });
  if (cb === undefined) return { kind: 'added', side: 'a', relation: 'added', ...burden('less', moved) };
  if (ca === undefined) return { kind: 'removed', side: 'b', relation: 'removed', ...burden('more', moved) };
  const relation = conditionRelation(ca, cb);
  if (relation === 'same') return undefined;
  if (relation === 'unknown') return { kind: 'changed', side: 'a', relation, burden: 'neutral', weight: 0 };
  return { kind: 'changed', side: 'a', relation, ...burden(relation === 'narrower' ? narrower : wider, moved * weights.conditional) };
}

/** The fix that gives `a`'s element `b`'s value of a member (removing it where `b` has none). */
export const memberFix = (path: string, value: unknown): FixOp => (value === undefined ? { op: 'remove', path } : { op: 'set', path, value });

/** Words for a relation, for messages. */
export const relationWords: Record<string, { en: string; zh: string }> = {
  narrower: { en: 'in fewer situations', zh: '适用情形更少' },
  wider: { en: 'in more situations', zh: '适用情形更多' },
  unknown: { en: 'in other situations (which way could not be shown)', zh: '适用情形不同（无法判断宽严）' },
};
