/**
 * The service section's uiSchema, derived from the meta-schema it renders: every element the meta-schema declares gets
 * its label and help in the page's language (designer/i18n.ts: by element path such as `timeLimit/unit`, else its last
 * two names, else its own name), what an empty box means where that says something (no statutory limit), option
 * labels for every enum, checkboxes for sets of options, and the situation editor for every condition (情形). A new
 * element of the format shows up with no code here; a test names any element that lacks its Chinese words. Pure: no
 * React.
 */
import type { UiSchema } from '@rjsf/utils';
import { isObject, resolvePointer } from '../../engine/json/pointer.ts';
import type { Texts } from '../i18n.ts';

type Schema = Record<string, unknown>;
type Ui = Record<string, unknown>;

/** The rjsf field (see ServiceSection's `fields`) that edits a condition. */
export const situationFieldName = 'situation';
/** The rjsf field that draws nothing: for an element the situation editor draws beside its condition. */
export const besideSituationFieldName = 'besideSituation';
/** Elements the situation editor of a sibling condition draws: a fee's waiver reason, with its waiver. */
const besideSituation: Readonly<Record<string, string>> = { waiverReason: 'waivedWhen' };
const conditionRef = '#/$defs/condition';
const maxDepth = 16;

/** Words the walk looked up, by kind — what a test checks for gaps. */
export interface Lookups {
  readonly labels: string[];
  readonly help: string[];
  readonly values: string[];
}

/** The key chain for a path: the whole path, its last two names, its last name. */
export const keysOf = (path: readonly string[]): string[] => [...new Set([path.join('/'), path.slice(-2).join('/'), path.at(-1) ?? ''])];

const lookup = (table: Readonly<Record<string, string>>, keys: readonly string[]): string | undefined => keys.map((k) => table[k]).find((v) => v !== undefined);

/**
 * The uiSchema of `schema` (the service part of the meta-schema, with its `$defs`) in the language of `t`; with
 * `missing`, records the elements whose label, help or option label `t` lacks (help only where the meta-schema has a
 * description to replace).
 */
export function serviceUiSchema(schema: Schema, t: Texts, order: readonly string[], missing?: Lookups): UiSchema {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const ui: Ui = { 'ui:submitButtonOptions': { norender: true }, 'ui:order': [...order.filter((k) => Object.hasOwn(properties, k)), '*'] };
  for (const [name, child] of Object.entries(properties)) ui[name] = walk(child, [name], schema, t, missing, 0);
  return ui as UiSchema;
}

function walk(node: unknown, path: readonly string[], root: Schema, t: Texts, missing: Lookups | undefined, depth: number): Ui {
  if (!isObject(node) || depth > maxDepth) return {};
  // a condition: the situation editor draws it whole, with its own words
  if (node.$ref === conditionRef) return { 'ui:field': situationFieldName };
  const ui: Ui = {};
  const keys = keysOf(path);
  const resolved = resolve(node, root);
  const label = lookup(t.elements, keys);
  if (label !== undefined) ui['ui:title'] = label;
  else missing?.labels.push(path.join('/'));
  if (typeof resolved.description === 'string') {
    const help = lookup(t.elementHelp, keys);
    if (help !== undefined) ui['ui:description'] = help;
    else if (Object.keys(t.elementHelp).length > 0) missing?.help.push(path.join('/'));
  }
  const placeholder = lookup(t.elementPlaceholders, keys);
  if (placeholder !== undefined) ui['ui:placeholder'] = placeholder;
  if (Array.isArray(resolved.enum)) ui['ui:enumNames'] = enumNames(resolved.enum, path, t, missing);
  if (isObject(resolved.properties)) {
    const properties = resolved.properties;
    for (const [name, child] of Object.entries(properties)) {
      const beside = besideSituation[name];
      ui[name] = beside !== undefined && isObject(properties[beside]) && properties[beside].$ref === conditionRef
        ? { 'ui:field': besideSituationFieldName }
        : walk(child, [...path, name], root, t, missing, depth + 1);
    }
  }
  if (isObject(resolved.items)) {
    const items = resolve(resolved.items, root);
    if (Array.isArray(items.enum) && resolved.uniqueItems === true) {
      // a set of options: checkboxes, labelled like the options of one
      ui['ui:widget'] = 'checkboxes';
      ui.items = { 'ui:enumNames': enumNames(items.enum, path, t, missing) };
    } else {
      const item = walk(resolved.items, path, root, t, missing, depth + 1);
      // an item is named as one of its list (`fees/-`: 收费项目), not by the list's own label and help
      const { 'ui:title': _title, 'ui:description': _help, ...rest } = item;
      const one = lookup(t.elements, [`${path.join('/')}/-`, `${path.at(-1)}/-`]);
      if (one !== undefined) rest['ui:title'] = one;
      else if (typeof items.title === 'string') missing?.labels.push(`${path.join('/')}/-`);
      ui.items = rest;
    }
  }
  return ui;
}

function enumNames(values: readonly unknown[], path: readonly string[], t: Texts, missing: Lookups | undefined): Record<string, string> {
  const name = path.at(-1) ?? '';
  return Object.fromEntries(values.map((v) => {
    const label = t.elementValues[`${name}:${String(v)}`] ?? t.elementValues[String(v)];
    if (label === undefined) missing?.values.push(`${path.join('/')}:${String(v)}`);
    return [String(v), label ?? String(v)];
  }));
}

// A schema with its local `$ref`s followed (their siblings win, as rjsf merges them).
function resolve(node: Schema, root: Schema): Schema {
  let out = node;
  for (let hops = 0; hops < 8 && typeof out.$ref === 'string' && out.$ref.startsWith('#/'); hops++) {
    const target = resolvePointer(root, out.$ref.slice(1));
    if (!isObject(target)) break;
    const { $ref: _ref, ...siblings } = out;
    out = { ...target, ...siblings };
  }
  return out;
}
