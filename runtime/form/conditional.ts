/**
 * Conditional sections: a field the schema hides unless a condition holds (the designer's shape, in the parent's
 * `allOf`: `{ if: { X = Y }, then: { required: [Z] }, else: { properties: { Z: false } } }`). rjsf stops rendering Z
 * when the `else` applies, but keeps what was typed into it; the server then refuses that stale answer (`Z: false`).
 * So the form drops the answers of hidden fields as the applicant changes the choice: what is sent is what is shown.
 * Pure: no React.
 */
import { isObject } from '../../engine/json/pointer.ts';
import { satisfies } from './simple-checks.ts';
import { deref } from './ui-schema.ts';

type Schema = Record<string, unknown>;

/**
 * `data` without the answers of the fields the schema hides for it (a branch of an applying `if`/`then`/`else` that
 * sets the field's schema to `false`), at every depth. Returns `data` itself when nothing is hidden.
 */
export function withoutHiddenFields(schema: Schema, data: unknown): unknown {
  return strip(schema, data, schema, 0);
}

function strip(node: unknown, data: unknown, root: Schema, depth: number): unknown {
  node = deref(node, root);
  if (!isObject(node) || !isObject(data) || depth > 32) return data;
  let out: Record<string, unknown> = data;
  const drop = (name: string) => {
    if (!Object.hasOwn(out, name)) return;
    if (out === data) out = { ...data };
    delete out[name];
  };
  const parts = [node, ...(Array.isArray(node.allOf) ? node.allOf.map((p) => deref(p, root)) : [])];
  for (const part of parts) {
    if (!isObject(part) || part.if === undefined) continue;
    const branch = deref(satisfies(deref(part.if, root), data) ? part.then : part.else, root);
    if (!isObject(branch) || !isObject(branch.properties)) continue;
    for (const [name, sub] of Object.entries(branch.properties)) if (sub === false) drop(name);
  }
  for (const part of parts) {
    if (!isObject(part) || !isObject(part.properties)) continue;
    for (const [name, sub] of Object.entries(part.properties)) {
      if (!Object.hasOwn(out, name)) continue;
      const child = strip(sub, out[name], root, depth + 1);
      if (child !== out[name]) {
        if (out === data) out = { ...data };
        out[name] = child;
      }
    }
  }
  return out;
}
