/**
 * What a shared-data field can yield, merged from its parts into one schema the diff rules can compare a form field
 * against, plus the facts the proofs need: lengths (with those its patterns and formats imply), numeric bounds,
 * a finite set of values. The merged schema holds every value the field can yield (it may hold more).
 */
import { canonical } from '../../json/equal.ts';
import { isObject } from '../../json/pointer.ts';
import { patternLengths, patternLengthsExact, type LengthRange } from '../regex/length.ts';
import type { Part, Parts } from './parts.ts';

/** A numeric bound: `value`, and whether it is excluded. */
export interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

export interface SharedView {
  /** One schema every value satisfies: what the diff rules compare the form's parts against. */
  readonly node: Readonly<Record<string, unknown>>;
  /** False when a part holds keywords `node` leaves out (alternatives, conditionals…): a stricter form keyword then may still accept every value. */
  readonly exact: boolean;
  /** The only values it can yield (`enum`/`const`), when finite. */
  readonly values: readonly unknown[] | undefined;
  /** Types it can yield; undefined = any. */
  readonly types: ReadonlySet<string> | undefined;
  /** String lengths (code points), narrowed by `pattern`s and formats: every yielded string's length is in the range. */
  readonly length: LengthRange;
  /**
   * Whether strings of the range's least and greatest length are really yielded, so a form length keyword that
   * does not cover them refuses one: not when a pattern holds lookarounds or backreferences, two length sources cut
   * each other (a pattern and a `maxLength` inside its range), or a format other than `date` shapes the strings.
   */
  readonly lengthExact: boolean;
  /** Whether the numeric bounds are values really yielded (no `multipleOf` that may fall between them). */
  readonly boundsExact: boolean;
  readonly lower: Bound | undefined;
  readonly upper: Bound | undefined;
  readonly patterns: readonly string[];
  readonly formats: readonly string[];
  readonly multipleOf: readonly number[];
  readonly required: ReadonlySet<string>;
  /** Property names the parts declare, and whether an object can hold no other (`additionalProperties: false`). */
  readonly names: ReadonlySet<string>;
  readonly closed: boolean;
  /** The part that writes `keyword` (for the problem's second pointer), else the first part. */
  partFor(keyword: string): Part | undefined;
}

