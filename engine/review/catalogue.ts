/** Reviewing a whole catalogue: every variant against its baseline, and a proposed top runner per matter. */
import { diffContextOf, type Catalogue, type Loaded } from '../validate/catalogue.ts';
import type { MatterDefinition } from '../model/index.ts';
import { reviewVariant, type VariantReview } from './variant.ts';
import { deriveTopRunner, type TopRunnerProposal } from './top-runner.ts';
import { diff, type Change } from '../diff/index.ts';
import { convergenceOf, type Convergence } from './convergence.ts';

export interface ReviewedVariant {
  readonly file: string;
  readonly definition: MatterDefinition;
  readonly review: VariantReview;
}

export interface MatterReview {
  readonly id: string;
  readonly baseline: Loaded<MatterDefinition>;
  /** Variants ordered by score, best first. */
  readonly variants: readonly ReviewedVariant[];
  /** A top runner derived from the variants, and how it differs from the current baseline. */
  readonly proposal?: TopRunnerProposal & { readonly changesFromBaseline: readonly Change[] };
  /** How many distinct implementations the baseline and its variants are (convergence.ts). */
  readonly convergence: Convergence;
}

/** Reviews every matter that has a baseline; `onProgress(done, total)` is called after each variant. */
export function reviewCatalogue(catalogue: Catalogue, onProgress?: (done: number, total: number) => void): MatterReview[] {
  const ctx = diffContextOf(catalogue);
  const baselines = new Map(catalogue.definitions.filter((d) => d.value.kind === 'baseline').map((d) => [`${d.value.id}@${d.value.version}`, d]));
  const variants = catalogue.definitions.filter((d) => d.value.kind === 'variant' && d.value.baseline && baselines.has(`${d.value.id}@${d.value.baseline.version}`));
  const total = variants.length;
  let done = 0;
  const byBaseline = new Map<Loaded<MatterDefinition>, ReviewedVariant[]>();
  for (const b of baselines.values()) byBaseline.set(b, []);
  for (const v of variants) {
    const baseline = baselines.get(`${v.value.id}@${v.value.baseline!.version}`)!;
    byBaseline.get(baseline)!.push({ file: v.file, definition: v.value, review: reviewVariant(v.value, baseline.value, ctx) });
    onProgress?.(++done, total);
  }
  return [...byBaseline].map(([baseline, reviewed]) => {
    const sorted = reviewed.sort((x, y) => y.review.score - x.review.score || x.definition.region.code.localeCompare(y.definition.region.code));
    const convergence = convergenceOf(baseline.value, sorted.map((r) => r.definition));
    if (sorted.length === 0) return { id: baseline.value.id, baseline, variants: sorted, convergence };
    // the current top runner is a candidate too: where no region does better it keeps its element (first wins ties),
    // so the proposal is never heavier than what it would replace
    const proposal = deriveTopRunner([baseline.value, ...sorted.map((r) => r.definition)], { region: baseline.value.region, version: baseline.value.version });
    return { id: baseline.value.id, baseline, variants: sorted, proposal: { ...proposal, changesFromBaseline: diff(proposal.definition, baseline.value, ctx) }, convergence };
  }).sort((x, y) => x.id.localeCompare(y.id));
}
