/**
 * The form's fields as the designer's tree shows them: each field is named by its data pointer (`/applicant/mobile`)
 * and lives at a schema pointer (`/form/schema/properties/applicant/properties/mobile`). Objects hold fields in
 * `properties`, arrays hold one item schema in `items`; a `$ref` is a leaf (a shared schema is edited elsewhere).
 */
import { escapeToken, isObject, parsePointer, resolvePointer } from '../../engine/json/pointer.ts';
import type { MatterDefinition } from '../../engine/index.ts';

export const formSchemaPointer = '/form/schema';

export interface FieldNode {
  /** Data pointer: `/applicant/mobile`; array items are `/children/-`. */
  readonly field: string;
  /** Where its schema is in the definition. */
  readonly pointer: string;
  readonly name: string;
  readonly schema: Record<string, unknown>;
  readonly required: boolean;
  readonly children: readonly FieldNode[];
}

/** The schema pointer of a data pointer (array items as `-`), or undefined when no such field is declared inline. */
export function schemaPointerOf(definition: MatterDefinition, field: string): string | undefined {
  const tokens = parsePointer(field);
  if (!tokens) return undefined;
  let pointer = formSchemaPointer;
  for (const token of tokens) {
    const node = resolvePointer(definition, pointer);
    if (!isObject(node)) return undefined;
    if (token === '-') {
      if (!isObject(node.items)) return undefined;
      pointer += '/items';
    } else {
      if (!isObject(node.properties) || !Object.hasOwn(node.properties, token)) return undefined;
      pointer += `/properties/${escapeToken(token)}`;
    }
  }
  return pointer;
}

/** The data pointer of a field's parent and its own name: `/applicant/mobile` → [`/applicant`, `mobile`]. */
export function splitField(field: string): [parent: string, name: string] {
  const at = field.lastIndexOf('/');
  const tokens = parsePointer(field) ?? [];
  return [field.slice(0, Math.max(0, at)), tokens.at(-1) ?? ''];
}

/** The field tree of a definition's form (inline properties and array items; `$ref`s are leaves). */
export function fieldTree(definition: MatterDefinition): FieldNode[] {
  const root = resolvePointer(definition, formSchemaPointer);
  return isObject(root) ? childrenOf(root, formSchemaPointer, '') : [];
}

function childrenOf(schema: Record<string, unknown>, pointer: string, field: string): FieldNode[] {
  const nodes: FieldNode[] = [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      if (!isObject(child)) continue;
      const childField = `${field}/${escapeToken(name)}`;
      const childPointer = `${pointer}/properties/${escapeToken(name)}`;
      nodes.push({ field: childField, pointer: childPointer, name, schema: child, required: required.has(name), children: childrenOf(child, childPointer, childField) });
    }
  }
  if (isObject(schema.items)) {
    const childField = `${field}/-`;
    const childPointer = `${pointer}/items`;
    nodes.push({ field: childField, pointer: childPointer, name: '-', schema: schema.items, required: false, children: childrenOf(schema.items, childPointer, childField) });
  }
  return nodes;
}
