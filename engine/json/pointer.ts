/** RFC 6901 JSON Pointers: building, parsing and resolving. */

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export const escapeToken = (token: string | number): string => {
  const t = String(token);
  return t.includes('~') || t.includes('/') ? t.replace(/~/g, '~0').replace(/\//g, '~1') : t;
};

/** Joins a base pointer and tokens into a pointer: `join('/form', 'schema', 'a/b')` → `/form/schema/a~1b`. */
export function join(base: string, ...tokens: (string | number)[]): string {
  let out = base;
  for (const t of tokens) out += `/${escapeToken(t)}`;
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
