import { join } from '../../../json/pointer.ts';
import { amountWeight, feeShare } from '../../fees.ts';
import type { DefinitionRule } from '../../rule.ts';

/**
 * Fees charged in one definition and not the other, or charged at another amount (matched by id). A fee due only in
 * some situations, or waived in some, weighs the share of applicants who pay it (fee-condition, fee-waiver).
 */
export const feeRule: DefinitionRule = {
  code: 'service.fee',
  area: 'service',
  scope: 'definition',
  reads: ['/fees'],
  describe: {
    en: (p) => (p.kind === 'added' ? `charges “${p.name}”, ${p.to} yuan` : p.kind === 'removed' ? `no longer charges “${p.name}”, ${p.from} yuan` : `charges ${p.to} yuan for “${p.name}” instead of ${p.from}`),
    zh: (p) => (p.kind === 'added' ? `增加收费“${p.nameZh}” ${p.to} 元` : p.kind === 'removed' ? `取消收费“${p.nameZh}” ${p.from} 元` : `收费“${p.nameZh}”由 ${p.from} 元改为 ${p.to} 元`),
  },
  compare(a, b, emit) {
    const fb = new Map(b.fees.map((f, i) => [f.id, { fee: f, i }]));
    const ids = new Set(a.fees.map((f) => f.id));
    a.fees.forEach((fee, i) => {
      const other = fb.get(fee.id);
      const params = { name: fee.name.en, nameZh: fee.name.zh, from: other?.fee.amount ?? 0, to: fee.amount };
      if (!other) {
        if (fee.amount > 0) emit({ kind: 'added', path: join('/fees', i), burden: 'more', weight: amountWeight(fee.amount) * feeShare(fee), params: { ...params, kind: 'added' }, fix: [{ op: 'pull', path: '/fees', match: { id: fee.id } }] });
      } else if (other.fee.amount !== fee.amount) {
        const d = fee.amount - other.fee.amount;
        const share = Math.min(feeShare(fee), feeShare(other.fee));
        emit({ kind: 'changed', path: join('/fees', i, 'amount'), burden: d > 0 ? 'more' : 'less', weight: amountWeight(Math.abs(d)) * share, params: { ...params, kind: 'changed' }, fix: [{ op: 'set', path: join('/fees', i, 'amount'), value: other.fee.amount }] });
      }
    });
    b.fees.forEach((fee, i) => {
      if (ids.has(fee.id) || fee.amount === 0) return;
      emit({ kind: 'removed', path: join('/fees', i), burden: 'less', weight: amountWeight(fee.amount) * feeShare(fee), params: { name: fee.name.en, nameZh: fee.name.zh, from: fee.amount, to: 0, kind: 'removed' }, fix: [{ op: 'push', path: '/fees', value: fee }] });
    });
  },
};
