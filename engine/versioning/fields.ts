/** Looking up a form field's subschema by its data path, through `$ref`s, to ask what its parent object allows. */
import { refTarget } from '../form/refs.ts';
import { isObject } from '../json/pointer.ts';
import type { MatterDefinition } from '../model/index.ts';

type Schema = Readonly<Record<string, unknown>>;

/**
 * The effective subschema at data path `field` (`/applicant/name`, array items as `[]`) of a definition's form:
 * `$ref` targets merged under the node's own keywords, as the diff compares them. Undefined when it is not there.
 */
export function fieldSchema(definition: MatterDefinition, field: string, shared: ReadonlyMap<string, unknown>): Schema | undefined {
  let doc: unknown = definition.form.schema;
  let node = resolve(doc, doc, shared);
  for (const token of field === '' ? [] : field.slice(1).split('/')) {
    if (!node) return undefined;
    const name = token.replaceAll('~1', '/').replaceAll('~0', '~');
    const next = name === '[]' ? node.node.items : isObject(node.node.properties) && Object.hasOwn(node.node.properties, name) ? node.node.properties[name] : undefined;
    doc = node.doc;
    node = resolve(next, doc, shared);
  }
  return node?.node;
}

/** A node with its $ref chain followed (bounded), and the document its own $refs resolve against. */
export function resolve(raw: unknown, doc: unknown, shared: ReadonlyMap<string, unknown>): { node: Schema; doc: unknown } | undefined {
  if (raw === true) return { node: {}, doc };
  if (!isObject(raw)) return undefined;
  let node: Schema = raw;
  for (let hops = 0; typeof node.$ref === 'string' && hops < 16; hops++) {
    const target = refTarget(node.$ref, doc, shared);
    if (!target || !isObject(target.node)) break;
    const { $ref: _ref, ...siblings } = node;
    node = { ...target.node, ...siblings };
    doc = target.doc;
  }
  return { node, doc };
}

/** Whether an object schema lets through a member it does not list (open: no extra-property constraint at all). */
export const isOpen = (schema: Schema): boolean =>
  (schema.additionalProperties === undefined || schema.additionalProperties === true) &&
  (schema.unevaluatedProperties === undefined || schema.unevaluatedProperties === true) &&
  schema.propertyNames === undefined &&
  schema.patternProperties === undefined;

/** Whether an object schema requires member `name` (in `required`, or in one of its `allOf` subschemas). */
export const requires = (schema: Schema, name: string): boolean =>
  (Array.isArray(schema.required) && schema.required.includes(name)) ||
  (Array.isArray(schema.allOf) && schema.allOf.some((s) => isObject(s) && Array.isArray(s.required) && s.required.includes(name)));
