import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/**
 * A one-of group (`materials[].oneOfGroup`) is a choice: it has at least two members, and they share one necessity.
 * A group of one is a misspelt group id or a choice with nothing to choose. Mixed necessities have no meaning: a
 * group is asked for as a whole ("supply one of these"), so it cannot be both required and optional.
 */
export const oneOfGroupsRule: Rule<MatterDefinition> = {
  name: 'one-of-groups',
  codes: ['materials.one-of-single', 'materials.one-of-necessity'],
  check({ file, value }) {
    const problems: Problem[] = [];
    const groups = new Map<string, number[]>();
    value.materials.forEach((m, i) => m.oneOfGroup !== undefined && groups.set(m.oneOfGroup, [...(groups.get(m.oneOfGroup) ?? []), i]));
    for (const [group, members] of groups) {
      const first = value.materials[members[0]!]!;
      if (members.length === 1) {
        problems.push(problem('materials.one-of-single', file, join('/materials', members[0]!, 'oneOfGroup'), { group, material: first.id }));
        continue;
      }
      for (const i of members.slice(1)) {
        const m = value.materials[i]!;
        if (m.necessity === first.necessity) continue;
        problems.push(problem('materials.one-of-necessity', file, join('/materials', i, 'necessity'), {
          group, material: m.id, necessity: m.necessity, first: first.id, expected: first.necessity,
        }));
      }
    }
    return problems;
  },
};
