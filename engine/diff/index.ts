/** diff(a, b): every semantic difference of definition `a` from definition `b`, classified for the applicant. */
import type { MatterDefinition } from '../model/index.ts';
import { isObject, parsePointer } from '../json/pointer.ts';
import { jsonEqual } from '../json/equal.ts';
import { documentLimits } from '../json/parse.ts';
import type { Change } from './change.ts';
import type { FixOp } from './fix.ts';
import { walkForms, type LockedFields, type WalkContext } from './form/walk.ts';
import { toChange, type Emit, type Finding, type RuleBase } from './rule.ts';
import { incomparable, incomparableRules } from './rules/incomparable.ts';
import { definitionRules, schemaRules } from './rules/index.ts';
import { comparablePair, type ComparablePair } from './shape/index.ts';

export type { Change, Area, Burden, ChangeKind } from './change.ts';
export type { FixOp } from './fix.ts';
export { applyFixes } from './fix.ts';
export { weights } from './weights.ts';

export interface DiffContext {
  /** The project's shared schemas by `$id`, so `$ref`s into them are compared by content. */
  readonly sharedSchemas?: ReadonlyMap<string, unknown>;
}

const noShared: ReadonlyMap<string, unknown> = new Map();
// A definition's locked prefills (one lookup per definition, a baseline's shared by its variants), looked up by
// scanning its (short) prefill list: cheaper than building a set for the few fields a diff asks about. A draft's
// list may be huge: then a set.
const lockedCache = new WeakMap<MatterDefinition, LockedFields>();
function lockedIn(d: MatterDefinition): LockedFields {
  let locked = lockedCache.get(d);
  if (!locked) lockedCache.set(d, (locked = lockedOf(d)));
  return locked;
}
function lockedOf(d: MatterDefinition): LockedFields {
  const prefill = d.form.prefill ?? [];
  if (prefill.length <= 16) return { has: (field) => prefill.some((p) => p.field === field && p.locked !== false) };
  const locked = new Set(prefill.filter((p) => p.locked !== false).map((p) => p.field));
  return { has: (field) => locked.has(field) };
}

// The walk's context; which fields are locked is only worked out if a rule asks (most pairs never do).
class FormPair implements WalkContext {
  #lockedA: LockedFields | undefined;
  #lockedB: LockedFields | undefined;
  constructor(readonly a: MatterDefinition, readonly b: MatterDefinition, readonly shared: ReadonlyMap<string, unknown>) {}
  get lockedA(): LockedFields {
    return (this.#lockedA ??= lockedIn(this.a));
  }
  get lockedB(): LockedFields {
    return (this.#lockedB ??= lockedIn(this.b));
  }
}

/**
 * How `a` differs from `b` (usually a variant from its baseline, or a new version from the old): `added` means in
 * `a` only, `burden` is what that means for `a`'s applicant. Pure; `diff(d, d)` is empty.
 *
 * Total: either side may be any JSON value (an invalid draft). Parts that are not well-formed on a side are
 * compared on neither and reported once each as a neutral `<area>.incomparable` change; the rest is compared as
 * usual. It never throws.
 */
export function diff(a: unknown, b: unknown, context: DiffContext = {}): Change[] {
  const changes: Change[] = [];
  if (a === b) return changes;
  try {
    const view = comparablePair(a, b);
    for (const n of view.notes) changes.push(toChange(incomparableRules[n.area], incomparable(n.side, n.path, n.label, n.flaw)));
    if ('a' in view) compare(view, context, changes);
  } catch (error) {
    // only a value nested far beyond the document limits can exhaust the stack (JSON.parse builds such values)
    if (!(error instanceof RangeError)) throw error;
    const side = deeperThan(a, documentLimits.maxDepth) ? (deeperThan(b, documentLimits.maxDepth) ? 'both' : 'a') : 'b';
    const flaw = { at: '', found: 'nested too deeply', expected: `at most ${documentLimits.maxDepth} levels` };
    return [toChange(incomparableRules.service, incomparable(side, '', { en: 'the definition', zh: '事项定义' }, flaw))];
  }
  return changes;
}

function compare({ a, b, relocate }: ComparablePair, context: DiffContext, changes: Change[]): void {
  // a copy that left list elements out reports pointers into the copy: map them back into the definitions
  const push = relocate
    ? (rule: RuleBase): Emit => (f) => changes.push(toChange(rule, relocated(f, relocate)))
    : (rule: RuleBase): Emit => (f) => changes.push(toChange(rule, f));
  const ctx = new FormPair(a, b, context.sharedSchemas ?? noShared);
  walkForms(ctx, schemaRules, push);
  // A rule whose parts are equal on both sides has nothing to find. Each part is compared once for all the rules
  // that read it (the process by five, the materials by five, …): a variant's unchanged process then costs one
  // walk of it instead of every process rule building and matching its states.
  const same = new Map<string, boolean>();
  const unchanged = (pointer: string) => {
    let equal = same.get(pointer);
    if (equal === undefined) {
      const [pa, pb] = [read(a, pointer), read(b, pointer)];
      same.set(pointer, (equal = pa === pb || jsonEqual(pa, pb)));
    }
    return equal;
  };
  for (const rule of definitionRules) {
    if (rule.reads.every(unchanged)) continue;
    rule.compare(a, b, push(rule));
  }
}

function relocated(f: Finding, relocate: (path: string, side: 'a' | 'b') => string): Finding {
  const ops = (fix: readonly FixOp[]) => fix.map((op) => ({ ...op, path: relocate(op.path, 'a') }));
  const fix = f.fix;
  return { ...f, path: relocate(f.path, f.kind === 'removed' ? 'b' : 'a'), fix: typeof fix === 'function' ? () => ops(fix()) : ops(fix) };
}

// Whether a value nests deeper than `limit` (iterative: it is asked about values too deep to recurse into).
function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

// The parts rules read are a handful of fixed pointers: split each once.
const tokens = new Map<string, readonly string[]>();
function read(doc: unknown, pointer: string): unknown {
  let path = tokens.get(pointer);
  if (!path) tokens.set(pointer, (path = parsePointer(pointer) ?? []));
  let node = doc;
  for (const t of path) node = isObject(node) ? node[t] : undefined;
  return node;
}
