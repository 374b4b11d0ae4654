/** Sign-in routes: a CSRF token, signing in and out, and who is signed in. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { HttpError, unauthenticated } from '../errors.ts';
import { errors } from '../schemas.ts';
import { endSession, startSession } from '../session.ts';

const user = { type: 'object', properties: { id: { type: 'string' }, role: { type: 'string' }, subject: { type: 'string' }, name: { type: 'string' } } } as const;
const userBody = { type: 'object', properties: { user } } as const;

export function sessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/csrf', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'A CSRF token: send it as the x-csrf-token header of every POST, PUT and DELETE', response: { 200: { type: 'object', properties: { token: { type: 'string' } } } } },
  }, async (_request, reply) => ({ token: reply.generateCsrf() }));

  app.post<{ Body: { username: string; password: string } }>('/api/session', {
    config: { access: 'public' },
    schema: {
      tags: ['session'], summary: 'Sign in with a local account; sets the signed, HttpOnly session cookie',
      body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 200 } } },
      response: { 200: userBody, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const signedIn = await ctx.authenticator.signIn(request.body.username, request.body.password);
    if (!signedIn) throw new HttpError(401, 'bad-credentials', 'unknown user name or wrong password');
    startSession(reply, signedIn);
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
    schema: { tags: ['session'], summary: 'Sign out (clears the session cookie)', response: { 204: { type: 'null', description: 'signed out' }, ...errors(403) } },
  }, async (_request, reply) => {
    endSession(reply);
    return reply.status(204).send();
  });
}
