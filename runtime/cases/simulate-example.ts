/**
 * Example answers for a form, so a simulated case can be submitted without typing: every required field the data
 * lacks gets a value its schema accepts where one is easy to find (const, default, examples, the first enum value, a
 * format's sample, a string matching a simple pattern). Best effort: the runtime's validator still decides, and a
 * simulation shows its field errors when the example misses.
 */
import { isObject } from '../../engine/json/pointer.ts';

type Schema = Record<string, unknown>;

const formatSamples: Readonly<Record<string, string>> = {
  date: '2025-01-15', 'date-time': '2025-01-15T09:00:00+08:00', time: '09:00:00+08:00', email: 'applicant@example.cn', uri: 'https://example.cn/',
  uuid: '00000000-0000-4000-8000-000000000000', ipv4: '192.0.2.1', hostname: 'example.cn',
};

/** `data` with example values for the required fields it lacks (the values it has are kept). */
export function exampleData(schema: unknown, sharedSchemas: readonly object[], data: unknown): unknown {
  const shared = new Map<string, Schema>();
  for (const s of sharedSchemas) if (isObject(s) && typeof s.$id === 'string') shared.set(s.$id, s);
  return fill(schema, data, { shared, root: isObject(schema) ? schema : {}, depth: 0, budget: { left: maxFilledValues } });
}

interface Scope {
  readonly shared: ReadonlyMap<string, Schema>;
  readonly root: Schema;
  readonly depth: number;
  /** Values still to be made: nested arrays (minItems) and recursive `$ref`s multiply, and stop when it runs out. */
  readonly budget: { left: number };
}

/** The most values one example fill makes. */
const maxFilledValues = 10_000;

// The schema with its `$ref` (shared by $id, or local `#/...`) and `allOf` merged in; a chain of references or
// parts deeper than the fill's own depth limit (a `$ref` to itself) stops there.
function resolved(schema: unknown, scope: Scope, hops = 0): Schema {
  if (!isObject(schema) || hops > 32) return {};
  let out: Schema = { ...schema };
  if (typeof out.$ref === 'string') {
    const ref = out.$ref;
    const target = ref.startsWith('#/') ? ref.slice(2).split('/').reduce<unknown>((n, t) => (isObject(n) ? n[t.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), scope.root) : scope.shared.get(ref);
    const { $ref: _, ...rest } = out;
    out = { ...resolved(target, scope, hops + 1), ...rest };
  }
  if (Array.isArray(out.allOf)) {
    for (const part of out.allOf) {
      const p = resolved(part, scope, hops + 1);
      out = { ...p, ...out, ...mergeObjects(p, out) };
    }
  }
  return out;
}

// allOf parts' properties and required lists combined with the schema's own.
function mergeObjects(a: Schema, b: Schema): Schema {
  const merged: Schema = {};
  if (isObject(a.properties) || isObject(b.properties)) merged.properties = { ...(isObject(a.properties) ? a.properties : {}), ...(isObject(b.properties) ? b.properties : {}) };
  if (Array.isArray(a.required) || Array.isArray(b.required)) merged.required = [...new Set([...(Array.isArray(a.required) ? a.required : []), ...(Array.isArray(b.required) ? b.required : [])])];
  return merged;
}

function fill(raw: unknown, value: unknown, scope: Scope): unknown {
  if (scope.depth > 32 || --scope.budget.left < 0) return value;
  const schema = resolved(raw, scope);
  const inner = { ...scope, depth: scope.depth + 1 };
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || (type === undefined && isObject(schema.properties))) {
    const object: Record<string, unknown> = isObject(value) ? { ...value } : {};
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
    for (const key of required) object[key] = fill(properties[key], object[key], inner);
    // a conditional section (`if`/`then`, e.g. the postal address when delivery is by post) the answers so far open
    for (const key of conditionallyRequired(raw, schema, object, scope)) object[key] = fill(properties[key], object[key], inner);
    // objects given already (e.g. partly prefilled) get their own required fields
    for (const [key, sub] of Object.entries(object)) if (!required.includes(key) && isObject(sub)) object[key] = fill(properties[key], sub, inner);
    return object;
  }
  if (value !== undefined) return value;
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const branch = [schema.oneOf, schema.anyOf].find(Array.isArray) as unknown[] | undefined;
  if (branch?.length) return fill({ ...schema, oneOf: undefined, anyOf: undefined, ...resolved(branch[0], scope) }, undefined, inner);
  switch (type) {
    case 'string': return exampleString(schema);
    case 'integer':
    case 'number': return typeof schema.minimum === 'number' ? (type === 'integer' ? Math.ceil(schema.minimum) : schema.minimum) : typeof schema.exclusiveMinimum === 'number' ? Math.floor(schema.exclusiveMinimum) + 1 : 1;
    case 'boolean': return true;
    case 'array': {
      const min = typeof schema.minItems === 'number' ? Math.min(schema.minItems, 10) : 0;
      return Array.from({ length: min }, () => fill(schema.items, undefined, inner)).filter((v) => v !== undefined);
    }
    default: return undefined;
  }
}

