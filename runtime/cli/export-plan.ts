/**
 * What `onematter export` writes where: the newest version of every matter in every region (the store's catalogue
 * index), every older version with --all-versions, and any older version that an exported variant (as its baseline)
 * or a bundle still refers to, so the export validates on its own. A file already at a target path is overwritten
 * only when it holds a version the store published with that content: an edit not imported yet is never lost.
 */
import type { CatalogueEntry, Store } from '../store/types.ts';
import { compareVersions } from '../store/versions.ts';
import type { ContextFile, ExistingDefinitionFile } from './export-folder.ts';
import { placeEntries, placementKey, placementPath, type Placement } from './export-names.ts';

/** One published version and the path (relative to the export folder) it is written to. */
export interface PlannedDefinition {
  readonly path: string;
  readonly id: string;
  readonly version: string;
  readonly region: string;
}

export interface ExportPlan {
  readonly definitions: readonly PlannedDefinition[];
  /** How many matters (ids) the definitions belong to. */
  readonly matters: number;
  /** Existing files the export would overwrite although the store does not hold their content. */
  readonly refused: readonly { readonly path: string; readonly reason: string }[];
}

const pageSize = 1000;

/** Plans the export of `store` into a folder holding `existing`, beside the `context` documents. */
export async function planExport(store: Store, existing: readonly ExistingDefinitionFile[], context: readonly ContextFile[], allVersions: boolean): Promise<ExportPlan> {
  // a composed bundle is exported too, as published: composing its bundle file again later could resolve an unpinned
  // member to a newer version (published versions never change); a folder holding it does not compose it again
  const entries = await newestEntries(store);
  const placements = placeEntries(
    entries.map((e) => ({ id: e.id, region: e.region, kind: e.kind, title: e.title.en, regionName: e.regionName.en })),
    existing,
    new Set(context.map((c) => c.path)),
  );
  const planned = new Map<string, PlannedDefinition>(); // by path
  const add = (e: { id: string; region: string }, version: string, newest: boolean) => {
    const path = placementPath(placements.get(placementKey(e.id, e.region)) as Placement, newest ? undefined : version);
    planned.set(path, { path, id: e.id, version, region: e.region });
  };
  for (const e of entries) {
    add(e, e.version, true);
    if (allVersions) for (const v of await store.versions(e.id, e.region)) if (v !== e.version) add(e, v, false);
  }
  if (!allVersions) await addReferenced(store, entries, context, add); // with all versions, every one referred to is there
  const refused = await refusals(store, existing, planned);
  const definitions = [...planned.values()].sort((a, b) => a.path.localeCompare(b.path));
  return { definitions, matters: new Set(entries.map((e) => e.id)).size, refused };
}

/**
 * The newest version per matter and region. Offset paging while a server publishes: a new matter or region shifts
 * the later rows, so a page repeats an entry (kept once) rather than skipping one.
 */
export async function newestEntries(store: Store): Promise<CatalogueEntry[]> {
  const newest = new Map<string, CatalogueEntry>();
  for (let offset = 0; ; offset += pageSize) {
    const { entries } = await store.searchCatalogue({ offset, limit: pageSize });
    for (const e of entries) {
      const had = newest.get(placementKey(e.id, e.region));
      if (!had || compareVersions(e.version, had.version) > 0) newest.set(placementKey(e.id, e.region), e);
    }
    if (entries.length < pageSize) return [...newest.values()];
  }
}

// Older versions still referred to: a variant's baseline (a baseline of that version), a bundle's matters (any
// definition of that version), as the validator looks them up.
async function addReferenced(
  store: Store, entries: readonly CatalogueEntry[], context: readonly ContextFile[],
  add: (e: { id: string; region: string }, version: string, newest: boolean) => void,
): Promise<void> {
  const refs = [
    ...entries.filter((e) => e.kind === 'variant' && e.baselineVersion !== undefined).map((e) => ({ id: e.id, version: e.baselineVersion!, baseline: true })),
    ...context.flatMap((c) => c.refers.map((r) => ({ ...r, baseline: false }))),
  ];
  const baselines = new Set(entries.filter((e) => e.kind === 'baseline').map((e) => `${e.id}@${e.version}`));
  const any = new Set(entries.map((e) => `${e.id}@${e.version}`));
  const regionsOf = new Map<string, CatalogueEntry[]>();
  for (const e of entries) {
    const list = regionsOf.get(e.id);
    if (list) list.push(e);
    else regionsOf.set(e.id, [e]);
  }
  for (const ref of refs) {
    const key = `${ref.id}@${ref.version}`;
    if ((ref.baseline ? baselines : any).has(key)) continue;
    // the baseline's region first: that is where a version referred to usually is
    const candidates = [...(regionsOf.get(ref.id) ?? [])].sort((a, b) => Number(a.kind !== 'baseline') - Number(b.kind !== 'baseline') || a.region.localeCompare(b.region));
    for (const e of candidates) {
      const found = await store.getDefinition(ref.id, ref.version, e.region);
      if (!found || (ref.baseline && found.definition.kind !== 'baseline')) continue;
      add(e, ref.version, false);
      any.add(key);
      if (found.definition.kind === 'baseline') baselines.add(key);
      break;
    }
  }
}

// Existing files at target paths whose content the store does not hold (a version not published, or other content).
async function refusals(store: Store, existing: readonly ExistingDefinitionFile[], planned: ReadonlyMap<string, PlannedDefinition>) {
  const refused: { path: string; reason: string }[] = [];
  for (const file of existing) {
    const target = planned.get(file.path);
    if (!target) continue;
    const owner = file.owner;
    if (!owner) {
      refused.push({ path: file.path, reason: `is not a matter definition, and the export would overwrite it with ${target.id}@${target.version} (${target.region})` });
    } else if (owner.id !== target.id || owner.region !== target.region) {
      refused.push({ path: file.path, reason: `holds ${owner.id} (${owner.region}), and the export would overwrite it with ${target.id}@${target.version} (${target.region})` });
    } else {
      const published = await store.getDefinition(owner.id, owner.version, owner.region);
      if (published?.hash !== owner.hash) {
        refused.push({ path: file.path, reason: `holds ${owner.id}@${owner.version} (${owner.region}), ${published ? 'published with other content' : 'which is not published'}: import it first, or export into another folder` });
      }
    }
  }
  return refused;
}
