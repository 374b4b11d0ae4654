/**
 * Reference numbers people can read out on the phone: `ZJ-<year>-<6 digits>` (ZJ-2026-000123), given once, at a
 * case's first submission, numbered per year of submission in China Standard Time. The submit's write claims the
 * year's next number in its own transaction (store CaseWrite.reference); when a racing submit took it first, the
 * write is refused whole and the submit is tried again with the number after it, so no two cases share one, none is
 * skipped, and none is given twice.
 */
import { cstDate } from '../effects/working-days.ts';
import type { CaseRecord, ReferenceClaim, Store } from '../store/types.ts';
import { ConflictError } from './errors.ts';

/** The province's prefix (浙江). */
export const referencePrefix = 'ZJ';

/** What a reference looks like (numbers past 999,999 in a year grow a digit rather than wrap). */
export const referencePattern = /^ZJ-\d{4}-\d{6,}$/;

/** A reference and the counter claim that gives it. */
export interface NumberedReference extends ReferenceClaim {
  readonly reference: string;
}

/** `ZJ-2026-000123` for the 123rd case submitted in 2026. */
export const formatReference = (year: number, seq: number): string => `${referencePrefix}-${year}-${String(seq).padStart(6, '0')}`;

/** The year a reference given at `now` counts in: China Standard Time's (UTC+8), so the year turns at CST midnight. */
export const referenceYear = (now: number): number => Number(cstDate(now).slice(0, 4));

/** Whether a step numbers the case: its first submission (a draft's SUBMIT) of a case not numbered yet. */
export const numbers = (record: CaseRecord, eventType: string): boolean => record.status === 'draft' && eventType === 'SUBMIT' && !record.reference;

/** The reference a case submitted at `now` would take: the year's next number, claimed by the submit's write. */
export async function nextReference(store: Store, now: number): Promise<NumberedReference> {
  const year = referenceYear(now);
  const seq = (await store.lastReference(year)) + 1;
  return { year, seq, reference: formatReference(year, seq) };
}

/** Thrown by a write whose reference a racing submit took first: nothing was written, the submit may run again. */
export class ReferenceRaced extends Error {}

/** Gives up after this many races in a row (each lost race means another case was numbered meanwhile). */
const maxAttempts = 100;

/** Submits numbered more times in a row than the runtime tries: the submit is refused as a conflict, to try again. */
export class ReferenceBusyError extends ConflictError {
  constructor(caseId: string) {
    super(caseId, 0, undefined);
    this.message = `case ${caseId} was not submitted: ${maxAttempts} other submissions took the next reference number first; try again`;
  }
}

/** Runs a submit, again while racing submits take the reference it claims (nothing was written by a lost race). */
export async function retryingReference<T>(caseId: string, submit: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await submit();
    } catch (error) {
      if (!(error instanceof ReferenceRaced)) throw error;
      if (attempt >= maxAttempts) throw new ReferenceBusyError(caseId);
    }
  }
}
