/**
 * Every refusal as JSON `{ error: { code, message, ... } }` with its HTTP status: the runtime's errors, Fastify's
 * (schema validation, malformed JSON, oversize body) and the CSRF plugin's are all mapped here.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import {
  CaseTamperedError, ConflictError, DefinitionError, ForbiddenError, InternalRuntimeError, InvalidArgumentError, InvalidEventError, InvalidEventPayloadError, NotFoundError, PayloadError,
  StoreError, TamperedError, ValidationFailedError,
} from '../cases/errors.ts';
import { MaterialsMissingError } from '../cases/materials-check.ts';

/** A refusal the server raises itself. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'sign in first (POST /api/session)');
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} was not found`);

type Body = { status: number; code: string; message: string; details?: Record<string, unknown> };

/** The status and body of any error a request can end in. */
export function describe(error: unknown): Body {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message, details: { ...error.details } };
  if (error instanceof ValidationFailedError) return { status: 422, code: error.code, message: error.message, details: { errors: error.errors } };
  if (error instanceof TamperedError) return { status: 422, code: error.code, message: error.message, details: { field: error.field } };
  if (error instanceof MaterialsMissingError) return { status: 409, code: error.code, message: error.message, details: { materials: error.materials } };
  if (error instanceof InvalidEventError) return { status: 409, code: error.code, message: error.message, details: { event: error.event, state: error.state, accepted: error.accepted } };
  // a published version with other content is the caller's conflict; a stored definition or case row that fails its
  // integrity check (changed in the database) cannot be acted on as it stands: a conflict with what is stored, said
  // plainly with its own code (the message names what, never a secret), not a server fault
  if (error instanceof ConflictError || error instanceof DefinitionError || error instanceof CaseTamperedError) return { status: 409, code: error.code, message: error.message };
  if (error instanceof ForbiddenError) return { status: 403, code: error.code, message: error.message };
  if (error instanceof NotFoundError) return { status: 404, code: error.code, message: error.message };
  if (error instanceof PayloadError) return { status: error.code === 'payload-too-large' ? 413 : 400, code: error.code, message: error.message, details: { pointer: error.pointer, ...(error.limit === undefined ? {} : { limit: error.limit }) } };
  if (error instanceof InvalidEventPayloadError) return { status: 400, code: error.code, message: error.message, details: { errors: error.errors } };
  if (error instanceof InvalidArgumentError) return { status: 400, code: error.code, message: error.message, details: { argument: error.argument } };
  if (error instanceof StoreError) return { status: 503, code: error.code, message: 'the case store is unavailable; try again shortly' };
  if (error instanceof InternalRuntimeError) return { status: 500, code: 'internal', message: 'internal server error' };
  const e = error as Partial<FastifyError>;
  if (e.validation) {
    const errors = e.validation.map((v) => ({ in: e.validationContext ?? 'body', pointer: v.instancePath || '', message: v.message ?? v.keyword, ...(v.params ? { params: v.params } : {}) }));
    return { status: 400, code: 'bad-request', message: `invalid ${e.validationContext ?? 'request'}: ${errors.map((x) => `${x.pointer || '/'} ${x.message}`).join('; ')}`, details: { errors } };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed-json', message: 'the request body is not valid JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body-too-large', message: e.message ?? 'the request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported-media-type', message: 'send JSON (content-type: application/json)' };
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return { status: 403, code: 'csrf', message: 'missing or invalid CSRF token: GET /api/csrf and send it in the x-csrf-token header' };
  }
  const status = typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  return status === 500 ? { status, code: 'internal', message: 'internal server error' } : { status, code: String(e.code ?? 'bad-request'), message: e.message ?? 'bad request' };
}

/** Installs the error and not-found handlers. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, code, message, details } = describe(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send({ error: { code, message, ...details } });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: { code: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}` } }));
}
