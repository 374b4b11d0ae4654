/** The clerk's checklist of a case's materials (材料核验, 容缺受理): staff acting at the step record it, one audit event per call. */
import type { FastifyInstance } from 'fastify';
import { checkStatuses, type MaterialCheck } from '../../cases/materials-check.ts';
import { actorOf, requireChangeCase } from '../access.ts';
import { caseJson } from '../case-json.ts';
import type { ServerContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { caseStepRef } from '../case-schemas.ts';
import { caseIdParams, errors, identifier, revision } from '../schemas.ts';

const check = {
  type: 'object', additionalProperties: false, required: ['material', 'status'],
  properties: {
    material: { ...identifier, description: 'a material that applies to the case' },
    status: { type: 'string', enum: [...checkStatuses] },
    note: { type: 'string', maxLength: 2000 },
    tolerated: { type: 'boolean', description: 'accepted missing (容缺): a tolerated-missing material marked missing, with dueDate' },
    dueDate: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'when a tolerated material is due (YYYY-MM-DD, China Standard Time)' },
  },
} as const;

export function materialCheckRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { runtime } = ctx;
  app.post<{ Params: { id: string }; Body: { checks: MaterialCheck[]; revision: number } }>('/api/cases/:id/materials/checks', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'], summary: 'Record the checklist of the materials (received, verified, missing, not applicable; a tolerated-missing one missing with a due date), as the staff acting at the step',
      params: caseIdParams,
      body: { type: 'object', required: ['checks', 'revision'], additionalProperties: false, properties: { checks: { type: 'array', minItems: 1, maxItems: 200, items: check }, revision } },
      response: { 200: { ...caseStepRef, description: 'the case after the check, with the audit event it appended' }, ...errors(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (request) => {
    const record = await runtime.store.getCase(request.params.id);
    if (!record) throw notFound(`case ${request.params.id}`);
    const user = requireChangeCase(request.user, record);
    if (user.role === 'applicant') throw forbidden('applicants do not check materials; the staff of the step do');
    return caseJson(await runtime.checkMaterials(request.params.id, request.body.checks, actorOf(user), request.body.revision), ctx.clock.now());
  });
}
