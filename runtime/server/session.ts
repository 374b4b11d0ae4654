/**
 * Server-side sessions. The cookie (signed, HttpOnly, SameSite=Strict) carries only a random token; the store keeps
 * its sha256 with the user, the times and where the client signed in from. So signing out revokes a session for
 * good (a copied cookie stops working), sessions survive restarts, and several server nodes can share them. A session
 * ends after a spell without requests (idle timeout) or a fixed time after sign-in (absolute timeout), whichever
 * comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../effects/clock.ts';
import type { SessionRecord, Store } from '../store/types.ts';
import { roles, type User } from './auth.ts';
import { clientOf } from './security-log.ts';

export const sessionCookie = 'onematter_session';

/** Session timeouts, in seconds. */
export interface SessionTimeouts {
  /** Ends a session after this long without a request (default 30 minutes). */
  readonly idleSeconds?: number;
  /** Ends a session this long after sign-in, however active (default 8 hours). */
  readonly maxSeconds?: number;
}

export const defaultIdleSeconds = 30 * 60;
export const defaultMaxSeconds = 8 * 3600;

/** The hex sha256 of a session token: what the store keys sessions by. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The sessions of one server (their state is in the store). */
export class Sessions {
  readonly idleMs: number;
  readonly maxMs: number;
  // last-seen is written at most this often (not on every request); idle time counts from the last one written
  private readonly touchMs: number;
  private lastPurge = -Infinity;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    timeouts: SessionTimeouts = {},
  ) {
    this.idleMs = (timeouts.idleSeconds ?? defaultIdleSeconds) * 1000;
    this.maxMs = (timeouts.maxSeconds ?? defaultMaxSeconds) * 1000;
    this.touchMs = Math.min(60_000, this.idleMs / 4);
  }

  /** Starts a session for `user`: a fresh random token in the cookie, its hash in the store. */
  async start(request: FastifyRequest, reply: FastifyReply, user: User): Promise<SessionRecord> {
    const now = this.clock.now();
    await this.purge(now);
    const token = randomBytes(32).toString('base64url');
    const session: SessionRecord = {
      id: randomBytes(16).toString('base64url'), tokenHash: tokenHash(token), user: { id: user.id, role: user.role, subject: user.subject, name: user.name, ...(user.region ? { region: user.region } : {}), ...(user.department ? { department: user.department } : {}) },
      createdAt: now, lastSeenAt: now, expiresAt: now + this.maxMs, ...clientOf(request),
    };
    await this.store.createSession(session);
    reply.setCookie(sessionCookie, token, {
      signed: true, httpOnly: true, sameSite: 'strict', path: '/', maxAge: Math.floor(this.maxMs / 1000), secure: request.protocol === 'https',
    });
    return session;
  }

  /** The live session of a request's cookie, if any (recording the request); a dead one is deleted. */
  async resolve(request: FastifyRequest): Promise<SessionRecord | undefined> {
    const raw = request.cookies[sessionCookie];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return undefined;
    const session = await this.store.session(tokenHash(unsigned.value));
    if (!session) return undefined;
    const now = this.clock.now();
    if (now >= session.expiresAt || now - session.lastSeenAt >= this.idleMs || !userOf(session)) {
      await this.store.endSession(session.id, session.user.id);
      return undefined;
    }
    if (now - session.lastSeenAt >= this.touchMs) await this.store.touchSession(session.id, now);
    return session;
  }

  /** Clears the session cookie (the caller ends the session in the store). */
  clearCookie(reply: FastifyReply): void {
    reply.clearCookie(sessionCookie, { path: '/' });
  }

  // Deletes dead sessions, at most once a minute per process.
  private async purge(now: number): Promise<void> {
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    await this.store.purgeSessions(now, now - this.idleMs);
  }
}

/** The signed-in user of a session; undefined when its stored role is not one of the server's roles. */
export function userOf(session: SessionRecord): User | undefined {
  const { id, role, subject, name, region, department } = session.user;
  return (roles as readonly string[]).includes(role) ? { id, role: role as User['role'], subject, name, ...(region ? { region } : {}), ...(department ? { department } : {}) } : undefined;
}
