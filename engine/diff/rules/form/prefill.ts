import { join } from '../../../json/pointer.ts';
import type { MatterDefinition, Prefill } from '../../../model/index.ts';
import { fieldLabel } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { DefinitionRule } from '../../rule.ts';

const lockedPrefills = (d: MatterDefinition) => {
  const m = new Map<string, { prefill: Prefill; index: number }>();
  (d.form.prefill ?? []).forEach((prefill, index) => prefill.locked !== false && m.set(prefill.field, { prefill, index }));
  return m;
};
// Index of an unlocked prefill of `field` in `d` (a fix locks it in place rather than adding a second entry).
const unlocked = (d: MatterDefinition, field: string) => (d.form.prefill ?? []).findIndex((p) => p.field === field);
const hasField = (d: MatterDefinition, field: string) => Object.hasOwn(flatProps(d), field);
// Field paths present in a form (for a cheap existence test; deep $refs are not needed: prefill targets are leaves).
const cache = new WeakMap<MatterDefinition, Record<string, true>>();
function flatProps(d: MatterDefinition): Record<string, true> {
  let out = cache.get(d);
  if (out) return out;
  out = {};
  const visit = (node: unknown, path: string, depth: number) => {
    if (depth > 16 || typeof node !== 'object' || node === null) return;
    const props = (node as { properties?: Record<string, unknown> }).properties;
    if (props && typeof props === 'object') for (const [k, v] of Object.entries(props)) {
      out![join(path, k)] = true;
      visit(v, join(path, k), depth + 1);
    }
  };
  visit(d.form.schema, '', 0);
  cache.set(d, out);
  return out;
}

/** A field filled and locked from shared data in one form and typed by the applicant in the other. */
export const prefillRule: DefinitionRule = {
  code: 'form.prefill',
  area: 'form',
  scope: 'definition',
  describe: {
    en: (p) => (p.locked ? `fills ${p.label} from shared data (${p.item}) instead of asking the applicant` : `makes the applicant type ${p.label}, which shared data (${p.item}) can fill`),
    zh: (p) => (p.locked ? `字段 ${p.label} 由共享数据（${p.item}）预填，无需申请人填写` : `字段 ${p.label} 需申请人填写，而共享数据（${p.item}）可以预填`),
  },
  compare(a, b, emit) {
    const la = lockedPrefills(a);
    const lb = lockedPrefills(b);
    for (const [field, { prefill, index }] of la) {
      if (lb.has(field) || !hasField(b, field)) continue;
      emit({ kind: 'added', path: join('/form/prefill', index), burden: 'less', weight: weights.requiredField - weights.lockedField, params: { field, label: fieldLabel(field), item: prefill.item, locked: true }, fix: [{ op: 'pull', path: '/form/prefill', match: { field } }] });
    }
    for (const [field, { prefill, index }] of lb) {
      if (la.has(field) || !hasField(a, field)) continue;
      emit({ kind: 'removed', path: join('/form/prefill', index), burden: 'more', weight: weights.requiredField - weights.lockedField, params: { field, label: fieldLabel(field), item: prefill.item, locked: false }, fix: [unlocked(a, field) === -1 ? { op: 'push', path: '/form/prefill', value: prefill } : { op: 'set', path: join('/form/prefill', unlocked(a, field)), value: prefill }] });
    }
  },
};
