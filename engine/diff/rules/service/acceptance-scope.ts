import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';
import { memberFix } from '../situation.ts';

// How widely an application is accepted, widest first.
const rank: Record<string, number> = { national: 4, 'cross-province': 3, province: 2, city: 1, county: 0 };
const zh: Record<string, string> = { national: '全国通办', 'cross-province': '跨省通办', province: '全省通办', city: '全市通办', county: '全县通办' };

/**
 * The acceptance scope (通办范围): accepted only in a narrower area, an applicant living elsewhere travels; each level
 * narrower is more burden (`weights.acceptanceScopeLevel`). Stated on one side only: neutral.
 */
export const acceptanceScopeRule: DefinitionRule = {
  code: 'service.acceptance-scope',
  area: 'service',
  scope: 'definition',
  reads: ['/acceptanceScope'],
  describe: {
    en: (p) => `accepts applications ${p.to === null ? '(scope not stated)' : `${p.to}-wide`} instead of ${p.from === null ? '(scope not stated)' : `${p.from}-wide`}`,
    zh: (p) => `通办范围由${p.from === null ? '未说明' : zh[String(p.from)]}改为${p.to === null ? '未说明' : zh[String(p.to)]}`,
  },
  compare(a, b, emit) {
    const [sa, sb] = [a.acceptanceScope, b.acceptanceScope];
    if (sa === sb) return;
    const d = sa === undefined || sb === undefined ? 0 : rank[sb]! - rank[sa]!;
    emit({
      kind: sb === undefined ? 'added' : sa === undefined ? 'removed' : 'changed',
      path: '/acceptanceScope',
      burden: d > 0 ? 'more' : d < 0 ? 'less' : 'neutral',
      weight: Math.abs(d) * weights.acceptanceScopeLevel,
      params: { from: sb ?? null, to: sa ?? null },
      fix: [memberFix('/acceptanceScope', sb)],
    });
  },
};
