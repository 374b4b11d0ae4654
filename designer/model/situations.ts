/**
 * Situations (情形) as the designer's condition builder edits them. A material's or fee's condition is a JSON Schema on
 * the form data (engine/situations); the builder writes one shape of it — a list of clauses that must all hold, each
 * on one field of the form:
 *
 *   { "properties": { "residence": { "properties": { "reason": { "const": "就业" } }, "required": ["reason"] } },
 *     "required": ["residence"] }
 *
 * Each level names the fields it descends into in `required` (a missing answer does not satisfy a clause), and a
 * field's clause is one keyword: `const` (is), `enum` (is one of), `minimum` (≥) or `maximum` (≤). Any other shape is
 * a hand-written condition: the builder leaves it alone (the view shows it described, and as JSON). Pure.
 */
import type { JsonObject, MatterDefinition } from '../../engine/index.ts';
import { escapeToken, isObject, parsePointer } from '../../engine/json/pointer.ts';
import { fieldTree, type FieldNode } from './fields.ts';
import { isOptionValue, type OptionValue } from './options.ts';

/** One clause of a situation: a field (data pointer) and what its answer must be. */
export type Clause =
  | { readonly field: string; readonly op: 'is'; readonly value: OptionValue }
  | { readonly field: string; readonly op: 'one-of'; readonly values: readonly OptionValue[] }
  | { readonly field: string; readonly op: 'at-least' | 'at-most'; readonly value: number };

export type ClauseOp = Clause['op'];

/** The keyword each operator writes. */
export const keywordOf: Readonly<Record<ClauseOp, string>> = { is: 'const', 'one-of': 'enum', 'at-least': 'minimum', 'at-most': 'maximum' };
const opOf: Readonly<Record<string, ClauseOp>> = { const: 'is', enum: 'one-of', minimum: 'at-least', maximum: 'at-most' };

/** Where a condition may sit: a material's `when`, a fee's `when` or `waivedWhen`. */
export const situationTarget = /^\/(materials|fees)\/(0|[1-9][0-9]*)\/(when|waivedWhen)$/;

/** A builder's clause cannot be written (no such field shape, or a second clause of one kind on one field). */
export class SituationError extends Error {
  override name = 'SituationError';
}

/** The clauses of a condition the builder can show, in the order of its fields; undefined for any other shape. */
export function readSituation(condition: unknown): Clause[] | undefined {
  if (!isObject(condition)) return undefined;
  if (Object.keys(condition).length === 0) return [];
  const clauses: Clause[] = [];
  return readLevel(condition, '', clauses) ? clauses : undefined;
}

// A level of nested fields: `properties` and `required` naming exactly those properties.
function readLevel(node: Record<string, unknown>, field: string, out: Clause[]): boolean {
  if (!Object.keys(node).every((k) => k === 'properties' || k === 'required') || !isObject(node.properties) || !Array.isArray(node.required)) return false;
  const names = Object.keys(node.properties);
  if (names.length === 0 || node.required.length !== names.length || !names.every((n) => (node.required as unknown[]).includes(n))) return false;
  for (const [name, sub] of Object.entries(node.properties)) {
    if (!isObject(sub)) return false;
    const child = `${field}/${escapeToken(name)}`;
    if (Object.hasOwn(sub, 'properties')) {
      if (!readLevel(sub, child, out)) return false;
    } else if (!readLeaf(sub, child, out)) return false;
  }
  return true;
}

function readLeaf(node: Record<string, unknown>, field: string, out: Clause[]): boolean {
  const keys = Object.keys(node);
  if (keys.length === 0 || !keys.every((k) => Object.hasOwn(opOf, k))) return false;
  for (const key of keys) {
    const value = node[key];
    if (key === 'const' && isOptionValue(value)) out.push({ field, op: 'is', value });
    else if (key === 'enum' && Array.isArray(value) && value.length > 0 && value.every(isOptionValue)) out.push({ field, op: 'one-of', values: value });
    else if ((key === 'minimum' || key === 'maximum') && typeof value === 'number' && Number.isFinite(value)) out.push({ field, op: opOf[key] as 'at-least' | 'at-most', value });
    else return false;
  }
  return true;
}

/** The condition that says `clauses` (all must hold); undefined for none. Throws SituationError on clauses that clash. */
export function situationSchema(clauses: readonly Clause[]): JsonObject | undefined {
  if (clauses.length === 0) return undefined;
  const root: Level = { properties: {}, required: [] };
  for (const clause of clauses) {
    const tokens = parsePointer(clause.field);
    if (!tokens || tokens.length === 0 || tokens.includes('-')) throw new SituationError(`${clause.field || '(the form)'} is not a field a situation can ask about`);
    let level = root;
    tokens.forEach((token, i) => {
      if (!level.required.includes(token)) level.required.push(token);
      const existing = level.properties[token];
      if (i < tokens.length - 1) {
        if (existing && !isLevel(existing)) throw new SituationError(`${clause.field}: a clause is already about ${tokens.slice(0, i + 1).join('/')} itself`);
        level = (existing as Level | undefined) ?? (level.properties[token] = { properties: {}, required: [] });
        return;
      }
      if (existing && isLevel(existing)) throw new SituationError(`${clause.field}: clauses are already about fields inside it`);
      const leaf = (existing as Record<string, unknown> | undefined) ?? (level.properties[token] = {});
      const keyword = keywordOf[clause.op];
      if (Object.hasOwn(leaf, keyword)) throw new SituationError(`${clause.field} has a clause of this kind already`);
      leaf[keyword] = clause.op === 'one-of' ? [...clause.values] : clause.value;
    });
  }
  return root as unknown as JsonObject;
}

