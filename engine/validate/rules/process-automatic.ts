import { join, parsePointer } from '../../json/pointer.ts';
import { declaresField } from '../../form/fields.ts';
import type { JsonObject, MatterDefinition, Process } from '../../model/index.ts';
import { alwaysOf } from '../../process/automatic.ts';
import { cyclesOf, doneLoops, edgesOf } from '../../process/graph.ts';
import { entryOf, lineage, nodeAt, nodesOf, resolveTarget } from '../../process/nodes.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';
import { fieldParts } from '../inclusion/parts.ts';
import { checkCondition } from './situation-conditions.ts';

/**
 * Automatic decisions (秒批): a `dataMatches` guard's condition is checked as a situation's is (it compiles, names
 * fields the form has); an `olderThan` guard names a field the form has; in an `always` list only the last
 * transition may be unguarded (XState would never reach the ones after it), and so in an event's or a delay's list
 * of alternatives; no cycle of `always` transitions (a case
 * would move without end, nobody acting); and the initial state, where the applicant fills in the form, decides nothing.
 */
export const processAutomaticRule: Rule<MatterDefinition> = {
  name: 'process-automatic',
  codes: ['process.always-unguarded-not-last', 'process.unguarded-not-last', 'process.always-loop', 'process.done-loop', 'process.always-initial', 'condition.unknown-field'],
  check({ file, value }, ctx) {
    const problems: Problem[] = [];
    const { process } = value;
    const seen = new Set<string>();
    for (const edge of edgesOf(process)) {
      if (typeof edge.guard !== 'object' || seen.has(edge.pointer)) continue;
      seen.add(edge.pointer);
      const at = join(edge.pointer, 'guard', 'params');
      if (edge.guard.type === 'dataMatches') problems.push(...checkCondition(edge.guard.params.when, join(at, 'when'), file, value, ctx.sharedSchemas));
      else if (!declaresField(value.form.schema, edge.guard.params.field, ctx.sharedSchemas)) problems.push(problem('condition.unknown-field', file, join(at, 'field'), { field: edge.guard.params.field }));
      else problems.push(...neverDate(edge.guard.params.field, join(at, 'field'), file, value, ctx.sharedSchemas));
    }
    // a case starts in the initial state and the states it enters with it (a compound one's initial child, …)
    const initial = new Set(typeof process.initial === 'string' ? entryOf(process, process.initial) : []);
    for (const { path: name, state, pointer } of nodesOf(process)) {
      const list = alwaysOf(state);
      if (list.length === 0) continue;
      const at = join(pointer, 'always');
      if (initial.has(name)) problems.push(problem('process.always-initial', file, at, { state: name }));
      list.forEach((t, i) => {
        if (i < list.length - 1 && (typeof t === 'string' || t.guard === undefined)) {
          problems.push(problem('process.always-unguarded-not-last', file, Array.isArray(state?.always) ? join(at, i) : at, { state: name }));
        }
      });
    }
    // the same for an event's or a delay's list of alternatives (in a state, or accepted in every state)
    const lists: [string | undefined, string, string, unknown][] = [];
    for (const { path: name, state, pointer } of nodesOf(process)) {
      for (const key of ['on', 'after'] as const) for (const [event, spec] of Object.entries(state[key] ?? {})) lists.push([name, key === 'after' ? `after ${event}` : event, join(pointer, key, event), spec]);
    }
    for (const [event, spec] of Object.entries(process.on ?? {})) lists.push([undefined, event, join('/process/on', event), spec]);
    for (const [state, event, at, spec] of lists) {
      if (!Array.isArray(spec)) continue;
      spec.forEach((t: unknown, i) => {
        const unguarded = typeof t === 'string' || (typeof t === 'object' && t !== null && (t as { guard?: unknown }).guard === undefined);
        if (i < spec.length - 1 && unguarded) problems.push(problem('process.unguarded-not-last', file, join(at, i), { ...(state === undefined ? {} : { state }), event }));
      });
    }
    for (const cycle of alwaysCycles(value)) {
      problems.push(problem('process.always-loop', file, join(nodeAt(process, cycle[0]!)!.pointer, 'always'), { states: cycle }));
    }
    // joins that complete again at once loop the same way, inside XState's own step
    for (const cycle of doneLoops(process)) {
      problems.push(problem('process.done-loop', file, join(nodeAt(process, cycle[0]!)!.pointer, 'onDone'), { states: cycle }));
    }
    return problems;
  },
};

// Dates an olderThan field is tried with: a field that refuses every one (an object, a number, a string too short)
// never holds a date, so the guard never holds.
const probeDates = ['1970-01-01', '2000-02-29', '2026-06-30', '2099-12-31'];

// The problem of an olderThan guard on a field that cannot hold a date (YYYY-MM-DD), checked as a dataMatches
// condition comparing the field with a few dates would be.
function neverDate(field: string, at: string, file: string, definition: MatterDefinition, shared: ReadonlyMap<string, unknown>): Problem[] {
  const tokens = parsePointer(field);
  if (!tokens || tokens.length === 0) return [];
  // a part typed as anything but a string (an object, whose parts may not compile alone, a number) decides at once
  const target = fieldParts({ file, root: definition.form.schema, base: '/form/schema' }, field, { schemas: shared, files: new Map() });
  if (!target || target.parts.truncated) return [];
  const notString = target.parts.parts.some(({ node }) => {
    const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? node.type : undefined;
    return types !== undefined && !types.includes('string');
  });
  const condition = tokens.reduceRight<JsonObject>((inner, token) => ({ properties: { [token]: inner } }), { enum: probeDates });
  const refused = notString ? [] : checkCondition(condition, at, file, definition, shared).filter((p) => p.code === 'condition.value-never');
  if (!notString && refused.length < probeDates.length) return [];
  return [problem('condition.value-never', file, at, { field, value: 'YYYY-MM-DD', formPointer: target.anchor })];
}

// What else a transition from `source` into a region of a parallel state from outside that region enters: XState
// exits and enters the parallel state, every region of it (from a sibling region, say).
function regionsEntered(process: Process, source: string, target: string): string[] {
  const out: string[] = [];
  const line = lineage(process, target);
  for (let i = 1; i < line.length; i++) {
    const parallel = nodeAt(process, line[i]!);
    if (parallel?.kind !== 'parallel') continue;
    const region = line[i - 1]!;
    if (source === region || source.startsWith(`${region}.`)) continue;
    for (const r of parallel.children) out.push(...entryOf(process, r));
  }
  return out;
}

// The cycles of the graph of `always` transitions, each once, as the states on it from the first one met. A state
// that decides leads to every state with an `always` that could decide next: the ones its target enters (a compound
// target's initial child, …) and the target's ancestors, whose `always` holds in every state below them.
function alwaysCycles(definition: MatterDefinition): string[][] {
  const { process } = definition;
  const decides = (path: string) => alwaysOf(nodeAt(process, path)?.state).length > 0;
  const next = new Map<string, string[]>();
  for (const { path: name, state } of nodesOf(process)) {
    const list = alwaysOf(state);
    if (list.length === 0) continue;
    const to = new Set<string>();
    for (const t of list) {
      const target = resolveTarget(process, name, typeof t === 'string' ? t : t?.target);
      if (target !== undefined) for (const p of [...entryOf(process, target), ...lineage(process, target).slice(1), ...regionsEntered(process, name, target)]) if (decides(p)) to.add(p);
    }
    next.set(name, [...to]);
  }
  return cyclesOf(next);
}
