import { jsonEqual } from '../../../json/equal.ts';
import { join } from '../../../json/pointer.ts';
import { amountWeight, feeFacts } from '../../fees.ts';
import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';
import { memberFix, relationWords, situationChange } from '../situation.ts';

/**
 * The situation a fee both charge is waived in (`waivedWhen`, 减免): a waiver added relieves some applicants (less
 * burden, half the fee's weight), one dropped none (more); a waiver proven narrower (granted in fewer situations)
 * is more burden, half that; otherwise, or where only the stated reason differs, neutral.
 */
export const feeWaiverRule: DefinitionRule = {
  code: 'service.fee-waiver',
  area: 'service',
  scope: 'definition',
  reads: ['/fees'],
  describe: {
    en: (p) =>
      p.relation === 'added' ? `waives “${p.name}” in some situations` : p.relation === 'removed' ? `no longer waives “${p.name}” in any situation` : p.relation === 'reason' ? `gives another reason for waiving “${p.name}”` : `waives “${p.name}” ${relationWords[String(p.relation)]!.en}`,
    zh: (p) =>
      p.relation === 'added' ? `收费“${p.nameZh}”增加减免情形` : p.relation === 'removed' ? `收费“${p.nameZh}”取消减免` : p.relation === 'reason' ? `收费“${p.nameZh}”的减免理由不同` : `收费“${p.nameZh}”减免${relationWords[String(p.relation)]!.zh}`,
  },
  compare(a, b, emit) {
    if (!feeFacts(a.fees).waivable && !feeFacts(b.fees).waivable) return;
    const fb = new Map(b.fees.map((f, i) => [f.id, { fee: f, i }]));
    a.fees.forEach((fee, i) => {
      const other = fb.get(fee.id);
      if (!other || (fee.waivedWhen === other.fee.waivedWhen && fee.waiverReason === other.fee.waiverReason)) return;
      const fix = [memberFix(join('/fees', i, 'waivedWhen'), other.fee.waivedWhen), memberFix(join('/fees', i, 'waiverReason'), other.fee.waiverReason)];
      // due only in some situations on both sides: the waiver concerns that share of applicants
      const due = fee.when !== undefined && other.fee.when !== undefined ? weights.conditional : 1;
      const change = situationChange(fee.waivedWhen, other.fee.waivedWhen, amountWeight(Math.min(fee.amount, other.fee.amount)) * due, weights.waivable, 'more');
      const base = { id: fee.id, name: fee.name.en, nameZh: fee.name.zh };
      if (!change) {
        if (!jsonEqual(fee.waiverReason, other.fee.waiverReason)) emit({ kind: 'changed', path: join('/fees', i, 'waiverReason'), burden: 'neutral', weight: 0, params: { ...base, relation: 'reason' }, fix });
        return;
      }
      const f = change.side === 'a' ? fee : other.fee;
      emit({
        kind: change.kind,
        path: join('/fees', change.side === 'a' ? i : other.i, 'waivedWhen'),
        burden: change.burden,
        weight: change.weight,
        params: { id: f.id, name: f.name.en, nameZh: f.name.zh, relation: change.relation, from: other.fee.waivedWhen, to: fee.waivedWhen },
        fix,
      });
    });
  },
};
