/** A signed-in user's sessions: list them (the current one marked), end another one, or end all others. */
import type { FastifyInstance } from 'fastify';
import type { SessionRecord } from '../../store/types.ts';
import { signedIn } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { notFound, unauthenticated } from '../errors.ts';
import { errors } from '../schemas.ts';
import { securityLogger } from '../security-log.ts';

const sessionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'current', 'createdAt', 'lastSeenAt', 'expiresAt', 'address', 'userAgent'],
  properties: {
    id: { type: 'string', description: 'the session id (not its token)' },
    current: { type: 'boolean', description: 'the session of this request' },
    createdAt: { type: 'string', format: 'date-time', description: 'signed in' },
    lastSeenAt: { type: 'string', format: 'date-time', description: 'last request recorded (at most once a minute)' },
    expiresAt: { type: 'string', format: 'date-time', description: 'ends at the latest (earlier when idle)' },
    address: { type: 'string', description: 'client address at sign-in' },
    userAgent: { type: 'string', description: 'user agent at sign-in' },
  },
} as const;
const listBody = { description: 'your live sessions, newest first', type: 'object', additionalProperties: false, required: ['sessions'], properties: { sessions: { type: 'array', items: sessionBody } } } as const;
const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$', description: 'session id' } } } as const;

export function sessionsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx.runtime;
  const { sessions } = ctx;
  const log = securityLogger(store, ctx.clock);
  const current = (session: SessionRecord | undefined): SessionRecord => {
    if (!session) throw unauthenticated();
    return session;
  };

  app.get('/api/sessions', {
    config: { access: 'signed-in' },
    schema: { tags: ['session'], summary: 'Your live sessions, newest first; `current` marks this one', response: { 200: listBody, ...errors(401) } },
  }, async (request) => {
    const me = current(request.session);
    const now = ctx.clock.now();
    const live = (await store.sessionsOf(signedIn(request.user).id)).filter((s) => now < s.expiresAt && now - s.lastSeenAt < sessions.idleMs);
    return {
      sessions: live.map((s) => ({
        id: s.id, current: s.id === me.id, createdAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), expiresAt: iso(s.expiresAt), address: s.address, userAgent: s.userAgent,
      })),
    };
  });

  app.delete('/api/sessions/others', {
    config: { access: 'signed-in' },
    schema: { tags: ['session'], summary: 'End all your other sessions (this one stays)', response: { 200: { description: 'the other sessions were ended', type: 'object', additionalProperties: false, required: ['ended'], properties: { ended: { type: 'integer', minimum: 0, description: 'how many sessions were ended' } } }, ...errors(401, 403) } },
  }, async (request) => {
    const me = current(request.session);
    const ended = await store.endOtherSessions(me.user.id, me.id);
    for (const id of ended) await log(request, 'session-revoked', me.user.id, `session ${id} ended from session ${me.id}`);
    return { ended: ended.length };
  });

  app.delete<{ Params: { id: string } }>('/api/sessions/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['session'], summary: 'End one of your sessions (ending this one signs out)', params: idParams, response: { 204: { type: 'null', description: 'ended' }, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const me = current(request.session);
    // only your own: someone else's session id is as unknown as a made-up one
    if (!(await store.endSession(request.params.id, me.user.id))) throw notFound(`session ${request.params.id}`);
    await log(request, 'session-revoked', me.user.id, `session ${request.params.id} ended from session ${me.id}`);
    if (request.params.id === me.id) sessions.clearCookie(reply);
    return reply.status(204).send();
  });
}

const iso = (ms: number) => new Date(ms).toISOString();
