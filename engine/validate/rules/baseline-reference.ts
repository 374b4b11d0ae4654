import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import { versionKey } from '../context.ts';
import type { Rule } from '../rule.ts';

/** A variant points at an existing baseline of the same matter, never at itself; a baseline points at nothing. */
export const baselineReferenceRule: Rule<MatterDefinition> = {
  name: 'baseline-reference',
  codes: ['ref.baseline-on-baseline', 'ref.baseline-other-matter', 'ref.self-reference', 'ref.baseline-missing', 'ref.baseline-not-baseline'],
  check({ file, value }, ctx): Problem[] {
    const ref = value.baseline;
    if (value.kind === 'baseline') return ref ? [problem('ref.baseline-on-baseline', file, '/baseline')] : [];
    if (!ref) return []; // the meta-schema requires it
    if (ref.id !== value.id) return [problem('ref.baseline-other-matter', file, '/baseline/id', { id: value.id, baseline: ref.id })];
    if (ref.version === value.version) return [problem('ref.self-reference', file, '/baseline', ref)];
    const found = ctx.definitionsByVersion.get(versionKey(ref)) ?? [];
    if (found.length === 0) return [problem('ref.baseline-missing', file, '/baseline', ref)];
    if (!found.some((d) => d.value.kind === 'baseline')) return [problem('ref.baseline-not-baseline', file, '/baseline', ref)];
    return [];
  },
};
