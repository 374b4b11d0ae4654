import { importRule } from '../rule.ts';

/** A `type` list naming a type twice says it once (JSON Schema requires distinct types); draft-03's `"any"` is no type. */
export const typeListRule = importRule({
  name: 'type-list',
  changes: {
    'import.type-duplicates': {
      en: (p) => `"type" names each type once: ${JSON.stringify(p.from)} is ${JSON.stringify(p.to)} (JSON Schema requires distinct types; the same values are accepted)`,
      zh: (p) => `"type" 中每种类型只写一次：${JSON.stringify(p.from)} 改为 ${JSON.stringify(p.to)}（JSON Schema 要求类型互不相同；接受的取值不变）`,
    },
    'import.type-any': {
      en: () => `"type": "any" (draft-03) removed: it allowed every value, as no "type" does`,
      zh: () => `已删除 "type": "any"（draft-03 写法）：它允许任何取值，与不写 "type" 相同`,
    },
  },
  apply(node, ctx) {
    const type = node.type;
    if (type === 'any' || (Array.isArray(type) && type.includes('any'))) {
      ctx.change('import.type-any', '/type', {});
      delete node.type;
      return;
    }
    if (!Array.isArray(type)) return;
    const to = [...new Set(type)];
    if (to.length === type.length) return;
    ctx.change('import.type-duplicates', '/type', { from: type, to }, '/type');
    node.type = to;
  },
});
