/**
 * Publishing a definition sent over HTTP: the engine validates its text against the catalogue (shared data, shared
 * schemas, bundles and every published definition), then the store publishes it. Published versions never change:
 * the same id + version + region with other content is refused (409) before anything else, the same content is a no-op.
 */
import { parseDocument, validateSources, type MatterDefinition, type Problem } from '../../engine/index.ts';
import { definitionHash } from '../cases/runtime.ts';
import type { PublishedDefinition } from '../store/types.ts';
import type { ServerContext } from './context.ts';
import { HttpError } from './errors.ts';

const postedFile = 'posted-definition.json';

export type PublishOutcome = { status: 'published' | 'unchanged'; definition: PublishedDefinition };

/** Validates and publishes; throws 422 (problems with pointers) or 409 (that version exists with other content). */
export async function publishDefinition(ctx: ServerContext, text: string, value: Record<string, unknown>, publishedBy = ''): Promise<PublishOutcome> {
  const key = (d: { id: unknown; version: unknown; region: unknown }) => `${String(d.id)}@${String(d.version)}@${String(d.region)}`;
  const region = (value.region as { code?: unknown } | undefined)?.code;
  const postedKey = key({ id: value.id, version: value.version, region });
  const parsed = parseDocument(postedFile, text); // hostile text (duplicate keys, __proto__, depth) first
  if (!parsed.ok) throw invalid(parsed.problems);
  // a published version never changes: other content under its id + version + region is a conflict, valid or not
  const existing = typeof value.id === 'string' && typeof region === 'string' && typeof value.version === 'string'
    ? await ctx.definitions.find(value.id, region, value.version) : undefined;
  if (existing && key(existing) === postedKey) {
    if (existing.hash !== definitionHash(value as unknown as MatterDefinition)) throw conflict(existing);
    return { status: 'unchanged', definition: existing };
  }
  const sources = [
    ...ctx.catalogueContext,
    ...(await related(ctx, value)).map((d) => ({ file: `published/${d.id}/${d.region}/${d.version}.json`, text: JSON.stringify(d.definition) })),
    { file: postedFile, text },
  ];
  const { catalogue, problems } = validateSources(sources);
  const own = problems.filter((p) => p.file === postedFile);
  if (own.length > 0) throw invalid(own);
  const definition = catalogue.definitions.find((d) => d.file === postedFile)?.value as MatterDefinition | undefined;
  if (!definition) throw new HttpError(422, 'invalid-definition', 'the body is not a matter definition (kind baseline or variant)', { problems: [] });
  const entry: PublishedDefinition = { id: definition.id, version: definition.version, region: definition.region.code, hash: definitionHash(definition), definition, publishedAt: ctx.clock.now(), publishedBy };
  const result = await ctx.runtime.store.publish(entry);
  if (result === 'conflict') throw conflict(entry); // published by someone else meanwhile
  return { status: result, definition: result === 'published' ? entry : ((await ctx.definitions.find(entry.id, entry.region, entry.version)) ?? entry) };
}

const conflict = (d: Pick<PublishedDefinition, 'id' | 'version' | 'region'>) =>
  new HttpError(409, 'definition-conflict', `${d.id}@${d.version} (${d.region}) is already published with other content; publish a new version instead`, { id: d.id, version: d.version, region: d.region });

const invalid = (problems: readonly Problem[]) =>
  new HttpError(422, 'invalid-definition', `the definition has ${problems.length} problem(s): ${problems.slice(0, 5).map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}`, {
    problems: problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })),
  });

// The published definitions a new one is checked against: its matter's newest version in every region (a variant's
// siblings and its baseline) and the baseline version a variant names — never the whole catalogue, which at the
// province's scale holds 200,000 variants.
async function related(ctx: ServerContext, value: Record<string, unknown>): Promise<PublishedDefinition[]> {
  if (typeof value.id !== 'string') return [];
  const entries = await ctx.definitions.entries({ matterId: value.id });
  const found = await Promise.all(entries.map((e) => ctx.definitions.find(e.id, e.region, e.version)));
  const baseline = value.baseline as { id?: unknown; version?: unknown } | undefined;
  const baselineEntry = entries.find((e) => e.kind === 'baseline');
  if (baselineEntry && typeof baseline?.version === 'string' && baseline.id === value.id) found.push(await ctx.definitions.find(value.id, baselineEntry.region, baseline.version));
  const seen = new Set<string>();
  return found.filter((d): d is PublishedDefinition => d !== undefined && !seen.has(`${d.region}@${d.version}`) && Boolean(seen.add(`${d.region}@${d.version}`)));
}
