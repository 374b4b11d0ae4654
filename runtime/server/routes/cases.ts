/**
 * Cases: start, read (with audit trail), list (mine, my role's queue, or all for reviewers: filtered, searched by
 * reference and paged in SQL) and the list's filter choices, save a draft, submit, act, verify the audit chain.
 */
import type { FastifyInstance } from 'fastify';
import type { CaseRecord } from '../../store/types.ts';
import { actorOf, requireChangeCase, requireReadCase, requireRole, signedIn } from '../access.ts';
import { caseJson } from '../case-json.ts';
import { caseFilters, caseListItem, caseListQuery, caseListQueryOf, visibleTo, type CaseListParams } from '../case-lists.ts';
import type { ServerContext } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
import { caseListItemRef, caseRef, caseStepRef } from '../case-schemas.ts';
import { anyObject, caseIdParams, errors, identifier, revision } from '../schemas.ts';
import { licencesBody as licences, pickedLicences } from './licences.ts';

type IdParams = { Params: { id: string } };
const materials = { type: 'array', maxItems: 200, items: identifier, description: 'ids of materials supplied with this step' } as const;
const files = {
  type: 'object', maxProperties: 200, propertyNames: identifier,
  additionalProperties: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
  description: 'files uploaded for the case (POST …/materials/{materialId}/files) that this step makes part of it, by material id: their materials count as supplied',
} as const;
const signedInOnly = { access: 'signed-in' } as const;
const nullableText = { anyOf: [{ type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } }, { type: 'null' }] } as const;
const stepDone = { ...caseStepRef, description: 'the case after the step, with the audit event it appended' } as const;
const auditCheck = {
  description: '`{ ok: true, events }`, or where the chain breaks',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['ok', 'events'], properties: { ok: { const: true }, events: { type: 'integer', description: 'events checked' } } },
    {
      type: 'object', additionalProperties: false, required: ['ok', 'events', 'seq', 'reason'],
      properties: { ok: { const: false }, events: { type: 'integer' }, seq: { type: 'integer', description: 'the first event that does not hold' }, reason: { type: 'string' } },
    },
  ],
} as const;

