import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/** Waivers name existing shared-data items; materials and fees cite entries of the definition's legal basis. */
export const materialReferencesRule: Rule<MatterDefinition> = {
  name: 'material-references',
  codes: ['ref.shared-data-missing', 'ref.legal-basis-missing'],
  check({ file, value }, ctx) {
    const problems: Problem[] = [];
    const laws = new Set(value.legalBasis.map((l) => l.id));
    const cites = (ids: readonly string[] | undefined, at: string) =>
      ids?.forEach((id, i) => {
        if (!laws.has(id)) problems.push(problem('ref.legal-basis-missing', file, join(at, 'legalBasis', i), { id }));
      });
    value.materials.forEach((material, i) => {
      const at = join('/materials', i);
      const item = material.sharedData?.item;
      if (item !== undefined && !ctx.sharedDataItems.has(item)) {
        problems.push(problem('ref.shared-data-missing', file, join(at, 'sharedData', 'item'), { item }));
      }
      cites(material.legalBasis, at);
    });
    value.fees.forEach((fee, i) => cites(fee.legalBasis, join('/fees', i)));
    return problems;
  },
};
