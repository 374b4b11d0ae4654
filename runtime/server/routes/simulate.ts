/**
 * The designer's simulator: POST a draft (by id, or the definition itself) and a list of steps; the runtime replays
 * them on a case of the draft in a throwaway in-memory store and answers a frame per step (runtime/cases/simulate.ts).
 * Officials and reviewers may simulate: reviewers read and change nothing, and a simulation writes nothing that
 * outlives the request — no draft, definition, case or audit row of the server's store. An invalid draft is 422 with
 * the validator's problems; a step the runtime refuses is a frame carrying its error, not a refusal of the request.
 */
import type { FastifyInstance } from 'fastify';
import type { SourceDocument } from '../../../engine/index.ts';
import { DefinitionError } from '../../cases/errors.ts';
import { maxSimulationSteps, simulate, SimulationDraftError, SimulationTooLargeError, type PendingEvent, type SimulationStep } from '../../cases/simulate.ts';
import { demoCitizens } from '../../shared-data/demo.ts';
import { requireRole } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { part } from '../definition-schemas.ts';
import { scopeRefusal } from '../design-scope.ts';
import { HttpError, notFound } from '../errors.ts';
import { errors } from '../schemas.ts';

/** The largest simulation request: a definition as large as a draft (2 MiB) and the steps' form data beside it. */
export const simulateBodyLimit = 3 * 1024 * 1024;

const role = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,39}$', description: 'act as this role instead of whoever owns the step (to see the refusal)' } as const;
const materials = { type: 'array', maxItems: 100, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 100 } } as const;
const stepSchema = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'fill', description: 'the applicant fills the form with example answers (saved as a draft)' }, role } },
    { type: 'object', additionalProperties: false, required: ['kind', 'data'], properties: { kind: { const: 'save' }, data: { type: 'object' }, role } },
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'submit' }, data: { type: 'object', description: 'default: the data saved so far' }, materials, role } },
    {
      type: 'object', additionalProperties: false, required: ['kind', 'type'],
      properties: {
        kind: { const: 'event' }, type: { type: 'string', minLength: 1, maxLength: 100 }, note: { type: 'string', maxLength: 2000 }, materials,
        paid: { type: 'number', minimum: 0, maximum: 1_000_000_000 }, onsiteCheck: { type: 'boolean' }, role,
      },
    },
    { type: 'object', additionalProperties: false, required: ['kind', 'days'], properties: { kind: { const: 'advance', description: 'time passes; due delayed transitions fire' }, days: { type: 'integer', minimum: 0, maximum: 3660 } } },
  ],
} as const;
const uuid = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const common = {
  steps: { type: 'array', maxItems: maxSimulationSteps, items: stepSchema },
  applicant: { enum: Object.keys(demoCitizens), description: 'the demo applicant (default zhangWei)' },
  pending: { type: 'object', additionalProperties: false, description: 'what the next event would carry, so "allowed" reads it', properties: { materials, paid: { type: 'number', minimum: 0, maximum: 1_000_000_000 }, onsiteCheck: { type: 'boolean' } } },
} as const;
const body = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['draftId', 'steps'], properties: { draftId: uuid, ...common } },
    { type: 'object', additionalProperties: false, required: ['definition', 'steps'], properties: { definition: { type: 'object' }, ...common } },
  ],
} as const;

const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const closed = (properties: Record<string, object>, optional: string[] = []) => ({ type: 'object', additionalProperties: false, required: Object.keys(properties).filter((k) => !optional.includes(k)), properties });
const localized = part('localizedText');
const frameSchema = closed({
  index: { type: 'integer', description: "the step's index; -1 for the case as started" },
  kind: { enum: ['start', 'fill', 'save', 'submit', 'event', 'advance'] },
  actor: nullable(closed({ id: { type: 'string' }, role: { type: 'string' } })),
  state: { type: 'string' }, stepName: nullable(localized), role: { type: ['string', 'null'], description: 'whose turn it is' },
  status: { type: 'string' }, outcome: { type: ['string', 'null'] },
  events: {
    type: 'array',
    items: closed({
      type: { type: 'string' }, allowed: { type: 'boolean' }, reason: { enum: ['finished', 'condition'] }, guards: { type: 'array', items: { type: 'string' } },
      to: { type: 'string' }, actions: { type: 'array', items: { type: 'string' } },
    }, ['reason', 'to', 'actions']),
  },
  now: { type: 'integer', description: 'the simulated clock (ms since the epoch)' },
  deadline: nullable(closed({ dueAt: { type: 'integer' }, metAt: { type: ['integer', 'null'] } })),
  timeLimit: closed({
    unit: { type: 'string' }, promisedDays: { type: 'number' }, statutoryDays: { type: ['number', 'null'] }, extendableTo: { type: ['number', 'null'] },
    startedAt: { type: ['integer', 'null'] }, statutoryDueAt: { type: ['integer', 'null'] }, extendedDueAt: { type: ['integer', 'null'] },
  }),
  situation: { type: 'object', description: 'materials (waived, supplied, missing), one-of groups, fees and the amount due, as GET /api/cases/{id} shows them' },
  waived: { type: 'array', items: { type: 'string' } },
  data: { description: 'the form data' },
  verified: { type: 'object', description: 'pointer → value of the prefilled, locked fields' },
  delays: { type: 'array', items: closed({ delay: { type: 'string' }, dueAt: { type: 'integer' } }) },
  fired: { type: 'array', items: closed({ delay: { type: 'string' }, outcome: { type: 'string' }, to: { type: ['string', 'null'] } }) },
  certificates: { type: 'array', items: { type: 'string' } },
  audit: {
    type: 'array', description: 'the audit trail as the runtime wrote it',
    items: closed({
      seq: { type: 'integer' }, at: { type: 'integer' }, actor: { type: 'string' }, role: { type: 'string' }, type: { type: 'string' },
      from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] }, payload: {},
    }),
  },
  error: nullable(closed({ code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } })),
});
const simulationSchema = {
  description: 'a frame for the case as started and one after each step',
  ...closed({ matterId: { type: 'string' }, region: { type: 'string' }, applicant: { type: 'string' }, frames: { type: 'array', items: frameSchema } }),
};

