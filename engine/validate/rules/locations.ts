import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import { isInside } from '../../regions/index.ts';
import type { Rule } from '../rule.ts';
import { regionPrefixLength } from './region-catalogue.ts';

/**
 * A place where the matter is accepted (办理地点) lies in the region that implements it: Ningbo's window is no place to
 * apply for Hangzhou's residence permit. Applicants from elsewhere may be served (通办, `acceptanceScope`), but the
 * places are the implementing region's own. Inside by the region catalogue's parent links when both divisions are
 * listed, else by the GB/T 2260 code prefix; a division the catalogue does not list is not refused (it lists few
 * townships).
 */
export const locationsRule: Rule<MatterDefinition> = {
  name: 'locations',
  codes: ['location.region-outside'],
  check({ file, value }, ctx) {
    const problems: Problem[] = [];
    const own = value.region;
    value.locations?.forEach((location, i) => {
      const code = location.region;
      if (code === undefined || code === own.code) return;
      const listed = ctx.regions.byCode.has(code) && ctx.regions.byCode.has(own.code);
      const inside = listed ? isInside(ctx.regions, code, own.code) : code.startsWith(own.code.slice(0, regionPrefixLength[own.level])) && code.length >= own.code.length;
      if (!inside) problems.push(problem('location.region-outside', file, join('/locations', i, 'region'), { location: location.name.zh, region: code, definitionRegion: own.code, name: own.name.zh }));
    });
    return problems;
  },
};
