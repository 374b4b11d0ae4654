import type { BundleDefinition, MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/**
 * A definition's (or bundle's) region is a division of the catalogue's region list, at its level and under its name.
 * Without a region catalogue only the code's shape is checked (by the meta-schema).
 */
export const regionKnownRule: Rule<MatterDefinition | BundleDefinition> = {
  name: 'region-known',
  codes: ['ref.region-unknown', 'ref.region-level-mismatch', 'ref.region-name-mismatch'],
  check({ file, value }, ctx): Problem[] {
    if (ctx.regions.byCode.size === 0) return [];
    const { code, level, name } = value.region;
    const entry = ctx.regions.byCode.get(code);
    if (!entry) return [problem('ref.region-unknown', file, '/region/code', { region: code, catalogue: ctx.regionsFile })];
    const problems: Problem[] = [];
    if (entry.level !== level) problems.push(problem('ref.region-level-mismatch', file, '/region/level', { region: code, name: entry.name.zh, level, expected: entry.level }));
    if (entry.name.zh !== name.zh) problems.push(problem('ref.region-name-mismatch', file, '/region/name/zh', { region: code, name: name.zh, expected: entry.name.zh }));
    return problems;
  },
};
