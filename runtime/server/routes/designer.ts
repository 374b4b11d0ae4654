/**
 * What the designer reads besides drafts: the catalogue browser (search, filters and paging in the store, at the
 * province's scale), the region list (region pickers), the catalogue context the engine validates drafts in (shared
 * data, shared schemas, regions, bundles — the worker in the page runs the same validator as publishing), and a
 * matter's version history.
 */
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { part } from '../definition-schemas.ts';
import { notFound } from '../errors.ts';
import { errors, identifier } from '../schemas.ts';

const regionCode = { type: 'string', pattern: '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$' } as const;
const levels = ['province', 'city', 'county', 'township', 'village'] as const;
const entryProperties = {
  id: { type: 'string' }, region: { type: 'string' }, version: { type: 'string' }, kind: { enum: ['baseline', 'variant'] }, level: { enum: levels },
  regionName: part('localizedText'), title: part('localizedText'), department: { type: 'string' }, baselineVersion: { type: ['string', 'null'] },
  hash: { type: 'string' }, publishedAt: { type: 'string', format: 'date-time' }, publishedBy: { type: 'string' },
} as const;
const entrySchema = { type: 'object', additionalProperties: false, required: Object.keys(entryProperties), properties: entryProperties } as const;
const regionSchema = {
  type: 'object', additionalProperties: false, required: ['code', 'name', 'level', 'parent'],
  properties: { code: { type: 'string' }, name: part('localizedText'), level: { enum: levels }, parent: { type: ['string', 'null'] } },
} as const;

type CatalogueQuerystring = { q?: string; kind?: 'baseline' | 'variant'; level?: string; region?: string; matterId?: string; department?: string; offset?: number; limit?: number };

export function designerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const designers = ['official', 'reviewer'] as const;

  app.get<{ Querystring: CatalogueQuerystring }>('/api/designer/catalogue', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'Search the catalogue (newest version per matter and region): text, kind, level, region (and the regions inside it), matter, department; a page at a time',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          q: { type: 'string', maxLength: 100 }, kind: { enum: ['baseline', 'variant'] }, level: { enum: levels }, region: regionCode, matterId: identifier,
          department: { type: 'string', maxLength: 100 }, offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
        },
      },
      response: {
        200: { description: 'a page', type: 'object', additionalProperties: false, required: ['total', 'offset', 'limit', 'entries'], properties: { total: { type: 'integer' }, offset: { type: 'integer' }, limit: { type: 'integer' }, entries: { type: 'array', items: entrySchema } } },
        ...errors(400, 401, 403),
      },
    },
  }, async (request) => {
    requireRole(request.user, designers, 'browse the designer’s catalogue');
    const { q, offset = 0, limit = 25, ...filters } = request.query;
    const page = await ctx.runtime.store.searchCatalogue({ ...filters, ...(q ? { text: q } : {}), offset, limit } as never);
    return {
      total: page.total, offset, limit,
      entries: page.entries.map(({ bundle: _, ...e }) => ({ ...e, baselineVersion: e.baselineVersion ?? null, publishedAt: new Date(e.publishedAt).toISOString() })),
    };
  });

  app.get('/api/regions', {
    config: { access: 'public' },
    schema: {
      tags: ['catalogue'], summary: 'The administrative divisions matters are implemented in (GB/T 2260), each with its parent',
      response: { 200: { description: 'the region list', type: 'object', additionalProperties: false, required: ['regions'], properties: { regions: { type: 'array', items: regionSchema } } }, ...errors() },
    },
  }, async () => ({ regions: [...ctx.regions.byCode.values()].map((r) => ({ code: r.code, name: r.name, level: r.level, parent: r.parent ?? null })) }));

  app.get('/api/designer/context', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'The catalogue context drafts are validated in (shared data, shared schemas, regions, bundles), as source texts for the engine',
      response: {
        200: { description: 'source documents', type: 'object', additionalProperties: false, required: ['sources'], properties: { sources: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['file', 'text'], properties: { file: { type: 'string' }, text: { type: 'string' } } } } } },
        ...errors(401, 403),
      },
    },
  }, async (request) => {
    requireRole(request.user, designers, 'read the designer’s context');
    return { sources: ctx.catalogueContext.map(({ file, text }) => ({ file, text })) };
  });

  app.get<{ Params: { id: string; region: string } }>('/api/definitions/:id/:region/versions', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['definitions'], summary: 'Every published version of a matter in a region: who published it and when, oldest first',
      params: { type: 'object', required: ['id', 'region'], additionalProperties: false, properties: { id: identifier, region: regionCode } },
      response: {
        200: {
          description: 'the history', type: 'object', additionalProperties: false, required: ['versions'],
          properties: { versions: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['version', 'hash', 'publishedAt', 'publishedBy', 'href'], properties: { version: { type: 'string' }, hash: { type: 'string' }, publishedAt: { type: 'string', format: 'date-time' }, publishedBy: { type: 'string' }, href: { type: 'string' } } } } },
        },
        ...errors(400, 401, 404),
      },
    },
  }, async (request) => {
    const { id, region } = request.params;
    const versions = await ctx.runtime.store.versionHistory(id, region);
    if (versions.length === 0) throw notFound(`matter ${id} in region ${region}`);
    return { versions: versions.map((v) => ({ ...v, publishedAt: new Date(v.publishedAt).toISOString(), href: `/api/definitions/${id}/${region}/${v.version}` })) };
  });
}
