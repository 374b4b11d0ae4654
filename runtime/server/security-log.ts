/**
 * The security log: every sign-in attempt (ok, failed, throttled), sign-out and ended session, with the client's
 * address and user agent, written to the store (so every server node's events land in one place).
 */
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../effects/clock.ts';
import type { SecurityEventKind, Store } from '../store/types.ts';

/** Where a request comes from: the connection's address and its user agent (cut to 300 characters). */
export function clientOf(request: FastifyRequest): { address: string; userAgent: string } {
  return { address: request.ip, userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300) };
}

/** Writes one event of a request to the security log. */
export type SecurityLogger = (request: FastifyRequest, kind: SecurityEventKind, username: string, detail?: string) => Promise<void>;

/** The security log of `store`, stamped by `clock`. */
export const securityLogger = (store: Store, clock: Clock): SecurityLogger => (request, kind, username, detail = '') =>
  store.appendSecurityEvent({ at: clock.now(), kind, username, ...clientOf(request), detail });
