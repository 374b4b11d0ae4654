import { join } from '../../../json/pointer.ts';
import { canonical } from '../../../json/equal.ts';
import { fieldLabel, keywordFix } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { SchemaRule } from '../../rule.ts';

const keywords = ['multipleOf', 'uniqueItems', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'propertyNames',
  'patternProperties', 'contains', 'prefixItems', 'unevaluatedProperties', 'unevaluatedItems', 'contentEncoding', 'contentMediaType'];

/**
 * Constraints that cannot be ordered (conditionals, `not`, `multipleOf`, …): a new one is stricter, a dropped one
 * looser, and a changed one is counted as stricter, since it cannot be shown to accept more.
 */
export const otherConstraintsRule: SchemaRule = {
  code: 'form.constraint',
  area: 'form',
  scope: 'schema',
  keywords,
  describe: {
    en: (p) => `${p.kind === 'added' ? 'adds' : p.kind === 'removed' ? 'drops' : 'changes'} the ${p.keyword} constraint of ${p.label}`,
    zh: (p) => `字段 ${p.label} ${p.kind === 'added' ? '增加' : p.kind === 'removed' ? '取消' : '修改'} ${p.keyword} 约束`,
  },
  compare(pair, emit) {
    for (const keyword of keywords) {
      const va = pair.a.node[keyword];
      const vb = pair.b.node[keyword];
      if (va === vb || (va !== undefined && vb !== undefined && canonical(va) === canonical(vb))) continue;
      const kind = vb === undefined ? 'added' : va === undefined ? 'removed' : 'changed';
      emit({
        kind,
        path: pair.a.own ? join(pair.a.ptr, keyword) : pair.a.ptr,
        burden: kind === 'removed' ? 'less' : 'more',
        weight: weights.constraint,
        params: { field: pair.field, label: fieldLabel(pair.field), keyword, kind },
        fix: () => keywordFix(pair, keyword),
      });
    }
  },
};
