/**
 * Seeded random mutations of JSON documents, for fuzzing code that must accept any JSON: a draft definition an
 * official is still editing. Each mutation picks a place in the document (any member or element, the root
 * included) and deletes it, retypes it, replaces it with junk, truncates it or nests it one level deeper.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { documentLimits } from '../../engine/index.ts';
import { rng } from '../bench/synthetic.ts';

export type Rng = ReturnType<typeof rng>;
export { rng };

export const mutationKinds = ['delete', 'retype', 'junk', 'truncate', 'nest'] as const;
export type MutationKind = (typeof mutationKinds)[number];

/** One applied mutation: what was done where (a JSON Pointer into the document before the mutation). */
export interface Mutation {
  readonly kind: MutationKind;
  readonly pointer: string;
}

// Values a draft may hold where anything else belongs; keys that are dangerous as object members included.
const junk: readonly (() => unknown)[] = [
  () => null, () => true, () => false, () => 0, () => -1, () => 1.5, () => 1e308, () => -0, () => '', () => 'x', () => '中文',
  () => 'constructor', () => '__proto__', () => 'toString', () => [], () => [null], () => [[]], () => {}, () => ({}),
  () => JSON.parse('{"__proto__": {"polluted": true}}'), () => ({ constructor: 1, toString: 'x', valueOf: null }),
  () => ({ zh: 1, en: null }), () => ({ $ref: '#/nowhere' }), () => ({ $ref: 5 }), () => ({ type: 'strnig' }),
  () => ({ properties: [] }), () => ({ target: 7 }), () => ['online', 'online'], () => ({ amount: 'ten' }),
];

/** A value of another JSON type than `value`'s, built from it where that makes sense. */
function retype(value: unknown, r: Rng): unknown {
  if (typeof value === 'string') return r.pick([value.length, [value], { value }, value === '' ? null : true]);
  if (typeof value === 'number') return r.pick([String(value), [value], value > 0, null]);
  if (typeof value === 'boolean') return r.pick([Number(value), String(value), null]);
  if (value === null) return r.pick([0, '', {}, []]);
  if (Array.isArray(value)) return r.pick([Object.fromEntries(value.map((v, i) => [String(i), v])), value.length, JSON.stringify(value).slice(0, 20)]);
  return r.pick([Object.values(value as object), Object.keys(value as object).join(','), Object.keys(value as object).length, null]);
}

function nest(value: unknown, r: Rng): unknown {
  return r.pick([() => [value], () => ({ value }), () => JSON.parse(`{"__proto__": ${JSON.stringify(value) ?? 'null'}}`), () => ({ [r.pick(['zh', 'en', 'id', 'type', 'properties', 'states'])]: value })])();
}

function truncate(value: unknown, r: Rng): unknown {
  if (Array.isArray(value)) return value.slice(0, r.int(0, Math.max(0, value.length - 1)));
  if (typeof value === 'string') return value.slice(0, r.int(0, Math.max(0, value.length - 1)));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).slice(0, r.int(0, Object.keys(value).length)));
  return undefined; // a number or boolean truncated is gone
}

// Every pointer of a document, parents before children (bounded, so a deep value is not listed level by level).
function pointers(doc: unknown, limit = 20_000): string[][] {
  const out: string[][] = [[]];
  const stack: [unknown, string[]][] = [[doc, []]];
  while (stack.length > 0 && out.length < limit) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object' || path.length > documentLimits.maxDepth - 4) continue;
    for (const key of Object.keys(node)) {
      const child = [...path, key];
      out.push(child);
      stack.push([(node as any)[key], child]);
    }
  }
  return out;
}

const escape = (t: string) => t.replace(/~/g, '~0').replace(/\//g, '~1');

/** Applies one random mutation to `doc` (in place, except at the root) and returns the document and what was done. */
export function mutateOnce(doc: unknown, r: Rng): { doc: unknown; mutation: Mutation } {
  const all = pointers(doc);
  // half the time a part is chosen first, so the small parts (fees, process) are hit as often as the big form
  const top = all.filter((p) => p.length === 1);
  const under = top.length > 0 && r.next() < 0.5 ? r.pick(top)[0] : undefined;
  const candidates = under === undefined ? all : all.filter((p) => p[0] === under);
  const path = r.next() < 0.02 ? [] : r.pick(candidates);
  const kind = r.pick(mutationKinds);
  const pointer = path.map((t) => `/${escape(t)}`).join('');
  let parent: any;
  let value: unknown = doc;
  for (const t of path) [parent, value] = [value, (value as any)[t]];
  const replacement =
    kind === 'delete' ? undefined : kind === 'retype' ? retype(value, r) : kind === 'junk' ? r.pick(junk)() : kind === 'truncate' ? truncate(value, r) : nest(value, r);
  if (path.length === 0) return { doc: replacement === undefined ? null : replacement, mutation: { kind, pointer } };
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (replacement === undefined) parent.splice(Number(key), 1);
    else parent[Number(key)] = replacement;
  } else if (replacement === undefined) delete parent[key];
  else Object.defineProperty(parent, key, { value: replacement, writable: true, enumerable: true, configurable: true });
  return { doc, mutation: { kind, pointer } };
}

/** A mutated deep copy of `doc`: `count` mutations in a row, each at a random place of the result so far. */
export function mutate(doc: unknown, r: Rng, count: number): { doc: unknown; mutations: Mutation[] } {
  let current: unknown = JSON.parse(JSON.stringify(doc));
  const mutations: Mutation[] = [];
  for (let i = 0; i < count; i++) {
    const step = mutateOnce(current, r);
    current = step.doc;
    mutations.push(step.mutation);
  }
  return { doc: current, mutations };
}
