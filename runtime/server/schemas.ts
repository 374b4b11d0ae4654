/**
 * JSON Schemas the routes share: request parts (validated by Fastify; unknown properties are refused) and the
 * documented responses (documentation only: responses are serialized with JSON.stringify, nothing is stripped).
 */

/** The error body every refusal has. */
export const errorBody = {
  $id: 'ErrorBody',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: true,
      properties: {
        code: { type: 'string', description: 'stable machine code, e.g. unauthenticated, forbidden, not-found, conflict, invalid-data, tampered, bad-request, malformed-json, body-too-large, csrf' },
        message: { type: 'string' },
        errors: { type: 'array', description: 'field errors, each with a JSON Pointer', items: { type: 'object', additionalProperties: true, properties: { pointer: { type: 'string' }, message: { type: 'string' } } } },
        field: { type: 'string', description: 'the tampered verified field (JSON Pointer)' },
      },
    },
  },
} as const;

const error = { $ref: 'ErrorBody#' };
/** Documented error responses, by status. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, { ...error, description: describeStatus[s] ?? 'error' }]));
const describeStatus: Record<number, string> = {
  400: 'malformed JSON or a request that does not match its schema',
  401: 'not signed in',
  403: 'wrong role, not your case, or a missing CSRF token',
  404: 'unknown case, matter, definition or certificate',
  409: 'stale revision, an event the step does not accept, or a published version with other content',
  413: 'body larger than 1 MiB',
  422: 'invalid form data (field errors with pointers), a tampered verified field, or an invalid definition',
};

/** A free-form object (form data, definitions, certificates). */
export const anyObject = { type: 'object', additionalProperties: true } as const;

export const localized = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;

export const identifier = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' } as const;

export const caseIdParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'case id (UUID)' } },
} as const;

export const revision = { type: 'integer', minimum: 1, description: 'the revision you read; a stale one is 409' } as const;

/** A case as the API returns it (the main fields; more may follow). */
export const caseBody = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' }, matterId: { type: 'string' }, version: { type: 'string' }, region: { type: 'string' },
    state: { type: 'string' }, role: { type: ['string', 'null'] }, status: { type: 'string', enum: ['draft', 'active', 'done'] },
    outcome: { type: ['string', 'null'] }, revision: { type: 'integer' }, data: anyObject, events: { type: 'array', items: { type: 'string' } },
    overdue: { type: 'boolean' }, deadline: { type: ['object', 'null'], additionalProperties: true },
    waived: { type: 'array', items: anyObject }, certificates: { type: 'array', items: anyObject }, audit: { type: 'array', items: anyObject },
  },
} as const;
