/** Finding a form field's schema by its data path, following local and shared `$ref`s (pointers and anchors) and `allOf`. */
import { isObject, parsePointer } from '../json/pointer.ts';
import { refTarget } from './refs.ts';

type Schemas = ReadonlyMap<string, unknown>;

// Follows $ref chains (bounded, so a ref cycle cannot loop forever).
function deref(node: unknown, root: unknown, shared: Schemas): { node: unknown; root: unknown } {
  for (let hops = 0; hops < 32 && isObject(node) && typeof node.$ref === 'string'; hops++) {
    const target = refTarget(node.$ref, root, shared);
    if (!target) return { node: undefined, root };
    node = target.node;
    root = target.doc;
  }
  return { node, root };
}

/** The schema of the property at data path `field` (e.g. `/applicant/name`), or undefined when there is none. */
export function propertyAt(schema: unknown, field: string, shared: Schemas): unknown {
  const tokens = parsePointer(field);
  if (!tokens) return undefined;
  let current: { node: unknown; root: unknown } = { node: schema, root: schema };
  for (const token of tokens) {
    const next = childProperty(current.node, current.root, token, shared);
    if (!next) return undefined;
    current = next;
  }
  return deref(current.node, current.root, shared).node;
}

function childProperty(node: unknown, root: unknown, token: string, shared: Schemas): { node: unknown; root: unknown } | undefined {
  const here = deref(node, root, shared);
  if (!isObject(here.node)) return undefined;
  const props = here.node.properties;
  if (isObject(props) && Object.hasOwn(props, token)) return { node: props[token], root: here.root };
  const parts = Array.isArray(here.node.allOf) ? here.node.allOf : [];
  for (const part of parts) {
    const found = childProperty(part, here.root, token, shared);
    if (found) return found;
  }
  return undefined;
}

/** The JSON types a schema declares (after following `$ref`), or undefined when it declares none. */
export function schemaTypes(schema: unknown, root: unknown, shared: Schemas): string[] | undefined {
  const { node } = deref(schema, root, shared);
  if (!isObject(node)) return undefined;
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

type Located = { node: unknown; root: unknown };
// Subschemas that apply to the same object as their parent: a property declared in one is a property of the object.
const sameObject = (node: Record<string, unknown>): unknown[] => [
  ...(['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) => (Array.isArray(node[k]) ? (node[k] as unknown[]) : [])),
  ...(['if', 'then', 'else'] as const).map((k) => node[k]),
  ...(isObject(node.dependentSchemas) ? Object.values(node.dependentSchemas) : []),
];
const maxDeclaredVisits = 5_000;

/**
 * Whether the form declares a field at data path `field` (e.g. `/withdrawal/reason`): in `properties`, through
 * `$ref`s, and in any `allOf`/`anyOf`/`oneOf`/`if`/`then`/`else`/`dependentSchemas` branch, so a conditional field
 * counts. A level with `patternProperties` declares every name (its patterns are not run here); a schema too large
 * to search within the bound counts as declaring it.
 */
export function declaresField(schema: unknown, field: string, shared: Schemas): boolean {
  const tokens = parsePointer(field);
  if (!tokens) return false;
  let level: Located[] = [{ node: schema, root: schema }];
  let visits = 0;
  for (const token of tokens) {
    const next: Located[] = [];
    const stack = [...level];
    while (stack.length > 0) {
      if (visits++ >= maxDeclaredVisits) return true; // too large to search: not shown to be missing
      const { node, root } = stack.pop()!;
      if (!isObject(node)) continue;
      if (typeof node.$ref === 'string') {
        const target = refTarget(node.$ref, root, shared);
        if (target) stack.push({ node: target.node, root: target.doc });
      }
      if (isObject(node.patternProperties)) return true;
      const props = node.properties;
      if (isObject(props) && Object.hasOwn(props, token)) next.push({ node: props[token], root });
      for (const part of sameObject(node)) if (part !== undefined) stack.push({ node: part, root });
    }
    if (next.length === 0) return false;
    level = next;
  }
  return true;
}
