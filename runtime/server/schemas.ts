/**
 * JSON Schemas the routes share: request parts (validated by Fastify; unknown properties are refused) and the error
 * responses. Response schemas are the API's contract, not a filter: responses are serialized with JSON.stringify,
 * nothing is stripped, and test/server-openapi.test.ts checks real responses against them.
 */

/** The error body every refusal has: a stable code, a message, and the details some codes carry. */
export const errorBody = {
  $id: 'ErrorBody',
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'stable machine code (docs/server.md, "Errors"), e.g. unauthenticated, forbidden, csrf, not-found, conflict, invalid-data, tampered, bad-request, malformed-json, body-too-large, throttled' },
        message: { type: 'string' },
        errors: {
          type: 'array',
          description: 'bad-request, invalid-data, invalid-event-payload: one per problem, each with a JSON Pointer',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['pointer', 'message'],
            properties: {
              in: { type: 'string', description: 'bad-request: the part of the request (body, params, querystring)' },
              pointer: { type: 'string', description: 'JSON Pointer into that part, the form data or the event' },
              message: { type: 'string' },
              keyword: { type: 'string', description: 'the JSON Schema keyword that failed' },
              params: { type: 'object', description: 'bad-request: the keyword’s parameters' },
            },
          },
        },
        field: { type: 'string', description: 'tampered: the verified field changed (JSON Pointer)' },
        event: { type: 'string', description: 'invalid-event: the event sent' },
        state: { type: 'string', description: 'invalid-event: the current state' },
        accepted: { type: 'array', items: { type: 'string' }, description: 'invalid-event: the events the state accepts' },
        materials: {
          type: 'array', description: 'materials-missing: each required material neither received nor tolerated, with its zh/en name (and its one-of group)',
          items: {
            type: 'object', additionalProperties: false, required: ['id', 'name', 'group'],
            properties: { id: { type: 'string' }, name: { type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } }, group: { type: ['string', 'null'] } },
          },
        },
        pointer: { type: 'string', description: 'payload-too-deep, payload-too-large, payload-not-json: where' },
        limit: { type: 'integer', description: 'payload-too-deep, payload-too-large: the limit passed' },
        argument: { type: 'string', description: 'invalid-argument: the argument refused' },
        problems: {
          type: 'array',
          description: 'invalid-definition: the problems found, each with a JSON Pointer into the definition',
          items: { type: 'object', additionalProperties: false, required: ['pointer', 'code', 'message'], properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
        },
        id: { type: 'string', description: 'definition-conflict: the definition published with other content' },
        version: { type: 'string', description: 'definition-conflict; variant-exists: the version published in that region' },
        region: { type: 'string', description: 'definition-conflict' },
        retryAfter: { type: 'integer', minimum: 0, description: 'throttled: seconds to wait (also the Retry-After header)' },
        revision: { type: 'integer', description: 'draft-conflict: the draft’s current revision' },
        updatedBy: { type: 'string', description: 'draft-conflict: who saved it last' },
        updatedAt: { type: 'string', format: 'date-time', description: 'draft-conflict: when' },
      },
    },
  },
} as const;

const error = { $ref: 'ErrorBody#' };
/**
 * Documented error responses, by status; 500 and 503 always: every request may read its session from the store (a
 * failing store is 503 `store-failed`), and stored data that fails its integrity check is 500 (`case-tampered`, …).
 */
export const errors = (...statuses: number[]) => Object.fromEntries([...statuses, 500, 503].map((s) => [s, { ...error, description: describeStatus[s] ?? 'error' }]));
const describeStatus: Record<number, string> = {
  400: 'malformed JSON, a request that does not match its schema, or a malformed payload',
  401: 'not signed in, or a wrong user name or password',
  403: 'wrong role, not your case, or a missing CSRF token',
  404: 'unknown case, matter, definition, certificate or session',
  409: 'stale revision, an event the step does not accept, or a published version with other content',
  413: 'body larger than 1 MiB, or data or an event over 512 KiB of JSON',
  415: 'a body that is not application/json',
  422: 'invalid form data (field errors with pointers), a tampered verified field, or an invalid definition',
  429: 'too many failed sign-ins: wait the Retry-After seconds (`retryAfter`)',
  500: 'stored data failed an integrity check (case-tampered, definition-tampered, …) or the server failed: nothing changed',
  503: 'the store is unavailable: nothing changed, try again',
};

/** A status's error response with the headers it carries (e.g. 429 with Retry-After). */
export const errorWithHeaders = (status: number, headers: Record<string, object>) => ({
  description: describeStatus[status] ?? 'error',
  headers,
  content: { 'application/json': { schema: error } },
});

/** A free-form object (request bodies: form data, definitions, certificates). */
export const anyObject = { type: 'object', additionalProperties: true } as const;

export const identifier = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' } as const;

export const caseIdParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'case id (UUID)' } },
} as const;

export const revision = { type: 'integer', minimum: 1, description: 'the revision you read; a stale one is 409' } as const;
