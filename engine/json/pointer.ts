/** RFC 6901 JSON Pointers: building, parsing and resolving. */

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export const escapeToken = (token: string | number): string => {
  if (typeof token === 'number') return String(token);
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
};

/** Joins a base pointer and tokens into a pointer: `join('/form', 'schema', 'a/b')` → `/form/schema/a~1b`. */
export function join(base: string, t1: string | number, t2?: string | number, t3?: string | number, t4?: string | number): string {
  // fixed arity: this runs for every node of every diff, and rest parameters allocate
  let out = `${base}/${escapeToken(t1)}`;
  if (t2 !== undefined) out += `/${escapeToken(t2)}`;
  if (t3 !== undefined) out += `/${escapeToken(t3)}`;
  if (t4 !== undefined) out += `/${escapeToken(t4)}`;
  return out;
}

/** Splits a pointer into unescaped tokens; `''` → `[]`. Returns undefined for a malformed pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Resolves a pointer against a JSON value; undefined when any step is missing. Only own properties are followed. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (!tokens) return undefined;
  let node: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (isObject(node) && Object.hasOwn(node, token)) {
      node = node[token];
    } else {
      return undefined;
    }
  }
  return node;
}

/** True for a plain JSON object (not an array, not null). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