// The fields the `if`/`then`/`else` parts of a schema (its own, or its `allOf`'s) require of `object` as it stands:
// a simple `if` (properties' const/enum, required) decides, as it does for the form's usual conditions.
function conditionallyRequired(raw: unknown, schema: Schema, object: Record<string, unknown>, scope: Scope): string[] {
  const parts = [schema, ...(isObject(raw) && Array.isArray(raw.allOf) ? raw.allOf.map((p) => resolved(p, scope)) : [])];
  const keys: string[] = [];
  for (const part of parts) {
    if (!isObject(part.if)) continue;
    const branch = holds(part.if, object) ? part.then : part.else;
    if (isObject(branch) && Array.isArray(branch.required)) keys.push(...branch.required.filter((k): k is string => typeof k === 'string' && object[k] === undefined));
  }
  return [...new Set(keys)];
}

function holds(condition: Schema, object: Record<string, unknown>): boolean {
  if (Array.isArray(condition.required) && condition.required.some((k) => typeof k !== 'string' || object[k] === undefined)) return false;
  for (const [key, sub] of Object.entries(isObject(condition.properties) ? condition.properties : {})) {
    if (!isObject(sub) || object[key] === undefined) continue;
    if ('const' in sub && sub.const !== object[key]) return false;
    if (Array.isArray(sub.enum) && !sub.enum.includes(object[key])) return false;
  }
  return true;
}

/** The longest example string made (a sample of a pattern, or text to a minLength). */
export const maxSampleLength = 10_000;

function exampleString(schema: Schema): string {
  if (typeof schema.format === 'string' && formatSamples[schema.format]) return formatSamples[schema.format]!;
  const fromPattern = typeof schema.pattern === 'string' ? sample(schema.pattern) : undefined;
  let text = fromPattern ?? '示例';
  const min = typeof schema.minLength === 'number' ? Math.min(schema.minLength, maxSampleLength) : 1;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (fromPattern === undefined && [...text].length < min) text = '示例'.repeat(Math.ceil(min / 2));
  return [...text].slice(0, max).join('');
}

/**
 * A string matching a simple pattern: anchors, literals, escapes (\d \w \s and escaped characters), character
 * classes with ranges, groups with alternatives (the first is taken) and quantifiers (their least count, one for
 * `+`). Undefined for anything else (lookarounds, back references).
 */
export function sample(pattern: string): string | undefined {
  if (pattern.length > maxSampleLength) return undefined;
  let i = 0;
  const src = pattern;
  const atom = (): string | undefined => {
    const c = src[i]!;
    if (c === '[') {
      const end = classEnd(src, i);
      if (end < 0) return undefined;
      const body = src.slice(i + 1, end);
      i = end + 1;
      return classSample(body);
    }
    if (c === '(') {
      if (src.startsWith('(?=', i) || src.startsWith('(?!', i) || src.startsWith('(?<', i)) return undefined;
      let depth = 0;
      let j = i;
      for (; j < src.length; j++) {
        if (src[j] === '\\') j++;
        else if (src[j] === '(') depth++;
        else if (src[j] === ')' && --depth === 0) break;
      }
      if (j >= src.length) return undefined;
      const inside = src.slice(src.startsWith('(?:', i) ? i + 3 : i + 1, j);
      i = j + 1;
      return sample(firstAlternative(inside));
    }
    if (c === '\\') {
      const e = src[i + 1];
      i += 2;
      if (e === undefined || /[1-9kbB]/.test(e)) return undefined;
      return e === 'd' ? '0' : e === 'w' ? 'a' : e === 's' ? ' ' : /[DWS]/.test(e) ? '-' : e;
    }
    if (c === '.') return (i++, 'a');
    if (c === '^' || c === '$') return (i++, '');
    return (i++, c);
  };
  let out = '';
  const top = firstAlternative(src);
  if (top !== src) return sample(top);
  while (i < src.length) {
    const piece = atom();
    if (piece === undefined) return undefined;
    const q = /^(\{(\d+)(,(\d*))?\}|[?*+])\??/.exec(src.slice(i));
    let count = 1;
    if (q) {
      i += q[0].length;
      count = q[1] === '?' || q[1] === '*' ? 0 : q[1] === '+' ? 1 : Number(q[2]);
    }
    // nested quantifiers multiply ((a{1000}){1000}…): past the longest example made, the pattern is not sampled
    const n = Math.min(count, 1000);
    if (out.length + piece.length * n > maxSampleLength) return undefined;
    out += piece.repeat(n);
  }
  return out;
}

// The first top-level alternative of a pattern (the pattern itself when it has none).
function firstAlternative(src: string): string {
  let depth = 0;
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = Math.max(j, classEnd(src, j));
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return src.slice(0, j);
  }
  return src;
}

function classEnd(src: string, start: number): number {
  for (let j = start + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']' && j > start + 1) return j;
  }
  return -1;
}

// One character a class body accepts (negated classes: a letter they do not list, tried in order).
function classSample(body: string): string | undefined {
  if (body.startsWith('^')) {
    const excluded = body.slice(1);
    try {
      const listed = new RegExp(`[${excluded}]`, 'u');
      return ['a', 'x', '0', 'Z', '中'].find((ch) => !listed.test(ch));
    } catch {
      return undefined;
    }
  }
  const c = body[0];
  if (c === '\\') return body[1] === 'd' ? '0' : body[1] === 'w' ? 'a' : body[1] === 's' ? ' ' : body[1];
  return c;
}
