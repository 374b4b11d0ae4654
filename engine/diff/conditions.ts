/**
 * How two situations (`when` conditions: JSON Schemas on the form data) relate, proven only from the simple shapes
 * authors write: `properties` down to `const` / `enum`, `required`, `allOf` of those, `type: "object"` on the way.
 * `narrower` means every application that meets `a` meets `b` (so `a` asks in fewer situations); anything the proof
 * cannot read makes the relation `unknown`, never a guess. Form data is assumed to have the form's shape: where a
 * condition descends into a member, that member is an object when present.
 */
import { canonical, jsonEqual } from '../json/equal.ts';
import { isObject } from '../json/pointer.ts';

export type ConditionRelation = 'same' | 'narrower' | 'wider' | 'unknown';

/** The relation of condition `a` to condition `b` (both present). */
export function conditionRelation(a: unknown, b: unknown): ConditionRelation {
  if (jsonEqual(a, b)) return 'same';
  const ab = implies(a, b);
  const ba = implies(b, a);
  return ab && ba ? 'same' : ab ? 'narrower' : ba ? 'wider' : 'unknown';
}

/**
 * One conjunct of a condition: the member at `path` (one token per level) meets `values` (canonical texts; absent:
 * any value) when present, and `required[k]` says whether level k must be present. Data whose first absent level is
 * k meets the atom exactly when `required[k]` is false.
 */
interface Atom {
  readonly path: readonly string[];
  readonly required: readonly boolean[];
  readonly values: ReadonlySet<string> | undefined;
  /** Strict side only: the JSON types the value must have (from `type` beside `const`/`enum`). */
  readonly types: readonly string[] | undefined;
}

const annotations = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);
const maxDepth = 24;
const maxAtoms = 200;

// Whether every application meeting `a` meets `b`: each atom of `b` follows from what `a` says about its path.
function implies(a: unknown, b: unknown): boolean {
  const atomsB = atomsOf(b, true);
  if (!atomsB) return false;
  const atomsA = atomsOf(a, false);
  if (!atomsA) return false;
  const byPath = combine(atomsA);
  return atomsB.every((beta) => follows(beta, byPath));
}

// An atom of `b` follows from `a`'s atom at the same path (at least as strict on presence, values a subset), or,
// when it constrains no value, from any atom of `a` below it that requires at least the same levels.
function follows(beta: Atom, byPath: ReadonlyMap<string, Atom>): boolean {
  const strictEnough = (alpha: Atom, levels: number) => {
    for (let k = 0; k < levels; k++) if (beta.required[k] && !alpha.required[k]) return false;
    return true;
  };
  const alpha = byPath.get(key(beta.path));
  if (alpha && strictEnough(alpha, beta.path.length)) {
    if (!beta.values) return true;
    if (alpha.values && [...alpha.values].every((v) => beta.values!.has(v) && typeFits(v, beta.types))) return true;
  }
  if (beta.values) return false;
  for (const other of byPath.values()) {
    if (other.path.length > beta.path.length && beta.path.every((t, i) => other.path[i] === t) && strictEnough(other, beta.path.length)) return true;
  }
  return false;
}

// `a`'s atoms merged by path: presence required where any requires it, values intersected (their conjunction).
function combine(atoms: readonly Atom[]): Map<string, Atom> {
  const out = new Map<string, Atom>();
  for (const atom of atoms) {
    const k = key(atom.path);
    const seen = out.get(k);
    if (!seen) out.set(k, atom);
    else {
      const values = !seen.values ? atom.values : !atom.values ? seen.values : new Set([...seen.values].filter((v) => atom.values!.has(v)));
      out.set(k, { path: atom.path, required: seen.required.map((r, i) => r || atom.required[i]!), values, types: undefined });
    }
  }
  return out;
}

const key = (path: readonly string[]) => JSON.stringify(path);

/**
 * The atoms of a condition. `strict` (the side to be implied): any keyword the proof does not read fails it
 * (undefined). Otherwise such a keyword is dropped: leaving out a conjunct only widens the situation, so what is
 * proven of the wider one holds for the condition itself.
 */
function atomsOf(condition: unknown, strict: boolean): Atom[] | undefined {
  const atoms: Atom[] = [];
  return walk(condition, [], [], strict, atoms, 0) && atoms.length <= maxAtoms ? atoms : undefined;
}

function walk(node: unknown, path: string[], required: boolean[], strict: boolean, out: Atom[], depth: number): boolean {
  if (node === true) node = {};
  if (!isObject(node) || depth > maxDepth || out.length > maxAtoms) return !strict;
  let values: Set<string> | undefined;
  let types: string[] | undefined;
  const names = Array.isArray(node.required) ? node.required : [];
  if (node.required !== undefined && (!Array.isArray(node.required) || names.some((n) => typeof n !== 'string'))) {
    if (strict) return false;
  }
  const requires = (name: string) => names.includes(name);
  for (const [k, v] of Object.entries(node)) {
    if (annotations.has(k) || k === 'required') continue;
    if (k === 'properties') {
      if (!isObject(v)) {
        if (strict) return false;
        continue;
      }
      for (const [name, sub] of Object.entries(v)) {
        if (!walk(sub, [...path, name], [...required, requires(name)], strict, out, depth + 1)) return false;
      }
    } else if (k === 'const' || k === 'enum') {
      const list = k === 'const' ? [v] : v;
      if (!Array.isArray(list) || path.length === 0) {
        if (strict) return false;
        continue;
      }
      const set = new Set(list.map(canonical));
      values = values ? new Set([...values].filter((x) => set.has(x))) : set;
    } else if (k === 'allOf') {
      if (!Array.isArray(v)) {
        if (strict) return false;
        continue;
      }
      for (const sub of v) if (!walk(sub, path, required, strict, out, depth + 1)) return false;
    } else if (k === 'type') {
      const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : undefined;
      if (!list || !list.every((t) => typeof t === 'string')) {
        if (strict) return false;
        continue;
      }
      types = list as string[];
    } else if (strict) return false;
  }
  // `type` reads as the form's own shape on the way down (an object), or as a check of the values beside it
  if (types && !values && !(types.length === 1 && types[0] === 'object' && (isObject(node.properties) || names.length > 0 || path.length === 0))) {
    if (strict) return false;
    types = undefined;
  }
  for (const name of names) {
    if (typeof name !== 'string' || (isObject(node.properties) && Object.hasOwn(node.properties, name))) continue;
    out.push({ path: [...path, name], required: [...required, true], values: undefined, types: undefined });
  }
  if (path.length > 0 && (values || required[required.length - 1])) out.push({ path, required, values, types: values && strict ? types : undefined });
  return true;
}

// Whether a value (canonical text) has one of `types` (absent: any); an integer is a number too.
function typeFits(text: string, types: readonly string[] | undefined): boolean {
  if (!types) return true;
  const type = jsonType(JSON.parse(text));
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
