/**
 * Running cases and new versions: what moving a matter's running cases in one region to a newer version would do
 * (per older version: cases per state, compatibility with reasons), and moving the compatible ones. Officials in
 * scope read and move; reviewers read only; a regional official outside the region is refused either way.
 */
import type { FastifyInstance } from 'fastify';
import type { FieldMapping, MigrationPlan, MigrationReason } from '../../cases/migration.ts';
import { actorOf, requireRole } from '../access.ts';
import type { User } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { requireScope } from '../design-scope.ts';
import { HttpError, notFound } from '../errors.ts';
import { errors, identifier } from '../schemas.ts';

type Params = { Params: { id: string; region: string } };
const regionCode = { type: 'string', pattern: '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$' } as const;
const version = { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$', maxLength: 40 } as const;
const params = { type: 'object', required: ['id', 'region'], additionalProperties: false, properties: { id: identifier, region: regionCode } } as const;
const pointer = { type: 'string', minLength: 2, maxLength: 200, pattern: '^/', description: 'a JSON Pointer into the case data' } as const;
const mappingSchema = {
  type: 'array', maxItems: 100, description: 'fields renamed or moved: the value at `from` is moved to `to` before the case is checked against the new form',
  items: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: pointer, to: pointer } },
} as const;
const mappingOut = { type: 'array', items: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: { type: 'string' }, to: { type: 'string' } } } } as const;
const reasonProperties = {
  code: { enum: ['state-missing', 'state-final', 'data-invalid', 'mapping-overwrites', 'other-version', 'definition-changed', 'case-tampered'] },
  message: { type: 'string' }, pointer: { type: 'string', description: 'data-invalid, mapping-overwrites: where in the case data' }, state: { type: 'string', description: 'state-missing, state-final: the state' },
  keyword: { type: 'string', description: 'data-invalid: the JSON Schema keyword the data fails in the new form' },
} as const;
const reasonSchema = { type: 'object', additionalProperties: false, required: ['code', 'message'], properties: reasonProperties } as const;
const versionRef = { type: 'object', additionalProperties: false, required: ['version', 'hash'], properties: { version: { type: 'string' }, hash: { type: 'string' } } } as const;
const status = { enum: ['draft', 'active', 'done'] } as const;
const planSchema = {
  description: 'per older version (newest first): running cases per state, and whether they can move', type: 'object', additionalProperties: false,
  required: ['matterId', 'region', 'to', 'mapping', 'versions'],
  properties: {
    matterId: { type: 'string' }, region: { type: 'string' }, to: versionRef, mapping: mappingOut,
    versions: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false,
        required: ['version', 'hash', 'publishedAt', 'running', 'finished', 'states', 'compatible', 'incompatible', 'reasons', 'cases', 'truncated'],
        properties: {
          version: { type: 'string' }, hash: { type: 'string' }, publishedAt: { type: 'string', format: 'date-time' },
          running: { type: 'integer', description: 'drafts and active cases' }, finished: { type: 'integer', description: 'finished cases stay where they were decided' },
          states: {
            type: 'array',
            items: {
              type: 'object', additionalProperties: false, required: ['state', 'status', 'count', 'exists', 'roleBefore', 'roleAfter'],
              properties: { state: { type: 'string' }, status, count: { type: 'integer' }, exists: { type: 'boolean' }, roleBefore: { type: ['string', 'null'] }, roleAfter: { type: ['string', 'null'] } },
            },
          },
          compatible: { type: 'integer' }, incompatible: { type: 'integer' },
          reasons: { type: 'array', items: { ...reasonSchema, required: [...reasonSchema.required, 'cases'], properties: { ...reasonProperties, cases: { type: 'integer' } } } },
          cases: {
            type: 'array', description: 'the running cases, oldest first (at most 500)',
            items: {
              type: 'object', additionalProperties: false, required: ['caseId', 'state', 'status', 'revision', 'compatible', 'reasons'],
              properties: { caseId: { type: 'string' }, state: { type: 'string' }, status, revision: { type: 'integer' }, compatible: { type: 'boolean' }, reasons: { type: 'array', items: reasonSchema } },
            },
          },
          truncated: { type: 'boolean' },
        },
      },
    },
  },
} as const;
const resultSchema = {
  description: 'what moved: ids of cases migrated, already on the target (skipped), refused with reasons, and raced by a concurrent step (run again)',
  type: 'object', additionalProperties: false, required: ['matterId', 'region', 'from', 'to', 'migrated', 'skipped', 'refused', 'raced'],
  properties: {
    matterId: { type: 'string' }, region: { type: 'string' }, from: versionRef, to: versionRef,
    migrated: { type: 'array', items: { type: 'string' } }, skipped: { type: 'array', items: { type: 'string' } }, raced: { type: 'array', items: { type: 'string' } },
    refused: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['caseId', 'reasons'], properties: { caseId: { type: 'string' }, reasons: { type: 'array', items: reasonSchema } } } },
  },
} as const;
const caseId = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;

