import type { DefinitionRule } from '../../rule.ts';
import { daysEn, daysZh, fromEn, inWorkingDays, roundWeight, timeFix, unitOf } from '../../time.ts';
import { weights } from '../../weights.ts';

/** The promised time limit (承诺办结时限), compared in working days (a calendar day is 5/7 of one): longer is more burden. */
export const promisedDaysRule: DefinitionRule = {
  code: 'service.promised-days',
  area: 'service',
  scope: 'definition',
  reads: ['/timeLimit/promisedDays', '/timeLimit/unit'],
  describe: {
    en: (p) => `promises ${daysEn(p.to, p.toUnit)} instead of ${fromEn(p.from, p.fromUnit, p.toUnit)}`,
    zh: (p) => `承诺时限由 ${daysZh(p.from, p.fromUnit)}改为 ${daysZh(p.to, p.toUnit)}`,
  },
  compare(a, b, emit) {
    const [ua, ub] = [unitOf(a.timeLimit), unitOf(b.timeLimit)];
    const va = a.timeLimit.promisedDays ?? 0; // absent only in a draft
    const vb = b.timeLimit.promisedDays ?? 0;
    if (va === vb && ua === ub) return;
    const d = inWorkingDays(va, ua) - inWorkingDays(vb, ub);
    emit({
      kind: 'changed',
      path: '/timeLimit/promisedDays',
      burden: d > 0 ? 'more' : d < 0 ? 'less' : 'neutral',
      weight: roundWeight(Math.abs(d) * weights.promisedDay),
      params: { from: vb, to: va, fromUnit: ub, toUnit: ua },
      fix: timeFix(a, b, 'promisedDays'),
    });
  },
};
