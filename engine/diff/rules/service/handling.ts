import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';

/** Handled within promised days (承诺件) instead of on the spot (即办件). */
export const handlingTypeRule: DefinitionRule = {
  code: 'service.handling-type',
  area: 'service',
  scope: 'definition',
  reads: ['/handlingType'],
  describe: {
    en: (p) => (p.to === 'promised' ? 'handles the matter within promised days instead of on the spot' : 'handles the matter on the spot instead of within promised days'),
    zh: (p) => (p.to === 'promised' ? '由即办件改为承诺件' : '由承诺件改为即办件'),
  },
  compare(a, b, emit) {
    if (a.handlingType === b.handlingType) return;
    emit({
      kind: 'changed',
      path: '/handlingType',
      burden: a.handlingType === 'promised' ? 'more' : 'less',
      weight: weights.promisedHandling,
      params: { from: b.handlingType, to: a.handlingType },
      fix: [{ op: 'set', path: '/handlingType', value: b.handlingType }, { op: 'set', path: '/timeLimit/promisedDays', value: b.timeLimit.promisedDays }],
    });
  },
};