type MigrateBody = { from: string; to: string; mapping?: FieldMapping[]; caseIds?: string[] };

export function migrationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // the matter's newest definition in the region says its kind (a city official moves a variant's cases, not the baseline's)
  const scoped = async (user: User, id: string, region: string) => {
    const newest = await ctx.definitions.find(id, region);
    if (user.role === 'official') requireScope(user, { kind: newest?.definition.kind ?? 'variant', region }, ctx.regions);
    if (!newest) throw notFound(`matter ${id} in region ${region}`);
    return newest;
  };

  app.get<Params & { Querystring: { to?: string; mapping?: string } }>('/api/matters/:id/regions/:region/migration', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'Running cases of the older versions of a matter in a region, per state, and whether they can move to a version (default: the newest)',
      params,
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { to: version, mapping: { type: 'string', maxLength: 40_000, description: 'the mapping as JSON: [{"from": "/a", "to": "/b"}]' } },
      },
      response: { 200: planSchema, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const user = requireRole(request.user, ['official', 'reviewer'], 'read running cases of a matter');
    const { id, region } = request.params;
    const newest = await scoped(user, id, region);
    const mapping = parseMapping(request.query.mapping);
    const plan = await ctx.runtime.migrationPlan(id, region, request.query.to ?? newest.version, mapping);
    return planJson(plan);
  });

  app.post<Params & { Body: MigrateBody }>('/api/matters/:id/regions/:region/migration', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'Move the compatible running cases of one version to a newer one (one transaction each; incompatible ones stay pinned; running it again changes nothing)',
      params,
      body: {
        type: 'object', additionalProperties: false, required: ['from', 'to'],
        properties: { from: version, to: version, mapping: mappingSchema, caseIds: { type: 'array', maxItems: 10_000, uniqueItems: true, items: caseId, description: 'only these cases (default: every running case of `from`)' } },
      },
      response: { 200: resultSchema, ...errors(400, 401, 403, 404, 415) },
    },
  }, async (request) => {
    const user = requireRole(request.user, ['official'], 'move running cases');
    const { id, region } = request.params;
    await scoped(user, id, region);
    const { from, to, mapping, caseIds } = request.body;
    return ctx.runtime.migrateCases({ matterId: id, region, fromVersion: from, toVersion: to, actor: actorOf(user), ...(mapping ? { mapping } : {}), ...(caseIds ? { caseIds } : {}) });
  });
}

// The mapping given in a query string, as JSON (the runtime checks its pointers).
function parseMapping(text: string | undefined): FieldMapping[] | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as FieldMapping[];
  } catch {
    throw new HttpError(400, 'bad-request', 'invalid querystring: mapping is not JSON ([{"from": "/a", "to": "/b"}])', { errors: [{ in: 'querystring', pointer: '/mapping', message: 'must be JSON' }] });
  }
}

const reasonJson = (r: MigrationReason) => ({ code: r.code, message: r.message, ...(r.pointer !== undefined ? { pointer: r.pointer } : {}), ...(r.state !== undefined ? { state: r.state } : {}), ...(r.keyword !== undefined ? { keyword: r.keyword } : {}) });

function planJson(plan: MigrationPlan) {
  return {
    ...plan,
    versions: plan.versions.map((v) => ({
      ...v, publishedAt: new Date(v.publishedAt).toISOString(),
      states: v.states.map((s) => ({ ...s, roleBefore: s.roleBefore ?? null, roleAfter: s.roleAfter ?? null })),
      reasons: v.reasons.map((r) => ({ ...reasonJson(r), cases: r.cases })),
      cases: v.cases.map((c) => ({ ...c, reasons: c.reasons.map(reasonJson) })),
    })),
  };
}
