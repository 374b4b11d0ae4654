/**
 * A certificate's validity as its sealed document states it: from the day of issue (China Standard Time) until
 * `validUntil` (inclusive), or long-term, or depending on the holder (a note), or not stated — and whether it has run
 * out on a given day. The print view and the public check read it the same way.
 */
import { cstDate } from '../effects/working-days.ts';

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** `years`: a fixed term ending on `until`; `long-term` (长期); `conditional`: it depends on the holder (`note`); `unstated`. */
export type ValidityKind = 'years' | 'long-term' | 'conditional' | 'unstated';

export interface CertificateValidity {
  /** `YYYY-MM-DD`, the day of issue in China Standard Time; null when the document gives no readable time. */
  readonly from: string | null;
  /** `YYYY-MM-DD`, the last day it is valid; null when it has no end date. */
  readonly until: string | null;
  readonly kind: ValidityKind;
  readonly note: LocalizedText | null;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A `{ zh, en }` text, or null for anything else (a stored document is read, never trusted to be well formed). */
export function localizedOf(value: unknown): LocalizedText | null {
  if (typeof value !== 'object' || value === null) return null;
  const { zh, en } = value as Record<string, unknown>;
  return typeof zh === 'string' && typeof en === 'string' ? { zh, en } : null;
}

/** The validity of a certificate document (runtime/certificates/issue.ts); unreadable parts become null / unstated. */
export function validityOf(document: unknown): CertificateValidity {
  const d = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  const issuedAt = typeof d.issuedAt === 'string' ? Date.parse(d.issuedAt) : Number.NaN;
  const until = typeof d.validUntil === 'string' && datePattern.test(d.validUntil) ? d.validUntil : null;
  const stated = typeof d.validity === 'object' && d.validity !== null ? (d.validity as Record<string, unknown>) : {};
  // certificates issued before the document carried `validity` have only `validUntil` (a term in years) or nothing
  const kind: ValidityKind = until ? 'years' : stated.kind === 'long-term' || stated.kind === 'conditional' ? stated.kind : 'unstated';
  return { from: Number.isFinite(issuedAt) ? cstDate(issuedAt) : null, until, kind, note: localizedOf(stated.note) };
}

/** Whether the validity has run out by `now` (a day after `until`, China Standard Time). */
export const expiredAt = (validity: CertificateValidity, now: number): boolean => validity.until !== null && cstDate(now) > validity.until;
