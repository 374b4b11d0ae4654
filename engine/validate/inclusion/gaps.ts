/**
 * Schema inclusion, for locked prefilled fields: does the form field accept every value the shared-data field can
 * yield? Each part of the form field is compared with the merged shared field by the diff's own schema rules (a
 * change of `more` burden is a keyword where the form asks more); proofs.ts then clears what only looks stricter
 * (a `maxLength` a pattern already implies, `minimum` 1 against integers `exclusiveMinimum` 0), and witness.ts
 * looks for a value that settles the rest (`^33[0-9]{4}$` refuses "012345", which `^[0-9]{6}$` allows). What is left
 * is a gap: a value refused, or an inclusion that could not be shown. Objects and arrays are compared property by property.
 */
import { jsonEqualWithoutRefs } from '../../json/equal.ts';
import { isObject, join } from '../../json/pointer.ts';
import { keywordFlaw } from '../../diff/form/keyword-shapes.ts';
import type { SchemaPair, WalkContext } from '../../diff/form/pair.ts';
import type { Finding, SchemaRule } from '../../diff/rule.ts';
import { schemaRules } from '../../diff/rules/index.ts';
import { itemParts, propertyParts, type Part, type Parts, type SharedPlaces } from './parts.ts';
import { decidable, proven } from './proofs.ts';
import { sharedView, type SharedView } from './shared-view.ts';
import { firstRefused } from './values.ts';
import { findWitness } from './witness.ts';

/** Where a keyword is written: a file and a JSON Pointer into it. */
export interface At {
  readonly file: string;
  readonly ptr: string;
}

/** A keyword of the form field that refuses (`rejects`) or may refuse (`unproven`) a value the shared data yields. */
export interface Gap {
  readonly verdict: 'rejects' | 'unproven';
  /** The form's keyword; undefined when a value was tried against the whole part. */
  readonly keyword: string | undefined;
  /** Data path below the prefilled field ('' = the field itself; array items: `/[]`). */
  readonly path: string;
  readonly form: At & { readonly value: unknown };
  readonly shared: At & { readonly value: unknown };
  /** A value the shared data can yield that the form refuses, when one is known. */
  readonly refused?: unknown;
  /** For `required` and `additionalProperties`: the property the shared value may lack, or may hold. */
  readonly property?: string;
}

type Extra = Pick<Gap, 'refused' | 'property'>;

// Rules that compare the field's own constraints (not its properties, required list, annotations or which fields exist).
const ruleCodes = new Set(['form.type', 'form.enum', 'form.upper-bound', 'form.lower-bound', 'form.pattern', 'form.format',
  'form.additional-properties', 'form.alternatives', 'form.constraint']);
const rules: readonly SchemaRule[] = schemaRules.filter((r) => ruleCodes.has(r.code));
const maxDepth = 32;
// Bounds the work one field can cause: a field with more distinct pairs of subschemas is left unproven.
const maxPairs = 1_000;
const where = (of: Parts): string => of.parts.map((p) => `${p.place.file}#${p.ptr}`).join(',');
type AddGap = (part: Part, keyword: string | undefined, verdict: Gap['verdict'], sharedKeyword: string, extra?: Extra) => void;
const noFields = { has: () => false };

/** The gaps between a locked form field (`form`) and the shared-data field that fills it (`shared`). */
export function inclusionGaps(form: Parts, shared: Parts, places: SharedPlaces, roots: { form: At; shared: At }): Gap[] {
  const gaps: Gap[] = [];
  compare(form, shared, '', 0, { places, roots, gaps, seen: new Set() });
  return gaps;
}

interface Run {
  readonly places: SharedPlaces;
  /** Where the two fields are written, for gaps no single keyword holds. */
  readonly roots: { readonly form: At; readonly shared: At };
  readonly gaps: Gap[];
  /** Pairs of subschemas already compared (recursive schemas meet the same pair again, deeper in the data). */
  readonly seen: Set<string>;
}

