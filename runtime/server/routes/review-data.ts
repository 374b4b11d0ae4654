/**
 * The reviewers' view of what the server has published: the newest version of each matter in each region, reviewed
 * by the engine exactly as `onematter review` reviews a folder (reviewCatalogue: same diff, score, plan, metrics).
 * The review is computed once per published state (keyed by the content hashes of the catalogue index) and reused
 * until something is published.
 */
import { createHash } from 'node:crypto';
import {
  ancestorsOf, diffContextOf, provinceMetrics, reviewCatalogue,
  type BurdenMetrics, type Catalogue, type Change, type DiffContext, type LocalizedText, type Loaded, type MatterDefinition, type MatterReview, type ProvinceMetrics, type RegionIndex, type ReviewedVariant,
} from '../../../engine/index.ts';
import type { CatalogueEntry } from '../../store/types.ts';
import type { ServerContext } from '../context.ts';

/** One matter as the reviewers see it. */
export interface ReviewedMatter {
  readonly id: string;
  /** The review of the newest baseline version: its variants, its proposed top runner. */
  readonly review: MatterReview;
  /** Every region's newest variant, each scored against the baseline version it names (best first). */
  readonly variants: readonly (ReviewedVariant & { readonly baselineVersion: string })[];
}

export interface ReviewState {
  readonly matters: ReadonlyMap<string, ReviewedMatter>;
  /** Every review, as `reviewCatalogue` returned them (the HTML report renders these). */
  readonly reviews: readonly MatterReview[];
  readonly context: DiffContext;
}

/** A region as the matrix shows it: its level and the city it lies in. */
export interface RegionInfo {
  readonly code: string;
  readonly name: LocalizedText;
  readonly level: string;
  /** The city a county lies in (null for a city or the province). */
  readonly city: { readonly code: string; readonly name: LocalizedText } | null;
}

/** Reviews the published catalogue, reusing the last review while nothing new is published. */
export function reviewSource(ctx: ServerContext): () => Promise<ReviewState> {
  let last: { key: string; state: Promise<ReviewState> } | undefined;
  return async () => {
    const entries = await ctx.definitions.entries();
    const key = createHash('sha256').update(entries.map((e) => `${e.id}/${e.region}/${e.hash}`).sort().join('\n')).digest('hex');
    if (last?.key !== key) {
      const state = build(ctx, entries);
      last = { key, state };
      state.catch(() => last?.state === state && (last = undefined)); // a failed read is tried again next time
    }
    return last.state;
  };
}

async function build(ctx: ServerContext, entries: readonly CatalogueEntry[]): Promise<ReviewState> {
  const loaded = new Map<string, Loaded<MatterDefinition>>();
  const add = (d: { id: string; region: string; version: string; definition: MatterDefinition } | undefined) => {
    if (d) loaded.set(`${d.id}/${d.region}@${d.version}`, { file: `${d.id}/${d.region}@${d.version}`, value: d.definition });
  };
  const newestBaseline = new Map(entries.filter((e) => e.kind === 'baseline').map((e) => [e.id, e]));
  for (const e of entries) {
    if (!newestBaseline.has(e.id)) continue; // a matter without a baseline is not reviewed (as in the CLI)
    add(await ctx.definitions.byHash(e.hash));
    const baseline = newestBaseline.get(e.id)!;
    // a variant still on an older baseline version is reviewed against that version
    if (e.kind === 'variant' && e.baselineVersion !== undefined && e.baselineVersion !== baseline.version) add(await ctx.definitions.find(e.id, baseline.region, e.baselineVersion));
  }
  const catalogue: Catalogue = {
    definitions: [...loaded.values()],
    bundles: [], sharedData: [], regions: [],
    schemas: ctx.sharedSchemas.map((value, i) => ({ file: `schema-${i}`, value: value as Record<string, unknown> })),
  };
  const reviews = reviewCatalogue(catalogue);
  const matters = new Map<string, ReviewedMatter>();
  for (const [id, baseline] of newestBaseline) {
    const own = reviews.filter((r) => r.id === id);
    const review = own.find((r) => r.baseline.value.version === baseline.version);
    if (!review) continue;
    const variants = own
      .flatMap((r) => r.variants.map((v) => ({ ...v, baselineVersion: r.baseline.value.version })))
      .sort((x, y) => y.review.score - x.review.score || x.definition.region.code.localeCompare(y.definition.region.code));
    matters.set(id, { id, review, variants });
  }
  // the report shows each matter's newest baseline, and older ones only for the variants still on them
  const shown = reviews.filter((r) => matters.get(r.id)?.review === r || (matters.has(r.id) && r.variants.length > 0));
  return { matters, reviews: shown, context: diffContextOf(catalogue) };
}

/** The region's level and city, from the region list (the definition's own region as a fallback). */
export function regionInfo(regions: RegionIndex, region: MatterDefinition['region']): RegionInfo {
  const entry = regions.byCode.get(region.code);
  const city = entry?.level === 'county' ? ancestorsOf(regions, region.code).find((r) => r.level === 'city') : undefined;
  return { code: region.code, name: region.name, level: entry?.level ?? region.level ?? 'unknown', city: city ? { code: city.code, name: city.name } : null };
}

/** The score as the CLI prints it: one decimal. */
export const rounded = (n: number) => Math.round(n * 10) / 10;

/** One matrix row: exactly the fields `onematter review --json` gives a variant, and where the region lies. */
export function variantRow(v: ReviewedMatter['variants'][number], levelled: number, regions: RegionIndex) {
  const r = v.review;
  return {
    region: regionInfo(regions, v.definition.region),
    version: v.definition.version,
    baselineVersion: v.baselineVersion,
    score: rounded(r.score),
    levelled: r.score >= levelled,
    planSteps: r.plan.length,
    changes: { more: count(r.changes, 'more'), less: count(r.changes, 'less'), neutral: count(r.changes, 'neutral') },
    metrics: r.metrics.variant as BurdenMetrics,
    province: provinceMetrics(v.definition, r.metrics.variant) as ProvinceMetrics,
  };
}

const count = (changes: readonly Change[], burden: Change['burden']) => changes.filter((c) => c.burden === burden).length;

/** A change as the API shows it (no fix operations: those are the engine's business). */
export const changeJson = (c: Change) => ({ area: c.area, kind: c.kind, code: c.code, burden: c.burden, weight: rounded(c.weight), path: c.path, message: c.message });

/** The median of a list of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
