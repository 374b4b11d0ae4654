import { isObject, join } from '../../../json/pointer.ts';
import type { FixOp } from '../../fix.ts';
import { fieldLabel, requiredNames } from '../../form/fixes.ts';
import { fieldWeight } from '../../form/leaves.ts';
import type { SchemaRule } from '../../rule.ts';

const names = (node: Readonly<Record<string, unknown>>) => (isObject(node.properties) ? node.properties : {});

/** A field asked in one form and not the other (matched by property path). */
export const fieldRule: SchemaRule = {
  code: 'form.field',
  area: 'form',
  scope: 'schema',
  keywords: ['properties'],
  describe: {
    en: (p) => (p.kind === 'added' ? `asks for the extra field ${p.label}` : `no longer asks for the field ${p.label}`),
    zh: (p) => (p.kind === 'added' ? `增加填写字段 ${p.label}` : `不再填写字段 ${p.label}`),
  },
  compare(pair, emit) {
    const { a, b, field, ctx } = pair;
    const pa = names(a.node);
    const pb = names(b.node);
    const reqA = requiredNames(a.node);
    const reqB = requiredNames(b.node);
    for (const [name, schema] of Object.entries(pa)) {
      if (Object.hasOwn(pb, name)) continue;
      const child = join(field, name);
      // made when first asked for (a bulk review reads few fixes)
      const fix = (): FixOp[] => [
        ...(a.own ? [{ op: 'remove', path: join(a.ptr, 'properties', name) } as const, { op: 'pull', path: join(a.ptr, 'required'), match: name } as const] : [{ op: 'set', path: a.ptr, value: b.raw } as const]),
        { op: 'pull', path: '/form/prefill', match: { field: child } },
      ];
      const weight = fieldWeight(schema, child, reqA.has(name), ctx.lockedA);
      emit({ kind: 'added', path: a.own ? join(a.ptr, 'properties', name) : a.ptr, burden: 'more', weight, params: { kind: 'added', field: child, label: fieldLabel(child) }, fix });
    }
    for (const [name, schema] of Object.entries(pb)) {
      if (Object.hasOwn(pa, name)) continue;
      const child = join(field, name);
      const fix = (): FixOp[] => a.own
        ? [{ op: 'set', path: join(a.ptr, 'properties', name), value: schema }, ...(reqB.has(name) ? [{ op: 'push', path: join(a.ptr, 'required'), value: name } as const] : [])]
        : [{ op: 'set', path: a.ptr, value: b.raw }];
      const weight = fieldWeight(schema, child, reqB.has(name), ctx.lockedB);
      emit({ kind: 'removed', path: b.own ? join(b.ptr, 'properties', name) : b.ptr, burden: 'less', weight, params: { kind: 'removed', field: child, label: fieldLabel(child) }, fix });
    }
  },
};
