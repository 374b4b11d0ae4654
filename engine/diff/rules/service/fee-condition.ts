import { join } from '../../../json/pointer.ts';
import { amountWeight, feeFacts } from '../../fees.ts';
import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';
import { memberFix, relationWords, situationChange } from '../situation.ts';

/**
 * The situation a fee both charge is due in (`when`, e.g. 二次往返 only for two entries): a condition added charges
 * fewer applicants (less burden, half the fee's weight), one dropped charges all (more); proven narrower or wider
 * moves half that again; otherwise neutral.
 */
export const feeConditionRule: DefinitionRule = {
  code: 'service.fee-condition',
  area: 'service',
  scope: 'definition',
  reads: ['/fees'],
  describe: {
    en: (p) =>
      p.relation === 'added' ? `charges “${p.name}” only in some situations` : p.relation === 'removed' ? `charges “${p.name}” in every situation, not only in some` : `charges “${p.name}” ${relationWords[String(p.relation)]!.en}`,
    zh: (p) =>
      p.relation === 'added' ? `收费“${p.nameZh}”改为仅特定情形下收取` : p.relation === 'removed' ? `收费“${p.nameZh}”改为所有情形下均收取` : `收费“${p.nameZh}”${relationWords[String(p.relation)]!.zh}`,
  },
  compare(a, b, emit) {
    if (!feeFacts(a.fees).conditional && !feeFacts(b.fees).conditional) return;
    const fb = new Map(b.fees.map((f, i) => [f.id, { fee: f, i }]));
    a.fees.forEach((fee, i) => {
      const other = fb.get(fee.id);
      if (!other || fee.when === other.fee.when) return;
      // waivable on both sides: the condition concerns the share who pay it
      const paying = fee.waivedWhen !== undefined && other.fee.waivedWhen !== undefined ? weights.waivable : 1;
      const change = situationChange(fee.when, other.fee.when, amountWeight(Math.min(fee.amount, other.fee.amount)) * paying, weights.conditional, 'less');
      if (!change) return;
      const f = change.side === 'a' ? fee : other.fee;
      emit({
        kind: change.kind,
        path: join('/fees', change.side === 'a' ? i : other.i, 'when'),
        burden: change.burden,
        weight: change.weight,
        params: { id: f.id, name: f.name.en, nameZh: f.name.zh, relation: change.relation, from: other.fee.when, to: fee.when },
        fix: [memberFix(join('/fees', i, 'when'), other.fee.when)],
      });
    });
  },
};
