import { join } from '../../../json/pointer.ts';
import { canonical } from '../../../json/equal.ts';
import { fieldLabel, keywordFix } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { SchemaRule } from '../../rule.ts';

// false < a schema < true/absent: how much beyond the listed properties an object accepts.
const openness = (v: unknown): number => (v === false ? 0 : v === undefined || v === true ? 2 : 1);

/** Which extra properties an object accepts: narrowed to none, or opened up. */
export const additionalPropertiesRule: SchemaRule = {
  code: 'form.additional-properties',
  area: 'form',
  scope: 'schema',
  keywords: ['additionalProperties'],
  describe: {
    en: (p) => `${p.burden === 'more' ? 'narrows' : p.burden === 'less' ? 'widens' : 'changes'} the extra properties ${p.label} accepts`,
    zh: (p) => `字段 ${p.label} 允许的额外属性${p.burden === 'more' ? '收窄' : p.burden === 'less' ? '放宽' : '变化'}`,
  },
  compare(pair, emit) {
    const va = pair.a.node.additionalProperties;
    const vb = pair.b.node.additionalProperties;
    if (va === vb || canonical(va) === canonical(vb)) return;
    const sign = Math.sign(openness(vb) - openness(va));
    const burden = sign > 0 ? 'more' : sign < 0 ? 'less' : 'more';
    emit({
      kind: vb === undefined ? 'added' : va === undefined ? 'removed' : 'changed',
      path: pair.a.own ? join(pair.a.ptr, 'additionalProperties') : pair.a.ptr,
      burden,
      weight: weights.constraint,
      params: { field: pair.field, label: fieldLabel(pair.field), burden },
      fix: () => keywordFix(pair, 'additionalProperties'),
    });
  },
};
