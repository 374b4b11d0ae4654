import type { DefinitionRule } from '../../rule.ts';
import { roundWeight } from '../../time.ts';
import { weights } from '../../weights.ts';

/**
 * How long an applicant spends on site (办理时长, `timeLimit.onSiteMinutes`): more minutes are more burden,
 * `weights.onSitePer30Minutes` per half hour. Stated on one side only, it cannot be compared: neutral.
 */
export const onSiteMinutesRule: DefinitionRule = {
  code: 'service.on-site-minutes',
  area: 'service',
  scope: 'definition',
  reads: ['/timeLimit/onSiteMinutes'],
  describe: {
    en: (p) => (p.to === null ? `does not state the time on site (the other: ${p.from} minutes)` : p.from === null ? `states ${p.to} minutes on site (the other does not say)` : `takes ${p.to} minutes on site instead of ${p.from}`),
    zh: (p) => (p.to === null ? `未说明现场办理时长（对方为 ${p.from} 分钟）` : p.from === null ? `现场办理时长 ${p.to} 分钟（对方未说明）` : `现场办理时长由 ${p.from} 分钟改为 ${p.to} 分钟`),
  },
  compare(a, b, emit) {
    const va = a.timeLimit.onSiteMinutes;
    const vb = b.timeLimit.onSiteMinutes;
    if (va === vb) return;
    const d = va === undefined || vb === undefined ? 0 : va - vb;
    emit({
      kind: vb === undefined ? 'added' : va === undefined ? 'removed' : 'changed',
      path: '/timeLimit/onSiteMinutes',
      burden: d > 0 ? 'more' : d < 0 ? 'less' : 'neutral',
      weight: roundWeight((Math.abs(d) / 30) * weights.onSitePer30Minutes),
      params: { from: vb ?? null, to: va ?? null },
      fix: [vb === undefined ? { op: 'remove', path: '/timeLimit/onSiteMinutes' } : { op: 'set', path: '/timeLimit/onSiteMinutes', value: vb }],
    });
  },
};
