/** Resolving a CLI argument to one matter definition — or a draft of one — with its catalogue as context. */
import { relative, resolve } from 'node:path';
import { parseDocument, type Problem } from '../../engine/index.ts';
import { UsageError } from './io.ts';
import type { LoadedCatalogue } from './load.ts';
import { readSources } from './sources.ts';

/** One side of a comparison: its problems, and its value as far as it is JSON (undefined when it is not). */
export interface DefinitionSide {
  readonly file: string;
  readonly problems: readonly Problem[];
  readonly value: unknown;
}

const otherKinds = new Set(['bundle', 'shared-data-catalogue', 'region-catalogue']);

/**
 * The definition in `path` with its problems. An invalid definition is read again as the draft it is, so it can
 * still be compared; a bundle, shared data, region catalogue or schema is a usage error.
 */
export async function definitionAt(loaded: LoadedCatalogue, path: string, cwd: string): Promise<DefinitionSide> {
  const file = relative(cwd, resolve(cwd, path)) || path;
  const problems = loaded.problems.filter((p) => p.file === file);
  const valid = loaded.catalogue.definitions.find((d) => d.file === file);
  if (valid) return { file, problems, value: valid.value };
  const notDefinition = () => new UsageError(`${path} is not a matter definition (a bundle, shared data or schema file cannot be compared)`);
  const { catalogue } = loaded;
  if ([catalogue.bundles, catalogue.sharedData, catalogue.regions, catalogue.schemas].some((list) => list.some((d) => d.file === file))) throw notDefinition();
  const [source] = await readSources([resolve(cwd, path)], cwd);
  const parsed = parseDocument(file, source!.text, source!.size);
  if (!parsed.ok) return { file, problems, value: undefined }; // not JSON: nothing of it can be compared
  const kind = parsed.value.kind;
  if (typeof kind === 'string' ? otherKinds.has(kind) : !Object.hasOwn(parsed.value, 'kind') && typeof parsed.value.$id === 'string') throw notDefinition();
  return { file, problems, value: parsed.value };
}

/** Prints problems one per line, as `validate` does. */
export const formatProblems = (problems: readonly Problem[]): string => problems.map((p) => `${p.file}#${p.pointer}: ${p.message} [${p.code}]\n`).join('');
