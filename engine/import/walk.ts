/**
 * The walk over an imported schema: every subschema is copied, put through the rules in order, and its subschemas
 * walked in turn (in their 2020-12 places). Along the way it records where each part of the output came from in the
 * input, which resources and anchors the input's `$id`s and `$anchor`s named, and every `$ref` to resolve afterwards.
 */
import { isObject, resolvePointer } from '../json/pointer.ts';
import { problem, type Problem, type ProblemCode } from '../problems/index.ts';
import type { ImportChange } from './change.ts';
import type { Dialect } from './dialect.ts';
import { rel } from './edit.ts';
import { inPlaceKeywords, subschemaKeywords, subschemaListKeywords, subschemaMapKeywords, typesOf } from './keywords.ts';
import type { ImportRule, NodeContext } from './rule.ts';

/** A `$ref` met on the walk: the output subschema holding it, where it was, and the base URI it resolves against. */
export interface RefSite {
  readonly holder: Record<string, unknown>;
  readonly at: string;
  readonly out: string;
  readonly base: string;
  readonly ref: string;
  /** How many changes were reported before this subschema's subschemas: a change to the `$ref` goes there. */
  readonly slot: number;
}

/** What one import gathers on its walk. */
export interface WalkState {
  /** The imported schema, as given. */
  readonly input: unknown;
  readonly file: string;
  readonly dialect: Dialect;
  readonly rules: readonly ImportRule[];
  readonly changes: ImportChange[];
  readonly problems: Problem[];
  /** Input pointer of each subschema → its output pointer. */
  readonly inToOut: Map<string, string>;
  /** Output pointer of each subschema and moved part → where it came from in the input. */
  readonly outToIn: Map<string, string>;
  /** Resources the input's `$id`s named (absolute URI without fragment) → input pointer. */
  readonly resources: Map<string, string>;
  /** Anchors (`uri#name`) → input pointer. */
  readonly anchors: Map<string, string>;
  readonly refs: RefSite[];
  /** rjsf ui options moved out of the schema, by field. */
  readonly uiSchema: Record<string, unknown>;
}

const single: ReadonlySet<string> = new Set(subschemaKeywords);
const lists: ReadonlySet<string> = new Set(subschemaListKeywords);
const maps: ReadonlySet<string> = new Set(subschemaMapKeywords);

interface Place {
  readonly at: string;
  readonly out: string;
  readonly base: string;
  readonly context: readonly string[] | undefined;
  readonly uiPath: readonly string[] | undefined;
}

/** Resolves `uri` against `base`; undefined when it is no URI reference. */
export function resolveUri(uri: string, base: string): URL | undefined {
  try {
    return new URL(uri, base);
  } catch {
    return undefined;
  }
}

/** Converts the subschema `node` found at `place`, returning its output. */
export function walk(node: unknown, place: Place, state: WalkState): unknown {
  state.inToOut.set(place.at, place.out);
  if (!state.outToIn.has(place.out)) state.outToIn.set(place.out, place.at);
  // not a schema (the form check reports it where it is), or a boolean schema: nothing to convert
  if (!isObject(node)) return node;
  const base = register(node, place, state);
  const copy: Record<string, unknown> = { ...node };
  for (const rule of state.rules) rule.apply(copy, contextFor(rule, place, state));
  if (typeof copy.$ref === 'string') state.refs.push({ holder: copy, at: place.at, out: place.out, base, ref: copy.$ref, slot: state.changes.length });
  const types = typesOf(copy.type) ?? place.context;
  const child = (keyword: string, token: string | number | undefined, value: unknown): unknown => {
    const outRel = token === undefined ? rel(keyword) : rel(keyword, token);
    const out = place.out + outRel;
    const inPlace = inPlaceKeywords.has(keyword);
    const uiPath = !place.uiPath ? undefined
      : inPlace ? place.uiPath
      : keyword === 'properties' ? [...place.uiPath, String(token)]
      : keyword === 'items' || keyword === 'additionalProperties' ? [...place.uiPath, keyword]
      : undefined;
    return walk(value, { at: state.outToIn.get(out) ?? place.at + outRel, out, base, context: inPlace ? types : undefined, uiPath }, state);
  };
  // in the order of the keys, so that changes are reported in the order of the input
  for (const [keyword, value] of Object.entries(copy)) {
    if (single.has(keyword)) copy[keyword] = child(keyword, undefined, value);
    else if (lists.has(keyword) && Array.isArray(value)) copy[keyword] = value.map((s, i) => child(keyword, i, s));
    else if (maps.has(keyword) && isObject(value)) {
      const converted: Record<string, unknown> = {};
      for (const [name, s] of Object.entries(value)) converted[name] = child(keyword, name, s);
      copy[keyword] = converted;
    }
  }
  return copy;
}

