/** Loads the files a command names, plus the rest of their catalogue as context for cross references. */
import { relative } from 'node:path';
import { validateSources, withComposedBundles, type ValidationResult } from '../../engine/index.ts';
import { findCatalogueRoot, listJsonFiles, readSources } from './sources.ts';

export interface LoadedCatalogue extends ValidationResult {
  /** Files the user named (relative to cwd); problems elsewhere are context, not reported. */
  readonly targets: ReadonlySet<string>;
}

/**
 * Validates the named files or folders, with their catalogue root (or `catalogueDir`) as context; the catalogue's
 * bundles come composed among its definitions.
 */
export async function loadAndValidate(paths: readonly string[], cwd: string, catalogueDir?: string): Promise<LoadedCatalogue> {
  const targets = await listJsonFiles(paths, cwd);
  const roots = new Set<string>();
  if (catalogueDir) roots.add(catalogueDir);
  else for (const t of targets) {
    const root = await findCatalogueRoot(t);
    if (root) roots.add(root);
  }
  const context = await listJsonFiles([...roots], cwd);
  const all = [...new Set([...targets, ...context])];
  const result = validateSources(await readSources(all, cwd));
  // each bundle composed into one definition (under the bundle's file): reviewed, scored and listed like any matter
  return { ...result, catalogue: withComposedBundles(result.catalogue), targets: new Set(targets.map((t) => relative(cwd, t) || t)) };
}
