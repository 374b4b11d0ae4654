/** What a definition asks of the applicant, counted the same way everywhere (catalogue table, diff, score). */
import { isObject, join } from '../json/pointer.ts';
import { refTarget } from '../form/refs.ts';
import { comparableOne } from '../diff/shape/index.ts';
import { supplied } from '../diff/materials/match.ts';
import { groupsOf, situationFactor } from '../diff/materials/weigh.ts';
import { inWorkingDays, unitOf } from '../diff/time.ts';
import type { Material } from '../model/index.ts';
import { humanStepCount } from '../diff/rules/process/steps.ts';

export interface BurdenMetrics {
  /**
   * Materials the applicant must supply (required or tolerated-missing, not fetched through shared data), counted
   * as the diff weighs them: one asked only in some situations counts `weights.conditional` (½), and a one-of group
   * counts once, as its lightest member (0 when an alternative need not be brought: fetched, optional or exempted).
   */
  readonly materials: number;
  /** Materials waived because shared data supplies them. */
  readonly waivedMaterials: number;
  /** Leaf fields the applicant types (prefilled and locked fields excluded). */
  readonly fieldsTyped: number;
  /** Leaf fields prefilled and locked from shared data. */
  readonly fieldsPrefilled: number;
  /**
   * Process states where a person acts, at any depth: atomic (not final, not a compound or parallel state, whose
   * children are the steps), and not automatic (a state with no role that decides itself, 秒批). The regions of a
   * parallel state count each of their steps: the diff weighs the wait they save (`process.parallel`).
   */
  readonly humanSteps: number;
  /** The promised time limit in working days (calendar days × 5/7), to two decimals. */
  readonly promisedDays: number;
  readonly visits: number;
  /**
   * Fees in CNY charged whatever the situation: fees without a `when` (a fee that can be waived counts in full, a
   * waiver being the exception). Fees due only in some situations are left out: they are not what every applicant pays.
   */
  readonly fees: number;
}

const none: BurdenMetrics = { materials: 0, waivedMaterials: 0, fieldsTyped: 0, fieldsPrefilled: 0, humanSteps: 0, promisedDays: 0, visits: 0, fees: 0 };

/**
 * Counts a definition's burden metrics. Total: a draft that is not valid yet counts what is well-formed (the parts
 * a diff would compare); anything that is not an object counts nothing.
 */
export function burdenMetrics(definition: unknown): BurdenMetrics {
  const def = comparableOne(definition);
  if (!def) return none;
  const locked = new Set((def.form.prefill ?? []).filter((p) => p.locked !== false).map((p) => p.field));
  const leaves = leafFields(def.form.schema, def.form.schema);
  const fieldsPrefilled = leaves.filter((f) => locked.has(f)).length;
  const promised = def.timeLimit.promisedDays ?? 0; // absent only in a draft
  return {
    materials: materialCount(def.materials, groupsOf(def).values()),
    waivedMaterials: def.materials.filter((m) => m.source === 'shared-data').length,
    fieldsTyped: leaves.length - fieldsPrefilled,
    fieldsPrefilled,
    humanSteps: humanStepCount(def.process),
    promisedDays: Math.round(inWorkingDays(promised, unitOf(def.timeLimit)) * 100) / 100,
    visits: def.visits ?? 0,
    fees: def.fees.reduce((sum, f) => sum + (f.when === undefined ? f.amount : 0), 0),
  };
}

// Ungrouped materials the applicant supplies, each counted for its share of situations, plus each one-of group,
// counted as its lightest alternative.
function materialCount(materials: readonly Material[], groups: Iterable<{ members: readonly { material: Material }[] }>): number {
  let n = 0;
  for (const m of materials) if (m.oneOfGroup === undefined && supplied(m)) n += situationFactor(m.when);
  // an alternative the applicant need not bring (fetched, optional or exempted) satisfies the group at no cost
  for (const g of groups) n += Math.min(...g.members.map(({ material: m }) => (supplied(m) ? situationFactor(m.when) : 0)));
  return n;
}

// Data paths of the leaf properties (non-object values) of an object schema. Local $refs (pointer or anchor) are
// followed, except into a schema already being expanded: a recursive schema counts its recursion as one leaf.
function leafFields(schema: unknown, root: unknown, prefix = '', depth = 0, expanding: readonly unknown[] = []): string[] {
  if (!isObject(schema) || depth > 32) return [];
  const local = typeof schema.$ref === 'string' && schema.$ref.startsWith('#');
  const node = local ? refTarget(schema.$ref as string, root, noShared)?.node : schema;
  if (!isObject(node) || !isObject(node.properties) || expanding.includes(node)) return prefix === '' ? [] : [prefix];
  const inside = [...expanding, node];
  return Object.entries(node.properties).flatMap(([name, child]) => leafFields(child, root, join(prefix, name), depth + 1, inside));
}

const noShared: ReadonlyMap<string, unknown> = new Map();
