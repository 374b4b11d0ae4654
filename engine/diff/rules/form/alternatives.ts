/** anyOf/oneOf alternatives (fewer accepted shapes is stricter) and allOf subschemas (more conditions is stricter). */
import { join } from '../../../json/pointer.ts';
import { canonical } from '../../../json/equal.ts';
import type { FixOp } from '../../fix.ts';
import { fieldLabel, keywordFix } from '../../form/fixes.ts';
import { memberOf } from '../../lookup.ts';
import { weights } from '../../weights.ts';
import type { SchemaRule } from '../../rule.ts';

function listRule(code: string, keywords: readonly string[], extraIsStricter: boolean): SchemaRule {
  return {
    code,
    area: 'form',
    scope: 'schema',
    keywords,
    describe: {
      en: (p) =>
        p.index === -1
          ? `${p.kind === 'added' ? 'restricts' : 'no longer restricts'} ${p.label} to ${p.keyword} alternatives`
          : `${p.kind === 'added' ? 'adds' : 'removes'} ${p.keyword} ${extraIsStricter ? 'condition' : 'alternative'} #${Number(p.index) + 1} of ${p.label}`,
      zh: (p) =>
        p.index === -1
          ? `字段 ${p.label} ${p.kind === 'added' ? '增加' : '取消'} ${p.keyword} 结构限制`
          : `字段 ${p.label} ${p.kind === 'added' ? '增加' : '删除'} ${p.keyword} ${extraIsStricter ? '条件' : '可选结构'} 第 ${Number(p.index) + 1} 项`,
    },
    compare(pair, emit) {
      for (const keyword of keywords) {
        const la = Array.isArray(pair.a.node[keyword]) ? (pair.a.node[keyword] as unknown[]) : [];
        const lb = Array.isArray(pair.b.node[keyword]) ? (pair.b.node[keyword] as unknown[]) : [];
        if (la.length === 0 && lb.length === 0) continue;
        if (!extraIsStricter && (la.length === 0 || lb.length === 0)) {
          // the whole anyOf/oneOf is new (a constraint) or gone (no constraint): not alternative by alternative
          const added = lb.length === 0;
          emit({ kind: added ? 'added' : 'removed', path: added ? join(pair.a.ptr, keyword) : pair.b.own ? join(pair.b.ptr, keyword) : pair.b.ptr, burden: added ? 'more' : 'less', weight: weights.constraint, params: { field: pair.field, label: fieldLabel(pair.field), keyword, index: -1, kind: added ? 'added' : 'removed' }, fix: () => keywordFix(pair, keyword) });
          continue;
        }
        const ka = la.map(canonical);
        const kb = lb.map(canonical);
        const inA = memberOf(ka);
        const inB = memberOf(kb);
        const at = pair.a.own ? join(pair.a.ptr, keyword) : pair.a.ptr;
        ka.forEach((k, index) => {
          if (inB(k)) return;
          const fix: FixOp[] = pair.a.own ? [{ op: 'pull', path: at, match: la[index] }] : [{ op: 'set', path: pair.a.ptr, value: pair.b.raw }];
          emit({ kind: 'added', path: pair.a.own ? join(at, index) : at, burden: extraIsStricter ? 'more' : 'less', weight: weights.constraint, params: { field: pair.field, label: fieldLabel(pair.field), keyword, index, kind: 'added' }, fix });
        });
        kb.forEach((k, index) => {
          if (inA(k)) return;
          const fix: FixOp[] = pair.a.own ? [{ op: 'push', path: at, value: lb[index] }] : [{ op: 'set', path: pair.a.ptr, value: pair.b.raw }];
          const path = pair.b.own ? join(pair.b.ptr, keyword, index) : pair.b.ptr;
          emit({ kind: 'removed', path, burden: extraIsStricter ? 'less' : 'more', weight: weights.constraint, params: { field: pair.field, label: fieldLabel(pair.field), keyword, index, kind: 'removed' }, fix });
        });
      }
    },
  };
}

/** Removing an alternative accepts fewer answers. */
export const alternativesRule = listRule('form.alternatives', ['anyOf', 'oneOf'], false);
/** Adding an allOf subschema adds a condition. */
export const allOfRule = listRule('form.all-of', ['allOf'], true);
