/**
 * The Fastify application: 1 MiB body limit, JSON only, unknown properties refused by the route schemas, security
 * headers (CSP and friends), signed cookies, CSRF, server-side sessions and the access gate, JSON errors, no-store,
 * the OpenAPI document, the routes and the web UI.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerContext } from './context.ts';
import { installErrorHandlers } from './errors.ts';
import { installGuard } from './guard.ts';
import { registerSecurityHeaders } from './headers.ts';
import { registerOpenApi } from './openapi.ts';
import { caseRoutes } from './routes/cases.ts';
import { materialCheckRoutes } from './routes/material-checks.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { definitionRoutes } from './routes/definitions.ts';
import { designerRoutes } from './routes/designer.ts';
import { designerBundleRoutes } from './routes/designer-bundles.ts';
import { reviewRoutes } from './routes/review.ts';
import { draftRoutes } from './routes/drafts.ts';
import { fileRoutes } from './routes/files.ts';
import { licenceRoutes } from './routes/licences.ts';
import { installRawJson } from './raw-json.ts';
import { formRoutes } from './routes/forms.ts';
import { migrationRoutes } from './routes/migration.ts';
import { securityLogRoutes } from './routes/security-log.ts';
import { simulateRoutes } from './routes/simulate.ts';
import { sessionRoutes } from './routes/session.ts';
import { sessionsRoutes } from './routes/sessions.ts';
import { caseSchemas } from './case-schemas.ts';
import { definitionParts } from './definition-schemas.ts';
import { errorBody } from './schemas.ts';
import { registerWeb } from './web.ts';

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
  // response schemas are the API's contract, not a filter: bodies are written whole (nothing stripped by a serializer)
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeContentTypeParser('text/plain'); // the API speaks JSON only: anything else is 415
  installErrorHandlers(app);
  // answers carry personal data: never cached unless a route says so for content that never changes (nosniff, no
  // framing and the CSP come from the security headers)
  app.addHook('onSend', async (request, reply) => {
    const immutable = request.routeOptions.config.immutable === true && reply.statusCode < 400;
    reply.header('cache-control', immutable ? 'private, max-age=31536000, immutable' : 'no-store');
  });
  await registerSecurityHeaders(app);
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(csrf, { cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/' } });
  // shared response schemas: the OpenAPI document's components
  for (const schema of [errorBody, ...definitionParts, ...caseSchemas]) app.addSchema(schema);
  await registerOpenApi(app);
  installGuard(app, ctx.sessions);
  sessionRoutes(app, ctx);
  sessionsRoutes(app, ctx);
  securityLogRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  caseRoutes(app, ctx);
  materialCheckRoutes(app, ctx);
  certificateRoutes(app, ctx);
  await fileRoutes(app, ctx);
  licenceRoutes(app, ctx);
  formRoutes(app, ctx);
  await app.register(async (scope) => {
    const rawText = installRawJson(scope);
    definitionRoutes(scope, ctx, rawText);
    draftRoutes(scope, ctx, rawText);
  });
  designerRoutes(app, ctx);
  designerBundleRoutes(app, ctx);
  migrationRoutes(app, ctx);
  simulateRoutes(app, ctx);
  reviewRoutes(app, ctx);
  await registerWeb(app, options.webDir);
  return app;
}