interface Level {
  properties: Record<string, Level | Record<string, unknown>>;
  required: string[];
}
const isLevel = (node: unknown): node is Level => isObject(node) && Object.hasOwn(node, 'properties');

/** The pointer (below the condition) of the keyword that holds a clause's value: `/properties/a/properties/b/const`. */
export function clauseValuePath(clause: Pick<Clause, 'field' | 'op'>): string {
  const tokens = parsePointer(clause.field) ?? [];
  return `${tokens.map((t) => `/properties/${escapeToken(t)}`).join('')}/${keywordOf[clause.op]}`;
}

/** A form field a situation can ask about: a scalar answer, not inside a list. */
export interface SituationField {
  readonly node: FieldNode;
  readonly type: 'string' | 'integer' | 'number' | 'boolean';
}

const scalar = new Set(['string', 'integer', 'number', 'boolean']);

/** The form's fields a clause can be about, in tree order (their type declared inline: a shared `$ref` says it too). */
export function situationFields(definition: MatterDefinition): SituationField[] {
  const out: SituationField[] = [];
  const visit = (nodes: readonly FieldNode[]) => {
    for (const node of nodes) {
      if (node.name === '-') continue; // a list's items: a clause cannot say which item
      const type = node.schema.type;
      if (typeof type === 'string' && scalar.has(type)) out.push({ node, type: type as SituationField['type'] });
      visit(node.children);
    }
  };
  visit(fieldTree(definition));
  return out;
}

/** The operators that fit a field: yes/no fields are "is", numbers also ≥ and ≤, fields with options also "is one of". */
export function operatorsFor(type: SituationField['type'], hasOptions: boolean): ClauseOp[] {
  if (type === 'boolean') return ['is'];
  const ops: ClauseOp[] = hasOptions ? ['is', 'one-of'] : ['is'];
  return type === 'integer' || type === 'number' ? [...ops, 'at-least', 'at-most'] : ops;
}

/**
 * Where a renamed field's name appears in a condition: every `properties` member and `required` entry that names
 * `from` (a field's data pointer) — through nested `properties` and the combinators — as [pointer below the condition,
 * what it holds]. Renaming follows them: `properties` members by a rename, `required` entries by a set.
 */
export function namesInCondition(condition: unknown, from: string): { properties: string[]; required: string[] } {
  const tokens = parsePointer(from);
  const found = { properties: [] as string[], required: [] as string[] };
  if (!tokens || tokens.length === 0 || tokens.includes('-')) return found;
  const parents = tokens.slice(0, -1);
  const name = tokens.at(-1)!;
  const visit = (node: unknown, path: string, depth: number, budget: { left: number }) => {
    if (!isObject(node) || --budget.left < 0) return;
    if (depth === parents.length) {
      if (isObject(node.properties) && Object.hasOwn(node.properties, name)) found.properties.push(`${path}/properties/${escapeToken(name)}`);
      if (Array.isArray(node.required)) node.required.forEach((r, i) => r === name && found.required.push(`${path}/required/${i}`));
    } else if (isObject(node.properties) && Object.hasOwn(node.properties, parents[depth]!)) {
      visit(node.properties[parents[depth]!], `${path}/properties/${escapeToken(parents[depth]!)}`, depth + 1, budget);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((sub, i) => visit(sub, `${path}/${key}/${i}`, depth, budget));
    }
    if (isObject(node.not)) visit(node.not, `${path}/not`, depth, budget);
  };
  visit(condition, '', 0, { left: 500 });
  return found;
}

/** Every condition of a definition, with where it is: materials' `when`, fees' `when` and `waivedWhen`. */
export function situationsOf(definition: MatterDefinition): { pointer: string; condition: JsonObject }[] {
  const out: { pointer: string; condition: JsonObject }[] = [];
  (Array.isArray(definition.materials) ? definition.materials : []).forEach((m, i) => isObject(m?.when) && out.push({ pointer: `/materials/${i}/when`, condition: m.when }));
  (Array.isArray(definition.fees) ? definition.fees : []).forEach((f, i) => {
    if (isObject(f?.when)) out.push({ pointer: `/fees/${i}/when`, condition: f.when });
    if (isObject(f?.waivedWhen)) out.push({ pointer: `/fees/${i}/waivedWhen`, condition: f.waivedWhen });
  });
  return out;
}

/** The one-of groups of the materials, in order of first member, with their members' ids. */
export function oneOfGroups(definition: MatterDefinition): { id: string; members: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const m of Array.isArray(definition.materials) ? definition.materials : []) {
    if (typeof m?.oneOfGroup === 'string') groups.set(m.oneOfGroup, [...(groups.get(m.oneOfGroup) ?? []), m.id]);
  }
  return [...groups].map(([id, members]) => ({ id, members }));
}

/** A group id not taken yet: `group1`, `group2`… */
export function newGroupId(definition: MatterDefinition): string {
  const taken = new Set(oneOfGroups(definition).map((g) => g.id));
  let n = 1;
  while (taken.has(`group${n}`)) n++;
  return `group${n}`;
}
