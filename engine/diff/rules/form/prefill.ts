import { isObject, join } from '../../../json/pointer.ts';
import { jsonEqual } from '../../../json/equal.ts';
import type { MatterDefinition, Prefill } from '../../../model/index.ts';
import { fieldLabel } from '../../form/fixes.ts';
import { memberOf } from '../../lookup.ts';
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
// Index of the first prefill of `field` in `d`, else -1 (a fix locks it in place rather than adding a second entry).
const firstCache = new WeakMap<MatterDefinition, Map<string, number>>();
const unlocked = (d: MatterDefinition, field: string) => {
  let first = firstCache.get(d);
  if (!first) {
    first = new Map();
    (d.form.prefill ?? []).forEach((p, i) => first!.has(p.field) || first!.set(p.field, i));
    firstCache.set(d, first);
  }
  return first.get(field) ?? -1;
};
const hasField = (d: MatterDefinition, field: string) => fieldInfo(d, field) !== undefined;
// Whether a form has the field at data path `field` and whether its parent requires it (walking only that path).
const infoCache = new WeakMap<MatterDefinition, Map<string, { required: boolean } | undefined>>();
function fieldInfo(d: MatterDefinition, field: string): { required: boolean } | undefined {
  let fields = infoCache.get(d);
  if (!fields) infoCache.set(d, (fields = new Map()));
  if (fields.has(field)) return fields.get(field);
  const info = readFieldInfo(d, field);
  fields.set(field, info);
  return info;
}
function readFieldInfo(d: MatterDefinition, field: string): { required: boolean } | undefined {
  let node: unknown = d.form.schema;
  let required = false;
  for (const token of field.slice(1).split('/')) {
    const name = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) || !isObject(node.properties) || !Object.hasOwn(node.properties, name)) return undefined;
    required = Array.isArray(node.required) && requiredIn(node.required)(name);
    node = node.properties[name];
  }
  return { required };
}
// The required lists of a form, each made searchable once (a draft's may be huge).
const requiredCache = new WeakMap<readonly unknown[], (name: unknown) => boolean>();
function requiredIn(list: readonly unknown[]): (name: unknown) => boolean {
  let has = requiredCache.get(list);
  if (!has) requiredCache.set(list, (has = memberOf(list)));
  return has;
}
// What prefilling saves: the field's typing weight minus reading a locked value.
const saving = (d: MatterDefinition, field: string) => (fieldInfo(d, field)?.required ? weights.requiredField : weights.optionalField) - weights.lockedField;

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
