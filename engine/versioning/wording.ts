/**
 * A definition without its wording: the texts people read that change nothing a case does — titles, summaries,
 * descriptions, the names of materials, fees, outputs, roles and steps, form titles and help texts. Two versions
 * equal without their wording differ in wording only (a patch).
 */
import { isObject } from '../json/pointer.ts';

// Where a form schema holds subschemas (titles inside `enum`, `const` or `default` data are data, not wording).
const subschema = ['not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];
const subschemaList = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const subschemaMap = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
/** The wording keywords of a form schema. */
export const schemaWording = ['title', 'description', '$comment'] as const;
/** The wording options of an rjsf uiSchema (`ui:title`, …; bare inside `ui:options`). */
export const uiWording = ['title', 'description', 'help', 'placeholder', 'enumNames'] as const;

/** A copy of `definition` without its wording and without `version`. */
export function withoutWording(definition: unknown): unknown {
  const d = structuredClone(definition) as Record<string, unknown>;
  if (!isObject(d)) return d;
  for (const key of ['version', 'title', 'summary', 'visitReason']) delete d[key];
  dropMember(d.region, 'name');
  for (const list of ['materials', 'fees', 'outputs', 'roles']) for (const e of arrayAt(d, list)) dropMember(e, 'name');
  for (const l of arrayAt(d, 'legalBasis')) dropMember(l, 'title');
  // a department known by its code is renamed, not replaced
  if (isObject(d.department) && typeof d.department.code === 'string') delete d.department.name;
  if (isObject(d.process)) {
    delete d.process.description;
    for (const spec of isObject(d.process.on) ? Object.values(d.process.on) : []) dropDescriptions(spec);
    stripStates(d.process.states, 0);
  }
  if (isObject(d.form)) {
    stripSchema(d.form.schema, 0);
    stripUi(d.form.uiSchema, 0);
  }
  return d;
}

/** A uiSchema without its wording (for telling a relabelled form from a rearranged one). */
export function uiWithoutWording(ui: unknown): unknown {
  const copy = structuredClone(ui);
  stripUi(copy, 0);
  return copy;
}

const arrayAt = (d: Record<string, unknown>, key: string): unknown[] => (Array.isArray(d[key]) ? (d[key] as unknown[]) : []);
const dropMember = (v: unknown, key: string) => {
  if (isObject(v)) delete v[key];
};

// The states at every depth (nested and parallel ones included): their descriptions, step names and the
// descriptions of their transitions (events, delays, eventless and onDone alike).
function stripStates(states: unknown, depth: number): void {
  if (!isObject(states) || depth > 64) return;
  for (const state of Object.values(states)) {
    if (!isObject(state)) continue;
    delete state.description;
    dropMember(state.meta, 'step');
    for (const key of ['on', 'after']) for (const spec of isObject(state[key]) ? Object.values(state[key] as object) : []) dropDescriptions(spec);
    dropDescriptions(state.always);
    dropDescriptions(state.onDone);
    stripStates(state.states, depth + 1);
  }
}

const dropDescriptions = (spec: unknown) => {
  for (const t of Array.isArray(spec) ? spec : [spec]) dropMember(t, 'description');
};

function stripSchema(node: unknown, depth: number): void {
  if (!isObject(node) || depth > 64) return;
  for (const k of schemaWording) delete node[k];
  for (const k of subschema) stripSchema(node[k], depth + 1);
  for (const k of subschemaList) if (Array.isArray(node[k])) for (const s of node[k] as unknown[]) stripSchema(s, depth + 1);
  for (const k of subschemaMap) if (isObject(node[k])) for (const s of Object.values(node[k] as object)) stripSchema(s, depth + 1);
}

function stripUi(node: unknown, depth: number): void {
  if (!isObject(node) || depth > 64) return;
  for (const k of uiWording) delete node[`ui:${k}`];
  if (isObject(node['ui:options'])) for (const k of uiWording) delete (node['ui:options'] as Record<string, unknown>)[k];
  for (const [k, v] of Object.entries(node)) if (k !== 'ui:options') stripUi(v, depth + 1);
}
