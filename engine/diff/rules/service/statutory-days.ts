import type { DefinitionRule } from '../../rule.ts';
import { daysEn, daysZh, fromEn, inWorkingDays, roundWeight, timeFix, unitOf } from '../../time.ts';
import { weights } from '../../weights.ts';

/**
 * The statutory time limit (法定办结时限), compared in working days: longer is more burden. No statutory limit
 * where the other states one is more burden too (the applicant loses the legal upper bound): `weights.statutoryLimit`.
 */
export const statutoryDaysRule: DefinitionRule = {
  code: 'service.statutory-days',
  area: 'service',
  scope: 'definition',
  reads: ['/timeLimit/statutoryDays', '/timeLimit/unit'],
  describe: {
    en: (p) =>
      p.to === null ? `states no statutory limit, where the other states ${daysEn(p.from, p.fromUnit)}` : p.from === null ? `states a statutory limit of ${daysEn(p.to, p.toUnit)}, where the other states none` : `states a statutory limit of ${daysEn(p.to, p.toUnit)} instead of ${fromEn(p.from, p.fromUnit, p.toUnit)}`,
    zh: (p) =>
      p.to === null ? `未规定法定时限（对方为 ${daysZh(p.from, p.fromUnit)}）` : p.from === null ? `规定法定时限 ${daysZh(p.to, p.toUnit)}（对方未规定）` : `法定时限由 ${daysZh(p.from, p.fromUnit)}改为 ${daysZh(p.to, p.toUnit)}`,
  },
  compare(a, b, emit) {
    const [ua, ub] = [unitOf(a.timeLimit), unitOf(b.timeLimit)];
    const va = a.timeLimit.statutoryDays;
    const vb = b.timeLimit.statutoryDays;
    if (va === vb && (ua === ub || va === undefined)) return;
    const params = { from: vb ?? null, to: va ?? null, fromUnit: ub, toUnit: ua };
    // the extension is read against the statutory limit: the two are levelled together
    const fix = timeFix(a, b, 'statutoryDays', 'extendableTo');
    if (va === undefined) emit({ kind: 'removed', path: '/timeLimit/statutoryDays', burden: 'more', weight: weights.statutoryLimit, params, fix });
    else if (vb === undefined) emit({ kind: 'added', path: '/timeLimit/statutoryDays', burden: 'less', weight: weights.statutoryLimit, params, fix });
    else {
      const d = inWorkingDays(va, ua) - inWorkingDays(vb, ub);
      emit({ kind: 'changed', path: '/timeLimit/statutoryDays', burden: d > 0 ? 'more' : d < 0 ? 'less' : 'neutral', weight: roundWeight(Math.abs(d) * weights.statutoryDay), params, fix });
    }
  },
};