function compare(form: Parts, shared: Parts, path: string, depth: number, run: Run): void {
  const key = `${where(form)}|${where(shared)}`;
  if (run.seen.has(key)) return;
  run.seen.add(key);
  if (run.seen.size > maxPairs) {
    if (run.seen.size === maxPairs + 1) run.gaps.push({ verdict: 'unproven', keyword: undefined, path, form: { ...run.roots.form, value: undefined }, shared: { ...run.roots.shared, value: undefined } });
    return;
  }
  const view = sharedView(shared);
  const sharedAt = (keyword: string): At & { value: unknown } => {
    const part = view.partFor(keyword);
    if (!part) return { ...run.roots.shared, value: undefined };
    const has = Object.hasOwn(part.node, keyword);
    return { file: part.place.file, ptr: has ? join(part.ptr, keyword) : part.ptr, value: has ? part.node[keyword] : undefined };
  };
  const gap: AddGap = (part, keyword, verdict, sharedKeyword, extra = {}) => {
    const has = keyword !== undefined && Object.hasOwn(part.node, keyword);
    run.gaps.push({
      verdict, keyword, path, ...extra,
      form: { file: part.place.file, ptr: has ? join(part.ptr, keyword) : part.ptr, value: has ? part.node[keyword] : undefined },
      shared: sharedAt(sharedKeyword),
    });
  };
  // a form field whose $refs lead nowhere, or too far, is not fully known
  if (form.truncated) run.gaps.push({ verdict: 'unproven', keyword: '$ref', path, form: { ...(form.parts[0] ? { file: form.parts[0].place.file, ptr: form.parts[0].ptr } : run.roots.form), value: undefined }, shared: sharedAt('$ref') });
  for (const part of form.parts) {
    if (shared.parts.some((s) => (s.place.file === part.place.file && s.ptr === part.ptr) || jsonEqualWithoutRefs(s.node, part.node))) continue;
    if (view.values) {
      const tried = firstRefused(part.node, view.values);
      if (tried && 'refused' in tried) gap(part, undefined, view.exact ? 'rejects' : 'unproven', 'enum', { refused: tried.refused });
      if (tried) continue;
    }
    let witness: { value: unknown } | undefined | null = null; // null: not looked for yet
    for (const { keyword } of stricterKeywords(part.node, view.node)) {
      if (proven(keyword, part.node, view)) continue;
      if (decidable(keyword, view)) {
        gap(part, keyword, 'rejects', keyword);
        continue;
      }
      // not decided by comparing keywords: an example the shared data allows and this keyword refuses settles it
      if (witness === null) witness = findWitness(part.node, shared.parts, view);
      const refused = witness && firstRefused({ [keyword]: part.node[keyword] }, [witness.value]);
      if (refused && 'refused' in refused) gap(part, keyword, 'rejects', keyword, { refused: witness!.value });
      else gap(part, keyword, 'unproven', keyword);
    }
    if (mayBe(view, 'object')) objectGaps(part, view, gap);
  }
  if (depth >= maxDepth) return;
  if (mayBe(view, 'object')) {
    const names = new Set(form.parts.flatMap((p) => (isObject(p.node.properties) ? Object.keys(p.node.properties) : [])));
    for (const name of names) {
      if (view.closed && !view.names.has(name)) continue; // the shared value never holds it
      compare(propertyParts(form, name, run.places), propertyParts(shared, name, run.places), join(path, name), depth + 1, run);
    }
  }
  if (mayBe(view, 'array')) {
    const items = itemParts(form, run.places);
    if (items.parts.length > 0 || items.truncated) compare(items, itemParts(shared, run.places), `${path}/[]`, depth + 1, run);
  }
}

// What the diff rules find stricter in the form's part than in the shared view (malformed keywords left out, as the diff's walk does).
function stricterKeywords(part: Readonly<Record<string, unknown>>, shared: Readonly<Record<string, unknown>>): { keyword: string }[] {
  const a = wellFormed(part);
  const b = wellFormed(shared);
  // the rules used here read neither definition: only the pair's nodes
  const ctx = { shared: new Map(), lockedA: noFields, lockedB: noFields } as unknown as WalkContext;
  const pair: SchemaPair = { field: '', a: { node: a, ptr: '', own: true, raw: a }, b: { node: b, ptr: '', own: true, raw: b }, ctx };
  const found: { keyword: string }[] = [];
  for (const rule of rules) {
    rule.compare(pair, (f: Finding) => {
      if (f.burden !== 'more') return;
      const keyword = keywordOf(rule.code, f, a);
      if (!found.some((k) => k.keyword === keyword)) found.push({ keyword });
    });
  }
  return found;
}

function keywordOf(code: string, f: Finding, node: Readonly<Record<string, unknown>>): string {
  if (typeof f.params.keyword === 'string') return f.params.keyword;
  if (code === 'form.enum') return Object.hasOwn(node, 'const') ? 'const' : 'enum';
  if (code === 'form.additional-properties') return 'additionalProperties';
  return code.slice('form.'.length); // form.type, form.pattern, form.format
}

function wellFormed(node: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in node) if (!keywordFlaw(k, node[k])) out[k] = node[k];
  return out;
}

// Properties the form requires that the shared value may lack; properties a closed form object has no room for.
function objectGaps(part: Part, view: SharedView, gap: AddGap): void {
  const verdict = (k: string) => (decidable(k, view) ? 'rejects' : 'unproven');
  const required = Array.isArray(part.node.required) ? part.node.required : [];
  for (const name of required) if (typeof name === 'string' && !view.required.has(name)) gap(part, 'required', verdict('required'), 'required', { property: name });
  const props = isObject(part.node.properties) ? part.node.properties : {};
  if (part.node.additionalProperties === false && part.node.patternProperties === undefined) {
    for (const name of view.names) if (!Object.hasOwn(props, name)) gap(part, 'additionalProperties', verdict('additionalProperties'), 'properties', { property: name });
  }
}

const mayBe = (view: SharedView, type: string): boolean => view.types === undefined || view.types.has(type);
