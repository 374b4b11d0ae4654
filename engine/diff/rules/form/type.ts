import { join } from '../../../json/pointer.ts';
import { fieldLabel, keywordFix } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { SchemaRule } from '../../rule.ts';

const all = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
// The values a type list admits; `number` includes `integer`. No type admits everything.
function admitted(type: unknown): Set<string> {
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? (type as string[]) : all;
  const set = new Set(list);
  if (set.has('number')) set.add('integer');
  return set;
}
const subset = (x: Set<string>, y: Set<string>) => [...x].every((t) => y.has(t));

/** The JSON type of a value narrowed (fewer kinds of answer accepted) or widened. */
export const typeRule: SchemaRule = {
  code: 'form.type',
  area: 'form',
  scope: 'schema',
  keywords: ['type'],
  describe: {
    en: (p) => `${p.direction === 'narrowed' ? 'narrows' : p.direction === 'widened' ? 'widens' : 'changes'} the type of ${p.label} from ${p.from} to ${p.to}`,
    zh: (p) => `字段 ${p.label} 的类型由 ${p.from} ${p.direction === 'narrowed' ? '收窄为' : p.direction === 'widened' ? '放宽为' : '改为'} ${p.to}`,
  },
  compare(pair, emit) {
    const ta = pair.a.node.type;
    const tb = pair.b.node.type;
    if (JSON.stringify(ta) === JSON.stringify(tb)) return;
    const sa = admitted(ta);
    const sb = admitted(tb);
    if (sa.size === sb.size && subset(sa, sb)) return;
    const direction = subset(sa, sb) ? 'narrowed' : subset(sb, sa) ? 'widened' : 'changed';
    emit({
      kind: ta === undefined ? 'removed' : tb === undefined ? 'added' : 'changed',
      path: pair.a.own ? join(pair.a.ptr, 'type') : pair.a.ptr,
      burden: direction === 'widened' ? 'less' : 'more',
      weight: weights.constraint,
      params: { field: pair.field, label: fieldLabel(pair.field), from: JSON.stringify(tb ?? 'any'), to: JSON.stringify(ta ?? 'any'), direction },
      fix: () => keywordFix(pair, 'type'),
    });
  },
};
