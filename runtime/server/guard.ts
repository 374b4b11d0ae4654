/**
 * The gate in front of every route: each route must declare who may call it (`config.access`), the signed-in
 * user is read from the session (cookie token → store), a missing sign-in is 401, and every state-changing request
 * must carry a valid CSRF token (`x-csrf-token`, from GET /api/csrf) unless the route changes nothing
 * (`config.csrf: false`). Role and ownership checks are in access.ts, called by the handlers.
 */
import type { FastifyInstance } from 'fastify';
import type { SessionRecord } from '../store/types.ts';
import type { User } from './auth.ts';
import { unauthenticated } from './errors.ts';
import { userOf, type Sessions } from './session.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public`: anyone; `signed-in`: any signed-in user (handlers check roles). */
    access?: 'public' | 'signed-in';
    /** false for POST routes that change nothing (verifying a certificate): no CSRF token needed. */
    csrf?: boolean;
    /** true for answers that never change (keyed by a content hash): browsers may keep them; everything else is no-store. */
    immutable?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in user, if any. */
    user: User | undefined;
    /** The request's live session, if any. */
    session: SessionRecord | undefined;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Installs the gate; register it before any route. */
export function installGuard(app: FastifyInstance, sessions: Sessions): void {
  app.decorateRequest('user', undefined);
  app.decorateRequest('session', undefined);
  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined) throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
  });
  app.addHook('onRequest', (request, reply, done) => {
    sessions.resolve(request).then((session) => {
      request.session = session;
      request.user = session && userOf(session);
      const config = request.routeOptions.config;
      if (config.access === 'signed-in' && !request.user) return done(unauthenticated());
      if (safeMethods.has(request.method) || config.csrf === false || config.access === undefined) return done();
      app.csrfProtection(request, reply, done);
    }, done);
  });
}
