/**
 * Where `onematter export --cpsv` reads the catalogue: a definitions folder (validated as `validate` does, with its
 * catalogue root as context) or the server's store (opened read only, as `--files` does), with the bundles of the
 * catalogue folder the server starts from (the store holds none).
 */
import { relative, resolve } from 'node:path';
import { loadCatalogue, type BundleDefinition, type MatterDefinition, type Problem } from '../../engine/index.ts';
import { dataFolderOf, openDataStore } from './data-store.ts';
import { contextFiles } from './export-folder.ts';
import { newestEntries } from './export-plan.ts';
import { loadAndValidate } from './load.ts';

/** What the export is made from; problems (with their files) stop it. */
export interface CpsvInput {
  readonly definitions: readonly MatterDefinition[];
  readonly bundles: readonly BundleDefinition[];
  readonly problems: readonly Problem[];
}

/** The valid definitions under `paths` and every bundle of their catalogue; problems in the named files. */
export async function cpsvFromFolder(paths: readonly string[], cwd: string, catalogueDir: string | undefined): Promise<CpsvInput> {
  const loaded = await loadAndValidate(paths, cwd, catalogueDir);
  return {
    // a composed bundle is the bundle's om:Bundle (with its members as parts), not a service of its own
    definitions: loaded.catalogue.definitions.filter((d) => loaded.targets.has(d.file) && !d.value.bundle).map((d) => d.value),
    bundles: loaded.catalogue.bundles.map((b) => b.value),
    problems: loaded.problems.filter((p) => loaded.targets.has(p.file)),
  };
}

/** The newest published version of every matter in every region (every version with `allVersions`), and the bundles of `catalogueDir`. */
export async function cpsvFromStore(data: string | undefined, cwd: string, catalogueDir: string, allVersions: boolean): Promise<CpsvInput> {
  const context = await contextFiles(catalogueDir);
  const sources = context.map((c) => ({ file: relative(cwd, resolve(catalogueDir, c.path)) || c.path, text: c.bytes.toString('utf8') }));
  const { catalogue, problems } = loadCatalogue(sources);
  const { store } = await openDataStore(dataFolderOf(data, cwd), 'read');
  try {
    const definitions: MatterDefinition[] = [];
    for (const e of (await newestEntries(store)).filter((entry) => entry.bundle === undefined)) {
      const versions = allVersions ? await store.versions(e.id, e.region) : [e.version];
      for (const version of versions) {
        const published = await store.getDefinition(e.id, version, e.region);
        if (!published) throw new Error(`${e.id}@${version} (${e.region}) was listed by the store but cannot be read`);
        definitions.push(published.definition);
      }
    }
    return { definitions, bundles: catalogue.bundles.map((b) => b.value), problems };
  } finally {
    await store.close();
  }
}
