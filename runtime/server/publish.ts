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
export async function publishDefinition(ctx: ServerContext, text: string, value: Record<string, unknown>): Promise<PublishOutcome> {
  const key = (d: { id: unknown; version: unknown; region: unknown }) => `${String(d.id)}@${String(d.version)}@${String(d.region)}`;
  const region = (value.region as { code?: unknown } | undefined)?.code;
  const postedKey = key({ id: value.id, version: value.version, region });
  const parsed = parseDocument(postedFile, text); // hostile text (duplicate keys, __proto__, depth) first
  if (!parsed.ok) throw invalid(parsed.problems);
  const all = await ctx.definitions.list();
  // a published version never changes: other content under its id + version + region is a conflict, valid or not
  const existing = all.find((d) => key(d) === postedKey);
  if (existing) {
    if (existing.hash !== definitionHash(value as unknown as MatterDefinition)) throw conflict(existing);
    return { status: 'unchanged', definition: existing };
  }
  const sources = [
    ...ctx.catalogueContext,
    ...all.map((d) => ({ file: `published/${d.id}/${d.region}/${d.version}.json`, text: JSON.stringify(d.definition) })),
    { file: postedFile, text },
  ];
  const { catalogue, problems } = validateSources(sources);
  const own = problems.filter((p) => p.file === postedFile);
  if (own.length > 0) throw invalid(own);
  const definition = catalogue.definitions.find((d) => d.file === postedFile)?.value as MatterDefinition | undefined;
  if (!definition) throw new HttpError(422, 'invalid-definition', 'the body is not a matter definition (kind baseline or variant)', { problems: [] });
  const entry: PublishedDefinition = { id: definition.id, version: definition.version, region: definition.region.code, hash: definitionHash(definition), definition, publishedAt: ctx.clock.now() };
  const result = await ctx.runtime.store.publish(entry);
  if (result === 'conflict') throw conflict(entry); // published by someone else meanwhile
  ctx.definitions.invalidate();
  return { status: result, definition: result === 'published' ? entry : ((await ctx.definitions.find(entry.id, entry.region, entry.version)) ?? entry) };
}

const conflict = (d: Pick<PublishedDefinition, 'id' | 'version' | 'region'>) =>
  new HttpError(409, 'definition-conflict', `${d.id}@${d.version} (${d.region}) is already published with other content; publish a new version instead`, { id: d.id, version: d.version, region: d.region });

const invalid = (problems: readonly Problem[]) =>
  new HttpError(422, 'invalid-definition', `the definition has ${problems.length} problem(s): ${problems.slice(0, 5).map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}`, {
    problems: problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })),
  });
