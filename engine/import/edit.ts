/** Editing a subschema copy in place while keeping its keys in the author's order. */

/**
 * Replaces key `from` of `node` with `entries`, at its position; keys named in `entries` that `node` holds elsewhere
 * move there too. Nothing happens when `node` has no key `from`.
 */
export function replaceKey(node: Record<string, unknown>, from: string, entries: readonly (readonly [string, unknown])[]): void {
  if (!Object.hasOwn(node, from)) return;
  const names = new Set(entries.map(([k]) => k));
  const all = Object.entries(node);
  for (const k of Object.keys(node)) delete node[k];
  for (const [k, v] of all) {
    if (k === from) for (const [nk, nv] of entries) node[nk] = nv;
    else if (!names.has(k)) node[k] = v;
  }
}

/** Puts `key` first in `node` (where a reader looks for `type`). */
export function putFirst(node: Record<string, unknown>, key: string, value: unknown): void {
  const all = Object.entries(node).filter(([k]) => k !== key);
  for (const k of Object.keys(node)) delete node[k];
  node[key] = value;
  for (const [k, v] of all) node[k] = v;
}

/** A JSON Pointer token for a key or index, relative: `rel('properties', 'a/b')` → `/properties/a~1b`. */
export function rel(...tokens: (string | number)[]): string {
  return tokens.map((t) => `/${typeof t === 'number' ? t : t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
