/**
 * What the region picker offers: the project's region catalogue (definitions/regions.json, GB/T 2260 codes published
 * by the Ministry of Civil Affairs) as province → city → county choices, and the chain of choices that leads to a
 * stored code. Pure: no React.
 */
import catalogue from '../../definitions/regions.json' with { type: 'json' };
import type { RegionEntry } from '../../engine/model/index.ts';
import { ancestorsOf, indexRegions, type RegionIndex } from '../../engine/regions/index.ts';

/** The project's own region catalogue, indexed once. */
export const projectRegions: RegionIndex = indexRegions(catalogue.regions as RegionEntry[]);

/** The divisions at the top of the catalogue (provinces): those without a parent in it. */
export function topRegions(index: RegionIndex): RegionEntry[] {
  return [...index.byCode.values()].filter((e) => e.parent === undefined || !index.byCode.has(e.parent));
}

/**
 * The choices that lead to `code`, top first (`['330000', '330200', '330203']`); empty for a code the catalogue does
 * not list, so the picker starts afresh rather than showing a wrong place.
 */
export function choicesOf(index: RegionIndex, code: unknown): string[] {
  if (typeof code !== 'string' || !index.byCode.has(code)) return [];
  return [...ancestorsOf(index, code).map((e) => e.code).reverse(), code];
}

/**
 * The code a chain of choices stands for: the last choice once it has no divisions below it (a county, or a city the
 * catalogue lists no counties of), else undefined, so a half-made choice leaves the field unanswered.
 */
export function codeOfChoices(index: RegionIndex, choices: readonly string[]): string | undefined {
  const last = choices[choices.length - 1];
  if (last === undefined || !index.byCode.has(last)) return undefined;
  return (index.children.get(last)?.length ?? 0) === 0 ? last : undefined;
}
