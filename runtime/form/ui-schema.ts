/**
 * Builds the rjsf uiSchema of a matter's form: titles and descriptions per locale, verified (locked) fields read-only,
 * merged with the definition's own uiSchema. Pure: no React.
 */
import { isObject, parsePointer, resolvePointer } from '../../engine/json/pointer.ts';
import { messages, type Locale } from './messages.ts';
import { sharedOrigin } from './render-schema.ts';

/** The `$id` of the shared schema of administrative division codes: its fields get the region picker, never a text box. */
export const divisionCodeSchemaId = 'https://onematter.dev/schemas/shared/division-code.json';
/** The widget name (MatterForm registers region-picker.tsx under it). */
export const regionWidget = 'region';

/** A uiSchema node: `ui:*` options plus one child node per property name (or `items`). */
export type UiNode = Record<string, unknown>;

/** The uiSchema option rjsf passes through to templates as `options.verified`: the marker's text. */
export const verifiedOption = 'ui:verified';

/** What buildUiSchema needs besides the schema. */
export interface UiSchemaOptions {
  locale: Locale;
  /** Data pointers (e.g. `/applicant/name`) of fields whose values were verified from shared data. */
  locked?: readonly string[];
  /** The definition's own `form.uiSchema`; it wins over the generated titles, but cannot unlock a verified field. */
  authored?: UiNode;
}

type Schema = Record<string, unknown>;

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * Picks a schema node's label and description for `locale`. The catalogue writes `title` in Chinese and often puts the
 * English label in `description`; a text counts as Chinese when it holds CJK characters.
 */
export function localizedText(title: unknown, description: unknown, locale: Locale): { title?: string; description?: string } {
  const t = text(title);
  const d = text(description);
  const wanted = (s: string | undefined) => s !== undefined && cjk.test(s) === (locale === 'zh');
  const label = wanted(t) ? t : wanted(d) ? d : (t ?? d);
  const detail = wanted(d) && d !== label ? d : undefined;
  return { ...(label !== undefined && { title: label }), ...(detail !== undefined && { description: detail }) };
}

/** Builds the uiSchema for `schema` (shared `$ref`s already inlined): localized text, authored options, locked fields. */
export function buildUiSchema(schema: Schema, options: UiSchemaOptions): UiNode {
  const generated = walk(schema, schema, options.locale, []);
  const merged = localizeOptionLabels(options.authored ? mergeUiSchema(generated, options.authored) : generated, options.locale, 0);
  const marker = messages[options.locale].verified;
  let out = merged;
  for (const pointer of options.locked ?? []) {
    const path = uiPath(schema, pointer);
    if (path) out = setAt(out, path, { 'ui:readonly': true, [verifiedOption]: marker });
  }
  return out;
}

/**
 * The uiSchema with bilingual option labels in `locale`. A definition labels an `enum`'s values in its uiSchema with
 * rjsf's `ui:enumNames`, each label `{ zh, en }` (or one string for both), keyed by value or listed in `enum` order;
 * rjsf gets plain strings. The labels live beside the schema, so its `enum` (what the diff, the review and the
 * designer's options read) stays as it was.
 */
export function localizeOptionLabels(ui: UiNode, locale: Locale, depth: number): UiNode {
  if (depth > 64) return ui;
  const out: UiNode = {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === 'ui:enumNames' && (Array.isArray(value) || isObject(value))) {
      const pick = (label: unknown) => (isObject(label) ? (text(label[locale]) ?? text(label.zh) ?? text(label.en) ?? '') : label);
      out[key] = Array.isArray(value) ? value.map(pick) : Object.fromEntries(Object.entries(value).map(([v, label]) => [v, pick(label)]));
    } else out[key] = isObject(value) && !key.startsWith('ui:') ? localizeOptionLabels(value, locale, depth + 1) : value;
  }
  return out;
}

/** Deep-merges uiSchema `b` over `a`: objects merge key by key, anything else (arrays included) from `b` wins. */
export function mergeUiSchema(a: UiNode, b: UiNode): UiNode {
  const out: UiNode = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = isObject(prev) && isObject(value) ? mergeUiSchema(prev, value) : value;
  }
  return out;
}