// Records the resource and anchors this subschema declares (before the rules remove `$id`); returns its base URI.
function register(node: Record<string, unknown>, place: Place, state: WalkState): string {
  let base = place.base;
  const id = typeof node.$id === 'string' ? node.$id : state.dialect === 'draft-04' && typeof node.id === 'string' ? node.id : undefined;
  const url = id === undefined ? undefined : resolveUri(id, base);
  if (url) {
    const fragment = url.hash.slice(1);
    url.hash = '';
    if (!id!.startsWith('#')) {
      base = url.href;
      if (!state.resources.has(base)) state.resources.set(base, place.at);
    }
    // a plain-name fragment (draft-06/07 `"$id": "#name"`) is an anchor
    if (fragment !== '' && !fragment.startsWith('/')) anchor(state, `${base}#${decode(fragment)}`, place.at);
  }
  for (const key of ['$anchor', '$dynamicAnchor']) if (typeof node[key] === 'string') anchor(state, `${base}#${node[key] as string}`, place.at);
  return base;
}

const anchor = (state: WalkState, key: string, at: string) => {
  if (!state.anchors.has(key)) state.anchors.set(key, at);
};

/** A percent-decoded URI fragment; the text itself when it is malformed. */
export function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function contextFor(rule: ImportRule, place: Place, state: WalkState): NodeContext {
  return {
    at: place.at,
    out: place.out,
    dialect: state.dialect,
    isRoot: place.at === '',
    input: state.input,
    context: place.context,
    uiPath: place.uiPath,
    change(code, from, params, to) {
      const describe = rule.changes[code]!;
      state.changes.push({
        code,
        pointer: inputPointer(place, from, state),
        ...(to === undefined ? {} : { to: place.out + to }),
        params,
        message: { en: describe.en(params), zh: describe.zh(params) },
      });
    },
    problem(code: ProblemCode, from, params) {
      state.problems.push(problem(code, state.file, inputPointer(place, from, state), params));
    },
    moved(to, from) {
      state.outToIn.set(place.out + to, place.at + from);
    },
    ui(key, value) {
      if (!place.uiPath) return false;
      let at = state.uiSchema;
      for (const name of place.uiPath) {
        const next = Object.hasOwn(at, name) ? at[name] : undefined;
        at = isObject(next) ? next : (at[name] = {});
      }
      at[key] = value;
      return true;
    },
  };
}

// Where `from` (a part of the subschema at `place`) is in the input: where an earlier rule moved it from, else the same
// place, else (a keyword the conversion made) the nearest place that exists.
function inputPointer(place: Place, from: string, state: WalkState): string {
  return nearestIn(state.input, state.outToIn.get(place.out + from) ?? place.at + from);
}

/** The deepest pointer of `doc` along `pointer` (the whole pointer when it resolves). */
export function nearestIn(doc: unknown, pointer: string): string {
  let at = pointer;
  while (at !== '' && resolvePointer(doc, at) === undefined) at = at.slice(0, at.lastIndexOf('/'));
  return at;
}

/** `pointer` through `map` (input → output or back): its nearest recorded ancestor's image, and the rest under it. */
export function mapPointer(pointer: string, map: ReadonlyMap<string, string>): string {
  let prefix = pointer;
  for (;;) {
    const found = map.get(prefix);
    if (found !== undefined) return found + pointer.slice(prefix.length);
    if (prefix === '') return pointer;
    prefix = prefix.slice(0, prefix.lastIndexOf('/'));
  }
}
