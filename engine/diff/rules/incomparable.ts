/**
 * Parts of a draft that could not be compared because they do not have their shape yet (a material without a
 * name, a state whose transition has no target, a bound that is a string, …). One neutral change per part, so a
 * reader sees what the diff is silent about; the draft's problems say what to fix.
 */
import type { Area } from '../change.ts';
import type { Flaw } from '../shape/check.ts';
import type { Finding, RuleBase } from '../rule.ts';

const foundZh: Record<string, string> = {
  missing: '缺失', null: 'null', 'a boolean': '布尔值', 'a number': '数字', 'a string': '字符串', 'an array': '数组', 'an object': '对象',
  'nested too deeply': '嵌套过深',
};
const expectedZh: Record<string, string> = {
  'a string': '字符串', 'a boolean': '布尔值', 'a number': '数字', 'a non-negative integer': '非负整数', 'an array': '数组', 'an object': '对象',
  'a text in zh and en': '中英文文本 { zh, en }', 'a schema': 'JSON Schema（对象或布尔值）', 'a transition': '流转（目标状态名或 { target }）',
  'an array of strings': '字符串数组', 'an array of schemas': 'JSON Schema 数组', 'an object of schemas': '以 JSON Schema 为值的对象',
  'an object of string arrays': '以字符串数组为值的对象', 'a JSON type or a list of them': 'JSON 类型名或其列表',
};
const zhOf = (table: Record<string, string>, words: string): string => {
  if (Object.hasOwn(table, words)) return table[words]!;
  const range = /^(an integer|a number) from (\S+) to (\S+)$/.exec(words);
  if (range) return `${range[2]} 到 ${range[3]} 的${range[1] === 'an integer' ? '整数' : '数'}`;
  const depth = /^at most (\d+) levels$/.exec(words);
  if (depth) return `至多 ${depth[1]} 层`;
  return words.startsWith('one of ') ? `${words.slice(7)} 之一` : words;
};
// Latin text or a number after Chinese gets a space.
const spaced = (t: string): string => (/^[\x21-\x7e]/.test(t) ? ` ${t}` : t);
const sideEn = { a: 'a', b: 'b', both: 'a and b' } as const;
const sideZh = { a: 'a 方', b: 'b 方', both: '双方' } as const;

function incomparableRule(area: Area): RuleBase {
  return {
    code: `${area}.incomparable`,
    area,
    describe: {
      en: (p) => `could not compare ${p.part} (${sideEn[p.side as keyof typeof sideEn]}: ${p.at ? `${p.at} is ` : ''}${p.found}, expected ${p.expected})`,
      zh: (p) =>
        `无法比较${p.partZh}（${sideZh[p.side as keyof typeof sideZh]}${p.at ? ` ${p.at} ` : ''}${p.found === 'missing' ? '缺失' : `为${spaced(zhOf(foundZh, String(p.found)))}`}，应为${spaced(zhOf(expectedZh, String(p.expected)))}）`,
    },
  };
}

/** The rule reporting parts that could not be compared, per area (`form.incomparable`, …). */
export const incomparableRules: Readonly<Record<Area, RuleBase>> = {
  form: incomparableRule('form'),
  materials: incomparableRule('materials'),
  process: incomparableRule('process'),
  service: incomparableRule('service'),
};

/**
 * The finding for a part left out: it points into `a` (kind `changed`) unless only `b`'s value is malformed
 * (into `b`, kind `removed`). Neutral, weightless, nothing to fix.
 */
export function incomparable(side: 'a' | 'b' | 'both', path: string, label: { en: string; zh: string }, flaw: Flaw): Finding {
  return {
    kind: side === 'b' ? 'removed' : 'changed',
    path,
    burden: 'neutral',
    weight: 0,
    params: { side, part: label.en, partZh: label.zh, at: flaw.at, found: flaw.found, expected: flaw.expected },
    fix: [],
  };
}
