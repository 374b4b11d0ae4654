import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import { isInside } from '../../regions/index.ts';
import { versionKey } from '../context.ts';
import type { Rule } from '../rule.ts';
import { regionPrefixLength } from './region-catalogue.ts';

const depth = { province: 0, city: 1, county: 2, township: 3, village: 4 } as const;

/**
 * A variant implements its baseline in a region inside the baseline's region, one or more levels below it: by the
 * region catalogue's parent links when both regions are listed, else by the GB/T 2260 code prefix.
 */
export const variantRegionRule: Rule<MatterDefinition> = {
  name: 'variant-region',
  codes: ['ref.region-outside-baseline'],
  check({ file, value }, ctx): Problem[] {
    if (value.kind !== 'variant' || !value.baseline) return [];
    const baseline = (ctx.definitionsByVersion.get(versionKey(value.baseline)) ?? []).find((d) => d.value.kind === 'baseline')?.value;
    if (!baseline) return []; // reported by baseline-reference
    const listed = ctx.regions.byCode.has(value.region.code) && ctx.regions.byCode.has(baseline.region.code);
    const inside = listed
      ? isInside(ctx.regions, value.region.code, baseline.region.code)
      : value.region.code.startsWith(baseline.region.code.slice(0, regionPrefixLength[baseline.region.level])) && depth[value.region.level] > depth[baseline.region.level];
    if (inside) return [];
    return [problem('ref.region-outside-baseline', file, '/region/code', { region: value.region.code, level: value.region.level, baseline: baseline.region.code, baselineLevel: baseline.region.level })];
  },
};
