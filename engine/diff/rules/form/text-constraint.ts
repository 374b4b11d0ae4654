/** `pattern` and `format`: added, removed or changed (two regular expressions cannot be ordered, so a change is stricter). */
import { join } from '../../../json/pointer.ts';
import { fieldLabel, keywordFix } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { SchemaRule } from '../../rule.ts';

function textRule(code: string, keyword: 'pattern' | 'format'): SchemaRule {
  return {
    code,
    area: 'form',
    scope: 'schema',
    keywords: [keyword],
    describe: {
      en: (p) => (p.from === undefined ? `requires ${p.label} to match ${keyword} ${p.to}` : p.to === undefined ? `drops ${keyword} ${p.from} from ${p.label}` : `changes the ${keyword} of ${p.label} from ${p.from} to ${p.to}`),
      zh: (p) => (p.from === undefined ? `字段 ${p.label} 新增格式要求 ${p.to}` : p.to === undefined ? `字段 ${p.label} 取消格式要求 ${p.from}` : `字段 ${p.label} 的格式要求由 ${p.from} 改为 ${p.to}`),
    },
    compare(pair, emit) {
      const va = pair.a.node[keyword];
      const vb = pair.b.node[keyword];
      if (va === vb) return;
      emit({
        kind: vb === undefined ? 'added' : va === undefined ? 'removed' : 'changed',
        path: pair.a.own ? join(pair.a.ptr, keyword) : pair.a.ptr,
        burden: va === undefined ? 'less' : 'more',
        weight: weights.constraint,
        params: { field: pair.field, label: fieldLabel(pair.field), from: vb, to: va },
        fix: () => keywordFix(pair, keyword),
      });
    },
  };
}

export const patternRule = textRule('form.pattern', 'pattern');
export const formatRule = textRule('form.format', 'format');
