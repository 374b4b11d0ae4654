/**
 * What the page and the analysis worker say to each other. The page sends the draft (any JSON), what it is compared
 * with, and the catalogue context; the worker answers with the engine's problems, the classified diff, the score,
 * both sides' burden metrics, the level-up plan and the proposed next version — all computed off the main thread; and,
 * for the preview, which materials and fees apply to the answers typed into it.
 */
import type { BurdenMetrics, Change, ImportResult, MatterDefinition, Problem, SourceDocument } from '../../engine/index.ts';

export interface AnalysisRequest {
  /** Answers carry it back, so the page keeps only the newest. */
  readonly revision: number;
  readonly draft: unknown;
  /** The baseline (a variant's) or the last published version (a baseline's); none for a new matter. */
  readonly against: MatterDefinition | undefined;
}

export interface AnalysisContext {
  readonly kind: 'context';
  readonly sources: readonly SourceDocument[];
}

export interface Analysis {
  readonly revision: number;
  /** The draft's own problems, each with a pointer into it. */
  readonly problems: readonly Problem[];
  /** Best effort: what can be compared of an invalid draft is. */
  readonly changes: readonly Change[];
  readonly score: number | undefined;
  readonly metrics: { readonly draft: BurdenMetrics | undefined; readonly against: BurdenMetrics | undefined };
  /** The level-up plan: the changes that would bring the draft to what it is compared with, each with its fix. */
  readonly plan: readonly Change[];
  /** How long the engine took, in the worker (ms). */
  readonly tookMs: number;
}

/** Asks the worker to normalize a form written elsewhere (importForm compiles schemas, which only the worker may). */
export interface ImportRequest {
  readonly kind: 'import';
  readonly id: number;
  readonly schema: unknown;
}

export interface ImportAnswer {
  readonly kind: 'import';
  readonly id: number;
  readonly result: ImportResult;
}

/** Asks the worker which materials and fees apply to the preview's answers (conditions compile: only the worker may). */
export interface SituationRequest {
  readonly kind: 'situation';
  readonly id: number;
  readonly definition: Pick<MatterDefinition, 'materials' | 'fees'>;
  readonly data: unknown;
}

/** What applies to an application, by id (see situate.ts). */
export interface PreviewSituation {
  /** Materials that apply, in definition order; `conditional` when a situation asked for them. */
  readonly materials: readonly { readonly id: string; readonly conditional: boolean; readonly group?: string }[];
  /** One-of groups with a member that applies: any one member satisfies the group. */
  readonly groups: readonly { readonly id: string; readonly members: readonly string[]; readonly required: boolean }[];
  /** Fees that apply, waived or not. */
  readonly fees: readonly { readonly id: string; readonly amount: number; readonly waived: boolean }[];
  /** What the applicant pays (yuan). */
  readonly amountDue: number;
}

export interface SituationAnswer {
  readonly kind: 'situation';
  readonly id: number;
  readonly situation: PreviewSituation;
}
