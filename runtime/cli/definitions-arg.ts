/** Resolving a CLI argument to one matter definition, with its catalogue as context. */
import { relative, resolve } from 'node:path';
import type { Loaded, MatterDefinition, Problem } from '../../engine/index.ts';
import { UsageError } from './io.ts';
import type { LoadedCatalogue } from './load.ts';

/** The definition in `path`, or the problems that keep it from being one. */
export function definitionAt(loaded: LoadedCatalogue, path: string, cwd: string): { doc: Loaded<MatterDefinition> } | { problems: Problem[] } {
  const file = relative(cwd, resolve(cwd, path)) || path;
  const problems = loaded.problems.filter((p) => p.file === file);
  if (problems.length > 0) return { problems };
  const doc = loaded.catalogue.definitions.find((d) => d.file === file);
  if (!doc) throw new UsageError(`${path} is not a matter definition (a bundle, shared data or schema file cannot be compared)`);
  return { doc };
}

/** Prints problems one per line, as `validate` does. */
export const formatProblems = (problems: readonly Problem[]): string => problems.map((p) => `${p.file}#${p.pointer}: ${p.message} [${p.code}]\n`).join('');
