/** What a fee weighs: 1 per 10 yuan (at least 1), for the share of applicants who pay it. */
import type { Fee } from '../model/index.ts';
import { situationFactor } from './materials/weigh.ts';
import { weights } from './weights.ts';

/** The weight of an amount charged to every applicant (0 yuan weighs nothing). */
export const amountWeight = (amount: number): number => (amount > 0 ? Math.max(1, amount / 10) * weights.feePer10Yuan : 0);

/** The share of applicants who pay a fee: halved when it is due only in some situations, halved when it can be waived. */
export const feeShare = (fee: Fee): number => situationFactor(fee.when) * (fee.waivedWhen === undefined ? 1 : weights.waivable);

/** Whether any fee of a list is due only in some situations, or can be waived (with a reason); computed once per list. */
export interface FeeFacts {
  readonly conditional: boolean;
  readonly waivable: boolean;
}

const factsCache = new WeakMap<readonly Fee[], FeeFacts>();
const none: FeeFacts = { conditional: false, waivable: false };

/** The facts of a fee list (a baseline's serve all its variants); most lists have neither. */
export function feeFacts(fees: readonly Fee[]): FeeFacts {
  if (fees.length === 0) return none;
  let facts = factsCache.get(fees);
  if (!facts) {
    facts = { conditional: fees.some((f) => f.when !== undefined), waivable: fees.some((f) => f.waivedWhen !== undefined || f.waiverReason !== undefined) };
    factsCache.set(fees, facts);
  }
  return facts;
}
