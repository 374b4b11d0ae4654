/**
 * What the designer's bundle editor (一件事) reads: the catalogue's bundles (from the definitions folder's context, each
 * with its file name), and the published definitions a bundle's members stand for in a region, picked as the engine's
 * resolveMembers picks them (a pinned version exactly, else the newest in the bundle's region, else the newest
 * baseline). The editor composes them in the page; nothing here writes (publishing bundles is not offered yet).
 */
import type { FastifyInstance } from 'fastify';
import { resolveMembers, type BundleDefinition, type MatterDefinition } from '../../../engine/index.ts';
import type { Loaded } from '../../../engine/validate/catalogue.ts';
import { requireRole } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { part } from '../definition-schemas.ts';
import { errors } from '../schemas.ts';

const designers = ['official', 'reviewer'] as const;
const regionCode = { type: 'string', pattern: '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$' } as const;
/** A matter id, with `@version` when the member pins one. */
const matterRef = { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}(@[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?)?$' } as const;

const bundleEntry = {
  type: 'object', additionalProperties: false, required: ['file', 'id', 'version', 'region', 'title', 'bundle'],
  properties: {
    file: { type: 'string', description: 'the file in the definitions folder, e.g. bundles/relocation.json' },
    id: { type: 'string' }, version: { type: 'string' }, region: { type: 'string', description: 'region code' }, title: part('localizedText'),
    bundle: { type: 'object', description: 'the bundle, whole (engine/model/bundle.schema.json)' },
  },
} as const;
const memberEntry = {
  type: 'object', additionalProperties: false, required: ['file', 'id', 'region', 'version', 'kind', 'hash', 'definition'],
  properties: {
    file: { type: 'string', description: 'a name for the definition in problems: id/region@version' },
    id: { type: 'string' }, region: { type: 'string' }, version: { type: 'string' }, kind: { enum: ['baseline', 'variant'] }, hash: { type: 'string' },
    definition: { type: 'object', description: 'the published matter definition (engine/model/definition.schema.json)' },
  },
} as const;

export function designerBundleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/designer/bundles', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'The catalogue’s one-thing bundles (一件事), each whole with its file name',
      response: {
        200: { description: 'the bundles', type: 'object', additionalProperties: false, required: ['bundles'], properties: { bundles: { type: 'array', items: bundleEntry } } },
        ...errors(401, 403),
      },
    },
  }, async (request) => {
    requireRole(request.user, designers, 'read the bundles');
    const bundles = ctx.catalogueContext.flatMap(({ file, text }) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return [];
      }
      const b = value as Partial<BundleDefinition> | null;
      if (!b || typeof b !== 'object' || b.kind !== 'bundle') return [];
      return [{ file, id: String(b.id), version: String(b.version), region: String(b.region?.code ?? ''), title: b.title ?? { zh: '', en: '' }, bundle: value as object }];
    });
    return { bundles };
  });

  app.get<{ Querystring: { region: string; matter: string[] } }>('/api/designer/bundle-members', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['designer'], summary: 'The published definitions a bundle’s members stand for in its region (as resolveMembers picks them); matters not found are listed as missing',
      querystring: {
        type: 'object', additionalProperties: false, required: ['region', 'matter'],
        properties: { region: regionCode, matter: { type: 'array', minItems: 1, maxItems: 20, items: matterRef, description: 'matter ids, `id@version` for a pinned version; repeat the parameter' } },
      },
      response: {
        200: {
          description: 'the members’ definitions, and the references not found', type: 'object', additionalProperties: false, required: ['definitions', 'missing'],
          properties: { definitions: { type: 'array', items: memberEntry }, missing: { type: 'array', items: { type: 'string' } } },
        },
        ...errors(400, 401, 403),
      },
    },
  }, async (request) => {
    requireRole(request.user, designers, 'read bundle members');
    const { region } = request.query;
    const refs = [...new Set(request.query.matter)];
    const matters = refs.map((ref) => {
      const [id, version] = ref.split('@', 2) as [string, string | undefined];
      return { id, ...(version ? { version } : {}) };
    });
    // the candidates resolveMembers chooses among: each matter's versions in the region and its baselines
    const candidates: Loaded<MatterDefinition>[] = [];
    const hashes = new Map<string, string>();
    for (const matter of matters) {
      const entries = (await ctx.definitions.entries({ matterId: matter.id })).filter((e) => e.id === matter.id && (e.region === region || e.kind === 'baseline'));
      for (const entry of entries) {
        const found = await ctx.definitions.find(matter.id, entry.region, matter.version ?? entry.version);
        if (!found) continue;
        const file = `${found.id}/${found.region}@${found.version}`;
        if (hashes.has(file)) continue;
        hashes.set(file, found.hash);
        candidates.push({ file, value: found.definition });
      }
    }
    const bundle = { region: { code: region }, members: matters.map((matter, i) => ({ key: `m${i}`, matter, department: 'd' })) } as unknown as BundleDefinition;
    const { members } = resolveMembers(bundle, 'bundle', candidates);
    const definitions = members.flatMap((m) => (m ? [{ file: m.file, id: m.value.id, region: m.value.region.code, version: m.value.version, kind: m.value.kind === 'variant' ? 'variant' : 'baseline', hash: hashes.get(m.file)!, definition: m.value }] : []));
    return { definitions: [...new Map(definitions.map((d) => [d.file, d])).values()], missing: refs.filter((_, i) => !members[i]) };
  });
}
