/**
 * Resolving a `$ref` of a form or shared schema as ajv does: a JSON-Pointer fragment (`#/$defs/x`) or a plain-name
 * fragment (`#name`) naming a `$anchor` — or a `$dynamicAnchor`, which 2020-12 also makes a plain anchor — in the
 * same document or in a shared schema (by `$id`). Forms hold no embedded `$id`, so an anchor names one subschema of
 * its whole document. Everything that follows refs (validator, fields, diff, rendering, typegen) asks here.
 */
import { isObject, join, resolvePointer } from '../json/pointer.ts';

const subschemaKeywords = [
  'not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
];
const subschemaListKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const subschemaMapKeywords = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

// A bound on the subschemas visited per document (the validator refuses schemas far smaller).
const maxVisits = 20_000;
const cache = new WeakMap<object, ReadonlyMap<string, string>>();

/** Anchor name → JSON Pointer (from the document's root) of the subschema declaring it; the first one wins. */
export function anchorsOf(doc: unknown): ReadonlyMap<string, string> {
  if (!isObject(doc)) return new Map();
  let anchors = cache.get(doc);
  if (!anchors) cache.set(doc, (anchors = collectAnchors(doc)));
  return anchors;
}

function collectAnchors(doc: Record<string, unknown>): Map<string, string> {
  const anchors = new Map<string, string>();
  const stack: [unknown, string][] = [[doc, '']];
  for (let visits = 0; stack.length > 0 && visits < maxVisits; visits++) {
    const [node, at] = stack.pop()!;
    if (!isObject(node)) continue;
    for (const key of ['$anchor', '$dynamicAnchor']) {
      const name = node[key];
      if (typeof name === 'string' && !anchors.has(name)) anchors.set(name, at);
    }
    // only subschemas: an anchor-like key inside `enum`, `const` or `default` data names nothing
    for (const k of subschemaKeywords) if (Object.hasOwn(node, k)) stack.push([node[k], join(at, k)]);
    for (const k of subschemaListKeywords) {
      const list = node[k];
      if (Array.isArray(list)) list.forEach((s, i) => stack.push([s, join(at, k, i)]));
    }
    for (const k of subschemaMapKeywords) {
      const map = node[k];
      if (isObject(map)) for (const [name, s] of Object.entries(map)) stack.push([s, join(at, k, name)]);
    }
  }
  return anchors;
}

/** Where a `$ref` leads: the document holding the target (`resource` '' = the referring document), its pointer, the node. */
export interface RefTarget {
  readonly resource: string;
  readonly doc: unknown;
  /** JSON Pointer of the target from the root of `doc`. */
  readonly pointer: string;
  readonly node: unknown;
}

/**
 * Resolves `ref` written inside `root` (a form or a shared schema) against `root` itself and the shared schemas by
 * `$id`. Undefined when the document is unknown, the fragment is malformed or nothing is there.
 */
export function refTarget(ref: string, root: unknown, shared: ReadonlyMap<string, unknown>): RefTarget | undefined {
  const hash = ref.indexOf('#');
  const resource = hash === -1 ? ref : ref.slice(0, hash);
  const doc = resource === '' ? root : shared.get(resource);
  if (doc === undefined) return undefined;
  let fragment: string;
  try {
    fragment = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
  } catch {
    return undefined;
  }
  const pointer = fragment === '' || fragment.startsWith('/') ? fragment : anchorsOf(doc).get(fragment);
  if (pointer === undefined) return undefined;
  const node = resolvePointer(doc, pointer);
  return node === undefined ? undefined : { resource, doc, pointer, node };
}

/** `ref` with a plain-name fragment spelled as the JSON Pointer it names (for tools that only follow pointers). */
export function pointerRef(ref: string, root: unknown, shared: ReadonlyMap<string, unknown>): string {
  const hash = ref.indexOf('#');
  if (hash === -1 || ref[hash + 1] === '/' || hash === ref.length - 1) return ref;
  const target = refTarget(ref, root, shared);
  return target ? `${ref.slice(0, hash)}#${encodePointer(target.pointer)}` : ref;
}

/** A JSON Pointer as a URI fragment: characters outside the fragment set are percent-encoded. */
export const encodePointer = (pointer: string): string => pointer.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (c) => encodeURIComponent(c));
