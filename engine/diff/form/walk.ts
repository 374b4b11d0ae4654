/**
 * Walks two form schemas side by side, matching subschemas by field path (property names, not positions) and
 * following `$ref` (by JSON Pointer or anchor) into the form and the shared schemas. Schema rules run at every
 * matched pair.
 */
import { isObject, join } from '../../json/pointer.ts';
import { refTarget } from '../../form/refs.ts';
import { jsonEqual, jsonEqualWithoutRefs } from '../../json/equal.ts';
import type { Emit, RuleBase, SchemaRule } from '../rule.ts';
import { incomparable, incomparableRules } from '../rules/incomparable.ts';
import type { Flaw } from '../shape/check.ts';
import { fieldLabel } from './fixes.ts';
import { keywordFlaw, subschemaFlaw } from './keyword-shapes.ts';
import type { Schema, SchemaPair, SchemaSide, WalkContext } from './pair.ts';

export type { LockedFields, SchemaPair, SchemaSide, WalkContext } from './pair.ts';

const formBase = '/form/schema';

/**
 * Walks the two forms and runs `rules` at every matched pair of subschemas. A subschema or keyword that is not
 * well-formed on a side (a draft's) is reported through `form.incomparable` and compared on neither side.
 */
export function walkForms(ctx: WalkContext, rules: readonly SchemaRule[], emit: (rule: RuleBase) => Emit): void {
  const emitters: (Emit | undefined)[] = [];
  const byKeyword = keywordIndex(rules);
  const seen = new Set<string>();
  let noteEmit: Emit | undefined;
  // a: pointer into a (or b's, when only b's value is malformed)
  const note = (fa: Flaw | undefined, fb: Flaw | undefined, ptrA: string, ptrB: string, label: { en: string; zh: string }) =>
    (noteEmit ??= emit(incomparableRules.form))(incomparable(fa ? (fb ? 'both' : 'a') : 'b', fa ? ptrA : ptrB, label, (fa ?? fb)!));
  const visit = (field: string, rawA: unknown, ptrA: string, rawB: unknown, ptrB: string, depth: number) => {
    if (depth > 40) return;
    const fa = subschemaFlaw(rawA);
    const fb = subschemaFlaw(rawB);
    if (fa || fb) {
      if (!jsonEqual(rawA, rawB)) note(fa, fb, ptrA, ptrB, { en: `the field ${fieldLabel(field)}`, zh: `字段 ${fieldLabel(field)}` });
      return;
    }
    let a: SchemaSide | undefined;
    let b: SchemaSide | undefined;
    let nodeA: Schema;
    let nodeB: Schema;
    if (isObject(rawA) && isObject(rawB) && rawA.$ref === undefined && rawB.$ref === undefined) {
      // the common case, both written inline: sides are only made if a rule or a child needs them
      nodeA = rawA;
      nodeB = rawB;
    } else {
      a = side(rawA, ptrA, ctx.a.form.schema, ctx.shared);
      b = side(rawB, ptrB, ctx.b.form.schema, ctx.shared);
      if (!a || !b) return;
      const key = `${a.ptr}|${b.ptr}|${field}`; // reached through a $ref: guard against reference cycles
      if (seen.has(key)) return;
      seen.add(key);
      nodeA = a.node;
      nodeB = b.node;
    }
    let differing = differingKeywords(nodeA, nodeB);
    const malformed = differing && malformedKeywords(differing, nodeA, nodeB);
    if (malformed) {
      // compared on neither side: a rule would read a malformed value as absent, or as something else
      const at = (s: SchemaSide | undefined, ptr: string, k: string) => (s === undefined || s.own ? join(s?.ptr ?? ptr, k) : s.ptr);
      for (const k of malformed) {
        if (jsonEqual(nodeA[k], nodeB[k])) continue; // equal `properties` lists are no difference
        const label = { en: `the ${k} of ${fieldLabel(field)}`, zh: `字段 ${fieldLabel(field)} 的 ${k}` };
        note(keywordFlaw(k, nodeA[k]), keywordFlaw(k, nodeB[k]), at(a, ptrA, k), at(b, ptrB, k), label);
      }
      nodeA = without(nodeA, malformed);
      nodeB = without(nodeB, malformed);
      if (a) a = { ...a, node: nodeA };
      if (b) b = { ...b, node: nodeB };
      differing = differing!.filter((k) => !malformed.includes(k));
      if (differing.length === 0) differing = undefined;
    }
    if (differing !== undefined) {
      a ??= { node: nodeA, ptr: ptrA, own: true, raw: rawA };
      b ??= { node: nodeB, ptr: ptrB, own: true, raw: rawB };
      const pair: SchemaPair = { field, a, b, ctx };
      let due = 0; // bit i: rule i compares one of the differing keywords
      for (const k of differing) due |= byKeyword.get(k) ?? 0;
      for (let i = 0; due !== 0; i++, due >>>= 1) {
        if (due & 1) rules[i]!.compare(pair, (emitters[i] ??= emit(rules[i]!)));
      }
    }
    const ownA = a === undefined || a.own;
    const ownB = b === undefined || b.own;
    const baseA = a === undefined ? ptrA : a.ptr;
    const baseB = b === undefined ? ptrB : b.ptr;
    const pa = nodeA.properties;
    const pb = nodeB.properties;
    if (isObject(pa) && isObject(pb)) {
      for (const name in pa) {
        const ca = pa[name];
        const cb = pb[name];
        if (cb === undefined || !Object.hasOwn(pb, name) || (isLeaf(ca) && jsonEqualWithoutRefs(ca, cb))) continue;
        // a child's keywords live inside its parent when the parent is written here, else a fix replaces the parent
        visit(join(field, name), ca, ownA ? join(baseA, 'properties', name) : baseA, cb, ownB ? join(baseB, 'properties', name) : baseB, depth + 1);
      }
    }
    const ia = nodeA.items;
    const ib = nodeB.items;
    if (isObject(ia) && isObject(ib) && !(isLeaf(ia) && jsonEqualWithoutRefs(ia, ib))) {
      visit(`${field}/[]`, ia, ownA ? join(baseA, 'items') : baseA, ib, ownB ? join(baseB, 'items') : baseB, depth + 1);
    } else if (ia !== ib) {
      const fia = subschemaFlaw(ia);
      const fib = subschemaFlaw(ib);
      if ((fia || fib) && !jsonEqual(ia, ib)) {
        note(fia, fib, ownA ? join(baseA, 'items') : baseA, ownB ? join(baseB, 'items') : baseB, { en: `the items of ${fieldLabel(field)}`, zh: `字段 ${fieldLabel(field)} 的 items` });
      }
    }
  };
  visit('', ctx.a.form.schema, formBase, ctx.b.form.schema, formBase, 0);
}

