/**
 * The audit seal: an HMAC-SHA256 over a case's id, revision and audit head, kept on the case row. The hash chain
 * alone is open source — anyone can recompute it after rewriting events — so the head is sealed with a key only the
 * runtime holds. A write computes one HMAC (microseconds) and never reads the trail.
 */
import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Signer } from '../certificates/signer.ts';
import { InvalidArgumentError } from './errors.ts';

/** Seals and checks case heads under one key. */
export interface AuditSealer {
  seal(caseId: string, revision: number, auditHead: string): string;
  verify(caseId: string, revision: number, auditHead: string, seal: string): boolean;
}

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
  const seal = (caseId: string, revision: number, auditHead: string) =>
    createHmac('sha256', key).update(JSON.stringify([caseId, revision, auditHead])).digest('hex');
  return {
    seal,
    verify(caseId, revision, auditHead, given) {
      const expected = Buffer.from(seal(caseId, revision, auditHead), 'hex');
      const actual = Buffer.from(given, 'hex');
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
