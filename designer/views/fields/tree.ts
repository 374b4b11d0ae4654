/**
 * The fields section's view of the form: the field tree with what each item shows (type, shared schema, condition,
 * required once shown), an index by schema pointer, and the nearest field of any pointer into the form (a problem's,
 * a selection's). Built once per form schema (the section memoizes it by the schema's identity). No React.
 */
import { escapeToken, isObject, parsePointer, resolvePointer } from '../../../engine/json/pointer.ts';
import type { MatterDefinition } from '../../../engine/index.ts';
import { conditionOf, readEntry, type FoundCondition } from '../../model/conditions.ts';
import { fieldTree, formSchemaPointer, schemaPointerOf, type FieldNode } from '../../model/fields.ts';

export interface FieldItem {
  readonly node: FieldNode;
  /** 1 for the form's own fields. */
  readonly level: number;
  /** The data pointer of the object holding it ('' for the form), and that object's schema pointer. */
  readonly parentField: string;
  readonly parentPointer: string;
  /** Its place among its siblings, and how many there are. */
  readonly position: number;
  readonly siblings: number;
  /** An array's item schema (`/list/-`): it has no name of its own, and is not moved. */
  readonly isItems: boolean;
  /** The shared schema it refers to (then it is a leaf, edited there). */
  readonly ref: string | undefined;
  readonly type: string | undefined;
  /** Required, or required once shown. */
  readonly required: boolean;
  readonly condition: FoundCondition | undefined;
  readonly children: readonly FieldItem[];
}

export interface FieldsIndex {
  readonly roots: readonly FieldItem[];
  /** Every item by its schema pointer. */
  readonly byPointer: ReadonlyMap<string, FieldItem>;
  /** Objects a field can be added to (inline, not shared), in tree order. */
  readonly containers: readonly FieldItem[];
}

const typeOf = (schema: Readonly<Record<string, unknown>>): string | undefined =>
  typeof schema.type === 'string' ? schema.type : Array.isArray(schema.type) ? schema.type.join('|') : isObject(schema.properties) ? 'object' : isObject(schema.items) ? 'array' : undefined;

/** Indexes the form's fields. */
export function indexFields(definition: MatterDefinition): FieldsIndex {
  const build = (nodes: readonly FieldNode[], parent: Readonly<Record<string, unknown>>, parentField: string, parentPointer: string, level: number): FieldItem[] =>
    nodes.map((node, position) => {
      const isItems = node.name === '-';
      const condition = isItems ? undefined : conditionOf(parent, node.name);
      return {
        node, level, parentField, parentPointer, position, siblings: nodes.length, isItems,
        ref: typeof node.schema.$ref === 'string' ? node.schema.$ref : undefined,
        type: typeOf(node.schema),
        required: node.required || !!condition?.required,
        condition,
        children: build(node.children, node.schema, node.field, node.pointer, level + 1),
      };
    });
  const root = resolvePointer(definition, formSchemaPointer);
  const roots = build(fieldTree(definition), isObject(root) ? root : {}, '', formSchemaPointer, 1);
  const all = visibleItems(roots, new Set());
  return {
    roots,
    byPointer: new Map(all.map((item) => [item.node.pointer, item])),
    containers: all.filter((item) => !item.ref && item.type === 'object'),
  };
}

/**
 * The schema pointer of the field a pointer into the definition is about: the field itself or the nearest field
 * around it; the field a prefill or legal-basis entry names; the field a designer condition in its parent's `allOf`
 * governs. Undefined outside the form's fields.
 */
export function nearestField(definition: MatterDefinition, index: FieldsIndex, pointer: string | undefined): string | undefined {
  if (pointer === undefined || !pointer.startsWith('/form/')) return undefined;
  const entry = /^\/form\/(prefill|fieldBasis)\/(\d+)(\/|$)/.exec(pointer);
  if (entry) {
    const named = (definition.form?.[entry[1] as 'prefill' | 'fieldBasis'] ?? [])[Number(entry[2])]?.field;
    const at = typeof named === 'string' ? schemaPointerOf(definition, named) : undefined;
    return at !== undefined && index.byPointer.has(at) ? at : undefined;
  }
  for (let end = pointer.length; end > formSchemaPointer.length; end = pointer.lastIndexOf('/', end - 1)) {
    const candidate = pointer.slice(0, end);
    if (index.byPointer.has(candidate)) return candidate;
    const condition = /^(.*)\/allOf\/(\d+)$/.exec(candidate);
    if (condition) {
      const governed = readEntry(resolvePointer(definition, candidate));
      const at = governed && `${condition[1]}/properties/${escapeToken(governed.name)}`;
      if (at && index.byPointer.has(at)) return at;
    }
  }
  return undefined;
}

/** The items a keyboard walks through, in order: every item whose ancestors are all expanded. */
export function visibleItems(roots: readonly FieldItem[], collapsed: ReadonlySet<string>): FieldItem[] {
  const out: FieldItem[] = [];
  const walk = (items: readonly FieldItem[]) => {
    for (const item of items) {
      out.push(item);
      if (item.children.length && !collapsed.has(item.node.pointer)) walk(item.children);
    }
  };
  walk(roots);
  return out;
}

/** The schema pointers of the items around `pointer` (its ancestors), outermost first. */
export function ancestorsOf(index: FieldsIndex, pointer: string): string[] {
  const out: string[] = [];
  const tokens = parsePointer(pointer) ?? [];
  let at = '';
  for (const token of tokens.slice(0, -1)) {
    at += `/${escapeToken(token)}`;
    if (index.byPointer.has(at)) out.push(at);
  }
  return out;
}
