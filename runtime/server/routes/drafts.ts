/**
 * Officials' drafts: start one (edit a published version, a new variant of a baseline for a region, or a new matter),
 * autosave it (any JSON while it is edited — only publishing needs validity — guarded by a revision, so two officials
 * on one draft get a conflict and lose nothing), publish it, or drop it. Every write is checked against the
 * official's scope, on the definition itself; the raw text passes the engine's hostile-input checks before storing.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseDocument, type MatterDefinition } from '../../../engine/index.ts';
import type { DraftRecord } from '../../store/types.ts';
import { requireRole } from '../access.ts';
import type { User } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { part } from '../definition-schemas.ts';
import { requireScope, scopeRefusal } from '../design-scope.ts';
import { HttpError, notFound } from '../errors.ts';
import { newMatter } from '../matter-template.ts';
import { publishDefinition } from '../publish.ts';
import { errors, identifier } from '../schemas.ts';

type IdParams = { Params: { id: string } };
const regionCode = { type: 'string', pattern: '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$' } as const;
const uuid = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'draft id (UUID)' } as const;
const params = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } } as const;
const revision = { type: 'integer', minimum: 1, description: 'the revision you read; a stale one is 409 draft-conflict' } as const;

const summaryProperties = {
  id: uuid, matterId: { type: 'string' }, region: { type: 'string' }, kind: { enum: ['baseline', 'variant'] },
  baseVersion: { type: ['string', 'null'], description: 'the published version the draft started from' },
  title: { anyOf: [part('localizedText'), { type: 'null' }], description: "the draft's title as it stands (null when it has none)" },
  revision: { type: 'integer' }, createdBy: { type: 'string' }, updatedBy: { type: 'string' },
  createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
} as const;
const summarySchema = { type: 'object', additionalProperties: false, required: Object.keys(summaryProperties), properties: summaryProperties } as const;
const draftSchema = {
  description: 'the draft, whole, with what it is compared with',
  type: 'object', additionalProperties: false, required: [...Object.keys(summaryProperties), 'definition', 'against'],
  properties: {
    ...summaryProperties,
    definition: { type: 'object', description: 'the definition being edited (valid or not)' },
    against: {
      description: "what the designer's diff compares the draft with: a variant's baseline, a baseline's last published version (null for a new matter)",
      anyOf: [{ type: 'null' }, {
        type: 'object', additionalProperties: false, required: ['id', 'region', 'version', 'hash', 'kind', 'definition'],
        properties: { id: { type: 'string' }, region: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' }, kind: { enum: ['baseline', 'variant'] }, definition: { type: 'object' } },
      }],
    },
  },
} as const;
const savedSchema = {
  description: 'saved', type: 'object', additionalProperties: false, required: ['id', 'revision', 'updatedBy', 'updatedAt'],
  properties: { id: uuid, revision: { type: 'integer' }, updatedBy: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' } },
} as const;
const startBody = {
  description: 'edit a published version; start a variant of a baseline for a region; or start a new matter (province officials)',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['edit'], properties: { edit: { type: 'object', additionalProperties: false, required: ['id', 'region'], properties: { id: identifier, region: regionCode, version: identifier } } } },
    { type: 'object', additionalProperties: false, required: ['variantOf', 'region'], properties: { variantOf: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: identifier, version: identifier } }, region: regionCode } },
    { type: 'object', additionalProperties: false, required: ['newMatter'], properties: { newMatter: { type: 'object', additionalProperties: false, required: ['id', 'title', 'department'], properties: { id: { type: 'string', pattern: '^[0-9]{6}-[A-Z]{2,8}-[0-9]{4}$' }, title: part('localizedText'), department: part('localizedText') } } } },
  ],
} as const;
type StartBody =
  | { edit: { id: string; region: string; version?: string } }
  | { variantOf: { id: string; version?: string }; region: string }
  | { newMatter: { id: string; title: { zh: string; en: string }; department: { zh: string; en: string } } };

const iso = (ms: number) => new Date(ms).toISOString();
/** The largest draft save accepted (413 above): the engine's 2 MiB document limit and room for the request around it. */
export const draftBodyLimit = 2 * 1024 * 1024 + 4096;
const titleOf = (definition: unknown) => {
  const t = (definition as { title?: { zh?: unknown; en?: unknown } } | null)?.title;
  return typeof t?.zh === 'string' && typeof t.en === 'string' ? { zh: t.zh, en: t.en } : null;
};
const summary = (d: DraftRecord) => ({
  id: d.id, matterId: d.matterId, region: d.region, kind: d.kind, baseVersion: d.baseVersion ?? null, title: titleOf(d.definition),
  revision: d.revision, createdBy: d.createdBy, updatedBy: d.updatedBy, createdAt: iso(d.createdAt), updatedAt: iso(d.updatedAt),
});
// What a draft claims to be: its own kind and region, else the draft's (a definition being edited may lack them).
const targetOf = (draft: Pick<DraftRecord, 'kind' | 'region'>, definition: unknown) => {
  const d = definition as { kind?: unknown; region?: { code?: unknown } } | null;
  return { kind: d?.kind ?? draft.kind, region: d?.region?.code ?? draft.region };
};

