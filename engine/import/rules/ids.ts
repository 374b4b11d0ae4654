import { importRule } from '../rule.ts';

const q = (v: unknown) => JSON.stringify(v);

/**
 * `$id` (draft-04: `id`) is removed: a form holds no embedded resources and names no base URI. The walk has already
 * recorded what each one identified, and every `$ref` that used one is rewritten to a JSON Pointer into the form.
 */
export const idsRule = importRule({
  name: 'ids',
  changes: {
    'import.id-removed': {
      en: (p) => `${q(p.keyword)}: ${q(p.id)} removed: a form holds no embedded resources and no $id (onematter keys each form by definition id and version); $refs that used it now point into the form by JSON Pointer`,
      zh: (p) => `已删除 ${q(p.keyword)}: ${q(p.id)}：表单不含内嵌资源，也不使用 $id（系统按事项编码和版本标识表单）；使用它的 $ref 已改为指向表单内部的 JSON Pointer`,
    },
  },
  apply(node, ctx) {
    for (const keyword of ctx.dialect === 'draft-04' ? ['$id', 'id'] : ['$id']) {
      if (!Object.hasOwn(node, keyword)) continue;
      ctx.change('import.id-removed', `/${keyword}`, { keyword, id: node[keyword] });
      delete node[keyword];
    }
  },
});
