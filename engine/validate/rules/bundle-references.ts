import { join } from '../../json/pointer.ts';
import type { BundleDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import { versionKey } from '../context.ts';
import type { Rule } from '../rule.ts';

/** A bundle lists existing matters, each once, and never itself. */
export const bundleReferencesRule: Rule<BundleDefinition> = {
  name: 'bundle-references',
  codes: ['ref.self-reference', 'ref.bundle-matter-missing', 'ref.bundle-duplicate-matter'],
  check({ file, value }, ctx) {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    value.matters.forEach((ref, i) => {
      const at = join('/matters', i);
      if (ref.id === value.id) problems.push(problem('ref.self-reference', file, at, ref));
      else if (!ctx.definitionsByVersion.has(versionKey(ref))) problems.push(problem('ref.bundle-matter-missing', file, at, ref));
      if (seen.has(ref.id)) problems.push(problem('ref.bundle-duplicate-matter', file, join(at, 'id'), { id: ref.id }));
      seen.add(ref.id);
    });
    return problems;
  },
};
