/** The catalogue (matters with their baseline and regional variants) and the service guide of one matter in one region. */
import type { FastifyInstance } from 'fastify';
import type { CatalogueEntry } from '../../store/types.ts';
import type { ServerContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { part } from '../definition-schemas.ts';
import { buildGuide, guideBody } from '../guide.ts';
import { bundleKey } from '../../definitions-folder.ts';
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
        required: ['id', 'title', 'baseline', 'variants', 'bundle'],
        properties: {
          id: { type: 'string' }, title: part('localizedText'), baseline: { anyOf: [entrySchema, { type: 'null' }] }, variants: { type: 'array', items: entrySchema },
          bundle: {
            description: 'a one-thing bundle (一件事): its life event in the national vocabulary (birth, employment, market-entry, …) and whose life it is (life: a person’s, business: an enterprise’s); null for a single matter',
            anyOf: [{ type: 'object', additionalProperties: false, required: ['event', 'eventType'], properties: { event: { type: 'string' }, eventType: { type: 'string', enum: ['life', 'business'] } } }, { type: 'null' }],
          },
        },
      },
    },
  },
} as const;

// From the store's catalogue index: no definition body is read to list the catalogue.
const entry = (e: CatalogueEntry) => ({
  version: e.version, region: { code: e.region, name: e.regionName, level: e.level }, title: e.title, hash: e.hash, guide: `/api/matters/${e.id}/regions/${e.region}/guide`,
});

export function catalogueRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/matters', {
    config: { access: 'public' },
    schema: {
      tags: ['catalogue'], summary: 'Every matter and one-thing bundle: its title, top-runner baseline and regional variants (newest version of each), and for a bundle its life event',
      response: { 200: mattersBody, ...errors() },
    },
  }, async () => {
    const byId = new Map<string, CatalogueEntry[]>();
    for (const e of await ctx.definitions.entries()) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
    const matters = [...byId].map(([id, entries]) => {
      const baseline = entries.find((e) => e.kind === 'baseline');
      const bundle = (baseline ?? entries.find((e) => e.bundle))?.bundle;
      return {
        id, title: (baseline ?? entries[0]!).title, baseline: baseline ? entry(baseline) : null, variants: entries.filter((e) => e.kind === 'variant').map(entry),
        bundle: bundle ? { event: bundle.event, eventType: bundle.eventType } : null,
      };
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
    // a bundle's saving as composed from the definitions folder at start (the same content only)
    const composed = ctx.bundles?.get(bundleKey(published));
    return buildGuide(published, ctx.sharedData, request.user, composed?.hash === published.hash ? composed.saving : undefined);
  });
}
