/** Upper and lower bounds of values, lengths, item and property counts. */
import { join } from '../../../json/pointer.ts';
import { fieldLabel, keywordFix } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { SchemaRule } from '../../rule.ts';

const upper = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
const lower = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];

function boundRule(code: string, keywords: readonly string[], stricter: 1 | -1): SchemaRule {
  return {
    code,
    area: 'form',
    scope: 'schema',
    keywords,
    describe: {
      en: (p) => (p.from === undefined ? `sets ${p.keyword} ${p.to} on ${p.label}` : p.to === undefined ? `drops ${p.keyword} ${p.from} from ${p.label}` : `changes ${p.keyword} of ${p.label} from ${p.from} to ${p.to}`),
      zh: (p) => (p.from === undefined ? `字段 ${p.label} 新增限制 ${p.keyword} = ${p.to}` : p.to === undefined ? `字段 ${p.label} 取消限制 ${p.keyword} = ${p.from}` : `字段 ${p.label} 的 ${p.keyword} 由 ${p.from} 改为 ${p.to}`),
    },
    compare(pair, emit) {
      for (const keyword of keywords) {
        const va = pair.a.node[keyword];
        const vb = pair.b.node[keyword];
        if (va === vb || (typeof va !== 'number' && typeof vb !== 'number')) continue;
        const sign = typeof vb !== 'number' ? 1 : typeof va !== 'number' ? -1 : Math.sign((va - vb) * stricter);
        emit({
          kind: typeof vb !== 'number' ? 'added' : typeof va !== 'number' ? 'removed' : 'changed',
          path: pair.a.own ? join(pair.a.ptr, keyword) : pair.a.ptr,
          burden: sign > 0 ? 'more' : 'less',
          weight: weights.constraint,
          params: { field: pair.field, label: fieldLabel(pair.field), keyword, from: vb, to: va },
          fix: () => keywordFix(pair, keyword),
        });
      }
    },
  };
}

/** A lower maximum (or a new one) is stricter. */
export const upperBoundRule = boundRule('form.upper-bound', upper, -1);
/** A higher minimum (or a new one) is stricter. */
export const lowerBoundRule = boundRule('form.lower-bound', lower, 1);
