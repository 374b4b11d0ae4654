import { compose } from '../../bundles/compose.ts';
import { resolveMembers } from '../../bundles/resolve.ts';
import { join } from '../../json/pointer.ts';
import type { BundleDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/**
 * A bundle lists existing matters, each once and never itself, under keys of its own; its facts name its members;
 * a region's bundle names a bundle of the catalogue as its baseline; and its members compose without conflicts.
 */
export const bundleReferencesRule: Rule<BundleDefinition> = {
  name: 'bundle-references',
  codes: ['ref.self-reference', 'ref.bundle-matter-missing', 'ref.bundle-duplicate-matter', 'ref.bundle-baseline-missing', 'bundle.duplicate-key', 'bundle.fact-member-unknown', 'bundle.fact-field-missing', 'bundle.fact-conflict', 'bundle.member-too-deep', 'bundle.not-composable'],
  check({ file, value }, ctx) {
    const problems: Problem[] = [];
    const ids = new Set<string>();
    const keys = new Set<string>();
    value.members.forEach((member, i) => {
      const at = join('/members', i);
      if (member.matter.id === value.id) problems.push(problem('ref.self-reference', file, join(at, 'matter'), member.matter));
      if (ids.has(member.matter.id)) problems.push(problem('ref.bundle-duplicate-matter', file, join(at, 'matter', 'id'), { id: member.matter.id }));
      if (keys.has(member.key)) problems.push(problem('bundle.duplicate-key', file, join(at, 'key'), { key: member.key }));
      ids.add(member.matter.id);
      keys.add(member.key);
    });
    (value.facts ?? []).forEach((fact, i) =>
      fact.fields.forEach((f, j) => {
        if (!keys.has(f.member)) problems.push(problem('bundle.fact-member-unknown', file, join('/facts', i, 'fields', j, 'member'), { member: f.member }));
      }),
    );
    const baseline = value.baseline;
    if (baseline && !ctx.catalogue.bundles.some((b) => b.value.id === baseline.id && b.value.version === baseline.version && b.value !== value)) {
      problems.push(problem('ref.bundle-baseline-missing', file, '/baseline', baseline));
    }
    const resolved = resolveMembers(value, file, ctx.catalogue.definitions);
    // a member that names the bundle itself is reported as such, not also as missing
    problems.push(...resolved.problems.filter((p) => !problems.some((q) => q.code === 'ref.self-reference' && p.pointer === q.pointer)));
    if (problems.length > 0) return problems;
    // compose() is total on what the meta-schemas accept; should a member it was not written for still break it,
    // the bundle says so rather than the validation failing
    try {
      return compose(value, resolved.members.map((m) => m!), file).problems;
    } catch (error) {
      return [problem('bundle.not-composable', file, '/members', { reason: error instanceof Error ? error.message : String(error) })];
    }
  },
};
