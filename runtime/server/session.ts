/**
 * Sessions in a signed, HttpOnly, SameSite=Strict cookie holding the signed-in user and an expiry: no server-side
 * session table, so sessions survive restarts (the signing secret is kept in the data folder).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roles, type User } from './auth.ts';

export const sessionCookie = 'onematter_session';
/** How long a session lasts without signing in again. */
export const sessionSeconds = 8 * 3600;

interface SessionValue {
  readonly user: User;
  readonly exp: number;
}

/** Starts a session for `user` (replacing any other). */
export function startSession(reply: FastifyReply, user: User, now = Date.now()): void {
  const value: SessionValue = { user: { id: user.id, role: user.role, subject: user.subject, name: user.name }, exp: now + sessionSeconds * 1000 };
  reply.setCookie(sessionCookie, Buffer.from(JSON.stringify(value)).toString('base64url'), {
    signed: true, httpOnly: true, sameSite: 'strict', path: '/', maxAge: sessionSeconds, secure: reply.request.protocol === 'https',
  });
}

/** Ends the session. */
export function endSession(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}

/** The signed-in user of a request, if its cookie is validly signed and not expired. */
export function sessionUser(request: FastifyRequest, now = Date.now()): User | undefined {
  const raw = request.cookies[sessionCookie];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const value = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as SessionValue;
    const u = value.user;
    if (typeof value.exp !== 'number' || value.exp <= now || typeof u?.id !== 'string' || typeof u.subject !== 'string' || !(roles as readonly string[]).includes(u.role)) return undefined;
    return { id: u.id, role: u.role, subject: u.subject, name: String(u.name) };
  } catch {
    return undefined;
  }
}
