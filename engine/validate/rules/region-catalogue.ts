import type { RegionCatalogue } from '../../model/index.ts';
import { join } from '../../json/pointer.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

const depth = { province: 0, city: 1, county: 2, township: 3, village: 4 } as const;
// The leading digits a GB/T 2260 code shares with the divisions inside it: 2 for a province, 4 for a city, 6 for a county.
export const regionPrefixLength = { province: 2, city: 4, county: 6, township: 9, village: 12 } as const;

/** Each division is listed once, under a listed parent exactly one level up whose code it extends. */
export const regionCatalogueRule: Rule<RegionCatalogue> = {
  name: 'region-catalogue',
  codes: ['regions.duplicate-code', 'regions.parent-missing', 'regions.parent-mismatch'],
  check({ file, value }): Problem[] {
    const problems: Problem[] = [];
    const at = new Map<string, number>();
    value.regions.forEach((r, i) => {
      const other = at.get(r.code);
      if (other === undefined) at.set(r.code, i);
      else problems.push(problem('regions.duplicate-code', file, join('/regions', i, 'code'), { code: r.code, other: `/regions/${other}` }));
    });
    value.regions.forEach((r, i) => {
      if (r.parent === undefined) return;
      const parentAt = at.get(r.parent);
      const here = join('/regions', i, 'parent');
      if (parentAt === undefined) return void problems.push(problem('regions.parent-missing', file, here, { code: r.code, parent: r.parent }));
      const parent = value.regions[parentAt]!;
      const params = { code: r.code, level: r.level, parent: parent.code, parentLevel: parent.level };
      if (depth[r.level] !== depth[parent.level] + 1) problems.push(problem('regions.parent-mismatch', file, here, { ...params, reason: 'a parent is exactly one level up' }));
      else if (!r.code.startsWith(parent.code.slice(0, regionPrefixLength[parent.level]))) problems.push(problem('regions.parent-mismatch', file, here, { ...params, reason: `a division's code starts with its parent's first ${regionPrefixLength[parent.level]} digits` }));
    });
    return problems;
  },
};
