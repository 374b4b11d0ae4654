import type { TimeLimit } from '../../../model/index.ts';
import type { DefinitionRule } from '../../rule.ts';
import { daysEn, daysZh, fromEn, inWorkingDays, roundWeight, timeFix, unitOf } from '../../time.ts';
import { weights } from '../../weights.ts';

// How far the statutory limit may be extended (延长), in working days: 0 without an extension or a statutory limit.
const extension = (t: TimeLimit): number =>
  t.statutoryDays !== undefined && t.extendableTo !== undefined && t.extendableTo > t.statutoryDays ? inWorkingDays(t.extendableTo - t.statutoryDays, unitOf(t)) : 0;

/**
 * The extension of the statutory limit (居住证: 15 days, extendable to 30): a longer possible extension is more
 * burden, weighed per working day like the statutory limit. A different `extendableTo` that only follows a different
 * statutory limit is the statutory-days change.
 */
export const extensionRule: DefinitionRule = {
  code: 'service.extension',
  area: 'service',
  scope: 'definition',
  reads: ['/timeLimit/extendableTo', '/timeLimit/statutoryDays', '/timeLimit/unit'],
  describe: {
    en: (p) => (p.to === null ? `does not extend the statutory limit, where the other extends it to ${daysEn(p.from, p.fromUnit)}` : p.from === null ? `may extend the statutory limit to ${daysEn(p.to, p.toUnit)}, where the other does not extend it` : `may extend the statutory limit to ${daysEn(p.to, p.toUnit)} instead of ${fromEn(p.from, p.fromUnit, p.toUnit)}`),
    zh: (p) => (p.to === null ? `法定时限不可延长（对方可延长至 ${daysZh(p.from, p.fromUnit)}）` : p.from === null ? `法定时限可延长至 ${daysZh(p.to, p.toUnit)}（对方不可延长）` : `法定时限可延长至 ${daysZh(p.to, p.toUnit)}（对方为 ${daysZh(p.from, p.fromUnit)}）`),
  },
  compare(a, b, emit) {
    const d = extension(a.timeLimit) - extension(b.timeLimit);
    if (d === 0) return;
    const [ea, eb] = [extension(a.timeLimit) > 0 ? a.timeLimit.extendableTo! : null, extension(b.timeLimit) > 0 ? b.timeLimit.extendableTo! : null];
    emit({
      kind: eb === null ? 'added' : ea === null ? 'removed' : 'changed',
      path: '/timeLimit/extendableTo',
      burden: d > 0 ? 'more' : 'less',
      weight: roundWeight(Math.abs(d) * weights.statutoryDay),
      params: { from: eb, to: ea, fromUnit: unitOf(b.timeLimit), toUnit: unitOf(a.timeLimit) },
      fix: timeFix(a, b, 'extendableTo', 'statutoryDays'),
    });
  },
};
