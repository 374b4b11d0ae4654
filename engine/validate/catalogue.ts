/**
 * Turns source texts into a checked catalogue: each document is parsed safely, classified by its `kind`, and
 * held to its meta-schema. Only documents that pass the meta-schema take part in cross-reference checks.
 */
import { parseDocument } from '../json/parse.ts';

import { metaValidator, type DocumentKind } from '../model/meta-validator.ts';
import type { BundleDefinition, MatterDefinition, RegionCatalogue, SharedDataCatalogue } from '../model/index.ts';
import { problem, type Problem } from '../problems/index.ts';
import { ajvErrorsToProblems } from './ajv-errors.ts';

/** One file's text, as read by the caller (the engine itself never reads files). */
export interface SourceDocument {
  readonly file: string;
  readonly text: string;
  /** Size in bytes when the caller did not read an oversized file (text is then empty). */
  readonly size?: number;
}

export interface Loaded<T> {
  readonly file: string;
  readonly value: T;
}

/** Every well-formed document of a catalogue, by kind. */
export interface Catalogue {
  readonly definitions: readonly Loaded<MatterDefinition>[];
  readonly bundles: readonly Loaded<BundleDefinition>[];
  readonly sharedData: readonly Loaded<SharedDataCatalogue>[];
  /** The project's shared JSON Schemas (documents with `$id` and no `kind`). */
  readonly schemas: readonly Loaded<Record<string, unknown>>[];
  /** The administrative divisions (GB/T 2260) definitions are placed in; region checks need one. */
  readonly regions: readonly Loaded<RegionCatalogue>[];
}

const kindOf: Record<string, DocumentKind> = {
  baseline: 'definition',
  variant: 'definition',
  bundle: 'bundle',
  'shared-data-catalogue': 'shared-data',
  'region-catalogue': 'regions',
};

/** Parses, classifies and meta-validates every source; never throws on any input. */
export function loadCatalogue(sources: readonly SourceDocument[]): { catalogue: Catalogue; problems: Problem[] } {
  const problems: Problem[] = [];
  const definitions: Loaded<MatterDefinition>[] = [];
  const bundles: Loaded<BundleDefinition>[] = [];
  const sharedData: Loaded<SharedDataCatalogue>[] = [];
  const schemas: Loaded<Record<string, unknown>>[] = [];
  const regions: Loaded<RegionCatalogue>[] = [];
  for (const { file, text, size } of sources) {
    const parsed = parseDocument(file, text, size);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const value = parsed.value;
    if (!Object.hasOwn(value, 'kind') && typeof value.$id === 'string') {
      schemas.push({ file, value });
      continue;
    }
    const kind = typeof value.kind === 'string' && Object.hasOwn(kindOf, value.kind) ? kindOf[value.kind] : undefined;
    if (!kind) {
      problems.push(problem('doc.unknown-kind', file, Object.hasOwn(value, 'kind') ? '/kind' : '', { kind: value.kind ?? null }));
      continue;
    }
    const validate = metaValidator(kind);
    if (!validate(value)) {
      problems.push(...ajvErrorsToProblems(validate.errors ?? [], file));
      continue;
    }
    if (kind === 'definition') definitions.push({ file, value: value as unknown as MatterDefinition });
    else if (kind === 'bundle') bundles.push({ file, value: value as unknown as BundleDefinition });
    else if (kind === 'regions') regions.push({ file, value: value as unknown as RegionCatalogue });
    else sharedData.push({ file, value: value as unknown as SharedDataCatalogue });
  }
  return { catalogue: { definitions, bundles, sharedData, schemas, regions }, problems };
}


/** The context a diff needs from a catalogue: its shared schemas by `$id`, so `$ref`s into them are followed. */
export function diffContextOf(catalogue: Catalogue): { readonly sharedSchemas: ReadonlyMap<string, unknown> } {
  return { sharedSchemas: new Map(catalogue.schemas.map((s) => [s.value.$id as string, s.value as unknown])) };
}
