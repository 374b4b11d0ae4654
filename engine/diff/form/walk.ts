/**
 * Walks two form schemas side by side, matching subschemas by field path (property names, not positions) and
 * following `$ref` into `$defs` and the shared schemas. Schema rules run at every matched pair.
 */
import { isObject, join, resolvePointer } from '../../json/pointer.ts';
import { jsonEqual } from '../../json/equal.ts';
import type { MatterDefinition } from '../../model/index.ts';
import type { Emit, SchemaRule } from '../rule.ts';

type Schema = Readonly<Record<string, unknown>>;

/** One side of a matched pair. */
export interface SchemaSide {
  /** The effective subschema: `$ref` targets merged under the node's own keywords. */
  readonly node: Schema;
  /** Pointer (into the definition) of the node as written. */
  readonly ptr: string;
  /** True when `ptr` holds every keyword of `node`, so a fix may edit single keywords there. */
  readonly own: boolean;
  /** The node as written at `ptr`, for fixes that replace it whole. */
  readonly raw: unknown;
}

export interface SchemaPair {
  /** Data path of the field, e.g. `/applicant/name` (array items: `/list/[]`). */
  readonly field: string;
  readonly a: SchemaSide;
  readonly b: SchemaSide;
  readonly ctx: WalkContext;
}

export interface WalkContext {
  readonly a: MatterDefinition;
  readonly b: MatterDefinition;
  readonly shared: ReadonlyMap<string, unknown>;
  /** Fields prefilled and locked from shared data, per side. */
  readonly lockedA: ReadonlySet<string>;
  readonly lockedB: ReadonlySet<string>;
}

const formBase = '/form/schema';

/** Walks the two forms and runs `rules` at every matched pair of subschemas. */
export function walkForms(ctx: WalkContext, rules: readonly SchemaRule[], emit: (rule: SchemaRule) => Emit): void {
  const emitters = rules.map((r) => emit(r));
  const seen = new Set<string>();
  const visit = (field: string, rawA: unknown, ptrA: string, rawB: unknown, ptrB: string, depth: number) => {
    const a = side(rawA, ptrA, ctx.a.form.schema, ctx.shared);
    const b = side(rawB, ptrB, ctx.b.form.schema, ctx.shared);
    if (!a || !b || depth > 40) return;
    if (a.raw !== rawA || b.raw !== rawB) {
      // reached through a $ref: guard against reference cycles
      const key = `${a.ptr}|${b.ptr}|${field}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    if (!sameKeywords(a.node, b.node)) {
      const pair: SchemaPair = { field, a, b, ctx };
      for (let i = 0; i < rules.length; i++) rules[i]!.compare(pair, emitters[i]!);
    }
    const pa = a.node.properties;
    const pb = b.node.properties;
    if (isObject(pa) && isObject(pb)) {
      for (const name in pa) {
        if (Object.hasOwn(pb, name)) {
          visit(join(field, name), pa[name], childPtr(a, 'properties', name), pb[name], childPtr(b, 'properties', name), depth + 1);
        }
      }
    }
    if (isObject(a.node.items) && isObject(b.node.items)) {
      visit(`${field}/[]`, a.node.items, childPtr(a, 'items'), b.node.items, childPtr(b, 'items'), depth + 1);
    }
  };
  visit('', ctx.a.form.schema, formBase, ctx.b.form.schema, formBase, 0);
}

/**
 * True when two subschemas have the same keywords with equal values, apart from their children (`properties`
 * compared by name only, `items`), which the walk visits on its own. Most fields of a variant equal the baseline's,
 * so this check lets the walk skip every rule for them.
 */
function sameKeywords(a: Schema, b: Schema): boolean {
  let count = 0;
  for (const k in a) {
    count++;
    if (!Object.hasOwn(b, k)) return false;
    const va = a[k];
    const vb = b[k];
    if (va === vb || k === 'items') continue;
    if (k === 'properties') {
      if (!isObject(va) || !isObject(vb) || !sameNames(va, vb)) return false;
    } else if (!jsonEqual(va, vb)) return false;
  }
  for (const _ in b) count--;
  return count === 0;
}

function sameNames(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  let count = 0;
  for (const k in a) {
    if (!Object.hasOwn(b, k)) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

// Pointer of a child keyword: inside the node when it is written there, else at the node (a fix replaces it whole).
const childPtr = (s: SchemaSide, ...tokens: string[]): string => (s.own ? join(s.ptr, ...tokens) : s.ptr);

function side(raw: unknown, ptr: string, root: unknown, shared: ReadonlyMap<string, unknown>): SchemaSide | undefined {
  if (raw === true) return { node: {}, ptr, own: true, raw };
  if (!isObject(raw)) return undefined;
  if (typeof raw.$ref !== 'string') return { node: raw, ptr, own: true, raw };
  const target = resolveRef(raw.$ref, root, shared);
  if (!target) return { node: raw, ptr, own: true, raw };
  const { $ref: _ref, ...siblings } = raw;
  const local = raw.$ref.startsWith('#/');
  if (local && Object.keys(siblings).length === 0) return { node: target, ptr: formBase + decodeFragment(raw.$ref.slice(1)), own: true, raw: target };
  return { node: { ...target, ...siblings }, ptr, own: false, raw };
}

function resolveRef(ref: string, root: unknown, shared: ReadonlyMap<string, unknown>): Schema | undefined {
  let node: unknown = root;
  let hops = 0;
  let current = ref;
  for (;;) {
    const hash = current.indexOf('#');
    const resource = hash === -1 ? current : current.slice(0, hash);
    const fragment = hash === -1 ? '' : current.slice(hash + 1);
    const doc = resource === '' ? root : shared.get(resource);
    node = fragment === '' ? doc : resolvePointer(doc, fragment);
    if (!isObject(node)) return undefined;
    if (typeof node.$ref !== 'string' || ++hops > 16) return node;
    if (!node.$ref.startsWith('#')) current = node.$ref;
    else current = resource + node.$ref;
    root = resource === '' ? root : doc;
  }
}

// `#/$defs/a%20b` → `/$defs/a%20b` decoded to a JSON Pointer (a form's local refs are relative to /form/schema).
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