/**
 * The uiSchema path of a data pointer: property names as they are, array indices as `items` (rjsf's uiSchema has one
 * entry for all items of an array). Undefined for a malformed pointer or the root.
 */
export function uiPath(schema: Schema, pointer: string): string[] | undefined {
  const tokens = parsePointer(pointer);
  if (!tokens || tokens.length === 0) return undefined;
  const path: string[] = [];
  let node: unknown = schema;
  for (const token of tokens) {
    node = deref(node, schema);
    if (isArraySchema(node) && /^(0|[1-9][0-9]*)$/.test(token)) {
      path.push('items');
      node = isObject(node) ? node.items : undefined;
    } else {
      path.push(token);
      node = propertySchema(node, token, schema);
    }
  }
  return path;
}

/** The localized label of the field at a data pointer in a built uiSchema (for error summaries), if it has one. */
export function fieldLabel(schema: Schema, uiSchema: UiNode, pointer: string): string | undefined {
  let node: unknown = uiSchema;
  for (const key of uiPath(schema, pointer) ?? []) node = isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  return isObject(node) && typeof node['ui:title'] === 'string' ? node['ui:title'] : undefined;
}

function walk(node: unknown, root: Schema, locale: Locale, refs: readonly string[]): UiNode {
  if (!isObject(node)) return {}; // boolean schema
  let ui: UiNode = {};
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#') && !refs.includes(ref)) {
    ui = walk(resolvePointer(root, ref.slice(1)), root, locale, [...refs, ref]);
  }
  const own = localizedText(node.title, node.description, locale);
  if (sharedOrigin(node) === divisionCodeSchemaId) Object.assign(ui, { 'ui:widget': regionWidget, 'ui:locale': locale });
  if (own.title !== undefined) ui['ui:title'] = own.title;
  if (own.description !== undefined) ui['ui:description'] = own.description;
  if (isObject(node.properties)) {
    for (const [name, sub] of Object.entries(node.properties)) {
      ui[name] = mergeUiSchema(isObject(ui[name]) ? ui[name] : {}, walk(sub, root, locale, refs));
    }
  }
  // subschemas that rjsf folds into this field: their properties are this field's, their own titles are not
  const folded = [...list(node.allOf), node.then, node.else, ...Object.values(isObject(node.dependentSchemas) ? node.dependentSchemas : {})];
  for (const sub of folded) {
    const { 'ui:title': _t, 'ui:description': _d, ...fields } = walk(sub, root, locale, refs);
    ui = mergeUiSchema(ui, fields);
  }
  if (isObject(node.items)) ui.items = walk(node.items, root, locale, refs);
  if (isObject(node.additionalProperties)) ui.additionalProperties = walk(node.additionalProperties, root, locale, refs);
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key])) ui[key] = (node[key] as unknown[]).map((option) => walk(option, root, locale, refs));
  }
  return ui;
}

/** A property's schema in an object schema (its own `properties`, or those `allOf`, `then` and `else` add), if any. */
export function propertySchema(node: unknown, name: string, root: Schema): unknown {
  if (!isObject(node)) return undefined;
  if (isObject(node.properties) && Object.hasOwn(node.properties, name) && isObject(node.properties[name])) return node.properties[name];
  for (const sub of [...list(node.allOf), node.then, node.else]) {
    const found = propertySchema(deref(sub, root), name, root);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A schema with its local `$ref`s followed (at most 32 hops). */
export function deref(node: unknown, root: Schema): unknown {
  for (let hops = 0; hops < 32 && isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#'); hops++) {
    const target = resolvePointer(root, node.$ref.slice(1));
    if (!isObject(target)) return node;
    node = target;
  }
  return node;
}

const isArraySchema = (node: unknown): boolean =>
  isObject(node) && (node.type === 'array' || (Array.isArray(node.type) && node.type.includes('array')) || 'items' in node);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function setAt(ui: UiNode, path: readonly string[], options: UiNode): UiNode {
  const [head, ...rest] = path;
  if (head === undefined) return { ...ui, ...options };
  const child = isObject(ui[head]) ? ui[head] : {};
  return { ...ui, [head]: setAt(child, rest, options) };
}
