/** diff(a, b): every semantic difference of definition `a` from definition `b`, classified for the applicant. */
import type { MatterDefinition } from '../model/index.ts';
import { isObject, parsePointer } from '../json/pointer.ts';
import type { Change } from './change.ts';
import { walkForms, type LockedFields, type WalkContext } from './form/walk.ts';
import { toChange } from './rule.ts';
import { definitionRules, schemaRules } from './rules/index.ts';

export type { Change, Area, Burden, ChangeKind } from './change.ts';
export type { FixOp } from './fix.ts';
export { applyFixes } from './fix.ts';
export { weights } from './weights.ts';

export interface DiffContext {
  /** The project's shared schemas by `$id`, so `$ref`s into them are compared by content. */
  readonly sharedSchemas?: ReadonlyMap<string, unknown>;
}

const noShared: ReadonlyMap<string, unknown> = new Map();
// A definition's locked prefills, looked up by scanning its (short) prefill list: cheaper than building a set for
// the one or two fields a diff asks about.
const lockedIn = (d: MatterDefinition): LockedFields => ({
  has: (field) => (d.form.prefill ?? []).some((p) => p.field === field && p.locked !== false),
});

// The walk's context; which fields are locked is only worked out if a rule asks (most pairs never do).
class FormPair implements WalkContext {
  constructor(readonly a: MatterDefinition, readonly b: MatterDefinition, readonly shared: ReadonlyMap<string, unknown>) {}
  get lockedA(): LockedFields {
    return lockedIn(this.a);
  }
  get lockedB(): LockedFields {
    return lockedIn(this.b);
  }
}

/**
 * How `a` differs from `b` (usually a variant from its baseline, or a new version from the old): `added` means in
 * `a` only, `burden` is what that means for `a`'s applicant. Pure; `diff(d, d)` is empty.
 */
export function diff(a: MatterDefinition, b: MatterDefinition, context: DiffContext = {}): Change[] {
  const changes: Change[] = [];
  if (a === b) return changes;
  const ctx = new FormPair(a, b, context.sharedSchemas ?? noShared);
  walkForms(ctx, schemaRules, (rule) => (f) => changes.push(toChange(rule, f)));
  // A rule whose parts are the very same objects on both sides (a definition and its copy-free next version)
  // has nothing to find. Deeper equality is left to the rules, which compare only what they classify: measured
  // on the synthetic catalogue, a deep pre-check here costs more than it saves.
  const unchanged = (pointer: string) => read(a, pointer) === read(b, pointer);
  for (const rule of definitionRules) {
    if (rule.reads.every(unchanged)) continue;
    rule.compare(a, b, (f) => changes.push(toChange(rule, f)));
  }
  return changes;
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
