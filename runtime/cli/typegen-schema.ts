/**
 * Preparing a form schema for json-schema-to-typescript, so that the type says what the schema accepts and is named
 * well. Pure: copies in, copies out.
 *
 * Objects: json-schema-to-typescript gives an object an index signature (`[k: string]: unknown`) unless it says
 * `additionalProperties: false` (typegen runs it with that default on, as JSON Schema has it). What it does not
 * read is spelled for it here: `unevaluatedProperties: false` closes an object like `additionalProperties: false`,
 * the properties its conditionals (`if`/`then`/`else`, `dependentSchemas`, which json-schema-to-typescript ignores)
 * may evaluate typed as optional (when those cannot be listed, the type stays open); a schema-valued
 * `unevaluatedProperties` types the extra keys when nothing else evaluates properties; `patternProperties` alone
 * leaves other keys open; and the branches of a closed object's `allOf`/`anyOf`/`oneOf` are closed too, since an
 * open branch would reopen the intersection TypeScript builds. Key patterns cannot be typed: a pattern's keys are
 * `string` keys.
 */
import { pointerRef } from '../../engine/form/refs.ts';

const subschemaKeywords = new Set(['not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'additionalItems']);
const subschemaListKeywords = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const subschemaMapKeywords = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Dropped: what json-schema-to-typescript would turn into type names (titles are kept in the description). */
const droppedKeywords = new Set(['$id', '$schema', '$anchor', '$dynamicAnchor', '$vocabulary', '$comment', 'title']);
/** Branches json-schema-to-typescript intersects with (or unites into) the object that holds them. */
const branchKeywords = ['allOf', 'anyOf', 'oneOf'] as const;
/** Subschemas that can evaluate properties but that json-schema-to-typescript ignores (with `dependentSchemas`). */
const ignoredEvaluators = ['if', 'then', 'else'] as const;

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Copies a form schema (and, transitively, the shared schemas it references) into what json-schema-to-typescript
 * handles and names well: titles (Chinese labels) move into the description instead of naming types; `$id`s are
 * dropped so shared schemas are inlined rather than named after their URL; references to an `$anchor` are spelled as
 * the JSON Pointer it names (the resolver follows pointers only); `prefixItems` also becomes a draft-07 tuple
 * (`items` array + `additionalItems`); objects are opened or closed as described above. `used` holds the shared
 * schemas referenced, as given; `shared` their prepared copies, by `$id`.
 */
export function prepareForm(schema: unknown, sharedSchemas: ReadonlyMap<string, unknown>) {
  const used = new Map<string, unknown>();
  const pending: string[] = [];
  const refIn = (root: unknown) => (ref: string) => {
    const resource = ref.split('#')[0]!;
    if (resource !== '' && sharedSchemas.has(resource) && !used.has(resource)) {
      used.set(resource, sharedSchemas.get(resource));
      pending.push(resource);
    }
    return pointerRef(ref, root, sharedSchemas);
  };
  const prepared = prepareNode(schema, refIn(schema));
  const shared = new Map<string, unknown>();
  for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
    const doc = sharedSchemas.get(id);
    shared.set(id, prepareNode(doc, refIn(doc)));
  }
  return { schema: prepared, shared, used };
}

function prepareNode(node: unknown, onRef: (ref: string) => string): unknown {
  if (!isObject(node)) return structuredClone(node);
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (droppedKeywords.has(key) || key === 'description') continue;
    if (key === '$ref') define(out, '$ref', typeof value === 'string' ? onRef(value) : value);
    else if (subschemaKeywords.has(key)) define(out, key, prepareNode(value, onRef));
    else if (subschemaListKeywords.has(key) && Array.isArray(value)) define(out, key, value.map((s) => prepareNode(s, onRef)));
    else if (subschemaMapKeywords.has(key) && isObject(value)) {
      const map: Schema = {};
      for (const [name, s] of Object.entries(value)) define(map, name, prepareNode(s, onRef));
      define(out, key, map);
    } else define(out, key, structuredClone(value));
  }
  const label = [node.title, node.description].filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  if (label.length > 0) define(out, 'description', label.join(' — '));
  if (isObject(out.$defs) && isObject(out.definitions) && !Object.keys(out.$defs).some((k) => Object.hasOwn(out.definitions as object, k))) {
    // Both are allowed; json-schema-to-typescript takes only one, or two equal ones: give both keywords every entry.
    const merged = { ...out.definitions, ...out.$defs };
    define(out, '$defs', merged);
    define(out, 'definitions', merged);
  }
  if (Array.isArray(out.prefixItems)) {
    // A draft-07 tuple; prefixItems stays so that JSON Pointer refs into it still resolve.
    define(out, 'additionalItems', out.items ?? true);
    define(out, 'items', out.prefixItems);
  }
  spellOpenness(out);
  return out;
}

// Says in `additionalProperties` whether the object takes keys beyond those it names (see the module comment).
function spellOpenness(out: Schema): void {
  if (out.additionalProperties === undefined) {
    const uneval = out.unevaluatedProperties;
    const conditional = uneval === undefined ? undefined : conditionalProperties(out);
    if (uneval === false && conditional) {
      if (Object.keys(conditional).length > 0) define(out, 'properties', { ...conditional, ...(isObject(out.properties) ? out.properties : {}) });
      define(out, 'additionalProperties', false);
    } else if (isObject(uneval) && conditional && Object.keys(conditional).length === 0 && out.$ref === undefined && !branchKeywords.some((k) => k in out)) {
      define(out, 'additionalProperties', uneval);
    } else if (isObject(out.patternProperties) && uneval !== false) define(out, 'additionalProperties', true);
  }
  if (out.additionalProperties === false) closeBranches(out);
}

function closeBranches(node: Schema): void {
  for (const k of branchKeywords) {
    const branches = node[k];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      if (!isObject(branch)) continue;
      if (branch.additionalProperties === undefined) define(branch, 'additionalProperties', false);
      closeBranches(branch);
    }
  }
}

/**
 * The properties that conditionals json-schema-to-typescript ignores (`if`, `then`, `else`, `dependentSchemas`) may
 * evaluate beyond those the object and its branches name — to be typed as optional — or undefined when they cannot
 * be listed (a `$ref`, pattern or additional properties inside a conditional).
 */
function conditionalProperties(node: Schema): Schema | undefined {
  const named = new Set(Object.keys(isObject(node.properties) ? node.properties : {}));
  for (const k of branchKeywords) {
    if (Array.isArray(node[k])) for (const b of node[k] as unknown[]) if (isObject(b) && isObject(b.properties)) for (const n of Object.keys(b.properties)) named.add(n);
  }
  const extra: Schema = {};
  const conditionals = [...ignoredEvaluators.map((k) => node[k]), ...Object.values(isObject(node.dependentSchemas) ? node.dependentSchemas : {})];
  for (const c of conditionals) {
    if (!isObject(c)) continue;
    if (c.$ref !== undefined || c.patternProperties !== undefined || c.additionalProperties !== undefined || c.unevaluatedProperties !== undefined) return undefined;
    if (isObject(c.properties)) for (const [n, sub] of Object.entries(c.properties)) if (!named.has(n) && !Object.hasOwn(extra, n)) define(extra, n, sub);
  }
  return extra;
}

// Own data properties only, whatever the key (`__proto__` included).
const define = (target: Schema, key: string, value: unknown) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
