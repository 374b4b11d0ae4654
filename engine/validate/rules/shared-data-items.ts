import { join } from '../../json/pointer.ts';
import type { SharedDataCatalogue } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import { checkJsonSchema } from '../json-schema-check.ts';
import { compileProblems } from '../compile-problems.ts';
import type { Rule } from '../rule.ts';

/** Items are defined once across the catalogue, and each field's schema is a valid, safe JSON Schema. */
export const sharedDataItemsRule: Rule<SharedDataCatalogue> = {
  name: 'shared-data-items',
  codes: ['shared-data.duplicate-item', 'form.unknown-keyword', 'form.pattern-unsafe', 'form.schema-compile'],
  check({ file, value }, ctx) {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    value.items.forEach((item, i) => {
      const at = join('/items', i);
      const owner = ctx.sharedDataItems.get(item.id);
      if (seen.has(item.id) || owner !== item) problems.push(problem('shared-data.duplicate-item', file, join(at, 'id'), { id: item.id }));
      seen.add(item.id);
      for (const [name, field] of Object.entries(item.fields)) {
        if (!field) continue;
        const base = join(at, 'fields', name, 'schema');
        const found = checkJsonSchema(field.schema, { file, base, sharedSchemas: ctx.sharedSchemas });
        problems.push(...(found.length > 0 ? found : compileProblems(ctx.formAjv, field.schema, file, base)));
      }
    });
    return problems;
  },
};
