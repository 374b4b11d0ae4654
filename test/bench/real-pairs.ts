/**
 * The real catalogue's pairs as `bench:review` measures them: every variant against its baseline and every baseline
 * against every other (composed bundles included, as `onematter review` reads them), with the diff context
 * embedders pass (the shared schemas `$ref`s point into).
 */
import { diffContextOf, withComposedBundles, type DiffContext, type MatterDefinition } from '../../engine/index.ts';
import { realCatalogue } from '../support/catalogue.ts';

export function realPairs(): { pairs: [MatterDefinition, MatterDefinition][]; variantPairs: number; context: DiffContext } {
  const catalogue = withComposedBundles(realCatalogue.catalogue);
  const definitions = catalogue.definitions.map((d) => d.value);
  const baselines = definitions.filter((d) => d.kind === 'baseline');
  const pairs: [MatterDefinition, MatterDefinition][] = [];
  for (const v of definitions) {
    if (v.kind !== 'variant') continue;
    const baseline = baselines.find((b) => b.id === (v.baseline?.id ?? v.id));
    if (baseline) pairs.push([v, baseline]);
  }
  const variantPairs = pairs.length;
  for (const a of baselines) for (const b of baselines) if (a !== b) pairs.push([a, b]);
  return { pairs, variantPairs, context: diffContextOf(catalogue) };
}
