/** The cross-reference index every rule reads: shared-data items, shared schemas, definitions by id and version. */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createFormAjv } from '../form/ajv.ts';
import type { MatterDefinition, SharedDataItem } from '../model/index.ts';
import { indexRegions, type RegionIndex } from '../regions/index.ts';
import type { Catalogue, Loaded } from './catalogue.ts';

export interface RuleContext {
  readonly catalogue: Catalogue;
  readonly sharedDataItems: ReadonlyMap<string, SharedDataItem>;
  readonly sharedSchemas: ReadonlyMap<string, unknown>;
  /** Definitions by `id@version`; more than one when regions share a version. */
  readonly definitionsByVersion: ReadonlyMap<string, readonly Loaded<MatterDefinition>[]>;
  /** The region catalogues' divisions; empty when the catalogue has none (region codes are then checked by shape only). */
  readonly regions: RegionIndex;
  /** The file of the first region catalogue (named in problems). */
  readonly regionsFile: string | undefined;
  /** The ajv every form is compiled with, holding the shared schemas that passed their checks. */
  readonly formAjv: Ajv2020;
}

/** `id@version`, the key a definition is published under. */
export const versionKey = (ref: { id: string; version: string }): string => `${ref.id}@${ref.version}`;

/** Builds the index once per validation run. */
export function buildContext(catalogue: Catalogue, validSharedSchemas: readonly object[]): RuleContext {
  const sharedDataItems = new Map<string, SharedDataItem>();
  for (const doc of catalogue.sharedData) for (const item of doc.value.items) if (!sharedDataItems.has(item.id)) sharedDataItems.set(item.id, item);
  const sharedSchemas = new Map<string, unknown>();
  for (const doc of catalogue.schemas) if (!sharedSchemas.has(doc.value.$id as string)) sharedSchemas.set(doc.value.$id as string, doc.value);
  const definitionsByVersion = new Map<string, Loaded<MatterDefinition>[]>();
  for (const doc of catalogue.definitions) {
    const key = versionKey(doc.value);
    definitionsByVersion.set(key, [...(definitionsByVersion.get(key) ?? []), doc]);
  }
  const regions = indexRegions(catalogue.regions.flatMap((doc) => doc.value.regions));
  return { catalogue, sharedDataItems, sharedSchemas, definitionsByVersion, regions, regionsFile: catalogue.regions[0]?.file, formAjv: createFormAjv(validSharedSchemas) };
}
