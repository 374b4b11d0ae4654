/** The matter model: meta-schemas (the source of truth) and the types generated from them. */
import definitionJson from './definition.schema.json' with { type: 'json' };
import sharedDataJson from './shared-data.schema.json' with { type: 'json' };
import bundleJson from './bundle.schema.json' with { type: 'json' };
import regionsJson from './regions.schema.json' with { type: 'json' };

export type * from './types.generated.ts';

/** A meta-schema as data: a JSON Schema 2020-12 document with its `$id` (typed loosely so no consumer needs JSON modules). */
export interface MetaSchema {
  readonly $id: string;
  readonly title: string;
  readonly [keyword: string]: unknown;
}

/** The meta-schema of matter definitions (baselines and variants). */
export const definitionSchema: MetaSchema = definitionJson;
/** The meta-schema of the shared-data catalogue. */
export const sharedDataSchema: MetaSchema = sharedDataJson;
/** The meta-schema of "one thing" bundles. */
export const bundleSchema: MetaSchema = bundleJson;
/** The meta-schema of the region catalogue (GB/T 2260 divisions). */
export const regionsSchema: MetaSchema = regionsJson;

/** Where the project's own shared schemas live; a form `$ref` may point here and nowhere else outside itself. */
export const sharedSchemaBase = 'https://onematter.dev/schemas/shared/';
