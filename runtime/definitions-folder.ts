/**
 * The catalogue the server starts from: every JSON file of the definitions folder, validated by the engine. Its
 * definitions are published on first start; its shared data catalogue, shared schemas and bundles are the context
 * every definition published later is validated against.
 *
 * Each bundle (一件事) is composed with its members (resolveMembers + compose) into one definition, validated like
 * any definition in the folder's context and published with the others under the bundle's id, version and region,
 * so a case starts on it like on any matter. A composition or validation problem stops the start like any other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { canonical } from '../engine/json/equal.ts';
import { fileURLToPath } from 'node:url';
import { definitionHash } from './cases/runtime.ts';
import { bundleSaving, compose, resolveMembers, validateSources, type BundleSaving, type Catalogue, type MatterDefinition, type Problem, type SourceDocument } from '../engine/index.ts';

/** The project's definitions folder. */
export const defaultDefinitionsDir = fileURLToPath(new URL('../definitions', import.meta.url));

/** A bundle of the folder, composed: its definition and what it saves the applicant (bundleSaving). */
export interface FolderBundle {
  readonly file: string;
  readonly definition: MatterDefinition;
  /** The composed definition's content hash (as published: definitionHash). */
  readonly hash: string;
  readonly saving: BundleSaving;
}

export interface LoadedDefinitions {
  /** The folder's catalogue; its definitions include each bundle's composed definition. */
  readonly catalogue: Catalogue;
  /** The sources that are not matter definitions (shared data, shared schemas, bundles). */
  readonly context: readonly SourceDocument[];
  /** The composed bundles, by bundleKey. */
  readonly bundles: ReadonlyMap<string, FolderBundle>;
}

/** The key a composed bundle is kept under: its id, version and region code. */
export const bundleKey = (d: { id: string; version: string; region: string }): string => `${d.id}@${d.version}@${d.region}`;

const keyOf = (d: MatterDefinition) => bundleKey({ id: d.id, version: d.version, region: d.region.code });

// the file name a composed bundle's problems point into (its bundle file with a marker)
const composedFile = (bundleFile: string) => `${bundleFile}#composed`;

/** Reads and validates the folder; any problem stops the server from starting (with every problem listed). */
export function loadDefinitions(dir: string): LoadedDefinitions {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
  const sources = files.map((file) => ({ file: file.split('\\').join('/'), text: readFileSync(`${dir}/${file}`, 'utf8') }));
  const { catalogue, problems } = validateSources(sources);
  if (problems.length > 0) throw folderProblems(dir, problems);
  const definitionFiles = new Set(catalogue.definitions.map((d) => d.file));
  const composed = composeFolderBundles(catalogue, sources);
  if (composed.problems.length > 0) throw folderProblems(dir, composed.problems);
  const bundles = new Map(composed.bundles.map((b) => [keyOf(b.definition), b]));
  // a folder exported from a server holds its composed bundles as files already: the same content is not added twice
  const held = new Set(catalogue.definitions.map((d) => keyOf(d.value)));
  const added = composed.bundles.filter((b) => !held.has(keyOf(b.definition)));
  return {
    catalogue: { ...catalogue, definitions: [...catalogue.definitions, ...added.map((b) => ({ file: composedFile(b.file), value: b.definition }))] },
    context: sources.filter((s) => !definitionFiles.has(s.file)),
    bundles,
  };
}

/** Composes every bundle of a validated catalogue and validates the composed definitions with the folder's sources. */
function composeFolderBundles(catalogue: Catalogue, sources: readonly SourceDocument[]): { bundles: FolderBundle[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const bundles: FolderBundle[] = [];
  for (const { file, value } of catalogue.bundles) {
    const resolved = resolveMembers(value, file, catalogue.definitions);
    problems.push(...resolved.problems);
    if (resolved.problems.length > 0) continue;
    const members = resolved.members.map((m) => m!);
    const composition = compose(value, members, file);
    problems.push(...composition.problems);
    if (!composition.definition || composition.problems.length > 0) continue;
    bundles.push({ file, definition: composition.definition, hash: definitionHash(composition.definition), saving: bundleSaving(members.map((m) => m.value), composition.definition, composition.submissions) });
  }
  if (problems.length > 0 || bundles.length === 0) return { bundles, problems };
  // like any definition of the folder: with its shared data, schemas, regions and the other definitions (a region's
  // bundle is a variant of the province's composed bundle)
  // (a composed bundle the folder already holds as a file, with the same content — an export — is that file)
  const same = new Map(catalogue.definitions.map((d) => [keyOf(d.value), canonical(d.value)]));
  const composedSources = bundles.filter((b) => same.get(keyOf(b.definition)) !== canonical(b.definition)).map((b) => ({ file: composedFile(b.file), text: JSON.stringify(b.definition) }));
  const own = new Set(composedSources.map((s) => s.file));
  problems.push(...validateSources([...sources, ...composedSources]).problems.filter((p) => own.has(p.file)));
  return { bundles, problems };
}

const folderProblems = (dir: string, problems: readonly Problem[]) =>
  new Error(`the definitions in ${dir} have ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file}#${p.pointer}: ${p.message} [${p.code}]`).join('\n')}`);