/**
 * The keywords whose values differ between two subschemas (undefined when none), apart from their children
 * (`properties` differ only when their names do; `items` are visited on their own). Most fields of a variant equal
 * the baseline's, so usually no rule runs.
 */
function differingKeywords(a: Schema, b: Schema): string[] | undefined {
  let out: string[] | undefined;
  for (const k in a) {
    const va = a[k];
    const vb = b[k];
    if (va === vb || k === 'items') continue;
    if (k === 'properties' ? !isObject(va) || !isObject(vb) || !sameNames(va, vb) : vb === undefined || !jsonEqual(va, vb)) (out ??= []).push(k);
  }
  for (const k in b) if (a[k] === undefined) (out ??= []).push(k);
  return out;
}

// The differing keywords whose value is malformed on a side (undefined when none: every valid form).
function malformedKeywords(differing: readonly string[], a: Schema, b: Schema): string[] | undefined {
  let out: string[] | undefined;
  for (const k of differing) if (keywordFlaw(k, a[k]) || keywordFlaw(k, b[k])) (out ??= []).push(k);
  return out;
}

function without(node: Schema, keywords: readonly string[]): Schema {
  const copy = { ...node };
  for (const k of keywords) delete copy[k];
  return copy;
}

// A subschema without children: comparing it whole is the cheapest test. Containers are walked instead, so that
// their fields are compared once, not once as part of the container and again one by one.
const isLeaf = (s: unknown): boolean => !isObject(s) || (s.properties === undefined && s.items === undefined);

const indexes = new WeakMap<readonly SchemaRule[], Map<string, number>>();
// keyword → bitmask of the rules that compare it, built once per rule list (at most 31 schema rules).
function keywordIndex(rules: readonly SchemaRule[]): Map<string, number> {
  let index = indexes.get(rules);
  if (!index) {
    if (rules.length > 31) throw new RangeError('at most 31 schema rules');
    index = new Map();
    rules.forEach((rule, i) => {
      for (const k of rule.keywords) index!.set(k, (index!.get(k) ?? 0) | (1 << i));
    });
    indexes.set(rules, index);
  }
  return index;
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

function side(raw: unknown, ptr: string, root: unknown, shared: ReadonlyMap<string, unknown>): SchemaSide | undefined {
  if (raw === true) return { node: {}, ptr, own: true, raw };
  if (!isObject(raw)) return undefined;
  if (typeof raw.$ref !== 'string') return { node: raw, ptr, own: true, raw };
  const target = resolveRef(raw.$ref, root, shared);
  if (!target) return { node: raw, ptr, own: true, raw };
  const { $ref: _ref, ...siblings } = raw;
  // a reference into the form itself (by pointer or anchor) is compared, and fixed, where the target is written
  if (target.ptr !== undefined && Object.keys(siblings).length === 0) return { node: target.node, ptr: target.ptr, own: true, raw: target.node };
  return { node: { ...target.node, ...siblings }, ptr, own: false, raw };
}

// Follows a chain of $refs (bounded) to a schema; `ptr` is its pointer in the definition when it lies in the form.
function resolveRef(ref: string, root: unknown, shared: ReadonlyMap<string, unknown>): { node: Schema; ptr: string | undefined } | undefined {
  let doc = root;
  let inForm = true;
  let current = ref;
  for (let hops = 0; ; hops++) {
    const target = refTarget(current, doc, shared);
    if (!target || !isObject(target.node)) return undefined;
    inForm &&= target.resource === '';
    doc = target.doc;
    const node = target.node;
    if (typeof node.$ref !== 'string' || hops >= 16) return { node, ptr: inForm ? formBase + target.pointer : undefined };
    current = node.$ref;
  }
}
