/**
 * One form for a bundle: each member's form under its key, and each fact asked once. A fact is a set of fields of
 * different members that hold the same value: listed in the bundle's `facts`, or prefilled from the same shared-data
 * item and value. The first member's field is kept; the others are dropped from their forms when their constraints
 * are the same (title and description aside). Different constraints are a problem naming both fields, and both stay:
 * a constraint is never weakened to make two fields one. A field one of its member's conditions looks at stays too.
 */
import { canonical } from '../json/equal.ts';
import { isObject, join, parsePointer } from '../json/pointer.ts';
import type { BundleDefinition, Form, MatterDefinition, Prefill } from '../model/index.ts';
import { problem, type Problem } from '../problems/index.ts';
import { mentions, prefixPointer, relocateRefs } from './conditions.ts';

type Json = Record<string, unknown>;

export interface ComposeMember {
  readonly key: string;
  readonly file: string;
  readonly definition: MatterDefinition;
}

interface FieldRef {
  readonly member: number;
  readonly field: string;
  /** Where the fact was listed: a pointer into the bundle, or undefined for one found through shared data. */
  readonly listedAt?: string;
}

export interface ComposedForm {
  readonly form: Form;
  /** Fields dropped because another member's field holds the same fact: `key` + pointer → the kept field (composed pointer). */
  readonly merged: ReadonlyMap<string, string>;
  readonly problems: Problem[];
}

const wording = new Set(['title', 'description', '$comment', 'examples']);
const withoutWording = (schema: unknown): unknown => (isObject(schema) ? Object.fromEntries(Object.entries(schema).filter(([k]) => !wording.has(k))) : schema);

/** The schema of the field at a data pointer, through plain `properties` only, with the pointer of its place. */
function fieldAt(schema: unknown, field: string): { node: Json; parent: Json; name: string; at: string } | undefined {
  const tokens = parsePointer(field);
  if (!tokens || tokens.length === 0) return undefined;
  let parent: unknown = schema;
  let at = '';
  for (let i = 0; i < tokens.length; i++) {
    const props = isObject(parent) ? parent.properties : undefined;
    if (!isObject(props) || !Object.hasOwn(props, tokens[i]!) || !isObject(props[tokens[i]!])) return undefined;
    if (i === tokens.length - 1) return { node: props[tokens[i]!] as Json, parent: parent as Json, name: tokens[i]!, at: join(at, 'properties', tokens[i]!) };
    at = join(at, 'properties', tokens[i]!);
    parent = props[tokens[i]!];
  }
  return undefined;
}

// Every condition a member holds over its own data, with the data path it applies at.
function conditionsOf(def: MatterDefinition): { base: string[]; condition: unknown }[] {
  const out: { base: string[]; condition: unknown }[] = [];
  for (const m of def.materials) if (m.when) out.push({ base: [], condition: m.when });
  for (const f of def.fees) for (const c of [f.when, f.waivedWhen]) if (c) out.push({ base: [], condition: c });
  const walkSchema = (node: unknown, base: string[], depth: number): void => {
    if (!isObject(node) || depth > 32) return;
    if (node.if !== undefined) out.push({ base, condition: node.if });
    if (isObject(node.properties)) for (const [k, v] of Object.entries(node.properties)) walkSchema(v, [...base, k], depth + 1);
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) if (Array.isArray(node[k])) for (const s of node[k] as unknown[]) walkSchema(s, base, depth + 1);
    for (const k of ['then', 'else', 'not'] as const) walkSchema(node[k], base, depth + 1);
  };
  walkSchema(def.form.schema, [], 0);
  const walkGuards = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(node)) node.forEach((n) => walkGuards(n, depth + 1));
    else if (isObject(node)) {
      if (node.type === 'dataMatches' && isObject(node.params)) out.push({ base: [], condition: node.params.when });
      else if (node.type === 'olderThan' && isObject(node.params) && typeof node.params.field === 'string') {
        const tokens = parsePointer(node.params.field) ?? [];
        // a field compared by age: as a condition that requires it
        out.push({ base: tokens.slice(0, -1), condition: { required: tokens.slice(-1) } });
      } else for (const v of Object.values(node)) walkGuards(v, depth + 1);
    }
  };
  walkGuards(def.process, 0);
  return out;
}

