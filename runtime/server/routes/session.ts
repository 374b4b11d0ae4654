/** Sign-in routes: a CSRF token, signing in (throttled) and out, and who is signed in. */
import type { FastifyInstance } from 'fastify';
import { roles } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { HttpError, unauthenticated } from '../errors.ts';
import { errors, errorWithHeaders } from '../schemas.ts';
import { clientOf, securityLogger } from '../security-log.ts';

const user = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'role', 'subject', 'name'],
  properties: {
    id: { type: 'string', description: 'the user name' },
    role: { type: 'string', enum: roles },
    subject: { type: 'string', description: 'who the runtime knows them as: an applicant’s identity number, staff’s user id' },
    name: { type: 'string' },
    region: { type: 'string', pattern: '^[0-9]{6,12}$', description: 'officials: the region their authority covers (the province: baselines and every variant; a city or county: its own variants)' },
    department: { type: 'string', description: 'staff of a department (police, health, …): they also act on the one-thing bundles’ steps of their department’s role (police-clerk)' },
  },
} as const;
const userBody = { description: 'the signed-in user', type: 'object', additionalProperties: false, required: ['user'], properties: { user } } as const;
const tokenBody = { description: 'a CSRF token (its secret is in the signed _csrf cookie)', type: 'object', additionalProperties: false, required: ['token'], properties: { token: { type: 'string' } } } as const;
const retryAfter = { 'retry-after': { type: 'string', pattern: '^[0-9]+$', description: 'seconds to wait' } };

export function sessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx.runtime;
  const log = securityLogger(store, ctx.clock);

  app.get('/api/csrf', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'A CSRF token: send it as the x-csrf-token header of every POST, PUT and DELETE', response: { 200: tokenBody, ...errors() } },
  }, async (_request, reply) => ({ token: reply.generateCsrf() }));

  app.post<{ Body: { username: string; password: string } }>('/api/session', {
    config: { access: 'public' },
    schema: {
      tags: ['session'], summary: 'Sign in with a local account; sets the signed, HttpOnly session cookie. Throttled: 429 with Retry-After after repeated failures',
      body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 200 } } },
      response: { 200: userBody, ...errors(400, 401, 403, 413, 415), 429: errorWithHeaders(429, retryAfter) },
    },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const attempt = await ctx.signInThrottle.attempt(username, clientOf(request).address);
    if (!attempt.allowed) {
      await log(request, 'sign-in-throttled', username, `waits on its ${attempt.by.join(' and ')}; retry after ${attempt.retryAfter} s`);
      // the same answer for every user name, known or not
      return reply.status(429).header('retry-after', String(attempt.retryAfter)).send({
        error: { code: 'throttled', message: `too many failed sign-ins: try again in ${attempt.retryAfter} seconds`, retryAfter: attempt.retryAfter },
      });
    }
    const signedIn = await ctx.authenticator.signIn(username, password);
    if (!signedIn) {
      await log(request, 'sign-in-failed', username);
      throw new HttpError(401, 'bad-credentials', 'unknown user name or wrong password');
    }
    await attempt.succeeded();
    // a sign-in replaces the browser's previous session
    if (request.session) await store.endSession(request.session.id, request.session.user.id);
    const session = await ctx.sessions.start(request, reply, signedIn);
    await log(request, 'sign-in', username, `session ${session.id}`);
    return { user: signedIn };
  });

  app.get('/api/session', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'The signed-in user', response: { 200: userBody, ...errors(401) } },
  }, async (request) => {
    if (!request.user) throw unauthenticated();
    return { user: request.user };
  });

  app.delete('/api/session', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Sign out: ends the session in the store and clears the cookie', response: { 204: { type: 'null', description: 'signed out' }, ...errors(403) } },
  }, async (request, reply) => {
    const session = request.session;
    if (session && (await store.endSession(session.id, session.user.id))) await log(request, 'sign-out', session.user.id, `session ${session.id}`);
    ctx.sessions.clearCookie(reply);
    return reply.status(204).send();
  });
}
