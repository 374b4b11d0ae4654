import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { propertyAt, schemaTypes } from '../../form/fields.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/** Each prefill names an existing shared-data item and field, and an existing form property of a compatible type. */
export const prefillReferencesRule: Rule<MatterDefinition> = {
  name: 'prefill-references',
  codes: ['ref.shared-data-missing', 'ref.shared-data-field-missing', 'ref.prefill-field-missing', 'ref.prefill-type-mismatch', 'ref.prefill-duplicate'],
  check({ file, value }, ctx) {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    (value.form.prefill ?? []).forEach((prefill, i) => {
      const at = join('/form/prefill', i);
      if (seen.has(prefill.field)) problems.push(problem('ref.prefill-duplicate', file, join(at, 'field'), { field: prefill.field }));
      seen.add(prefill.field);
      const item = ctx.sharedDataItems.get(prefill.item);
      const source = item && Object.hasOwn(item.fields, prefill.value) ? item.fields[prefill.value] : undefined;
      if (!item) problems.push(problem('ref.shared-data-missing', file, join(at, 'item'), { item: prefill.item }));
      else if (!source) problems.push(problem('ref.shared-data-field-missing', file, join(at, 'value'), { item: prefill.item, value: prefill.value }));
      const target = propertyAt(value.form.schema, prefill.field, ctx.sharedSchemas);
      if (target === undefined) {
        problems.push(problem('ref.prefill-field-missing', file, join(at, 'field'), { field: prefill.field }));
        return;
      }
      if (!source) return;
      const clash = typeClash(target, value.form.schema, source.schema, ctx.sharedSchemas);
      if (clash) problems.push(problem('ref.prefill-type-mismatch', file, join(at, 'field'), { field: prefill.field, ...clash }));
    });
    return problems;
  },
};

/** The declared types of a form field and its shared-data field when no value can have both; undefined otherwise. */
export function typeClash(target: unknown, formRoot: unknown, source: unknown, shared: ReadonlyMap<string, unknown>): { formType: string; itemType: string } | undefined {
  const formTypes = schemaTypes(target, formRoot, shared);
  const itemTypes = schemaTypes(source, source, shared);
  const compatible = (a: string, b: string) => a === b || (a === 'number' && b === 'integer') || (a === 'integer' && b === 'number');
  if (!formTypes || !itemTypes || itemTypes.some((t) => formTypes.some((f) => compatible(f, t)))) return undefined;
  return { formType: formTypes.join('|'), itemType: itemTypes.join('|') };
}
