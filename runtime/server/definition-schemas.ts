/**
 * Response schemas of a definition's parts — localized text, region, department, legal basis, materials, time limit,
 * fees, outputs — taken from the definition meta-schema, the one source of truth, so the API documents exactly what
 * published definitions hold. Each becomes an OpenAPI component under its meta-schema title; the small `$defs` it
 * uses (identifier, catalogue code, version) are inlined.
 */
import { resolvePointer } from '../../engine/json/pointer.ts';
import { definitionSchema } from '../../engine/model/index.ts';

type Schema = Record<string, unknown>;

const defs = definitionSchema.$defs as Record<string, Schema>;
const topLevel = definitionSchema.properties as Record<string, Schema>;

/** The `$defs` that become components, under their meta-schema titles (LocalizedText, Region, …). */
const components = ['localizedText', 'region', 'department', 'legalResource', 'material', 'timeLimit', 'fee', 'output', 'definitionRef', 'location', 'contact'] as const;
type Component = (typeof components)[number];
const titleOf = (name: string) => String(defs[name]!.title);

/** A schema with its `$defs` references made into component references or inlined; `tsType` (a typegen hint) dropped. */
function convert(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(convert);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $ref, tsType: _, ...rest } = schema as Schema;
  const own = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, convert(v)]));
  if (typeof $ref !== 'string') return own;
  const name = $ref.replace('#/$defs/', '');
  if ((components as readonly string[]).includes(name)) return { $ref: `${titleOf(name)}#`, ...own };
  const target = resolvePointer(definitionSchema, $ref.slice(1)); // a `$defs` entry, or a part of one (`#/$defs/region/properties/code`)
  if (typeof target !== 'object' || target === null) throw new Error(`definition meta-schema: no ${$ref}`);
  return { ...(convert(target) as Schema), ...own };
}

/** The component schemas, to register with `app.addSchema`. */
export const definitionParts: readonly Schema[] = components.map((name) => ({ $id: titleOf(name), ...(convert(defs[name]) as Schema) }));

/** A reference to one of the components. */
export const part = (name: Component) => ({ $ref: `${titleOf(name)}#` }) as const;

/** The schema of a top-level property of definitions (`kind`, `matterType`, `channels`, …), references converted. */
export const definitionProperty = (name: string): Schema => {
  if (!topLevel[name]) throw new Error(`definition meta-schema: no property ${name}`);
  return convert(topLevel[name]) as Schema;
};

/** The schema of a definition's material, to extend (the guide marks each one waivable and waived). */
export const materialSchema = convert(defs.material) as Schema & { properties: Schema; required: string[] };

/** The schema of a definition's fee, to extend (the guide describes its conditions). */
export const feeSchema = convert(defs.fee) as Schema & { properties: Schema; required: string[] };
