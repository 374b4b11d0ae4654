/**
 * Security headers on every response — API, web UI, 404s and errors — through @fastify/helmet. The
 * Content-Security-Policy is as strict as the built UI allows: it loads only its own scripts, stylesheets and icon
 * (no inline script or style), so everything is 'self' or 'none', and no page evaluates code. Routes may set a policy
 * of their own: the certificate print page a stricter one, the designer's analysis worker the one below.
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

/**
 * The policy of the designer's analysis worker script (a worker runs under the policy its own script is served with).
 * The engine's validator compiles each draft's form schema with ajv, which generates code: the worker — which has no
 * DOM, reads nothing but the drafts the page sends it and fetches nothing (connect-src 'none') — is the one place
 * allowed to evaluate it. The page itself keeps the strict policy above.
 */
export const analysisWorkerCsp = "default-src 'none'; script-src 'self' 'unsafe-eval'; connect-src 'none'";

/**
 * How the web UIs' hashed build files (`/assets/<name>-<hash>.js`, `.css`, …) are cached (task E2): their names
 * change whenever their content does, so a browser keeps them for a year without asking again. index.html and every
 * API answer stay `no-store` (app.ts): a new build is seen on the next page load.
 */
export const hashedAssetCache = 'public, max-age=31536000, immutable';
/** A build file whose name carries its content hash (vite's `assets/[name]-[hash].[ext]`; the hash is 8 url-safe characters). */
export const hashedAsset = /^assets\/[\w.-]+-[\w-]{8}\.(?:js|css|woff2?|svg|png|jpe?g|webp|ico)$/;
