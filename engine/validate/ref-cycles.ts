/**
 * A `$ref` that leads back to the schema holding it without descending into the data (only through `$ref`, `allOf`,
 * `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`) makes ajv recurse forever: every application
 * would overflow the validator's stack. Recursion through `properties` or `items` is fine, the data ends.
 */
import { isObject } from '../json/pointer.ts';
import { refTarget } from '../form/refs.ts';

// A bound on the subschemas one search visits (the schema check refuses schemas with more subschemas than this).
const maxVisits = 5000;

/** True when following `holder.$ref` and in-place subschemas from there comes back to `holder`. */
export function closesRefCycle(holder: Record<string, unknown>, root: unknown, shared: ReadonlyMap<string, unknown>): boolean {
  if (typeof holder.$ref !== 'string') return false;
  const start = refTarget(holder.$ref, root, shared);
  if (!start) return false;
  const seen = new Set<unknown>();
  const stack: { node: unknown; doc: unknown }[] = [{ node: start.node, doc: start.doc }];
  for (let visits = 0; stack.length > 0 && visits < maxVisits; visits++) {
    const { node, doc } = stack.pop()!;
    if (node === holder) return true;
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    if (typeof node.$ref === 'string') {
      const next = refTarget(node.$ref, doc, shared);
      if (next) stack.push({ node: next.node, doc: next.doc });
    }
    for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(node[k])) for (const s of node[k] as unknown[]) stack.push({ node: s, doc });
    for (const k of ['not', 'if', 'then', 'else']) if (Object.hasOwn(node, k)) stack.push({ node: node[k], doc });
    if (isObject(node.dependentSchemas)) for (const s of Object.values(node.dependentSchemas)) stack.push({ node: s, doc });
  }
  return false;
}
