import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/**
 * A fee waiver (减免) comes with its reason, which the guide shows beside the condition; a reason without a
 * condition is a waiver that never applies (the condition was forgotten).
 */
export const feeWaiversRule: Rule<MatterDefinition> = {
  name: 'fee-waivers',
  codes: ['fee.waiver-reason-missing', 'fee.waiver-condition-missing'],
  check({ file, value }) {
    const problems: Problem[] = [];
    value.fees.forEach((fee, i) => {
      const at = join('/fees', i);
      if (fee.waivedWhen !== undefined && fee.waiverReason === undefined) {
        problems.push(problem('fee.waiver-reason-missing', file, join(at, 'waivedWhen'), { fee: fee.id }));
      } else if (fee.waivedWhen === undefined && fee.waiverReason !== undefined) {
        problems.push(problem('fee.waiver-condition-missing', file, join(at, 'waiverReason'), { fee: fee.id }));
      }
    });
    return problems;
  },
};
