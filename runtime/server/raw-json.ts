/**
 * Routes that store what officials write (definitions, drafts) keep the request's raw JSON text, so the engine's
 * hostile-input checks — duplicate keys, `__proto__`, nesting depth — see the text itself, not a parsed copy that
 * already lost a duplicate key. Install it in an encapsulated scope: it replaces that scope's JSON parser only.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

/** Installs the parser in `scope`; returns how to read a request's raw text. */
export function installRawJson(scope: FastifyInstance): (request: FastifyRequest) => string | undefined {
  const rawText = new WeakMap<FastifyRequest, string>();
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    try {
      const value: unknown = JSON.parse(body as string);
      rawText.set(request, body as string);
      done(null, value);
    } catch {
      done(new HttpError(400, 'malformed-json', 'the request body is not valid JSON'), undefined);
    }
  });
  return (request) => rawText.get(request);
}
