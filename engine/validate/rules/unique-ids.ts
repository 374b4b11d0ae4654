import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

const collections = ['materials', 'roles', 'legalBasis', 'fees', 'outputs'] as const;

/** Ids are unique within each list of the definition (materials get their own code: other parts key on them). */
export const uniqueIdsRule: Rule<MatterDefinition> = {
  name: 'unique-ids',
  codes: ['materials.duplicate-id', 'definition.duplicate-id'],
  check({ file, value }) {
    const problems: Problem[] = [];
    for (const collection of collections) {
      const seen = new Set<string>();
      value[collection].forEach((entry, i) => {
        if (seen.has(entry.id)) {
          const code = collection === 'materials' ? 'materials.duplicate-id' : 'definition.duplicate-id';
          problems.push(problem(code, file, join('', collection, i, 'id'), { id: entry.id, collection }));
        }
        seen.add(entry.id);
      });
    }
    return problems;
  },
};
