/**
 * Security headers on every response — API, web UI, 404s and errors — through @fastify/helmet. The
 * Content-Security-Policy is as strict as the built UI allows: it loads only its own scripts, stylesheets and icon
 * (no inline script or style), so everything is 'self' or 'none' — but for eval, which the applicant form still needs
 * (below). Routes may set a stricter policy of their own (the certificate print page does).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The web UI's Content-Security-Policy directives. */
export const cspDirectives = {
  defaultSrc: ["'self'"],
  // no 'unsafe-eval': the applicant form's checks run precompiled validators the server makes (routes/forms.ts)
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/** Registers the headers; register before the guard, so refusals carry them too. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
}
