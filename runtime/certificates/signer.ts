/**
 * Electronic seals: a certificate is signed with the issuing department's Ed25519 key (node:crypto). The signature
 * covers the canonical JSON of the document, so any changed byte or a different key fails verification.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonical } from '../../engine/json/equal.ts';

export interface Signer {
  /** Identifies the key; verifiers look its public key up by this id. */
  readonly keyId: string;
  sign(document: unknown): string;
  /** The public key, PEM, for publishing. */
  readonly publicKeyPem: string;
}

/** A signer over an Ed25519 private key (PEM), or a freshly generated one (for demos and tests). */
export function ed25519Signer(keyId: string, privateKeyPem?: string): Signer {
  const privateKey: KeyObject = privateKeyPem ? createPrivateKey(privateKeyPem) : generateKeyPairSync('ed25519').privateKey;
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { keyId, publicKeyPem, sign: (document) => sign(null, Buffer.from(canonical(document)), privateKey).toString('base64') };
}

/** A signed certificate: the document, and the seal over it. */
export interface SignedCertificate {
  readonly document: Record<string, unknown>;
  readonly seal: { readonly alg: 'Ed25519'; readonly keyId: string; readonly signature: string };
}

/** Why a seal check failed, as a code the UI words (the `reason` says it in English, for logs and the CLI). */
export type SealFailure = 'not-a-certificate' | 'unknown-key' | 'signature-mismatch' | 'unreadable';

// `code` is optional only for checks made elsewhere before codes existed (the runtime's guard around unreadable
// trusted keys): readers take a missing code as 'unreadable'
export type CertificateCheck = { ok: true } | { ok: false; code?: SealFailure; reason: string };

/** Verifies a signed certificate against trusted public keys (keyId → PEM); never throws. */
export function verifyCertificate(signed: unknown, trustedKeys: Readonly<Record<string, string>>): CertificateCheck {
  try {
    const c = signed as SignedCertificate;
    if (typeof c !== 'object' || c === null || typeof c.document !== 'object' || c.seal?.alg !== 'Ed25519') return { ok: false, code: 'not-a-certificate', reason: 'not a signed onematter certificate' };
    const pem = Object.hasOwn(trustedKeys, c.seal.keyId) ? trustedKeys[c.seal.keyId] : undefined;
    if (!pem) return { ok: false, code: 'unknown-key', reason: `unknown signing key ${JSON.stringify(c.seal.keyId)}` };
    const good = verify(null, Buffer.from(canonical(c.document)), createPublicKey(pem), Buffer.from(c.seal.signature, 'base64'));
    return good ? { ok: true } : { ok: false, code: 'signature-mismatch', reason: 'the signature does not match the document' };
  } catch (error) {
    return { ok: false, code: 'unreadable', reason: `unreadable certificate: ${error instanceof Error ? error.message : String(error)}` };
  }
}
