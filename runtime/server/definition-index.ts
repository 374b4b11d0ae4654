/**
 * The published definitions as the server reads them: every version, the newest one per matter and region, and
 * single versions. Published versions never change, so the list is read once and re-read after a publish.
 */
import type { PublishedDefinition, Store } from '../store/types.ts';

/** Orders versions like `1.2.0` < `1.10.0` (numeric parts). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number(x) || 0);
  const pb = b.split(/[.-]/).map((x) => Number(x) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export class DefinitionIndex {
  private all: Promise<PublishedDefinition[]> | undefined;

  constructor(private readonly store: Store) {}

  /** Every published version, sorted by matter, region and version. */
  list(): Promise<PublishedDefinition[]> {
    this.all ??= this.store.listDefinitions().then((list) =>
      list.sort((a, b) => a.id.localeCompare(b.id) || a.region.localeCompare(b.region) || compareVersions(a.version, b.version)),
    );
    return this.all;
  }

  /** The newest version of each matter in each region. */
  async latest(): Promise<PublishedDefinition[]> {
    const newest = new Map<string, PublishedDefinition>();
    for (const d of await this.list()) newest.set(`${d.id}\u0000${d.region}`, d); // sorted: the last one wins
    return [...newest.values()];
  }

  /** One matter in one region: the given version, or the newest. */
  async find(id: string, region: string, version?: string): Promise<PublishedDefinition | undefined> {
    const matching = (await this.list()).filter((d) => d.id === id && d.region === region && (version === undefined || d.version === version));
    return matching.at(-1);
  }

  /** Forget the cached list (after publishing). */
  invalidate(): void {
    this.all = undefined;
  }
}
