import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { propertyAt } from '../../form/fields.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/** Waivers name existing shared-data items; materials, fees and fields cite entries of the definition's legal basis. */
export const materialReferencesRule: Rule<MatterDefinition> = {
  name: 'material-references',
  codes: ['ref.shared-data-missing', 'ref.legal-basis-missing', 'ref.field-basis-missing'],
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
    value.form.fieldBasis?.forEach((basis, i) => {
      const at = join('/form/fieldBasis', i);
      if (propertyAt(value.form.schema, basis.field, ctx.sharedSchemas) === undefined) {
        problems.push(problem('ref.field-basis-missing', file, join(at, 'field'), { field: basis.field }));
      }
      cites(basis.legalBasis, at);
    });
    return problems;
  },
};
