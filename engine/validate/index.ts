/** Validating a catalogue: parse, meta-schema, then every rule, with problems pointing into each file. */
import type { Problem } from '../problems/index.ts';
import { loadCatalogue, type Catalogue, type SourceDocument } from './catalogue.ts';
import { buildContext } from './context.ts';
import type { Rule } from './rule.ts';
import { bundleRules, definitionRules, regionRules, sharedDataRules } from './rules/index.ts';
import { checkSharedSchemas } from './shared-schemas.ts';

export type { SourceDocument, Catalogue, Loaded } from './catalogue.ts';
export { loadCatalogue, diffContextOf } from './catalogue.ts';

export interface ValidationResult {
  readonly catalogue: Catalogue;
  readonly problems: readonly Problem[];
}

/**
 * Validates every source document against the meta-schemas and all rules. Sources that are only context (the
 * rest of the catalogue when one file is checked) still count for cross references; filter problems by file.
 */
export function validateSources(sources: readonly SourceDocument[]): ValidationResult {
  const { catalogue, problems } = loadCatalogue(sources);
  const schemas = checkSharedSchemas(catalogue.schemas);
  problems.push(...schemas.problems);
  const ctx = buildContext(catalogue, schemas.valid);
  const run = <T>(rules: readonly Rule<T>[], docs: Catalogue[keyof Catalogue]) => {
    for (const doc of docs as readonly { file: string; value: T }[]) for (const rule of rules) problems.push(...rule.check(doc, ctx));
  };
  run(regionRules, catalogue.regions);
  run(sharedDataRules, catalogue.sharedData);
  run(definitionRules, catalogue.definitions);
  run(bundleRules, catalogue.bundles);
  const order = new Map(sources.map((s, i) => [s.file, i]));
  return { catalogue, problems: problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0)) };
}
