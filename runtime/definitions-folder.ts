/**
 * The catalogue the server starts from: every JSON file of the definitions folder, validated by the engine. Its
 * definitions are published on first start; its shared data catalogue, shared schemas and bundles are the context
 * every definition published later is validated against.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateSources, type Catalogue, type SourceDocument } from '../engine/index.ts';

/** The project's definitions folder. */
export const defaultDefinitionsDir = fileURLToPath(new URL('../definitions', import.meta.url));

export interface LoadedDefinitions {
  readonly catalogue: Catalogue;
  /** The sources that are not matter definitions (shared data, shared schemas, bundles). */
  readonly context: readonly SourceDocument[];
}

/** Reads and validates the folder; any problem stops the server from starting (with every problem listed). */
export function loadDefinitions(dir: string): LoadedDefinitions {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
  const sources = files.map((file) => ({ file: file.split('\\').join('/'), text: readFileSync(`${dir}/${file}`, 'utf8') }));
  const { catalogue, problems } = validateSources(sources);
  if (problems.length > 0) {
    throw new Error(`the definitions in ${dir} have ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file}#${p.pointer}: ${p.message} [${p.code}]`).join('\n')}`);
  }
  const definitionFiles = new Set(catalogue.definitions.map((d) => d.file));
  return { catalogue, context: sources.filter((s) => !definitionFiles.has(s.file)) };
}
