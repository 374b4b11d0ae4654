import { rel } from '../edit.ts';
import { importRule } from '../rule.ts';

const q = (v: unknown) => JSON.stringify(v);

/** rjsf ui options written into the schema (`ui:widget`, …) move to the uiSchema, where rjsf reads them. */
export const uiOptionsRule = importRule({
  name: 'ui-options',
  changes: {
    'import.ui-moved': {
      en: (p) => `${q(p.keyword)} moved to the uiSchema${p.field ? ` at ${q(p.field)}` : ''}: it is an rjsf ui option, not JSON Schema (rjsf reads it from the uiSchema; in the schema strict mode refuses it)`,
      zh: (p) => `${q(p.keyword)} 已移至 uiSchema${p.field ? ` 的 ${q(p.field)}` : ''}：它是 rjsf 的界面选项，不属于 JSON Schema（rjsf 从 uiSchema 读取它；写在模式中会被严格模式拒绝）`,
    },
    'import.ui-dropped': {
      en: (p) => `${q(p.keyword)} removed: it is an rjsf ui option, and this subschema is no single field a uiSchema entry can address (inside "$defs", a tuple or a pattern); set it in the uiSchema where the field is used`,
      zh: (p) => `已删除 ${q(p.keyword)}：它是 rjsf 的界面选项，而此子模式不是 uiSchema 可以定位的单个字段（位于 "$defs"、元组或模式匹配中）；请在使用该字段处的 uiSchema 中设置`,
    },
  },
  apply(node, ctx) {
    for (const keyword of Object.keys(node)) {
      if (!keyword.startsWith('ui:')) continue;
      if (ctx.ui(keyword, node[keyword])) ctx.change('import.ui-moved', rel(keyword), { keyword, field: ctx.uiPath!.join('/') });
      else ctx.change('import.ui-dropped', rel(keyword), { keyword });
      delete node[keyword];
    }
  },
});
