import { replaceKey } from '../edit.ts';
import { importRule } from '../rule.ts';

const pairs = [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const;

/** Draft-04's boolean `exclusiveMinimum`/`exclusiveMaximum` modified `minimum`/`maximum`; since draft-06 they hold the bound. */
export const exclusiveBoundsRule = importRule({
  name: 'exclusive-bounds',
  changes: {
    'import.exclusive-bound': {
      en: (p) => `"${p.keyword}": true with "${p.bound}": ${p.value} (draft-04) is "${p.keyword}": ${p.value} since draft-06; the same bound`,
      zh: (p) => `"${p.keyword}": true 加 "${p.bound}": ${p.value}（draft-04 写法）自 draft-06 起写作 "${p.keyword}": ${p.value}；界限不变`,
    },
    'import.exclusive-bound-removed': {
      en: (p) => `"${p.keyword}": ${p.value} removed: ${p.value === true ? `without "${p.bound}" it bounded nothing` : `it only said "${p.bound}" is inclusive, which it always is now`} (a draft-04 boolean; since draft-06 "${p.keyword}" holds a number)`,
      zh: (p) => `已删除 "${p.keyword}": ${p.value}：${p.value === true ? `没有 "${p.bound}" 时它不限定任何界限` : `它只表示 "${p.bound}" 含边界值，而现在始终如此`}（draft-04 的布尔写法；自 draft-06 起 "${p.keyword}" 取数值）`,
    },
  },
  apply(node, ctx) {
    for (const [keyword, bound] of pairs) {
      const flag = node[keyword];
      if (typeof flag !== 'boolean') continue;
      const value = node[bound];
      if (flag && typeof value === 'number') {
        ctx.change('import.exclusive-bound', `/${keyword}`, { keyword, bound, value }, `/${keyword}`);
        delete node[bound];
        replaceKey(node, keyword, [[keyword, value]]);
      } else {
        ctx.change('import.exclusive-bound-removed', `/${keyword}`, { keyword, bound, value: flag });
        delete node[keyword];
      }
    }
  },
});
