/**
 * Definitions: every signed-in user reads them; officials publish new versions. The publish route keeps the
 * request's raw JSON text so the engine's hostile-input checks (duplicate keys, `__proto__`) see it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
import { definitionProperty, part } from '../definition-schemas.ts';
import { publishDefinition } from '../publish.ts';
import { anyObject, errors, identifier } from '../schemas.ts';

const summary = (d: { id: string; version: string; region: string; hash: string; publishedAt: number; definition: { kind: string; title: unknown; baseline?: unknown } }) => ({
  id: d.id, version: d.version, region: d.region, kind: d.definition.kind, title: d.definition.title, baseline: d.definition.baseline ?? null, hash: d.hash,
  publishedAt: new Date(d.publishedAt).toISOString(), href: `/api/definitions/${d.id}/${d.region}/${d.version}`,
});

const summaryProperties = {
  id: { type: 'string' }, version: { type: 'string' }, region: { type: 'string', description: 'region code' }, kind: definitionProperty('kind'), title: part('localizedText'),
  baseline: { anyOf: [part('definitionRef'), { type: 'null' }], description: 'variants: the baseline they implement' }, hash: { type: 'string', description: 'sha256 of the canonical JSON' },
  publishedAt: { type: 'string', format: 'date-time' }, href: { type: 'string', description: 'the whole version’s URL' },
} as const;
const summaryRequired = Object.keys(summaryProperties);
const summarySchema = { type: 'object', additionalProperties: false, required: summaryRequired, properties: summaryProperties } as const;
const wholeSchema = {
  description: 'the version, whole', type: 'object', additionalProperties: false, required: [...summaryRequired, 'definition'],
  properties: { ...summaryProperties, definition: { type: 'object', description: 'the matter definition (engine/model/definition.schema.json)' } },
} as const;
const publishedSchema = (status: 'published' | 'unchanged', description: string) => ({
  description, type: 'object', additionalProperties: false, required: ['status', ...summaryRequired], properties: { status: { const: status }, ...summaryProperties },
}) as const;

/** The definition routes; `rawText` reads a request's raw JSON (installRawJson in the same scope). */
export function definitionRoutes(app: FastifyInstance, ctx: ServerContext, rawText: (request: FastifyRequest) => string | undefined): void {

  app.get('/api/definitions', {
    config: { access: 'signed-in' },
    schema: { tags: ['definitions'], summary: 'Every published definition version', response: { 200: { description: 'every published version', type: 'object', additionalProperties: false, required: ['definitions'], properties: { definitions: { type: 'array', items: summarySchema } } }, ...errors(401) } },
  }, async () => ({ definitions: (await ctx.definitions.list()).map(summary) }));

  app.get<{ Params: { id: string; region: string; version: string } }>('/api/definitions/:id/:region/:version', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['definitions'], summary: 'One published definition version, whole',
      params: { type: 'object', required: ['id', 'region', 'version'], additionalProperties: false, properties: { id: identifier, region: { type: 'string', pattern: '^[0-9]{6,12}$' }, version: identifier } },
      response: { 200: wholeSchema, ...errors(400, 401, 404) },
    },
  }, async (request) => {
    const { id, region, version } = request.params;
    const found = await ctx.definitions.find(id, region, version);
    if (!found) throw notFound(`definition ${id}@${version} in region ${region}`);
    return { ...summary(found), definition: found.definition };
  });

  app.post<{ Body: Record<string, unknown> }>('/api/definitions', {
    config: { access: 'signed-in' },
    // the role is checked before the body is read
    onRequest: async (request) => void requireRole(request.user, ['official'], 'publish definitions'),
    schema: {
      tags: ['definitions'], summary: 'Publish a definition version (officials): validated against the catalogue; the same id + version + region with other content is 409',
      body: { ...anyObject, description: 'a matter definition (engine/model/definition.schema.json)' },
      response: {
        201: publishedSchema('published', 'published'),
        200: publishedSchema('unchanged', 'already published with the same content: nothing changed'),
        ...errors(400, 401, 403, 409, 413, 415, 422),
      },
    },
  }, async (request, reply) => {
    const text = rawText(request) ?? JSON.stringify(request.body);
    const { status, definition } = await publishDefinition(ctx, text, request.body);
    return reply.status(status === 'published' ? 201 : 200).send({ status, ...summary(definition) });
  });
}