export function caseRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { runtime } = ctx;
  const load = async (id: string): Promise<CaseRecord> => {
    const record = await runtime.store.getCase(id);
    if (!record) throw notFound(`case ${id}`);
    return record;
  };

  app.post<{ Body: { matterId: string; region: string; version?: string } }>('/api/cases', {
    config: signedInOnly,
    schema: {
      tags: ['cases'], summary: 'Start a case (applicants): prefilled and locked from shared data, materials waived',
      body: { type: 'object', required: ['matterId', 'region'], additionalProperties: false, properties: { matterId: identifier, region: { type: 'string', pattern: '^[0-9]{6,12}$' }, version: identifier } },
      response: { 201: { ...caseRef, description: 'the case, with its audit trail and definition' }, ...errors(400, 401, 403, 404, 413, 415) },
    },
  }, async (request, reply) => {
    const user = requireRole(request.user, ['applicant'], 'start a case');
    const view = await runtime.startCase({ ...request.body, applicant: user.subject });
    return reply.status(201).send(caseJson(view, ctx.clock.now(), { definition: true }));
  });

  app.get<{ Querystring: CaseListParams }>('/api/cases', {
    config: signedInOnly,
    schema: {
      tags: ['cases'],
      summary: "Applicants: their cases, newest first. Staff: their role's queue (cases at a step their role owns), the soonest deadline first. Reviewers: every case. Filtered, searched by reference and paged",
      querystring: caseListQuery,
      response: {
        200: {
          description: 'one page of the cases you may see that match', type: 'object', additionalProperties: false, required: ['cases', 'total', 'page', 'pageSize'],
          properties: {
            cases: { type: 'array', items: caseListItemRef },
            total: { type: 'integer', minimum: 0, description: 'how many match, on every page' },
            page: { type: 'integer', minimum: 1 },
            pageSize: { type: 'integer', minimum: 1 },
          },
        },
        ...errors(400, 401, 403),
      },
    },
  }, async (request) => {
    const now = ctx.clock.now();
    const { page, pageSize, ...query } = caseListQueryOf(signedIn(request.user), request.query, now);
    const [records, total] = await Promise.all([runtime.store.listCases(query), runtime.store.countCases(query)]);
    return { cases: await Promise.all(records.map((record) => caseListItem(ctx, record, now))), total, page, pageSize };
  });

  app.get<{ Querystring: { role?: string } }>('/api/cases/filters', {
    config: signedInOnly,
    schema: {
      tags: ['cases'], summary: 'The choices of the case list’s filters: the matters, regions and steps of the cases you may see',
      querystring: { type: 'object', additionalProperties: false, properties: { role: { ...caseListQuery.properties.role } } },
      response: {
        200: {
          description: 'filter choices', type: 'object', additionalProperties: false, required: ['matters', 'regions', 'steps'],
          properties: {
            matters: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'title'], properties: { id: { type: 'string' }, title: nullableText } } },
            regions: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['code', 'name'], properties: { code: { type: 'string' }, name: nullableText } } },
            steps: {
              type: 'array', description: 'the states cases are in (the `step` filter), each with its step’s name and the matters it is a state of',
              items: { type: 'object', additionalProperties: false, required: ['state', 'name', 'matters'], properties: { state: { type: 'string' }, name: nullableText, matters: { type: 'array', items: { type: 'string' } } } },
            },
          },
        },
        ...errors(400, 401, 403),
      },
    },
  }, async (request) => caseFilters(ctx, visibleTo(signedIn(request.user), request.query.role)));

  app.get<IdParams>('/api/cases/:id', {
    config: signedInOnly,
    schema: { tags: ['cases'], summary: 'A case with its definition, step, accepted events, deadline, waived materials, audit trail and certificates', params: caseIdParams, response: { 200: { ...caseRef, description: 'the case, with its audit trail and definition' }, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => {
    requireReadCase(request.user, await load(request.params.id));
    return caseJson(await runtime.getCase(request.params.id), ctx.clock.now(), { definition: true });
  });

  app.put<IdParams & { Body: { data: unknown; revision: number } }>('/api/cases/:id/draft', {
    config: signedInOnly,
    schema: {
      tags: ['cases'], summary: 'Save the applicant’s draft (not validated; verified fields must keep their values)', params: caseIdParams,
      body: { type: 'object', required: ['data', 'revision'], additionalProperties: false, properties: { data: anyObject, revision } },
      response: { 200: stepDone, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  }, async (request) => {
    const user = requireChangeCase(request.user, await load(request.params.id));
    return caseJson(await runtime.saveDraft(request.params.id, request.body.data, actorOf(user), request.body.revision), ctx.clock.now());
  });

  app.post<IdParams & { Body: { data: unknown; revision: number; materials?: string[]; files?: Record<string, string[]>; licences?: Record<string, string[]> } }>('/api/cases/:id/submit', {
    config: signedInOnly,
    schema: {
      tags: ['cases'], summary: 'Submit the form: verified fields unchanged, data valid (422 with JSON Pointers otherwise), then the process moves', params: caseIdParams,
      body: { type: 'object', required: ['data', 'revision'], additionalProperties: false, properties: { data: anyObject, revision, materials, files, licences } },
      response: { 200: stepDone, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  }, async (request) => {
    const record = await load(request.params.id);
    const user = requireChangeCase(request.user, record);
    const { data, revision: rev, materials: supplied, files: referenced, licences: presented } = request.body;
    const picked = await pickedLicences(ctx, record, user, presented);
    return caseJson(await runtime.submit(request.params.id, data, actorOf(user), rev, [...(supplied ?? []), ...picked.materials], referenced, picked.evidence), ctx.clock.now());
  });

  app.post<IdParams & { Body: { event: string; note?: string; revision: number; paid?: number; materials?: string[]; onsiteCheck?: boolean; files?: Record<string, string[]>; licences?: Record<string, string[]> } }>('/api/cases/:id/actions', {
    config: signedInOnly,
    schema: {
      tags: ['cases'], summary: 'Take a step (ACCEPT, APPROVE, REJECT, REQUEST_SUPPLEMENT, WITHDRAW, …) in the role the step belongs to', params: caseIdParams,
      body: {
        type: 'object', required: ['event', 'revision'], additionalProperties: false,
        properties: { event: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_-]{0,63})?$', maxLength: 129, description: 'an event the definition declares (UPPER_SNAKE, as in the meta-schema; in a one-thing bundle addressed to one member: ACCEPT.police)' }, note: { type: 'string', maxLength: 2000 }, revision, paid: { type: 'number', minimum: 0 }, materials, onsiteCheck: { type: 'boolean' }, files, licences },
      },
      response: { 200: stepDone, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  }, async (request) => {
    const record = await load(request.params.id);
    const user = requireChangeCase(request.user, record);
    const { revision: rev, ...event } = request.body;
    if (event.event === 'SUBMIT') throw new HttpError(400, 'use-submit', `submit the form with POST /api/cases/${request.params.id}/submit, which validates it`);
    const { event: type, files: referenced, licences: presented, ...rest } = event;
    const picked = await pickedLicences(ctx, record, user, presented);
    const supplied = picked.materials.length > 0 ? { materials: [...new Set([...(rest.materials ?? []), ...picked.materials])] } : {};
    return caseJson(await runtime.act(request.params.id, { type, ...rest, ...supplied }, actorOf(user), rev, referenced, picked.evidence), ctx.clock.now());
  });

  app.get<IdParams>('/api/cases/:id/audit/verify', {
    config: signedInOnly,
    schema: {
      tags: ['cases'], summary: "Recompute the case's hash-chained audit trail",
      params: caseIdParams,
      response: { 200: auditCheck, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    requireReadCase(request.user, await load(request.params.id));
    return runtime.verifyAudit(request.params.id);
  });
}
