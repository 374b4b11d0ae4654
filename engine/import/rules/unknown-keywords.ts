import { formKeywords } from '../../validate/json-schema-check.ts';
import { rel } from '../edit.ts';
import { importRule } from '../rule.ts';

const q = (v: unknown) => JSON.stringify(v);

/**
 * Keywords that check something where they come from but that onematter refuses: kept, so that the form check
 * reports them, since dropping them would silently drop a check.
 */
const kept = new Set(['$recursiveRef', '$dynamicRef']);

// Keywords a form may not use (or that the import renames), so never the hint.
const refused = new Set(['$id', 'definitions']);

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for the misspelling hint. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known keyword `keyword` is most likely a misspelling of, if any. */
function likely(keyword: string): string | undefined {
  if (keyword.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of formKeywords) {
    if (refused.has(known)) continue;
    const d = known.toLowerCase() === keyword.toLowerCase() ? 0 : distance(keyword, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  // short names are too close to too many keywords to guess from
  return bestDistance === 0 || (keyword.length >= 4 && bestDistance <= (keyword.length >= 7 ? 2 : 1)) ? best : undefined;
}

/**
 * A keyword JSON Schema 2020-12 does not know checked nothing (validators ignore it), but onematter compiles forms in
 * strict mode, where it is an error: it is removed, and a likely misspelling named.
 */
export const unknownKeywordsRule = importRule({
  name: 'unknown-keywords',
  changes: {
    'import.unknown-keyword': {
      en: (p) => `unknown keyword ${q(p.keyword)} removed: JSON Schema ignores keywords it does not know, so it checked nothing, and onematter compiles forms in strict mode, where it would be an error${p.hint ? `; did you mean ${q(p.hint)}? (add it by hand if so)` : ''}`,
      zh: (p) => `已删除未知关键字 ${q(p.keyword)}：JSON Schema 忽略不认识的关键字，它本就不做任何校验；系统按严格模式编译表单，保留它会报错${p.hint ? `；是否想写 ${q(p.hint)}？（如是，请手动补上）` : ''}`,
    },
  },
  apply(node, ctx) {
    for (const keyword of Object.keys(node)) {
      if (formKeywords.has(keyword) || kept.has(keyword)) continue;
      const hint = likely(keyword);
      ctx.change('import.unknown-keyword', rel(keyword), hint ? { keyword, hint } : { keyword });
      delete node[keyword];
    }
  },
});
