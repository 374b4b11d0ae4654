/** The content hash of an e-licence (server side only: the portal bundles the demo licences, not node:crypto). */
import { createHash } from 'node:crypto';
import type { Licence } from './licences.ts';

/** sha256 (hex) of a licence's fields in a fixed order, so equal content hashes equally. */
export function licenceHash(l: Omit<Licence, 'hash'>): string {
  const content = [l.id, l.type, l.name.zh, l.name.en, l.issuer.zh, l.issuer.en, l.holder, l.issuedAt, l.validUntil ?? ''];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
