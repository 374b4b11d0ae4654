/**
 * A variant's 0–100 standing against its baseline, from the burden weights of their diff:
 *
 *   score = min(100, 100 · e^(−(M − L/2) / K)),  K = 100
 *
 * where M sums the weights of `more` changes and L those of `less` changes. The baseline scores 100 against itself
 * (empty diff); every `more` change lowers the score, every `less` change raises it until the cap; neutral changes
 * leave it. Less counts half: being lighter elsewhere only partly makes up for added burden. The score never
 * reaches 0, so two heavy variants still compare. K = 100 puts one extra applicant material (weight 8) at 92.3
 * and an extra on-site visit (10) at 90.5.
 */
import type { Change } from '../diff/index.ts';

export const scoreScale = 100;

/**
 * The score of a diff's changes (see the formula above). Total: anything that is not a change with a finite
 * weight ≥ 0 is skipped, so a list that did not come from `diff` cannot turn the score into NaN.
 */
export function scoreChanges(changes: readonly Change[]): number {
  let more = 0;
  let less = 0;
  if (!Array.isArray(changes)) return 100;
  for (const c of changes) {
    const w = (c as Change | null)?.weight;
    if (typeof w !== 'number' || !(w >= 0 && w < Infinity)) continue;
    if (c.burden === 'more') more += w;
    else if (c.burden === 'less') less += w;
  }
  return Math.min(100, 100 * Math.exp(-(more - less / 2) / scoreScale));
}
