import { keywordPartners } from '../../validate/json-schema-check.ts';
import { rel } from '../edit.ts';
import { importRule } from '../rule.ts';

/** A keyword without effect is removed: it checked nothing, and strict mode refuses it as a likely mistake. */
export const ineffectiveKeywordsRule = importRule({
  name: 'ineffective-keywords',
  changes: {
    'import.keyword-ignored': {
      en: (p) => `"${p.keyword}" removed: it has no effect without ${(p.partners as string[]).map((k) => `"${k}"`).join(' or ')}, so it checked nothing, and strict mode refuses keywords that do nothing`,
      zh: (p) => `已删除 "${p.keyword}"：没有 ${(p.partners as string[]).map((k) => `"${k}"`).join(' 或 ')} 时它不起作用，本就不做任何校验，而严格模式拒绝不起作用的关键字`,
    },
  },
  apply(node, ctx) {
    for (const [keyword, needs] of Object.entries(keywordPartners)) {
      if (!Object.hasOwn(node, keyword) || needs.some((k) => Object.hasOwn(node, k))) continue;
      ctx.change('import.keyword-ignored', rel(keyword), { keyword, partners: needs });
      delete node[keyword];
    }
  },
});
