/** What a definition asks of the applicant, counted the same way everywhere (catalogue table, diff, score). */
import { isObject, join } from '../json/pointer.ts';
import { refTarget } from '../form/refs.ts';
import { comparableOne } from '../diff/shape/index.ts';

export interface BurdenMetrics {
  /** Materials the applicant must supply (required or tolerated-missing, not fetched through shared data). */
  readonly materials: number;
  /** Materials waived because shared data supplies them. */
  readonly waivedMaterials: number;
  /** Leaf fields the applicant types (prefilled and locked fields excluded). */
  readonly fieldsTyped: number;
  /** Leaf fields prefilled and locked from shared data. */
  readonly fieldsPrefilled: number;
  /** Process states where a person acts. */
  readonly humanSteps: number;
  readonly promisedDays: number;
  readonly visits: number;
  /** Total fees in CNY. */
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
  const supplied = def.materials.filter((m) => m.necessity === 'required' || m.necessity === 'tolerated-missing');
  const locked = new Set((def.form.prefill ?? []).filter((p) => p.locked !== false).map((p) => p.field));
  const leaves = leafFields(def.form.schema, def.form.schema);
  const fieldsPrefilled = leaves.filter((f) => locked.has(f)).length;
  return {
    materials: supplied.filter((m) => m.source !== 'shared-data').length,
    waivedMaterials: def.materials.filter((m) => m.source === 'shared-data').length,
    fieldsTyped: leaves.length - fieldsPrefilled,
    fieldsPrefilled,
    humanSteps: Object.values(def.process.states).filter((s) => s && s.type !== 'final').length,
    promisedDays: def.timeLimit.promisedDays ?? 0, // absent only in a draft
    visits: def.visits ?? 0,
    fees: def.fees.reduce((sum, f) => sum + f.amount, 0),
  };
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
