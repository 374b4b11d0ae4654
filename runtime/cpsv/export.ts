/**
 * The catalogue as CPSV-AP 3.2 JSON-LD documents: one per definition at `matters/<id>/<region>.jsonld` (an older
 * version beside it as `<region>@<version>.jsonld`) and the index `catalogue.jsonld`. Pure: the same definitions and
 * bundles give the same documents, byte for byte, whatever order they come in.
 */
import type { BundleDefinition, MatterDefinition } from '../../engine/index.ts';
import { compareVersions } from '../store/versions.ts';
import { catalogueGraph, catalogueRegion } from './catalogue.ts';
import { bundleMembers, eventsOf } from './events.ts';
import type { JsonLdNode } from './graph.ts';
import { catalogueIri, matterIri, serviceIri } from './iris.ts';
import { byCodeUnits } from './literals.ts';
import { context } from './namespaces.ts';
import { serviceGraph } from './service.ts';

export interface CpsvSource {
  readonly definitions: readonly MatterDefinition[];
  readonly bundles: readonly BundleDefinition[];
}

/** One JSON-LD document, self-contained (its `@context` embedded), and where it goes relative to the export folder. */
export interface CpsvDocument {
  readonly path: string;
  readonly document: { readonly '@context': typeof context; readonly '@graph': readonly JsonLdNode[] };
}

/** The export cannot be made from what it was given (no definition, or one definition twice). */
export class CpsvExportError extends Error {
  override readonly name = 'CpsvExportError';
}

/** The path of the index document. */
export const cataloguePath = 'catalogue.jsonld';

const key = (d: MatterDefinition) => `${d.id}\u0000${d.region.code}`;
type Keyed = MatterDefinition | BundleDefinition;
const byIdRegionVersion = (a: Keyed, b: Keyed) =>
  byCodeUnits(a.id, b.id) || byCodeUnits(a.region.code, b.region.code) || compareVersions(a.version, b.version) || byCodeUnits(a.version, b.version);

/** The newest version of each matter in each region (every version with `allVersions`), in id, region, version order. */
export function selectDefinitions(definitions: readonly MatterDefinition[], allVersions: boolean): MatterDefinition[] {
  const sorted = [...definitions].sort(byIdRegionVersion);
  if (allVersions) return sorted;
  const newest = new Map<string, MatterDefinition>();
  for (const d of sorted) newest.set(key(d), d); // sorted: the last one per key is the newest
  return [...newest.values()];
}

/** Every document of the export: the definitions' (in id, region, version order), then the index. */
export function cpsvDocuments(source: CpsvSource): CpsvDocument[] {
  const definitions = [...source.definitions].sort(byIdRegionVersion);
  const bundles = [...source.bundles].sort(byIdRegionVersion);
  const region = catalogueRegion(definitions);
  if (region === undefined) throw new CpsvExportError('there is no matter definition to export');
  const seen = new Set<string>();
  for (const d of definitions) {
    const iri = serviceIri(d);
    if (seen.has(iri)) throw new CpsvExportError(`${d.id}@${d.version} (${d.region.code}) is given twice`);
    seen.add(iri);
  }
  const members = bundleMembers(bundles, definitions);
  const newest = new Map(selectDefinitions(definitions, false).map((d) => [key(d), d]));
  const paths = new Map(definitions.map((d) => [serviceIri(d), `matters/${d.id}/${d.region.code}${newest.get(key(d)) === d ? '' : `@${d.version}`}.jsonld`]));
  const baselines = new Map(definitions.filter((d) => d.kind === 'baseline').map((d) => [d.id, d.region.code]));
  const documents = definitions.map((d) => {
    const graph = serviceGraph(d, {
      catalogue: catalogueIri(region.code),
      events: eventsOf(d, members),
      baseline: (b) => (baselines.has(b.id) ? serviceIri({ id: b.id, version: b.version, region: { code: baselines.get(b.id)! } }) : undefined),
      required: (id) => requiredIri(id, d, newest),
    });
    return { path: paths.get(serviceIri(d))!, document: { '@context': context, '@graph': graph } };
  });
  const index = catalogueGraph(region, definitions, members, paths);
  return [...documents, { path: cataloguePath, document: { '@context': context, '@graph': index } }];
}

// What `requires` names: the matter in the same region, else its baseline, else any region's (all newest), else the
// matter itself (not in the export).
function requiredIri(id: string, from: MatterDefinition, newest: ReadonlyMap<string, MatterDefinition>): string {
  const candidates = [...newest.values()].filter((d) => d.id === id);
  const found = candidates.find((d) => d.region.code === from.region.code) ?? candidates.find((d) => d.kind === 'baseline') ?? candidates[0];
  return found ? serviceIri(found) : matterIri(id);
}

/** A document's bytes: 2-space JSON and a trailing newline. */
export const cpsvBytes = (doc: CpsvDocument): string => `${JSON.stringify(doc.document, null, 2)}\n`;
