import type { DefinitionRule } from '../../rule.ts';
import { timeFix, unitOf } from '../../time.ts';

/**
 * Which days the time limits count (working days or calendar days). Neutral in itself: the day counts are compared
 * in one measure by the promised-days, statutory-days and extension rules.
 */
export const timeUnitRule: DefinitionRule = {
  code: 'service.time-unit',
  area: 'service',
  scope: 'definition',
  reads: ['/timeLimit/unit'],
  describe: {
    en: (p) => `counts its time limits in ${p.to === 'days' ? 'calendar days' : 'working days'} instead of ${p.from === 'days' ? 'calendar days' : 'working days'}`,
    zh: (p) => `办理时限由按${p.from === 'days' ? '自然日' : '工作日'}计改为按${p.to === 'days' ? '自然日' : '工作日'}计`,
  },
  compare(a, b, emit) {
    const [ua, ub] = [unitOf(a.timeLimit), unitOf(b.timeLimit)];
    if (ua === ub) return;
    emit({ kind: 'changed', path: '/timeLimit/unit', burden: 'neutral', weight: 0, params: { from: ub, to: ua }, fix: timeFix(a, b) });
  },
};
