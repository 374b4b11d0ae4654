/** The catalogue (matters with their baseline and regional variants) and the service guide of one matter in one region. */
import type { FastifyInstance } from 'fastify';
import type { PublishedDefinition } from '../../store/types.ts';
import type { ServerContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { part } from '../definition-schemas.ts';
import { buildGuide, guideBody } from '../guide.ts';
import { errors, identifier } from '../schemas.ts';

/** One published definition in the catalogue (newest version of its region). */
const entrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'region', 'title', 'hash', 'guide'],
  properties: { version: { type: 'string' }, region: part('region'), title: part('localizedText'), hash: { type: 'string' }, guide: { type: 'string', description: 'the service guide’s URL' } },
} as const;
const mattersBody = {
  description: 'every matter with its baseline and regional variants',
  type: 'object',
  additionalProperties: false,
  required: ['matters'],
  properties: {
    matters: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'baseline', 'variants'],
        properties: { id: { type: 'string' }, title: part('localizedText'), baseline: { anyOf: [entrySchema, { type: 'null' }] }, variants: { type: 'array', items: entrySchema } },
      },
    },
  },
} as const;

const entry = (d: PublishedDefinition) => ({ version: d.version, region: d.definition.region, title: d.definition.title, hash: d.hash, guide: `/api/matters/${d.id}/regions/${d.region}/guide` });

export function catalogueRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/matters', {
    config: { access: 'public' },
    schema: {
      tags: ['catalogue'], summary: 'Every matter: its title, top-runner baseline and regional variants (newest version of each)',
      response: { 200: mattersBody, ...errors() },
    },
  }, async () => {
    const byId = new Map<string, PublishedDefinition[]>();
    for (const d of await ctx.definitions.latest()) byId.set(d.id, [...(byId.get(d.id) ?? []), d]);
    const matters = [...byId].map(([id, defs]) => {
      const baseline = defs.find((d) => d.definition.kind === 'baseline');
      return { id, title: (baseline ?? defs[0]!).definition.title, baseline: baseline ? entry(baseline) : null, variants: defs.filter((d) => d.definition.kind === 'variant').map(entry) };
    });
    return { matters };
  });

  app.get<{ Params: { id: string; region: string }; Querystring: { version?: string } }>('/api/matters/:id/regions/:region/guide', {
    config: { access: 'public' },
    schema: {
      tags: ['catalogue'], summary: 'The service guide of a matter in a region; signed-in applicants see which materials shared data waives for them, and why',
      params: { type: 'object', required: ['id', 'region'], additionalProperties: false, properties: { id: identifier, region: { type: 'string', pattern: '^[0-9]{6,12}$' } } },
      querystring: { type: 'object', additionalProperties: false, properties: { version: identifier } },
      response: { 200: guideBody, ...errors(400, 404) },
    },
  }, async (request) => {
    const { id, region } = request.params;
    const published = await ctx.definitions.find(id, region, request.query.version);
    if (!published) throw notFound(`matter ${id}${request.query.version ? `@${request.query.version}` : ''} in region ${region}`);
    return buildGuide(published, ctx.sharedData, request.user);
  });
}
