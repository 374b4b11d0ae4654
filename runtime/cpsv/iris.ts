/**
 * Stable IRIs: the same definition always gets the same IRI, whatever else the catalogue holds. A definition is
 * `https://onematter.dev/id/matter/<id>/<region>/<version>`; what belongs to it (its evidence, costs, …) lives below.
 */
import { segment } from './literals.ts';
import { eliBase, idBase } from './namespaces.ts';

/** What identifies a definition. */
export interface DefinitionKey {
  readonly id: string;
  readonly version: string;
  readonly region: { readonly code: string };
}

/** The PublicService a definition describes. */
export const serviceIri = (d: DefinitionKey): string => `${idBase}matter/${segment(d.id)}/${segment(d.region.code)}/${segment(d.version)}`;

/** A matter regardless of region and version (what `requires` names when the export does not hold it). */
export const matterIri = (id: string): string => `${idBase}matter/${segment(id)}`;

/** An administrative division (GB/T 2260 code), as a `dct:Location`. */
export const regionIri = (code: string): string => `${idBase}region/${segment(code)}`;

/** A body with a unified social credit code: one IRI wherever it appears. */
export const organisationIri = (code: string): string => `${idBase}organisation/${segment(code)}`;

/** A life or business event, by the identifier definitions and bundles use. */
export const eventIri = (event: string): string => `${idBase}event/${segment(event)}`;

/** A bundle (一件事). */
export const bundleIri = (b: DefinitionKey): string => `${idBase}bundle/${segment(b.id)}/${segment(b.region.code)}/${segment(b.version)}`;

/** A shared-data item, as the evidence type a waived material conforms to. */
export const sharedDataIri = (item: string): string => `${idBase}shared-data/${segment(item)}`;

/** The catalogue published for a region, and the government that publishes it. */
export const catalogueIri = (regionCode: string): string => `${idBase}catalogue/${segment(regionCode)}`;
export const publisherIri = (regionCode: string): string => `${idBase}agent/${segment(regionCode)}`;

/** A legal resource: the document by its Chinese title (and revision), an article below it. */
export function legalIri(title: string, revision?: string, article?: string): string {
  const document = `${eliBase}cn/${segment(title)}${revision === undefined ? '' : `/rev/${segment(revision)}`}`;
  return article === undefined ? document : `${document}/art/${segment(article)}`;
}
