/**
 * The Fastify application: 1 MiB body limit, JSON only, unknown properties refused by the route schemas, signed
 * cookies, CSRF, the access gate, JSON errors, no-store/nosniff headers, the OpenAPI document, the routes and the web UI.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerContext } from './context.ts';
import { installErrorHandlers } from './errors.ts';
import { installGuard } from './guard.ts';
import { registerOpenApi } from './openapi.ts';
import { caseRoutes } from './routes/cases.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { definitionRoutes } from './routes/definitions.ts';
import { sessionRoutes } from './routes/session.ts';
import { registerWeb } from './web.ts';
import { errorBody } from './schemas.ts';

/** Largest request body accepted (413 above it). */
export const bodyLimit = 1024 * 1024;

/** Builds the application (not listening yet). */
export async function buildApp(ctx: ServerContext, options: { cookieSecret: string; logger?: FastifyServerOptions['logger']; webDir?: string }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // schemas refuse what they do not name instead of silently dropping it; query strings still coerce types
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });
  // response schemas document the API; bodies are written whole (nothing stripped by a serializer)
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeContentTypeParser('text/plain'); // the API speaks JSON only: anything else is 415
  installErrorHandlers(app);
  // answers carry personal data: never cached, never sniffed into another type, never framed
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY');
  });
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(csrf, { cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/' } });
  app.addSchema(errorBody);
  await registerOpenApi(app);
  installGuard(app);
  sessionRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  caseRoutes(app, ctx);
  certificateRoutes(app, ctx);
  await app.register(async (scope) => definitionRoutes(scope, ctx));
  await registerWeb(app, options.webDir);
  return app;
}
