/**
 * Prepares a definition's form schema for rendering: rjsf resolves only JSON-Pointer references (`#/…`) against the
 * form's own root, so the project's shared schemas (`https://onematter.dev/schemas/shared/…`) are inlined here and
 * the form's plain-name references (`#name`, to an `$anchor`) are spelled as the pointers they name. Pure: no React,
 * no I/O.
 */
import { isObject } from '../../engine/json/pointer.ts';
import { jsonEqual } from '../../engine/json/equal.ts';
import { pointerRef, refTarget } from '../../engine/form/refs.ts';

type Schema = Record<string, unknown>;

/** Keywords whose value is one subschema, an array of subschemas, or a map of names to subschemas. */
const schemaKeywords = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const schemaArrayKeywords = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const schemaMapKeywords = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords that only annotate; a `$ref`'s sibling annotations win over the referenced schema's. */
const annotationKeywords = new Set(['title', 'description', 'default', 'examples', 'readOnly', 'writeOnly', 'deprecated', '$comment']);
/** Identifiers that must not be duplicated when one shared schema is inlined in several places (ajv refuses twins). */
const identifierKeywords = new Set(['$id', '$schema', '$anchor', '$dynamicAnchor']);

/**
 * Returns a copy of `schema` with every `$ref` into `sharedSchemas` (matched by `$id`, with an optional `#/pointer`
 * or `#anchor`) replaced by the referenced schema; the form's own `#…` references stay for rjsf, an anchor spelled as
 * its pointer. Unknown references are dropped (their sibling keywords stay), so the form still renders; the runtime's
 * validator remains the authority.
 */
export function inlineSharedRefs(schema: Schema, sharedSchemas: readonly object[] = []): Schema {
  const byId = new Map<string, Schema>();
  for (const shared of sharedSchemas) {
    if (isObject(shared) && typeof shared.$id === 'string') byId.set(stripFragment(resolveUrl(shared.$id, undefined) ?? shared.$id), shared);
  }
  return inline(schema, undefined, byId, [], schema) as Schema;
}

/**
 * Returns a copy of `schema` without `description` annotations (the uiSchema carries them, per locale) and without the
 * root's `$schema`: the form is 2020-12 either way (the validators are ajv 2020), and rjsf given a root declaring 2020-12
 * resolves `$ref`s as URIs against `$id`s — needless once shared schemas are inlined, and the portal builds rjsf without
 * its URI library (runtime/web/no-uri-resolver.ts, task E2).
 */
export function withoutDescriptions(schema: Schema): Schema {
  const { $schema: _dialect, ...rest } = strip(schema) as Schema;
  return rest;
}

/** Applies `fn` to every direct subschema of `node` (by keyword), copying every other keyword verbatim. */
function mapSubschemas(node: Schema, fn: (sub: unknown) => unknown, skip?: (key: string) => boolean): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (skip?.(key)) continue;
    if (schemaKeywords.has(key)) out[key] = fn(value);
    else if (schemaArrayKeywords.has(key) && Array.isArray(value)) out[key] = value.map(fn);
    else if (schemaMapKeywords.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, fn(sub)]));
    } else out[key] = value;
  }
  return out;
}

function inline(node: unknown, base: string | undefined, byId: ReadonlyMap<string, Schema>, stack: readonly string[], form: Schema): unknown {
  if (!isObject(node)) return node; // a boolean schema
  const inShared = base !== undefined;
  const here = inShared && typeof node.$id === 'string' ? (resolveUrl(node.$id, base) ?? base) : base;
  const out = mapSubschemas(
    node,
    (sub) => inline(sub, here, byId, stack, form),
    (key) => key === '$ref' || (inShared && identifierKeywords.has(key)),
  );
  const ref = node.$ref;
  if (typeof ref !== 'string') return out;
  if (!inShared && ref.startsWith('#')) return { ...out, $ref: pointerRef(ref, form, noShared) }; // the form's own: rjsf resolves it
  const target = resolveUrl(ref, here);
  if (target === undefined || stack.includes(target)) return out; // unresolvable or cyclic: render the siblings only
  const [doc, fragment] = splitFragment(target);
  const shared = byId.get(doc);
  const referenced = shared ? refTarget(fragment === '' ? '' : `#${fragment}`, shared, noShared)?.node : undefined;
  if (!isObject(referenced)) return out;
  const resolved = inline(referenced, doc, byId, [...stack, target], form) as Schema;
  for (const key of identifierKeywords) delete resolved[key];
  const merged = mergeSiblings(resolved, out);
  if (fragment === '') origins.set(merged, doc);
  return merged;
}

// The shared schema each inlined node came from (by object identity, so the schema's JSON stays as authored)
const origins = new WeakMap<object, string>();

/** The `$id` of the shared schema an inlined node stands for (whole documents only), if it stands for one. */
export const sharedOrigin = (node: unknown): string | undefined => (isObject(node) ? origins.get(node) : undefined);

/** `$ref` + siblings is an allOf in 2020-12; a flat merge renders better, so only conflicting keywords go to allOf. */
function mergeSiblings(resolved: Schema, siblings: Schema): Schema {
  const merged: Schema = { ...resolved };
  const conflicts: Schema = {};
  for (const [key, value] of Object.entries(siblings)) {
    if (!(key in merged) || annotationKeywords.has(key) || jsonEqual(merged[key], value)) merged[key] = value;
    else conflicts[key] = value;
  }
  if (Object.keys(conflicts).length > 0) {
    merged.allOf = [...(Array.isArray(merged.allOf) ? merged.allOf : []), conflicts];
  }
  return merged;
}

function strip(node: unknown): unknown {
  return isObject(node) ? mapSubschemas(node, strip, (key) => key === 'description') : node;
}

function resolveUrl(ref: string, base: string | undefined): string | undefined {
  try {
    return base === undefined ? new URL(ref).href : new URL(ref, base).href;
  } catch {
    return undefined; // a relative reference in a form without a base
  }
}

function splitFragment(url: string): [string, string] {
  const at = url.indexOf('#');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

const stripFragment = (url: string): string => splitFragment(url)[0];

const noShared: ReadonlyMap<string, unknown> = new Map();
