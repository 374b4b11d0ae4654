import { join } from '../../../json/pointer.ts';
import { canonical } from '../../../json/equal.ts';
import { fieldLabel, keywordFix } from '../../form/fixes.ts';
import type { SchemaRule } from '../../rule.ts';

const keywords = ['title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$comment'];

/** Titles, descriptions, defaults and examples change what the applicant reads, not what they must do. */
export const annotationsRule: SchemaRule = {
  code: 'form.annotation',
  area: 'form',
  scope: 'schema',
  keywords,
  describe: {
    en: (p) => `changes the ${p.keyword} of ${p.label}`,
    zh: (p) => `修改字段 ${p.label} 的 ${p.keyword}`,
  },
  compare(pair, emit) {
    for (const keyword of keywords) {
      const va = pair.a.node[keyword];
      const vb = pair.b.node[keyword];
      if (va === vb || (typeof va === 'object' && canonical(va) === canonical(vb))) continue;
      emit({
        kind: vb === undefined ? 'added' : va === undefined ? 'removed' : 'changed',
        path: pair.a.own ? join(pair.a.ptr, keyword) : pair.a.ptr,
        burden: 'neutral',
        weight: 0,
        params: { field: pair.field, label: fieldLabel(pair.field), keyword },
        fix: () => keywordFix(pair, keyword),
      });
    }
  },
};
