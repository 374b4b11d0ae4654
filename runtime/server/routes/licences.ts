/**
 * E-licences (电子证照) as materials: the applicant of a case lists their own licences that fit its materials, and
 * submit and act take picks (`licences: { materialId: [licenceId] }`), checked here against the shared data's licence
 * source before the runtime takes the step (422 naming the material when one cannot stand).
 */
import type { FastifyInstance } from 'fastify';
import { LicenceRefusedError, licenceDay, licencePicks, offeredLicences, type MaterialLicences } from '../../cases/licences.ts';
import type { CaseRecord } from '../../store/types.ts';
import type { User } from '../auth.ts';
import { requireRole } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';
import { caseIdParams, errors, identifier } from '../schemas.ts';

/** The `licences` property of submit and act bodies. */
export const licencesBody = {
  type: 'object', maxProperties: 50, propertyNames: identifier,
  additionalProperties: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
  description: 'the applicant’s own e-licences (GET /api/cases/{id}/licences) presented for materials that exist as e-licences, by material id: they count as supplied, and the step’s audit event records each licence’s id and content hash',
} as const;

const bilingual = { type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;
const offered = {
  type: 'object', additionalProperties: false, required: ['id', 'type', 'name', 'issuer', 'issuedAt', 'validUntil', 'hash', 'materials'],
  properties: {
    id: { type: 'string', description: 'the licence number: name it in `licences` of submit or act' },
    type: { type: 'string', description: 'the licence type, as materials name it in `licence.type`' },
    name: bilingual,
    issuer: bilingual,
    issuedAt: { type: 'string', format: 'date' },
    validUntil: { type: ['string', 'null'], format: 'date', description: 'its last valid day; null: it does not expire' },
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'sha256 of its content' },
    materials: { type: 'array', items: { type: 'string' }, description: 'the case’s materials it may supply' },
  },
} as const;

const definitionOf = async (ctx: ServerContext, record: CaseRecord) => {
  const published = await ctx.definitions.byHash(record.hash);
  if (!published) throw notFound(`the definition of case ${record.id}`);
  return published.definition;
};

/**
 * Checks the e-licences a step presents: only the case's applicant may, each must be theirs, of the material's type
 * and valid today. Returns the materials they supply and the audit payload recording them (empty without picks).
 */
export async function pickedLicences(ctx: ServerContext, record: CaseRecord, user: User, picks: MaterialLicences | undefined): Promise<{ materials: string[]; evidence: Record<string, unknown> }> {
  if (!picks || Object.values(picks).every((ids) => ids.length === 0)) return { materials: [], evidence: {} };
  if (user.role !== 'applicant' || user.subject !== record.applicant) throw forbidden(`only the applicant of case ${record.id} presents their e-licences`);
  try {
    const checked = await licencePicks(ctx.sharedData.licences, await definitionOf(ctx, record), record.applicant, picks, licenceDay(ctx.clock.now()));
    return { materials: checked.materials, evidence: checked.payload };
  } catch (error) {
    if (!(error instanceof LicenceRefusedError)) throw error;
    throw new HttpError(422, 'licence-refused', error.message, { errors: error.problems.map((p) => ({ pointer: p.pointer, keyword: 'licence', message: p.message })) });
  }
}

export function licenceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { id: string } }>('/api/cases/:id/licences', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'],
      summary: 'The applicant’s own e-licences (电子证照) that may supply materials of their case, valid today: present one with `licences` of submit or act instead of uploading a file',
      params: caseIdParams,
      response: { 200: { type: 'object', additionalProperties: false, required: ['licences'], properties: { licences: { type: 'array', items: offered } } }, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const user = requireRole(request.user, ['applicant'], 'list e-licences');
    const record = await ctx.runtime.store.getCase(request.params.id);
    if (!record) throw notFound(`case ${request.params.id}`);
    if (record.applicant !== user.subject) throw forbidden(`case ${record.id} belongs to another applicant`);
    return { licences: await offeredLicences(ctx.sharedData.licences, await definitionOf(ctx, record), user.subject, licenceDay(ctx.clock.now())) };
  });
}