type Body = { steps: SimulationStep[]; applicant?: keyof typeof demoCitizens; pending?: PendingEvent } & ({ draftId: string } | { definition: Record<string, unknown> });

export function simulateRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // the context a variant is validated in: the catalogue's and its baseline (kept per baseline, so the simulator's
  // cache of validations, keyed by the context, holds across requests)
  const contexts = new Map<string, readonly SourceDocument[]>();
  const contextOf = async (definition: Record<string, unknown>): Promise<readonly SourceDocument[]> => {
    const baseline = definition.baseline as { id?: unknown; version?: unknown } | undefined;
    if (definition.kind !== 'variant' || typeof definition.id !== 'string' || typeof baseline?.version !== 'string') return ctx.catalogueContext;
    const entry = (await ctx.runtime.store.searchCatalogue({ matterId: definition.id, kind: 'baseline', offset: 0, limit: 1 })).entries[0];
    const found = entry && (await ctx.definitions.find(definition.id, entry.region, baseline.version));
    if (!found) return ctx.catalogueContext; // the validator says the baseline is missing
    let context = contexts.get(found.hash);
    if (!context) {
      if (contexts.size >= 64) contexts.delete(contexts.keys().next().value!);
      contexts.set(found.hash, (context = [...ctx.catalogueContext, { file: `published/${found.id}/${found.region}/${found.version}.json`, text: JSON.stringify(found.definition) }]));
    }
    return context;
  };

  app.post<{ Body: Body }>('/api/designer/simulate', {
    config: { access: 'signed-in' },
    bodyLimit: simulateBodyLimit,
    schema: {
      tags: ['designer'],
      summary: 'Simulate a case of a draft: replay the steps (fill, save, submit, events, time passing) with the runtime in a throwaway store; a frame per step. Writes nothing',
      body, response: { 200: simulationSchema, ...errors(400, 401, 403, 404, 413, 415, 422) },
    },
  }, async (request) => {
    const user = requireRole(request.user, ['official', 'reviewer'], 'simulate drafts');
    const { steps, applicant, pending } = request.body;
    let definition: unknown;
    if ('draftId' in request.body) {
      const draft = await ctx.runtime.store.draft(request.body.draftId);
      if (!draft || (user.role === 'official' && scopeRefusal(user, draft, ctx.regions))) throw notFound(`draft ${request.body.draftId}`);
      definition = draft.definition;
    } else {
      definition = request.body.definition;
    }
    const context = await contextOf(definition as Record<string, unknown>);
    try {
      return await simulate(definition, ctx.sharedSchemas, steps, { context, ...(applicant ? { applicant } : {}), ...(pending ? { pending } : {}) });
    } catch (error) {
      if (error instanceof SimulationDraftError) throw invalid(error.message, error.problems);
      if (error instanceof SimulationTooLargeError) throw new HttpError(413, error.code, error.message, { limit: error.limit, index: error.index });
      // a definition the validator let through but the runtime cannot run (a form that does not compile) is the draft's fault
      if (error instanceof DefinitionError) throw invalid(`the draft cannot run: ${error.message}`, [{ pointer: '', code: error.code, message: error.message }]);
      throw error;
    }
  });
}

const invalid = (message: string, problems: readonly { pointer: string; code: string; message: string }[]) =>
  new HttpError(422, 'invalid-definition', message, { problems: problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })) });
