/**
 * The province's catalogue metrics over a review: the shares of definitions with zero materials, zero forms and at
 * most one visit, the on-site minutes of immediate matters, the regions levelled (score at or above a threshold),
 * and per matter its convergence. Pure: the threshold is an argument, checked by the caller.
 */
import { burdenMetrics } from '../metrics/burden.ts';
import { provinceMetrics, type ProvinceMetrics } from '../metrics/province.ts';
import type { MatterReview } from './catalogue.ts';

/** The province levels regions to 90 points ("some students score 90, some 60: bring everyone to 90"). */
export const defaultLevelled = 90;

export interface Share {
  readonly count: number;
  readonly total: number;
  /** count / total, 0 when there is nothing to count. */
  readonly share: number;
}

export interface MatterSummary {
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly variants: number;
  /** Variants scoring at or above the threshold. */
  readonly levelled: Share;
  /** Distinct implementations among the baseline and its variants (1 = converged). */
  readonly distinct: number;
  readonly sameAsBaseline: number;
}

export interface CatalogueSummary {
  /** Baselines and variants reviewed. */
  readonly definitions: number;
  readonly baselines: number;
  readonly variants: number;
  /** Definitions whose applicant supplies no material (零材料). */
  readonly zeroMaterials: Share;
  /** Definitions whose applicant types no field (零表单). */
  readonly zeroForm: Share;
  /** Definitions needing at most one on-site visit: the 最多跑一次 rate. */
  readonly atMostOneVisit: Share;
  /** Immediate matters (即办件), how many state their minutes on site, and the median and longest of those. */
  readonly immediate: { readonly count: number; readonly withMinutes: number; readonly medianMinutes: number | null; readonly maxMinutes: number | null };
  /** Variants (regions) scoring at or above `threshold`. */
  readonly levelled: Share & { readonly threshold: number };
  readonly matters: readonly MatterSummary[];
}

const share = (count: number, total: number): Share => ({ count, total, share: total === 0 ? 0 : count / total });

/** Summarises a catalogue review; a variant is levelled when its score is at least `levelled` (default 90). */
export function summarizeCatalogue(reviews: readonly MatterReview[], options: { readonly levelled?: number } = {}): CatalogueSummary {
  const threshold = options.levelled ?? defaultLevelled;
  const metrics: ProvinceMetrics[] = [];
  for (const m of reviews) {
    metrics.push(provinceMetrics(m.baseline.value, m.variants[0]?.review.metrics.baseline ?? burdenMetrics(m.baseline.value)));
    for (const v of m.variants) metrics.push(provinceMetrics(v.definition, v.review.metrics.variant));
  }
  const count = (f: (p: ProvinceMetrics) => boolean) => share(metrics.filter(f).length, metrics.length);
  const minutes = metrics.filter((p) => p.immediate && p.onSiteMinutes !== null).map((p) => p.onSiteMinutes!).sort((x, y) => x - y);
  const variants = reviews.flatMap((m) => m.variants);
  const matters = reviews.map((m): MatterSummary => ({
    id: m.id,
    title: m.baseline.value.title,
    variants: m.variants.length,
    levelled: share(m.variants.filter((v) => v.review.score >= threshold).length, m.variants.length),
    distinct: m.convergence.distinct,
    sameAsBaseline: m.convergence.sameAsBaseline,
  }));
  return {
    definitions: metrics.length,
    baselines: reviews.length,
    variants: variants.length,
    zeroMaterials: count((p) => p.zeroMaterials),
    zeroForm: count((p) => p.zeroForm),
    atMostOneVisit: count((p) => p.atMostOneVisit),
    immediate: {
      count: metrics.filter((p) => p.immediate).length,
      withMinutes: minutes.length,
      medianMinutes: minutes.length === 0 ? null : median(minutes),
      maxMinutes: minutes.length === 0 ? null : minutes[minutes.length - 1]!,
    },
    levelled: { threshold, ...share(variants.filter((v) => v.review.score >= threshold).length, variants.length) },
    matters,
  };
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
