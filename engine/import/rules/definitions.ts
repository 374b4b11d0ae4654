import { isObject } from '../../json/pointer.ts';
import { rel, replaceKey } from '../edit.ts';
import { importRule } from '../rule.ts';

/** `definitions` becomes `$defs` (2020-12's name for it); `$ref`s into it follow (see ../refs.ts). */
export const definitionsRule = importRule({
  name: 'definitions',
  changes: {
    'import.definitions-renamed': {
      en: (p) => `"definitions" renamed "$defs", 2020-12's name for the same thing; $refs into it follow${Array.isArray(p.renamed) && p.renamed.length > 0 ? ` (${p.renamed.map(([a, b]) => `"${a}" is "${b}", as "$defs" already had "${a}"`).join('; ')})` : ''}`,
      zh: (p) => `"definitions" 改名为 "$defs"（2020-12 中同一关键字的名称），指向其中的 $ref 随之更新${Array.isArray(p.renamed) && p.renamed.length > 0 ? `（${p.renamed.map(([a, b]) => `"${a}" 改为 "${b}"，因为 "$defs" 中已有 "${a}"`).join('；')}）` : ''}`,
    },
  },
  apply(node, ctx) {
    const defs = node.definitions;
    // a malformed $defs beside it is left for the form check to report, not overwritten
    if (!isObject(defs) || (Object.hasOwn(node, '$defs') && !isObject(node.$defs))) return;
    const merged: Record<string, unknown> = isObject(node.$defs) ? { ...node.$defs } : {};
    const renamed: [string, string][] = [];
    for (const [name, schema] of Object.entries(defs)) {
      let target = name;
      for (let i = 2; Object.hasOwn(merged, target); i++) target = `${name}-${i}`;
      if (target !== name) renamed.push([name, target]);
      merged[target] = schema;
      ctx.moved(rel('$defs', target), rel('definitions', name));
    }
    if (isObject(node.$defs)) delete node.$defs;
    else ctx.moved('/$defs', '/definitions');
    replaceKey(node, 'definitions', [['$defs', merged]]);
    ctx.change('import.definitions-renamed', '/definitions', { renamed }, '/$defs');
  },
});
