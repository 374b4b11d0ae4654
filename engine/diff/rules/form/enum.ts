import { join } from '../../../json/pointer.ts';
import { canonical } from '../../../json/equal.ts';
import { fieldLabel, keywordFix } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { SchemaRule } from '../../rule.ts';

// The allowed values of `enum` and `const` together (undefined = any value).
function allowed(node: Readonly<Record<string, unknown>>): Set<string> | undefined {
  let set: Set<string> | undefined;
  if (Array.isArray(node.enum)) set = new Set(node.enum.map(canonical));
  if (Object.hasOwn(node, 'const')) {
    const c = canonical(node.const);
    set = set ? new Set(set.has(c) ? [c] : []) : new Set([c]);
  }
  return set;
}

/** The allowed values (`enum`, `const`) narrowed, widened, added or removed. */
export const enumRule: SchemaRule = {
  code: 'form.enum',
  area: 'form',
  scope: 'schema',
  keywords: ['enum', 'const'],
  describe: {
    en: (p) =>
      p.kind === 'added' ? `restricts ${p.label} to a list of values` : p.kind === 'removed' ? `lifts the list of values of ${p.label}` : `${p.burden === 'more' ? 'narrows' : p.burden === 'less' ? 'widens' : 'changes'} the allowed values of ${p.label}${p.dropped ? ` (no longer allows ${p.dropped})` : ''}`,
    zh: (p) =>
      p.kind === 'added' ? `字段 ${p.label} 限定取值范围` : p.kind === 'removed' ? `字段 ${p.label} 取消取值限制` : `字段 ${p.label} 的可选值${p.burden === 'more' ? '收窄' : p.burden === 'less' ? '放宽' : '变化'}${p.dropped ? `（不再允许 ${p.dropped}）` : ''}`,
  },
  compare(pair, emit) {
    const va = allowed(pair.a.node);
    const vb = allowed(pair.b.node);
    if (!va && !vb) return;
    const only = (x: Set<string>, y: Set<string>) => [...x].filter((v) => !y.has(v));
    let kind: 'added' | 'removed' | 'changed' = 'changed';
    let sign = 0;
    let dropped = '';
    if (!vb) [kind, sign] = ['added', 1];
    else if (!va) [kind, sign] = ['removed', -1];
    else {
      const lost = only(vb, va);
      const gained = only(va, vb);
      if (lost.length === 0 && gained.length === 0) return;
      sign = lost.length > 0 ? 1 : -1;
      dropped = lost.join(', ');
    }
    const key = Object.hasOwn(pair.a.node, 'const') || Object.hasOwn(pair.b.node, 'const') ? 'const' : 'enum';
    const fix = key === 'const' && pair.a.own ? [...keywordFix(pair, 'const'), ...keywordFix(pair, 'enum')] : keywordFix(pair, 'enum');
    const burden = sign > 0 ? 'more' : 'less';
    emit({
      kind,
      path: pair.a.own ? join(pair.a.ptr, key) : pair.a.ptr,
      burden,
      weight: weights.constraint,
      params: { field: pair.field, label: fieldLabel(pair.field), kind, burden, dropped },
      fix,
    });
  },
};
