/**
 * What a stranger holding a printed certificate may see when they follow its QR code (GET
 * /api/public/certificates/:id): the holder's name and masked identity number, issuer, matter, issue date, validity,
 * and the server's own check of the stored document — never the full identity number, the case's answers or files.
 */
import { createHash } from 'node:crypto';
import { isIdNumber, maskId } from './identity-mask.ts';
import type { CertificateCheck, SealFailure } from './signer.ts';
import { expiredAt, localizedOf, validityOf, type CertificateValidity, type LocalizedText } from './validity.ts';

/**
 * Why the stored certificate is not valid: its seal fails (signer.ts codes), or the sealed document belongs to another
 * certificate (`id-mismatch`), another case (`case-mismatch`) or another person than the case's applicant
 * (`holder-mismatch`) — a row swapped or edited in the database.
 */
export type PublicCheckFailure = SealFailure | 'id-mismatch' | 'case-mismatch' | 'holder-mismatch';

/** `valid`: sealed and within its validity today; `expired`: sealed but past `validity.until`; `invalid`: the check failed. */
export type CertificateStatus = 'valid' | 'expired' | 'invalid';

export interface PublicCertificate {
  readonly id: string;
  readonly status: CertificateStatus;
  readonly check: { readonly ok: true; readonly keyId: string } | { readonly ok: false; readonly code: PublicCheckFailure };
  readonly title: LocalizedText | null;
  /** The name as sealed, and the identity number masked (3301**********1237); the number only when the check passed. */
  readonly holder: { readonly name: string | null; readonly idNumber: string | null };
  readonly issuer: LocalizedText | null;
  readonly matter: { readonly title: LocalizedText | null; readonly region: LocalizedText | null };
  /** ISO date-time of issue, as sealed. */
  readonly issuedAt: string | null;
  readonly validity: CertificateValidity;
  /** When the server checked (its clock), ISO: "valid today" means on this day. */
  readonly checkedAt: string;
}

/** What the public view is made from: the stored row, the seal check of its document, the case's applicant. */
export interface PublicCertificateInput {
  readonly id: string;
  readonly caseId: string;
  /** The stored signed certificate ({ document, seal }). */
  readonly signed: unknown;
  readonly check: CertificateCheck;
  /** The case's applicant (identity number), when the case is still there. */
  readonly applicant: string | undefined;
  readonly now: number;
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The public view of a stored certificate (pure: the caller loads the row and the case and checks the seal). */
export function publicCertificate(input: PublicCertificateInput): PublicCertificate {
  const signed = record(input.signed);
  const d = record(signed.document);
  const holder = record(d.holder);
  const matter = record(d.matter);
  const failure = checkFailure(input, d, holder);
  const validity = validityOf(d);
  const status: CertificateStatus = failure ? 'invalid' : expiredAt(validity, input.now) ? 'expired' : 'valid';
  return {
    id: input.id,
    status,
    check: failure ? { ok: false, code: failure } : { ok: true, keyId: String(record(signed.seal).keyId) },
    title: localizedOf(d.title),
    holder: { name: text(holder.name), idNumber: !failure && isIdNumber(input.applicant) ? maskId(input.applicant) : null },
    issuer: localizedOf(record(d.issuer).name),
    matter: { title: localizedOf(matter.title), region: localizedOf(record(matter.region).name) },
    issuedAt: text(d.issuedAt),
    validity,
    checkedAt: new Date(input.now).toISOString(),
  };
}

// The first reason the stored certificate cannot be trusted, or undefined when it can.
function checkFailure(input: PublicCertificateInput, d: Record<string, unknown>, holder: Record<string, unknown>): PublicCheckFailure | undefined {
  if (!input.check.ok) return input.check.code ?? 'unreadable';
  if (d.certificateId !== input.id) return 'id-mismatch';
  if (d.caseId !== input.caseId) return 'case-mismatch';
  if (input.applicant !== undefined && holder.idNumberHash !== sha256(input.applicant)) return 'holder-mismatch';
  return undefined;
}