/** The draft routes; `rawText` reads a request's raw JSON (installRawJson in the same scope). */
export function draftRoutes(app: FastifyInstance, ctx: ServerContext, rawText: (request: FastifyRequest) => string | undefined): void {
  const official = (user: User | undefined, doing: string) => requireRole(user, ['official'], doing);
  const load = async (id: string, user: User): Promise<DraftRecord> => {
    const draft = await ctx.runtime.store.draft(id);
    if (!draft || (user.role === 'official' && scopeRefusal(user, draft, ctx.regions))) throw notFound(`draft ${id}`);
    return draft;
  };

  app.get<{ Querystring: { matterId?: string; region?: string } }>('/api/drafts', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'Drafts in your scope (officials) or every draft (reviewers), newest first',
      querystring: { type: 'object', additionalProperties: false, properties: { matterId: identifier, region: regionCode } },
      response: { 200: { description: 'drafts', type: 'object', additionalProperties: false, required: ['drafts'], properties: { drafts: { type: 'array', items: summarySchema } } }, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const user = requireRole(request.user, ['official', 'reviewer'], 'read drafts');
    const drafts = await ctx.runtime.store.listDrafts(request.query);
    return { drafts: drafts.filter((d) => user.role === 'reviewer' || !scopeRefusal(user, d, ctx.regions)).map(summary) };
  });

  app.post<{ Body: StartBody }>('/api/drafts', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'Start a draft: edit a published version, a new variant of a baseline for a region, or a new matter',
      body: startBody, response: { 201: draftSchema, ...errors(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (request, reply) => {
    const user = official(request.user, 'author matters');
    const body = request.body;
    let definition: MatterDefinition;
    let baseVersion: string | undefined;
    if ('edit' in body) {
      const published = await ctx.definitions.find(body.edit.id, body.edit.region, body.edit.version);
      requireScope(user, { kind: published?.definition.kind ?? 'variant', region: body.edit.region }, ctx.regions);
      if (!published) throw notFound(`matter ${body.edit.id} in region ${body.edit.region}`);
      definition = structuredClone(published.definition);
      baseVersion = published.version;
    } else if ('variantOf' in body) {
      const baselineEntry = (await ctx.runtime.store.searchCatalogue({ matterId: body.variantOf.id, kind: 'baseline', offset: 0, limit: 1 })).entries[0];
      const baseline = baselineEntry && (await ctx.definitions.find(body.variantOf.id, baselineEntry.region, body.variantOf.version));
      if (!baseline) throw notFound(`baseline of matter ${body.variantOf.id}`);
      const region = ctx.regions.byCode.get(body.region);
      if (!region) throw new HttpError(400, 'unknown-region', `region ${body.region} is not in the region catalogue`);
      requireScope(user, { kind: 'variant', region: body.region }, ctx.regions); // before saying whether one exists there
      const existing = await ctx.definitions.find(body.variantOf.id, body.region);
      if (existing) throw new HttpError(409, 'variant-exists', `${body.variantOf.id} already has a variant in ${body.region} (version ${existing.version}): edit it instead`, { version: existing.version });
      const { region: _, baseline: __, kind: ___, ...rest } = structuredClone(baseline.definition);
      definition = { ...rest, kind: 'variant', region: { code: region.code, name: region.name, level: region.level }, baseline: { id: baseline.id, version: baseline.version } } as MatterDefinition;
      baseVersion = undefined;
    } else {
      requireScope(user, { kind: 'baseline', region: user.region }, ctx.regions);
      const province = [...ctx.regions.byCode.values()].find((r) => r.level === 'province');
      if (!province) throw new HttpError(400, 'unknown-region', 'the region catalogue has no province');
      if ((await ctx.runtime.store.searchCatalogue({ matterId: body.newMatter.id, offset: 0, limit: 1 })).total > 0) {
        throw new HttpError(409, 'matter-exists', `matter ${body.newMatter.id} exists already: edit it instead`);
      }
      definition = newMatter({ ...body.newMatter, region: { code: province.code, name: province.name, level: province.level } });
    }
    requireScope(user, targetOf({ kind: definition.kind, region: definition.region.code }, definition), ctx.regions);
    const now = ctx.clock.now();
    const draft: DraftRecord = {
      id: randomUUID(), matterId: definition.id, region: definition.region.code, kind: definition.kind, baseVersion, definition,
      revision: 1, createdBy: user.id, updatedBy: user.id, createdAt: now, updatedAt: now,
    };
    await ctx.runtime.store.createDraft(draft);
    return reply.status(201).send({ ...summary(draft), definition, against: await againstOf(ctx, draft) });
  });

  app.get<IdParams>('/api/drafts/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['designer'], summary: 'A draft, whole, with the definition it is compared with', params, response: { 200: draftSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const user = requireRole(request.user, ['official', 'reviewer'], 'read drafts');
    const draft = await load(request.params.id, user);
    return { ...summary(draft), definition: draft.definition, against: await againstOf(ctx, draft) };
  });

  app.put<IdParams & { Body: { definition: unknown; revision: number } }>('/api/drafts/:id', {
    config: { access: 'signed-in' },
    // a definition may be as large as the engine reads (2 MiB), plus the request around it
    bodyLimit: draftBodyLimit,
    schema: {
      tags: ['designer'], summary: 'Autosave a draft (valid or not) at the revision you read; another official’s newer save is 409 draft-conflict',
      params, body: { type: 'object', additionalProperties: false, required: ['definition', 'revision'], properties: { definition: { type: 'object' }, revision } },
      response: { 200: savedSchema, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  }, async (request) => {
    const user = official(request.user, 'edit drafts');
    const draft = await load(request.params.id, user);
    const checked = parseDocument('draft.json', rawText(request) ?? JSON.stringify(request.body)); // sizes, depth, hostile keys
    if (!checked.ok) {
      throw new HttpError(checked.problems.some((p) => p.code === 'json.too-large') ? 413 : 422, 'invalid-draft', `the draft cannot be stored: ${checked.problems.map((p) => `${p.pointer || '/'} ${p.message}`).slice(0, 5).join('; ')}`, {
        problems: checked.problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })),
      });
    }
    const { definition } = request.body;
    requireScope(user, targetOf(draft, definition), ctx.regions);
    const now = ctx.clock.now();
    const saved = await ctx.runtime.store.saveDraft(draft.id, request.body.revision, definition, user.id, now);
    if (saved === 'missing') throw notFound(`draft ${draft.id}`);
    if (saved === 'conflict') {
      const current = (await ctx.runtime.store.draft(draft.id))!;
      throw new HttpError(409, 'draft-conflict', `${current.updatedBy} saved this draft meanwhile (revision ${current.revision}); load theirs, or save yours again at their revision`, {
        revision: current.revision, updatedBy: current.updatedBy, updatedAt: iso(current.updatedAt),
      });
    }
    return { id: draft.id, revision: request.body.revision + 1, updatedBy: user.id, updatedAt: iso(now) };
  });

  app.delete<IdParams & { Querystring: { revision: number } }>('/api/drafts/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'Drop a draft at the revision you read', params,
      querystring: { type: 'object', additionalProperties: false, required: ['revision'], properties: { revision } },
      response: { 204: { type: 'null', description: 'dropped' }, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const user = official(request.user, 'drop drafts');
    const draft = await load(request.params.id, user);
    requireScope(user, targetOf(draft, draft.definition), ctx.regions);
    const dropped = await ctx.runtime.store.deleteDraft(draft.id, request.query.revision);
    if (dropped === 'conflict') throw new HttpError(409, 'draft-conflict', 'the draft changed since you read it: read it again before dropping it');
    if (dropped === 'missing') throw notFound(`draft ${draft.id}`);
    return reply.status(204).send();
  });

  app.post<IdParams & { Body: { revision: number; version: string } }>('/api/drafts/:id/publish', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'Publish a draft as a version (the full validator runs; problems are 422); the draft is then dropped',
      params, body: { type: 'object', additionalProperties: false, required: ['revision', 'version'], properties: { revision, version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' } } },
      response: {
        201: { description: 'published', type: 'object', additionalProperties: false, required: ['status', 'id', 'region', 'version', 'hash', 'publishedAt', 'publishedBy'], properties: { status: { const: 'published' }, id: { type: 'string' }, region: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' }, publishedAt: { type: 'string', format: 'date-time' }, publishedBy: { type: 'string' } } },
        ...errors(400, 401, 403, 404, 409, 413, 415, 422),
      },
    },
  }, async (request, reply) => {
    const user = official(request.user, 'publish definitions');
    const draft = await load(request.params.id, user);
    if (draft.revision !== request.body.revision) throw new HttpError(409, 'draft-conflict', `the draft is at revision ${draft.revision}, not ${request.body.revision}: publish what you last saw`, { revision: draft.revision, updatedBy: draft.updatedBy, updatedAt: iso(draft.updatedAt) });
    const definition: Record<string, unknown> = { ...(draft.definition as Record<string, unknown>), version: request.body.version };
    requireScope(user, targetOf(draft, definition), ctx.regions);
    const region = (definition.region as { code?: unknown } | undefined)?.code;
    if (definition.id !== draft.matterId || region !== draft.region) {
      throw new HttpError(422, 'invalid-definition', `a draft of ${draft.matterId} in ${draft.region} publishes that matter in that region; start another draft for another`, { problems: [] });
    }
    const { status, definition: published } = await publishDefinition(ctx, JSON.stringify(definition), definition, user.id);
    if (status === 'unchanged') throw new HttpError(409, 'definition-conflict', `${published.id}@${published.version} (${published.region}) is published already: choose the next version`, { id: published.id, version: published.version, region: published.region });
    await ctx.runtime.store.deleteDraft(draft.id, draft.revision);
    return reply.status(201).send({ status: 'published', id: published.id, region: published.region, version: published.version, hash: published.hash, publishedAt: iso(published.publishedAt), publishedBy: user.id });
  });
}

// A variant is compared with its baseline (the version it names), a baseline with its last published version.
async function againstOf(ctx: ServerContext, draft: DraftRecord) {
  const d = draft.definition as { baseline?: { id?: unknown; version?: unknown } } | null;
  let found;
  if (draft.kind === 'variant') {
    const entry = (await ctx.runtime.store.searchCatalogue({ matterId: draft.matterId, kind: 'baseline', offset: 0, limit: 1 })).entries[0];
    const version = typeof d?.baseline?.version === 'string' ? d.baseline.version : undefined;
    found = entry && (await ctx.definitions.find(draft.matterId, entry.region, version));
  } else {
    found = await ctx.definitions.find(draft.matterId, draft.region, draft.baseVersion);
  }
  return found ? { id: found.id, region: found.region, version: found.version, hash: found.hash, kind: found.definition.kind, definition: found.definition } : null;
}