function usedByConditions(def: MatterDefinition, field: string): boolean {
  const tokens = parsePointer(field) ?? [];
  return conditionsOf(def).some(({ base, condition }) => base.every((t, i) => tokens[i] === t) && base.length <= tokens.length && mentions(condition, tokens.slice(base.length)));
}

/** The facts to merge: the bundle's own, then the fields prefilled from one shared-data item and value. */
function factsOf(bundle: BundleDefinition, members: readonly ComposeMember[]): FieldRef[][] {
  const index = new Map(members.map((m, i) => [m.key, i]));
  const facts: FieldRef[][] = (bundle.facts ?? []).map((fact, i) =>
    fact.fields.flatMap((f, j) => (index.has(f.member) ? [{ member: index.get(f.member)!, field: f.field, listedAt: join('/facts', i, 'fields', j) }] : [])),
  );
  const bySource = new Map<string, FieldRef[]>();
  members.forEach((m, i) => {
    for (const p of m.definition.form.prefill ?? []) {
      const source = `${p.item}\u0000${p.value}`;
      bySource.set(source, [...(bySource.get(source) ?? []), { member: i, field: p.field }]);
    }
  });
  for (const refs of bySource.values()) if (new Set(refs.map((r) => r.member)).size > 1) facts.push(refs);
  // facts sharing a field are one fact (the child's name typed in one member, prefilled in three others), its
  // fields in the members' order: the first member's is kept
  const groups: FieldRef[][] = [];
  const groupOf = new Map<string, FieldRef[]>();
  for (const fact of facts) {
    const touching = [...new Set(fact.map((r) => groupOf.get(`${r.member}${r.field}`)).filter((g): g is FieldRef[] => g !== undefined))];
    const group = touching[0] ?? [];
    if (touching.length === 0) groups.push(group);
    for (const other of touching.slice(1)) {
      group.push(...other);
      groups.splice(groups.indexOf(other), 1);
    }
    group.push(...fact);
    for (const r of group) groupOf.set(`${r.member}${r.field}`, group);
  }
  return groups.map((g) => {
    const seen = new Set<string>();
    // a field listed twice is reported (if missing) where the bundle lists it
    return [...g].sort((a, b) => a.member - b.member || Number(b.listedAt !== undefined) - Number(a.listedAt !== undefined)).filter((r) => !seen.has(`${r.member}${r.field}`) && seen.add(`${r.member}${r.field}`));
  });
}

