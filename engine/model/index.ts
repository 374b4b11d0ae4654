/** The matter model: meta-schemas (the source of truth) and the types generated from them. */
import definitionSchema from './definition.schema.json' with { type: 'json' };
import sharedDataSchema from './shared-data.schema.json' with { type: 'json' };
import bundleSchema from './bundle.schema.json' with { type: 'json' };
import regionsSchema from './regions.schema.json' with { type: 'json' };

export type * from './types.generated.ts';
export { definitionSchema, sharedDataSchema, bundleSchema, regionsSchema };

/** Where the project's own shared schemas live; a form `$ref` may point here and nowhere else outside itself. */
export const sharedSchemaBase = 'https://onematter.dev/schemas/shared/';
