import { replaceKey } from '../edit.ts';
import { importRule } from '../rule.ts';
import { typesOf } from '../keywords.ts';

/** OpenAPI's `"nullable": true`, which ajv (and so rjsf's validator) honours beside `type`, is `"null"` in `type`. */
export const nullableRule = importRule({
  name: 'nullable',
  changes: {
    'import.nullable': {
      en: (p) => `"nullable": true (OpenAPI) is "null" in "type": ${JSON.stringify(p.type)}; the same values are accepted`,
      zh: (p) => `"nullable": true（OpenAPI 写法）即在 "type" 中加入 "null"：${JSON.stringify(p.type)}；接受的取值不变`,
    },
    'import.nullable-removed': {
      en: (p) => `"nullable": ${JSON.stringify(p.value)} removed: ${p.value === true ? 'without "type" every value, null included, was already allowed' : 'it allowed nothing more'} (OpenAPI, not JSON Schema)`,
      zh: (p) => `已删除 "nullable": ${JSON.stringify(p.value)}：${p.value === true ? '没有 "type" 时本就允许任何值（包括 null）' : '它没有放宽任何取值'}（OpenAPI 写法，不属于 JSON Schema）`,
    },
  },
  apply(node, ctx) {
    if (!Object.hasOwn(node, 'nullable')) return;
    const types = typesOf(node.type);
    if (node.nullable === true && types) {
      const type = types.includes('null') ? types : [...types, 'null'];
      ctx.change('import.nullable', '/nullable', { type }, '/type');
      replaceKey(node, 'type', [['type', type]]);
    } else {
      ctx.change('import.nullable-removed', '/nullable', { value: node.nullable });
    }
    delete node.nullable;
  },
});