export function composeForm(bundle: BundleDefinition, bundleFile: string, members: readonly ComposeMember[]): ComposedForm {
  const problems: Problem[] = [];
  const schemas = members.map((m) => structuredClone(m.definition.form.schema) as Json);
  const uis = members.map((m) => structuredClone((m.definition.form.uiSchema ?? {}) as Json));
  const removed = new Map<string, string>(); // member key + field → kept composed pointer
  const isRemoved = (member: number, field: string) => removed.has(`${members[member]!.key}${field}`);

  for (const fact of factsOf(bundle, members)) {
    // the kept field: the first listed one that exists and is not itself merged away
    let kept: (FieldRef & { at: ReturnType<typeof fieldAt> }) | undefined;
    for (const ref of fact) {
      const at = fieldAt(schemas[ref.member], ref.field);
      if (!at) {
        if (ref.listedAt) problems.push(problem('bundle.fact-field-missing', bundleFile, ref.listedAt, { member: members[ref.member]!.key, field: ref.field }));
        continue;
      }
      if (isRemoved(ref.member, ref.field)) continue;
      if (!kept) {
        kept = { ...ref, at };
        continue;
      }
      if (ref.member === kept.member) continue;
      const member = members[ref.member]!;
      const other = members[kept.member]!;
      if (canonical(withoutWording(at.node)) !== canonical(withoutWording(kept.at!.node))) {
        problems.push(problem('bundle.fact-conflict', member.file, `/form/schema${at.at}`, {
          member: member.key, field: ref.field, otherMember: other.key, otherField: kept.field, otherFile: other.file, otherPointer: `/form/schema${kept.at!.at}`,
        }));
        continue;
      }
      if (usedByConditions(member.definition, ref.field)) continue;
      // required in either: required in the kept one (a merge never makes a field optional)
      const requiredHere = Array.isArray(at.parent.required) && at.parent.required.includes(at.name);
      const keptParent = kept.at!.parent;
      if (requiredHere && !(Array.isArray(keptParent.required) && keptParent.required.includes(kept.at!.name))) keptParent.required = [...((keptParent.required as string[] | undefined) ?? []), kept.at!.name];
      delete (at.parent.properties as Json)[at.name];
      if (Array.isArray(at.parent.required)) at.parent.required = at.parent.required.filter((n) => n !== at.name);
      dropUi(uis[ref.member]!, ref.field);
      // (a prefilled copy does not make the kept field prefilled: the first member asks it as it asks it — a
      // newborn's name is typed for the birth certificate before any register holds it)
      removed.set(`${member.key}${ref.field}`, prefixPointer(other.key, kept.field));
    }
  }

  // an object whose every field another member asks is gone too (no empty box on the form), unless a condition reads it
  members.forEach((m, i) => pruneEmptied(schemas[i]!, uis[i]!, m.definition, m.definition.form.schema, ''));

  const properties: Json = {};
  members.forEach((m, i) => {
    const { $schema: _s, $id: _i, ...schema } = relocateRefs(schemas[i], m.key) as Json;
    properties[m.key] = { ...schema, title: m.definition.title.zh, description: m.definition.title.en };
  });
  const uiSchema: Json = { 'ui:order': members.map((m) => m.key) };
  members.forEach((m, i) => {
    if (Object.keys(uis[i]!).length > 0) uiSchema[m.key] = uis[i];
  });
  const prefill: Prefill[] = [
    ...members.flatMap((m, i) => (m.definition.form.prefill ?? []).filter((p) => !isRemoved(i, p.field)).map((p) => ({ ...p, field: prefixPointer(m.key, p.field) }))),
  ];
  const form: Form = {
    schema: { type: 'object', title: bundle.title.zh, description: bundle.title.en, additionalProperties: false, required: members.map((m) => m.key), properties },
    uiSchema,
    ...(prefill.length > 0 ? { prefill } : {}),
  };
  return { form, merged: removed, problems };
}

// Drops a field's uiSchema entry and its name from its parent's ui:order.
function dropUi(ui: Json, field: string): void {
  const tokens = parsePointer(field) ?? [];
  let node: unknown = ui;
  for (const t of tokens.slice(0, -1)) node = isObject(node) ? node[t] : undefined;
  if (!isObject(node)) return;
  const name = tokens.at(-1)!;
  delete node[name];
  if (Array.isArray(node['ui:order'])) node['ui:order'] = (node['ui:order'] as unknown[]).filter((n) => n !== name);
}

// Drops the objects a merge emptied (they had fields, now have none), depth first, with their uiSchema entries.
function pruneEmptied(node: Json, ui: Json, def: MatterDefinition, original: unknown, path: string): void {
  const props = isObject(node.properties) ? node.properties : undefined;
  const before = isObject(original) && isObject(original.properties) ? original.properties : undefined;
  if (!props || !before) return;
  for (const [name, child] of Object.entries(props)) {
    if (!isObject(child)) continue;
    const field = `${path}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    pruneEmptied(child, isObject(ui[name]) ? (ui[name] as Json) : {}, def, before[name], field);
    const had = isObject(before[name]) && isObject((before[name] as Json).properties) && Object.keys((before[name] as Json).properties as Json).length > 0;
    if (had && isObject(child.properties) && Object.keys(child.properties).length === 0 && !usedByConditions(def, field)) {
      delete props[name];
      if (Array.isArray(node.required)) node.required = node.required.filter((n) => n !== name);
      dropUi(ui, `/${name}`);
    }
  }
}