const lowerKeys = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const upperKeys = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
const merged = new Set([...lowerKeys, ...upperKeys, 'type', 'enum', 'const', 'pattern', 'format', 'multipleOf', 'required', 'properties', 'items', 'additionalProperties']);
// Formats whose strings all have one length (ajv-formats' `date` is YYYY-MM-DD).
const formatLengths: Readonly<Record<string, LengthRange>> = { date: { min: 10, max: 10 } };
const numbers = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Merges the parts of a shared-data field (or of one of its properties or items). */
export function sharedView(of: Parts): SharedView {
  const node: Record<string, unknown> = {};
  let exact = !of.truncated;
  let types: Set<string> | undefined;
  let values: unknown[] | undefined;
  let length: LengthRange = { min: 0, max: Infinity };
  let lengthExact = true;
  let patternRange: LengthRange | undefined;
  const patterns: string[] = [];
  const formats: string[] = [];
  const multipleOf: number[] = [];
  const required = new Set<string>();
  const names = new Set<string>();
  let closed = false;
  let others: Part | undefined;
  for (const part of of.parts) {
    const n = part.node;
    if (n.type !== undefined) types = intersectTypes(types, typeSet(n.type));
    if (Array.isArray(n.enum)) values = intersect(values, n.enum);
    if (Object.hasOwn(n, 'const')) values = intersect(values, [n.const]);
    for (const k of lowerKeys) if (numbers(n[k]) && !(numbers(node[k]) && node[k] >= n[k])) node[k] = n[k];
    for (const k of upperKeys) if (numbers(n[k]) && !(numbers(node[k]) && node[k] <= n[k])) node[k] = n[k];
    if (typeof n.pattern === 'string') {
      patterns.push(n.pattern);
      const implied = patternLengths(n.pattern);
      if (implied) length = narrow(length, implied);
      if (patterns.length > 1 || !implied || !patternLengthsExact(n.pattern)) lengthExact = false;
      patternRange = implied;
    }
    if (typeof n.format === 'string') {
      formats.push(n.format);
      if (Object.hasOwn(formatLengths, n.format)) length = narrow(length, formatLengths[n.format]!);
      else lengthExact = false;
    }
    if (numbers(n.multipleOf)) multipleOf.push(n.multipleOf);
    if (Array.isArray(n.required)) for (const r of n.required) if (typeof r === 'string') required.add(r);
    if (isObject(n.properties)) for (const name of Object.keys(n.properties)) names.add(name);
    if (n.additionalProperties === false && n.patternProperties === undefined) closed = true;
    else if (n.additionalProperties !== undefined && n.additionalProperties !== true) exact = false;
    const other = Object.keys(n).filter((k) => !merged.has(k));
    if (other.length > 0) {
      exact = false;
      others ??= part;
    }
  }
  if (others) for (const k in others.node) if (!merged.has(k)) node[k] = others.node[k];
  if (types) node.type = [...types];
  if (values) node.enum = values;
  if (patterns.length > 0) node.pattern = patterns[0];
  if (formats.length > 0) node.format = formats[0];
  if (multipleOf.length > 0) node.multipleOf = multipleOf[0];
  if (closed) node.additionalProperties = false;
  length = narrow(length, { min: numbers(node.minLength) ? node.minLength : 0, max: numbers(node.maxLength) ? node.maxLength : Infinity });
  // a pattern's lengths need not be contiguous (^(a{2}|a{10})$): cut by minLength/maxLength, the new ends may be none
  if (patternRange && (length.min !== patternRange.min || length.max !== patternRange.max)) lengthExact = false;
  if (formats.length > 0 && patterns.length > 0) lengthExact = false;
  const boundsExact = multipleOf.every((m) => Number.isInteger(m) && m === 1);
  const partFor = (keyword: string) => of.parts.find((p) => Object.hasOwn(p.node, keyword)) ?? of.parts[0];
  return {
    node, exact, values, types, length, lengthExact, boundsExact, patterns, formats, multipleOf, required, names, closed, partFor,
    lower: bound(node, 'minimum', 'exclusiveMinimum', 1), upper: bound(node, 'maximum', 'exclusiveMaximum', -1),
  };
}

/** The type names a `type` keyword admits (`number` admits integers too). */
function typeSet(type: unknown): Set<string> {
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
  return new Set(list);
}

function intersectTypes(a: Set<string> | undefined, b: Set<string>): Set<string> {
  if (!a) return b;
  const out = new Set([...a].filter((t) => b.has(t)));
  if ((a.has('number') && b.has('integer')) || (a.has('integer') && b.has('number'))) out.add('integer');
  return out;
}

function intersect(a: unknown[] | undefined, b: readonly unknown[]): unknown[] {
  if (!a) return [...b];
  const keep = new Set(b.map(canonical));
  return a.filter((v) => keep.has(canonical(v)));
}

const narrow = (a: LengthRange, b: LengthRange): LengthRange => ({ min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) });

/** The tighter of an inclusive and an exclusive bound; `sign` 1 for lower bounds, -1 for upper. */
export function bound(node: Readonly<Record<string, unknown>>, inclusive: string, exclusive: string, sign: 1 | -1): Bound | undefined {
  const i = node[inclusive];
  const e = node[exclusive];
  const bi = numbers(i) ? { value: i, exclusive: false } : undefined;
  const be = numbers(e) ? { value: e, exclusive: true } : undefined;
  if (!bi || !be) return bi ?? be;
  return (be.value - bi.value) * sign >= 0 ? be : bi;
}
