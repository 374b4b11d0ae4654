import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import { versionKey } from '../context.ts';
import type { Rule } from '../rule.ts';

const depth = { province: 0, city: 1, county: 2, township: 3, village: 4 } as const;
// The leading digits of a GB/T 2260 code that its sub-divisions share: 2 for a province, 4 for a city, 6 for a county.
const prefixLength = { province: 2, city: 4, county: 6, township: 9, village: 12 } as const;

/** A variant implements its baseline in a region inside the baseline's region, one or more levels below it. */
export const variantRegionRule: Rule<MatterDefinition> = {
  name: 'variant-region',
  codes: ['ref.region-outside-baseline'],
  check({ file, value }, ctx): Problem[] {
    if (value.kind !== 'variant' || !value.baseline) return [];
    const baseline = (ctx.definitionsByVersion.get(versionKey(value.baseline)) ?? []).find((d) => d.value.kind === 'baseline')?.value;
    if (!baseline) return []; // reported by baseline-reference
    const inside = value.region.code.startsWith(baseline.region.code.slice(0, prefixLength[baseline.region.level]));
    if (inside && depth[value.region.level] > depth[baseline.region.level]) return [];
    return [problem('ref.region-outside-baseline', file, '/region/code', { region: value.region.code, level: value.region.level, baseline: baseline.region.code, baselineLevel: baseline.region.level })];
  },
};
