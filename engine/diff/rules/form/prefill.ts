import { isObject, join } from '../../../json/pointer.ts';
import { jsonEqual } from '../../../json/equal.ts';
import type { MatterDefinition, Prefill } from '../../../model/index.ts';
import { fieldLabel } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { DefinitionRule } from '../../rule.ts';

const lockedCache = new WeakMap<MatterDefinition, Map<string, { prefill: Prefill; index: number }>>();
const lockedPrefills = (d: MatterDefinition) => {
  let m = lockedCache.get(d);
  if (m) return m;
  m = new Map();
  (d.form.prefill ?? []).forEach((prefill, index) => prefill.locked !== false && m!.set(prefill.field, { prefill, index }));
  lockedCache.set(d, m);
  return m;
};
// Index of an unlocked prefill of `field` in `d` (a fix locks it in place rather than adding a second entry).
const unlocked = (d: MatterDefinition, field: string) => (d.form.prefill ?? []).findIndex((p) => p.field === field);
const hasField = (d: MatterDefinition, field: string) => fields(d).has(field);
// Field paths present in a form, each with whether its parent requires it (prefill targets are plain properties).
const cache = new WeakMap<MatterDefinition, Map<string, boolean>>();
function fields(d: MatterDefinition): Map<string, boolean> {
  let out = cache.get(d);
  if (out) return out;
  const found = new Map<string, boolean>();
  const visit = (node: unknown, path: string, depth: number) => {
    if (depth > 16 || !isObject(node) || !isObject(node.properties)) return;
    const required = Array.isArray(node.required) ? node.required : [];
    for (const [k, v] of Object.entries(node.properties)) {
      found.set(join(path, k), required.includes(k));
      visit(v, join(path, k), depth + 1);
    }
  };
  visit(d.form.schema, '', 0);
  cache.set(d, (out = found));
  return out;
}
// What prefilling saves: the field's typing weight minus reading a locked value.
const saving = (d: MatterDefinition, field: string) => (fields(d).get(field) ? weights.requiredField : weights.optionalField) - weights.lockedField;

/** A field filled and locked from shared data in one form and typed by the applicant in the other. */
export const prefillRule: DefinitionRule = {
  code: 'form.prefill',
  area: 'form',
  scope: 'definition',
  reads: ['/form/prefill'],
  describe: {
    en: (p) => (p.locked ? `fills ${p.label} from shared data (${p.item}) instead of asking the applicant` : `makes the applicant type ${p.label}, which shared data (${p.item}) can fill`),
    zh: (p) => (p.locked ? `字段 ${p.label} 由共享数据（${p.item}）预填，无需申请人填写` : `字段 ${p.label} 需申请人填写，而共享数据（${p.item}）可以预填`),
  },
  compare(a, b, emit) {
    if (a.form.prefill === b.form.prefill || jsonEqual(a.form.prefill, b.form.prefill)) return;
    const la = lockedPrefills(a);
    const lb = lockedPrefills(b);
    for (const [field, { prefill, index }] of la) {
      if (lb.has(field) || !hasField(b, field)) continue;
      emit({ kind: 'added', path: join('/form/prefill', index), burden: 'less', weight: saving(a, field), params: { field, label: fieldLabel(field), item: prefill.item, locked: true }, fix: [{ op: 'pull', path: '/form/prefill', match: { field } }] });
    }
    for (const [field, { prefill, index }] of lb) {
      if (la.has(field) || !hasField(a, field)) continue;
      emit({ kind: 'removed', path: join('/form/prefill', index), burden: 'more', weight: saving(a, field), params: { field, label: fieldLabel(field), item: prefill.item, locked: false }, fix: [unlocked(a, field) === -1 ? { op: 'push', path: '/form/prefill', value: prefill } : { op: 'set', path: join('/form/prefill', unlocked(a, field)), value: prefill }] });
    }
  },
};
