import { isObject, join } from '../../../json/pointer.ts';
import { fieldLabel, requiredNames } from '../../form/fixes.ts';
import { weights } from '../../weights.ts';
import type { SchemaRule } from '../../rule.ts';


/** A field present in both forms that is required in one and optional in the other. */
export const requiredRule: SchemaRule = {
  code: 'form.required',
  area: 'form',
  scope: 'schema',
  keywords: ['required'],
  describe: {
    en: (p) => (p.required ? `makes the field ${p.label} required` : `makes the field ${p.label} optional`),
    zh: (p) => (p.required ? `字段 ${p.label} 由选填改为必填` : `字段 ${p.label} 由必填改为选填`),
  },
  compare({ a, b, field, ctx }, emit) {
    if (!isObject(a.node.properties) || !isObject(b.node.properties)) return;
    const ra = requiredNames(a.node);
    const rb = requiredNames(b.node);
    for (const name of Object.keys(a.node.properties)) {
      if (!Object.hasOwn(b.node.properties, name) || ra.has(name) === rb.has(name)) continue;
      const child = join(field, name);
      const required = ra.has(name);
      const locked = ctx.lockedA.has(child);
      const fix = a.own
        ? [required ? { op: 'pull' as const, path: join(a.ptr, 'required'), match: name } : { op: 'push' as const, path: join(a.ptr, 'required'), value: name }]
        : [{ op: 'set' as const, path: a.ptr, value: b.raw }];
      emit({
        kind: 'changed',
        path: a.own ? join(a.ptr, 'required') : a.ptr,
        burden: locked ? 'neutral' : required ? 'more' : 'less',
        weight: weights.requiredFlag,
        params: { field: child, label: fieldLabel(child), required },
        fix,
      });
    }
  },
};
