/**
 * The published definitions as the server reads them, at the province's scale (3,638 matters, 200,000 variants):
 * single versions are read from the store by key or hash and kept in a bounded cache (published versions never
 * change), the newest version of a matter in a region comes from the store's catalogue index, and nothing loads the
 * whole catalogue except the one route that lists every version.
 */
import type { CatalogueEntry, PublishedDefinition, Store } from '../store/types.ts';
import { compareVersions } from '../store/versions.ts';

export { compareVersions };

const cacheLimit = 2000;

export class DefinitionIndex {
  private readonly cache = new Map<string, PublishedDefinition>();

  constructor(private readonly store: Store) {}

  /** Every published version, sorted by matter, region and version (loads every body: for small catalogues only). */
  async list(): Promise<PublishedDefinition[]> {
    const list = await this.store.listDefinitions();
    return list.sort((a, b) => a.id.localeCompare(b.id) || a.region.localeCompare(b.region) || compareVersions(a.version, b.version));
  }

  /** The catalogue index's entries (newest version per matter and region), every page of them, without bodies. */
  async entries(query: { matterId?: string } = {}): Promise<CatalogueEntry[]> {
    const all: CatalogueEntry[] = [];
    for (let offset = 0; ; offset += 5000) {
      const page = await this.store.searchCatalogue({ ...query, offset, limit: 5000 });
      all.push(...page.entries);
      if (page.entries.length < 5000) return all;
    }
  }

  /** One matter in one region: the given version, or the newest. */
  async find(id: string, region: string, version?: string): Promise<PublishedDefinition | undefined> {
    const wanted = version ?? (await this.store.searchCatalogue({ matterId: id, region, offset: 0, limit: 1000 })).entries.find((e) => e.region === region)?.version;
    if (wanted === undefined) return undefined;
    const key = `${id}\u0000${region}\u0000${wanted}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const found = await this.store.getDefinition(id, wanted, region);
    if (found) this.remember(key, found);
    return found;
  }

  /** The published version with this content hash. */
  async byHash(hash: string): Promise<PublishedDefinition | undefined> {
    const hit = this.cache.get(hash);
    if (hit) return hit;
    const found = await this.store.definitionByHash(hash);
    if (found) this.remember(hash, found);
    return found;
  }

  private remember(key: string, definition: PublishedDefinition): void {
    if (this.cache.size >= cacheLimit) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, definition);
  }
}
