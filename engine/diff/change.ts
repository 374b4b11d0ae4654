/** What a diff returns: one semantic difference between two definitions, classified for the applicant. */
import type { LocalizedText } from '../model/index.ts';
import type { FixOp } from './fix.ts';

export type Area = 'form' | 'materials' | 'process' | 'service';
export type ChangeKind = 'added' | 'removed' | 'changed';
/** The change's effect on the applicant of `a` compared with `b`. */
export type Burden = 'more' | 'less' | 'neutral';

export interface Change {
  readonly area: Area;
  readonly kind: ChangeKind;
  /** JSON Pointer into the definition the element came from: `a` for added and changed, `b` for removed. */
  readonly path: string;
  readonly burden: Burden;
  /** The rule that found it, e.g. `form.enum`. */
  readonly code: string;
  readonly message: LocalizedText;
  readonly params: Readonly<Record<string, unknown>>;
  /** How much burden it weighs (≥ 0, see weights.ts); 0 for neutral changes. */
  readonly weight: number;
  /** Edits to `a` that remove this difference (bring `a` to `b` for this element). */
  readonly fix: readonly FixOp[];
}
