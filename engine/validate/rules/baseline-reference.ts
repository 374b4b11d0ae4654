import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import { versionKey } from '../context.ts';
import type { Rule } from '../rule.ts';

/** A variant points at an existing baseline of the same matter, never at itself; a baseline points at nothing. */
export const baselineReferenceRule: Rule<MatterDefinition> = {
  name: 'baseline-reference',
  codes: ['ref.baseline-on-baseline', 'ref.baseline-other-matter', 'ref.self-reference', 'ref.baseline-missing', 'ref.baseline-not-baseline'],
  check(doc, ctx): Problem[] {
    const { file, value } = doc;
    const ref = value.baseline;
    if (value.kind === 'baseline') return ref ? [problem('ref.baseline-on-baseline', file, '/baseline')] : [];
    if (!ref) return []; // the meta-schema requires it
    if (ref.id !== value.id) return [problem('ref.baseline-other-matter', file, '/baseline/id', { id: value.id, baseline: ref.id })];
    const found = ctx.definitionsByVersion.get(versionKey(ref)) ?? [];
    if (found.some((d) => d.value.kind === 'baseline')) return [];
    // A variant may share its baseline's version number; it refers to itself only when nothing else answers.
    if (found.includes(doc)) return [problem('ref.self-reference', file, '/baseline', ref)];
    if (found.length === 0) return [problem('ref.baseline-missing', file, '/baseline', ref)];
    return [problem('ref.baseline-not-baseline', file, '/baseline', ref)];
  },
};
