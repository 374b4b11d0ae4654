/** The security log for reviewers: sign-in attempts (ok, failed, throttled), sign-outs and ended sessions. */
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { errors } from '../schemas.ts';

const eventBody = {
  type: 'object',
  additionalProperties: false,
  required: ['seq', 'at', 'kind', 'username', 'address', 'userAgent', 'detail'],
  properties: {
    seq: { type: 'integer', description: 'its number in the log: pass it as `before` for the next page' },
    at: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: ['sign-in', 'sign-in-failed', 'sign-in-throttled', 'sign-out', 'session-revoked'] },
    username: { type: 'string', description: 'the user name given (failed attempts: possibly no account’s)' },
    address: { type: 'string' },
    userAgent: { type: 'string' },
    detail: { type: 'string' },
  },
} as const;
const query = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    before: { type: 'integer', minimum: 1, description: 'only events numbered below this' },
    username: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

export function securityLogRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { limit: number; before?: number; username?: string } }>('/api/security-log', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['session'], summary: 'The security log, newest first (reviewers)', querystring: query,
      response: { 200: { description: 'security events, newest first', type: 'object', additionalProperties: false, required: ['events'], properties: { events: { type: 'array', items: eventBody } } }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    requireRole(request.user, ['reviewer'], 'read the security log');
    const events = await ctx.runtime.store.securityEvents(request.query);
    return { events: events.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
  });
}
