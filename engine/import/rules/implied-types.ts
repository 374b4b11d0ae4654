import { putFirst, rel } from '../edit.ts';
import { admits, keywordTypes, typesOf } from '../keywords.ts';
import { importRule } from '../rule.ts';

// Formats that name numbers (ajv-formats); every other format names strings.
const numericFormats = new Set(['int32', 'int64', 'float', 'double']);
const list = (v: unknown, or: string) => (v as string[]).map((t) => `"${t}"`).join(or);

/**
 * Strict mode needs a type for each type-specific keyword (ajv strictTypes). Where neither the subschema nor an
 * enclosing in-place one names a type, the types its keywords imply are added; where the type is named and excludes
 * a keyword's, the keyword never checked anything and is removed.
 */
export const impliedTypesRule = importRule({
  name: 'implied-types',
  changes: {
    'import.type-added': {
      en: (p) => `"type": ${JSON.stringify(p.type)} added: ${list(p.keywords, ', ')} ${(p.keywords as string[]).length === 1 ? 'applies' : 'apply'} only to ${list(p.type, ' or ')} values, and onematter's strict mode needs the type to say so (so that the form renders the right input); values of other types, which these keywords let through, are now refused here`,
      zh: (p) => `新增 "type": ${JSON.stringify(p.type)}：${list(p.keywords, '、')} 只适用于 ${list(p.type, ' 或 ')} 类型的值，系统的严格模式要求以类型声明（表单也据此渲染正确的输入控件）；这些关键字原先放行的其他类型的值，此处现在会被拒绝`,
    },
    'import.keyword-dead': {
      en: (p) => `"${p.keyword}" removed: it applies only to ${list(p.applies, ' or ')} values, but the value here is always ${list(p.types, ' or ')}, so it never checked anything (strict mode refuses it)`,
      zh: (p) => `已删除 "${p.keyword}"：它只适用于 ${list(p.applies, ' 或 ')} 类型的值，而此处的值总是 ${list(p.types, ' 或 ')}，它从未起过作用（严格模式拒绝它）`,
    },
  },
  apply(node, ctx) {
    const typed = Object.keys(node).filter((k) => Object.hasOwn(keywordTypes, k));
    if (typed.length === 0) return;
    const types = typesOf(node.type) ?? ctx.context;
    if (types) {
      for (const keyword of typed) {
        const applies = keywordTypes[keyword]!;
        if (applies.some((t) => admits(types, t))) continue;
        ctx.change('import.keyword-dead', rel(keyword), { keyword, applies, types });
        delete node[keyword];
      }
      return;
    }
    if (Object.hasOwn(node, 'type')) return; // a malformed type: the form check reports it
    const added: string[] = [];
    const need = (t: string) => {
      if (!admits(added, t)) added.push(t);
    };
    for (const k of typed) if (keywordTypes[k]!.length === 1) need(keywordTypes[k]![0]!);
    for (const k of typed) {
      const applies = keywordTypes[k]!;
      if (applies.length > 1 && !applies.some((t) => admits(added, t))) need(numericFormats.has(node.format as string) ? 'number' : 'string');
    }
    const type = added.length === 1 ? added[0] : added;
    putFirst(node, 'type', type);
    ctx.change('import.type-added', '', { type: added, keywords: typed }, '/type');
  },
});
