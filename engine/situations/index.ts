/**
 * Situations (情形): which materials and fees apply to one application. A material's or fee's `when` (and a fee's
 * `waivedWhen`) is a JSON Schema evaluated against the form data with the same ajv configuration the form is
 * validated with — no second expression language. Every consumer (guide, runtime, score, designer preview) asks here.
 */
import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createFormAjv } from '../form/ajv.ts';
import type { Fee, JsonObject, Material, MatterDefinition } from '../model/index.ts';

/** A material that applies to this application; `group` names its one-of group (supply at least one member). */
export interface DueMaterial {
  readonly material: Material;
  readonly conditional: boolean;
  readonly group: string | undefined;
}

/** A one-of group with at least one member due: satisfied by any one of `members`. */
export interface DueGroup {
  readonly id: string;
  readonly members: readonly string[];
  /** Whether the group must be satisfied: at least one applicable member is `required`. */
  readonly required: boolean;
}

/** A fee as it applies to this application: due (its `when` holds) and possibly waived (its `waivedWhen` holds). */
export interface DueFee {
  readonly fee: Fee;
  readonly waived: boolean;
}

export interface Situation {
  /** Materials that apply, in definition order (conditional ones whose condition fails are left out). */
  readonly materials: readonly DueMaterial[];
  /** One-of groups among the materials that apply. */
  readonly groups: readonly DueGroup[];
  /** Fees that apply, waived or not. */
  readonly fees: readonly DueFee[];
  /** What the applicant pays: the sum of the fees due and not waived, in yuan. */
  readonly amountDue: number;
}

/** What is still missing for an application, given the ids of materials supplied or waived. */
export interface Missing {
  /** Required materials that apply and are neither supplied nor in a satisfied group. */
  readonly materials: readonly string[];
  /** Required one-of groups none of whose applicable members is supplied. */
  readonly groups: readonly DueGroup[];
}

const cacheLimit = 2000;
const compiled = new Map<string, ValidateFunction | null>();
let ajv: ReturnType<typeof createFormAjv> | undefined;

function compile(condition: JsonObject): ValidateFunction | null {
  const key = JSON.stringify(condition);
  const hit = compiled.get(key);
  if (hit !== undefined) return hit;
  ajv ??= conditionAjv();
  let fn: ValidateFunction | null;
  try {
    fn = ajv.compile(standalone(condition));
  } catch {
    fn = null;
  }
  if (compiled.size >= cacheLimit) {
    compiled.clear();
    ajv = conditionAjv();
  }
  compiled.set(key, fn);
  return fn;
}

/**
 * Whether the situation `condition` describes holds for `data`; an absent condition always holds. A condition that
 * does not compile (the validator refuses such definitions: `condition.invalid`) counts as holding, so an unvalidated
 * definition asks for a material rather than silently dropping it.
 */
export function conditionHolds(condition: JsonObject | undefined, data: unknown): boolean {
  if (condition === undefined) return true;
  const fn = compile(condition);
  if (fn === null) return true;
  return fn(data ?? {}) === true;
}

/** Whether a condition compiles with the form ajv; the message of its compile error otherwise. */
export function conditionError(condition: JsonObject): string | undefined {
  ajv ??= conditionAjv();
  try {
    ajv.compile(standalone(condition));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * How a condition is decided: by default compiled here with the form ajv; a page that may not compile code (a strict
 * Content-Security-Policy) passes the same conditions precompiled, looked up by `pointer` (see conditionsOf).
 */
export type ConditionCheck = (condition: JsonObject, data: unknown, pointer: string) => boolean;

const compiledHere: ConditionCheck = (condition, data) => conditionHolds(condition, data);

/** The materials, one-of groups and fees that apply to an application with form data `data`. */
export function situationOf(definition: Pick<MatterDefinition, 'materials' | 'fees'>, data: unknown, holds: ConditionCheck = compiledHere): Situation {
  const check = (condition: JsonObject | undefined, pointer: string) => condition === undefined || holds(condition, data ?? {}, pointer);
  const materials: DueMaterial[] = [];
  const groups = new Map<string, { members: string[]; required: boolean }>();
  for (const [i, m] of definition.materials.entries()) {
    if (!check(m.when, `/materials/${i}/when`)) continue;
    materials.push({ material: m, conditional: m.when !== undefined, group: m.oneOfGroup });
    if (m.oneOfGroup === undefined) continue;
    const group = groups.get(m.oneOfGroup) ?? { members: [], required: false };
    groups.set(m.oneOfGroup, { members: [...group.members, m.id], required: group.required || m.necessity === 'required' });
  }
  const fees: DueFee[] = [];
  for (const [i, f] of definition.fees.entries()) {
    if (!check(f.when, `/fees/${i}/when`)) continue;
    fees.push({ fee: f, waived: f.waivedWhen !== undefined && check(f.waivedWhen, `/fees/${i}/waivedWhen`) });
  }
  const amountDue = Math.round(fees.reduce((s, f) => s + (f.waived ? 0 : f.fee.amount), 0) * 100) / 100;
  return { materials, groups: [...groups].map(([id, g]) => ({ id, ...g })), fees, amountDue };
}

/**
 * What an application still lacks: required materials that apply and are not in `have`, and one-of groups none of
 * whose applicable members is in `have`. A group is asked for when one of its applicable members is `required`.
 */
export function missingOf(situation: Situation, have: ReadonlySet<string>): Missing {
  const materials = situation.materials
    .filter((d) => d.group === undefined && d.material.necessity === 'required' && !have.has(d.material.id))
    .map((d) => d.material.id);
  const groups = situation.groups.filter((g) => g.required && !g.members.some((id) => have.has(id)));
  return { materials, groups };
}

/**
 * Every condition of a definition with its JSON Pointer, as it is compiled (without `$id` / `$schema`): what a
 * precompiler turns into code for a page that decides situations without compiling (see ConditionCheck).
 */
export function conditionsOf(definition: Pick<MatterDefinition, 'materials' | 'fees'>): { pointer: string; schema: JsonObject }[] {
  const out: { pointer: string; schema: JsonObject }[] = [];
  definition.materials.forEach((m, i) => m.when && out.push({ pointer: `/materials/${i}/when`, schema: standalone(m.when) }));
  definition.fees.forEach((f, i) => {
    if (f.when) out.push({ pointer: `/fees/${i}/when`, schema: standalone(f.when) });
    if (f.waivedWhen) out.push({ pointer: `/fees/${i}/waivedWhen`, schema: standalone(f.waivedWhen) });
  });
  return out;
}

/** The ajv conditions are compiled with (`source: true` for standalone code); the form's, with untyped keywords allowed. */
export const conditionAjv = (options: { readonly source?: boolean } = {}): Ajv2020 => createFormAjv([], { strictTypes: false, ...options });

// A condition is compiled on its own: an `$id` would register it globally, a `$schema` could switch dialect.
function standalone(condition: JsonObject): JsonObject {
  const { $id: _id, $schema: _schema, ...rest } = condition;
  return rest;
}
