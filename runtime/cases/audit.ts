/**
 * The audit trail: append-only events, each hashed with the previous one (SHA-256 over canonical JSON), so any
 * altered, removed or reordered event breaks the chain.
 */
import { createHash } from 'node:crypto';
import { canonical } from '../../engine/json/equal.ts';
import type { AuditEvent } from '../store/types.ts';

export const genesisHash = '0'.repeat(64);

/** The hash of an event's content chained to the previous hash. */
export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  const { caseId, seq, at, actor, role, type, from, to, payload, prevHash } = e;
  return createHash('sha256').update(canonical({ caseId, seq, at, actor, role, type, from: from ?? null, to: to ?? null, payload: payload ?? null, prevHash })).digest('hex');
}

/** Makes the next event of a chain, after `previous` (its seq and hash; none for the first event). */
export function nextEvent(previous: Pick<AuditEvent, 'seq' | 'hash'> | undefined, e: Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>): AuditEvent {
  const partial = { ...e, seq: previous ? previous.seq + 1 : 1, prevHash: previous?.hash ?? genesisHash };
  return { ...partial, hash: eventHash(partial) };
}

export type AuditCheck = { ok: true; events: number } | { ok: false; events: number; seq: number; reason: string };

/** Verifies a case's chain: contiguous sequence from 1, each event's hash and link. */
export function verifyChain(events: readonly AuditEvent[]): AuditCheck {
  let prev = genesisHash;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.seq !== i + 1) return { ok: false, events: events.length, seq: e.seq, reason: `event ${i + 1} is missing or out of order` };
    if (e.prevHash !== prev) return { ok: false, events: events.length, seq: e.seq, reason: `event ${e.seq} does not follow event ${e.seq - 1}` };
    if (eventHash(e) !== e.hash) return { ok: false, events: events.length, seq: e.seq, reason: `event ${e.seq} was altered` };
    prev = e.hash;
  }
  if (events.length === 0) return { ok: false, events: 0, seq: 0, reason: 'the case has no audit events' };
  return { ok: true, events: events.length };
}
