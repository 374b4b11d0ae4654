/**
 * The audit seal: an HMAC-SHA256 over a case's id, revision and audit head — and the row's fields that decide who may
 * do what (the pinned definition hash, the applicant, the state and status) — kept on the case row. The hash chain
 * alone is open source — anyone can recompute it after rewriting events — so the head is sealed with a key only the
 * runtime holds. A write computes one HMAC (microseconds) and never reads the trail; every step checks the seal of
 * the row it starts from, so a row edited in the database takes no further step.
 */
import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Signer } from '../certificates/signer.ts';
import type { AuditEvent, CaseRecord } from '../store/types.ts';
import { verifyChain, type AuditCheck } from './audit.ts';
import { InvalidArgumentError } from './errors.ts';

/** Seals and checks case heads under one key. */
export interface AuditSealer {
  seal(record: SealedFields): string;
  verify(record: SealedFields, seal: string): boolean;
}

/** The fields of a case row the seal covers. */
export type SealedFields = Pick<CaseRecord, 'id' | 'revision' | 'auditHead' | 'hash' | 'applicant' | 'state' | 'status'>;

// What the signer signs to derive the key: Ed25519 signatures are deterministic, so one signing key gives one seal key.
const derivationLabel = 'onematter audit seal key v1';
// Without a signer or key the runtime's seal (and so its signer) is a throwaway demo: a fixed, public key keeps seals
// verifying across processes and restarts, and protects nothing. Production passes `auditKey` or a kept signer.
const demoKey = createHash('sha256').update('onematter demo audit seal key: pass auditKey or a kept signer').digest();

/** The seal key: `auditKey` as given, else derived from the signer (sha256 of its signature of a fixed label), else the demo key. */
export function auditKeyOf(options: { auditKey?: string | Uint8Array; signer?: Signer }): KeyObject {
  const { auditKey, signer } = options;
  if (auditKey !== undefined) {
    const bytes = typeof auditKey === 'string' ? Buffer.from(auditKey, 'utf8') : auditKey instanceof Uint8Array ? auditKey : undefined;
    if (!bytes || bytes.length === 0) throw new InvalidArgumentError('options.auditKey', 'must be a non-empty string or Uint8Array');
    return createSecretKey(Buffer.from(bytes));
  }
  if (signer) return createSecretKey(createHash('sha256').update(signer.sign(derivationLabel)).digest());
  return createSecretKey(demoKey);
}

/** A sealer over `key`. */
export function auditSealer(key: KeyObject): AuditSealer {
  const seal = (r: SealedFields) =>
    createHmac('sha256', key).update(JSON.stringify([r.id, r.revision, r.auditHead, r.hash, r.applicant, r.state, r.status])).digest('hex');
  return {
    seal,
    verify(record, given) {
      const expected = Buffer.from(seal(record), 'hex');
      const actual = Buffer.from(given, 'hex');
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

/**
 * A case's audit trail checked against its row: the chain itself (verifyChain), one event per revision, the last
 * event's hash equal to the case's audit head, and that head's seal under the runtime's audit key.
 */
export function caseAuditCheck(record: CaseRecord, events: readonly AuditEvent[], sealer: AuditSealer): AuditCheck {
  const chain = verifyChain(events);
  if (!chain.ok) return chain;
  const n = events.length;
  const fail = (reason: string): AuditCheck => ({ ok: false, events: n, seq: n, reason });
  if (n !== record.revision) {
    return { ok: false, events: n, seq: n + 1, reason: `the case is at revision ${record.revision} but has ${n} events: the last ones were removed` };
  }
  if (events[n - 1]!.hash !== record.auditHead) return fail(`the chain does not end at the case's audit head: event ${n} was altered, removed or rechained`);
  if (!record.auditSeal) return fail('the case has no audit seal: it was removed, or the case was last written before seals');
  if (!sealer.verify(record, record.auditSeal)) {
    return fail("the audit seal does not match the case row (id, revision, audit head, definition, applicant, state, status): the trail or the row was rewritten without the runtime's audit key");
  }
  return chain;
}
