/**
 * Editing the process's states, nested ones included, each named by its path ("bundle.birth.done"): add (a child
 * state turns an atomic state into a compound one), remove, rename, role, step name, final and outcome, where its
 * parent starts. Transitions are in ./process-transitions.ts, compound/parallel and onDone in ./process-nesting.ts.
 * Roles come from the definition's `roles`; anything else is refused with the reason, so the graph never writes
 * what the validator would only report afterwards.
 */
import { knownActions, knownGuards, type LocalizedText, type MatterDefinition } from '../../../engine/index.ts';
import { isObject } from '../../../engine/json/pointer.ts';
import { maxStateDepth, nodeAt, type StateNode } from '../../../engine/process/nodes.ts';
import type { Op } from '../patch.ts';
import {
  anyState, edgesOfState, keyOf, outcomes, ownerPointer, parentOf, processOf, readProcess, specPointer, stateName, statePointer,
  type Outcome, type ProcessEdge, type TransitionRef,
} from '../process.ts';
import { command, CommandError } from './command.ts';

export type Json = Record<string, unknown>;

/** A guard over the case data: a condition on the form data, or a (verified) date older than a duration. */
export type ParamGuard = { readonly type: 'dataMatches' | 'olderThan'; readonly params: Record<string, unknown> };

/** A transition as the commands write it: the target (a state's path) alone, or with its guard and actions. */
export interface TransitionInput {
  readonly target: string;
  readonly guard?: string | ParamGuard;
  readonly actions?: readonly string[];
}

/** The guard types that take parameters (the validator checks the parameters themselves). */
export const paramGuardTypes = ['dataMatches', 'olderThan'] as const;

/** The state node at `path`, or the command's refusal. */
export function nodeOf(definition: MatterDefinition, name: string, path: string): StateNode {
  const node = typeof path === 'string' ? nodeAt(processOf(definition), path) : undefined;
  if (!node) throw new CommandError(name, `there is no state "${String(path)}"`);
  return node;
}

/** The state (JSON) at `path`, or the command's refusal. */
export const stateOf = (definition: MatterDefinition, name: string, path: string): Json => nodeOf(definition, name, path).state as unknown as Json;

/** The JSON a transition spec of `from` lives in: the state, or the process for `anyState` (its own `on`). */
export const ownerOf = (definition: MatterDefinition, from: string): Json =>
  from === anyState ? (processOf(definition) as unknown as Json) : (nodeAt(processOf(definition), from)?.state as unknown as Json);

const guards = new Set(knownGuards.map((g) => g.name));
const actionNames = new Set(knownActions.map((a) => a.name));

function roleOk(definition: MatterDefinition, name: string, role: string | undefined): void {
  if (role === undefined) return;
  const roles = Array.isArray(definition.roles) ? definition.roles.map((r) => r?.id) : [];
  if (!roles.includes(role)) throw new CommandError(name, `"${role}" is not one of the definition's roles (${roles.join(', ') || 'none'})`);
}

/** Refuses a guard or action the runtime does not know. */
export function vocabularyOk(name: string, guard: string | ParamGuard | undefined, actions: readonly string[] | undefined): void {
  if (typeof guard === 'string' && !guards.has(guard)) throw new CommandError(name, `"${guard}" is not a guard the runtime knows`);
  if (typeof guard === 'object' && (!(paramGuardTypes as readonly string[]).includes(guard.type) || !isObject(guard.params))) {
    throw new CommandError(name, `a guard with parameters is { type: ${paramGuardTypes.join(' or ')}, params: { … } }`);
  }
  for (const a of actions ?? []) if (!actionNames.has(a)) throw new CommandError(name, `"${a}" is not an action the runtime knows`);
  if (actions && new Set(actions).size !== actions.length) throw new CommandError(name, 'an action is named twice');
}

/** A state's step name for labels (its path where it has none). */
export const stepText = (state: unknown, path: string): LocalizedText => {
  const step = isObject(state) && isObject(state.meta) && isObject(state.meta.step) ? state.meta.step : undefined;
  return { zh: typeof step?.zh === 'string' && step.zh ? step.zh : path, en: typeof step?.en === 'string' && step.en ? step.en : path };
};

/** How a transition is called in labels and refusals. */
export const describe = (ref: TransitionRef): string => {
  const kind = ref.kind ?? 'on';
  return kind === 'after' ? `after ${ref.event}` : kind === 'always' ? 'always' : kind === 'onDone' ? 'onDone' : ref.event;
};
const single = (kind: TransitionRef['kind']) => kind === 'always' || kind === 'onDone';

// The spec value for a list of transitions (none: undefined; one: itself; more: the array).
export const specOf = (list: readonly unknown[]): unknown => (list.length === 0 ? undefined : list.length === 1 ? list[0] : list);

/** The spec of one transition: the target alone unless it has a guard or actions (or was written as an object). */
export function transitionValue(t: { target: string; guard?: unknown; actions?: readonly string[] }, keep?: Json): unknown {
  if (!keep && t.guard === undefined && (t.actions ?? []).length === 0) return t.target;
  const { target: _t, guard: _g, actions: _a, ...rest } = keep ?? {};
  return { target: t.target, ...(t.guard !== undefined ? { guard: t.guard } : {}), ...((t.actions ?? []).length > 0 ? { actions: [...t.actions!] } : {}), ...rest };
}

/** The ops that write `list` as the spec of (from, kind, event): removing the spec (and its map, emptied) for none. */
export function writeSpec(owner: Json, ref: TransitionRef, list: readonly unknown[]): Op[] {
  const kind = ref.kind ?? 'on';
  const at = specPointer(ref);
  const value = specOf(list);
  if (value !== undefined) return [{ op: 'set', path: at, value }];
  if (single(kind)) return owner[kind] === undefined ? [] : [{ op: 'delete', path: at }];
  const map = owner[kind];
  if (!isObject(map) || !Object.hasOwn(map, ref.event)) return [];
  return Object.keys(map).length === 1 ? [{ op: 'delete', path: `${ownerPointer(ref.from)}/${kind}` }] : [{ op: 'delete', path: at }];
}

/** The raw spec list of (from, kind, event). */
export function specList(owner: Json, ref: TransitionRef): unknown[] {
  const kind = ref.kind ?? 'on';
  const spec = single(kind) ? owner[kind] : isObject(owner[kind]) ? (owner[kind] as Json)[ref.event] : undefined;
  return spec === undefined ? [] : Array.isArray(spec) ? spec.slice() : [spec];
}

/** A state (JSON) with one spec replaced (or removed): what writeSpec sees for the next spec of the same state. */
export function withSpec(state: Json, ref: TransitionRef, value: unknown): Json {
  const kind = ref.kind ?? 'on';
  if (single(kind)) {
    const { [kind]: _, ...rest } = state;
    return value === undefined ? rest : { ...rest, [kind]: value };
  }
  const map = { ...(isObject(state[kind]) ? (state[kind] as Json) : {}) };
  if (value === undefined) delete map[ref.event];
  else map[ref.event] = value;
  const { [kind]: _, ...rest } = state;
  return Object.keys(map).length === 0 ? rest : { ...state, [kind]: map };
}

/** The ops removing every transition in `edges` from its spec (the others of each spec stay). */
export function removeEdges(definition: MatterDefinition, edges: readonly ProcessEdge[]): Op[] {
  const specs = new Map<string, { ref: TransitionRef; drop: Set<number> }>();
  for (const e of edges) {
    const ref = { from: e.from, kind: e.kind, event: e.event };
    const key = JSON.stringify([e.from, e.kind, e.event]);
    if (!specs.has(key)) specs.set(key, { ref, drop: new Set() });
    specs.get(key)!.drop.add(e.index ?? 0);
  }
  // a state's emptied maps are deleted once: work on a copy of each state as its specs change
  const ops: Op[] = [];
  const working = new Map<string, Json>();
  for (const { ref, drop } of specs.values()) {
    const current = working.get(ref.from) ?? ownerOf(definition, ref.from);
    const left = specList(current, ref).filter((_, i) => !drop.has(i));
    ops.push(...writeSpec(current, ref, left));
    working.set(ref.from, withSpec(current, ref, specOf(left)));
  }
  return ops;
}

const inside = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * Adds a state (not final, no transitions yet) with its role and step name at `path`: "review" at the top level,
 * "bundle.birth" as a child of "bundle" — the first child of an atomic state makes it compound, starting there.
 */
export const addState = command<{ path: string; role?: string; step: LocalizedText }>({
  name: 'add-state',
  plan(definition, { path, role, step }) {
    if (!isObject((definition as unknown as Json).process)) throw new CommandError('add-state', 'the definition has no process');
    const key = typeof path === 'string' ? keyOf(path) : '';
    if (!stateName.test(key)) throw new CommandError('add-state', `"${key}" is not a state name: a letter, then letters, digits, _ or - (at most 64)`);
    const under = parentOf(path);
    const parent = under === undefined ? undefined : nodeOf(definition, 'add-state', under);
    if (parent?.kind === 'final') throw new CommandError('add-state', `"${under}" is final: a final state has no child states`);
    if (path.split('.').length > maxStateDepth) throw new CommandError('add-state', `states nest at most ${maxStateDepth} levels below the process`);
    if (nodeAt(processOf(definition), path)) throw new CommandError('add-state', `a state "${path}" exists already`);
    roleOk(definition, 'add-state', role);
    if (!step?.zh?.trim() || !step?.en?.trim()) throw new CommandError('add-state', 'a step name is needed in Chinese and English');
    const meta = { ...(role !== undefined ? { role } : {}), step: { zh: step.zh.trim(), en: step.en.trim() } };
    const ops: Op[] = [];
    if (!parent || isObject(parent.state.states)) ops.push({ op: 'set', path: statePointer(path), value: { meta } });
    else ops.push({ op: 'set', path: `${parent.pointer}/states`, value: { [key]: { meta } } });
    // the first child of a compound state is where it starts (a parallel state's children all start)
    if (parent && parent.kind !== 'parallel' && parent.children.length === 0) ops.unshift({ op: 'set', path: `${parent.pointer}/initial`, value: key });
    const label = parent
      ? { zh: `在「${stepText(parent.state, parent.path).zh}」中添加子状态「${meta.step.zh}」`, en: `add child state ${meta.step.en} to ${stepText(parent.state, parent.path).en}` }
      : { zh: `添加环节「${meta.step.zh}」`, en: `add step ${meta.step.en}` };
    return { ops, label, select: statePointer(path) };
  },
});

/**
 * Removes a state (its child states with it) and every transition into it from outside. Where it is where its
 * parent starts (the process's initial state, a compound's initial child), `initial` names the sibling that starts
 * instead; the last child of a state goes with its parent's `states`, `initial`, `type` and `onDone` (atomic again).
 */
export const removeState = command<{ path: string; initial?: string }>({
  name: 'remove-state',
  plan(definition, { path, initial }) {
    const node = nodeOf(definition, 'remove-state', path);
    const process = processOf(definition);
    const graph = readProcess(definition);
    const parent = node.parent === undefined ? undefined : nodeAt(process, node.parent)!;
    const last = parent !== undefined && parent.children.length === 1;
    const starts = parent === undefined ? graph.initial === path : parent.kind === 'compound' && parent.state.initial === node.key;
    const ops: Op[] = [];
    const gone = (p: string) => inside(p, path);
    const into = graph.edges.filter((e) => !e.unresolved && gone(e.target) && !(e.from !== anyState && gone(e.from)) && !(last && e.from === parent!.path && e.kind === 'onDone'));
    ops.push(...removeEdges(definition, into));
    if (starts && !last) {
      const where = parent === undefined ? 'the process' : `"${parent.path}"`;
      if (initial === undefined) throw new CommandError('remove-state', `"${path}" is the initial state${parent === undefined ? '' : ` of ${where}`}: choose the state that starts ${parent === undefined ? 'the process' : 'it'} instead first`);
      const sibling = nodeAt(process, initial);
      if (initial === path || !sibling || sibling.parent !== node.parent || sibling.kind === 'final') throw new CommandError('remove-state', `"${initial}" cannot start ${where} instead (it is not another state beside "${path}")`);
      ops.push({ op: 'set', path: parent === undefined ? '/process/initial' : `${parent.pointer}/initial`, value: parent === undefined ? initial : sibling.key });
    } else if (initial !== undefined) throw new CommandError('remove-state', `"${path}" is not the initial state`);
    if (last) {
      // the parent has no child states left: it is an atomic state again
      for (const k of ['initial', 'type', 'onDone'] as const) if (parent!.state[k] !== undefined && (k !== 'type' || parent!.state.type !== 'final')) ops.push({ op: 'delete', path: `${parent!.pointer}/${k}` });
      ops.push({ op: 'delete', path: `${parent!.pointer}/states` });
    } else ops.push({ op: 'delete', path: node.pointer });
    const step = stepText(node.state, path);
    return { ops, label: { zh: `删除环节「${step.zh}」`, en: `remove step ${step.en}` }, select: parent ? parent.pointer : '/process' };
  },
});

// A target as written, with the renamed state's name changed where the written part names it (the part a `#id.`,
// a `.` or the source's parent — the base it is read from — does not cover).
function renamedTarget(e: ProcessEdge, renamed: string, to: string): string {
  const depth = renamed.split('.').length;
  const w = e.written;
  const source = e.from === anyState ? undefined : e.from;
  const [prefix, rest, base] = w.startsWith('#')
    ? [w.slice(0, w.indexOf('.') + 1), w.slice(w.indexOf('.') + 1), '']
    : w.startsWith('.') ? ['.', w.slice(1), source ?? ''] : ['', w, source === undefined ? '' : parentOf(source) ?? ''];
  const baseDepth = base === '' ? 0 : base.split('.').length;
  if (baseDepth >= depth) return w;
  const parts = rest.split('.');
  parts[depth - 1 - baseDepth] = to;
  return prefix + parts.join('.');
}

/** Renames a state (`to`: its new name among its siblings): every transition into it or its children, and where its parent starts, follow. */
export const renameState = command<{ path: string; to: string }>({
  name: 'rename-state',
  plan(definition, { path, to }) {
    const node = nodeOf(definition, 'rename-state', path);
    if (node.key === to) return { ops: [], label: { zh: '', en: '' } };
    if (!stateName.test(to)) throw new CommandError('rename-state', `"${to}" is not a state name: a letter, then letters, digits, _ or - (at most 64)`);
    const renamed = node.parent === undefined ? to : `${node.parent}.${to}`;
    if (nodeAt(processOf(definition), renamed)) throw new CommandError('rename-state', `a state "${renamed}" exists already`);
    const graph = readProcess(definition);
    const ops: Op[] = graph.edges.filter((e) => !e.unresolved && inside(e.target, path)).flatMap((e): Op[] => {
      const value = renamedTarget(e, path, to);
      return value === e.written ? [] : [{ op: 'set', path: e.shorthand ? e.id : `${e.id}/target`, value }];
    });
    if (node.parent === undefined && graph.initial === path) ops.push({ op: 'set', path: '/process/initial', value: to });
    const parent = node.parent === undefined ? undefined : nodeAt(processOf(definition), node.parent);
    if (parent && parent.state.initial === node.key) ops.push({ op: 'set', path: `${parent.pointer}/initial`, value: to });
    ops.push({ op: 'rename', path: node.pointer, to });
    const step = stepText(node.state, path);
    return { ops, label: { zh: `环节「${step.zh}」改名为 ${to}`, en: `rename step ${step.en} to ${to}` }, select: statePointer(renamed) };
  },
});

/** Sets (or, undefined, removes) the role acting in a state: one of the definition's roles. */
export const setStateRole = command<{ path: string; role: string | undefined }>({
  name: 'set-state-role',
  plan(definition, { path, role }) {
    const state = stateOf(definition, 'set-state-role', path);
    roleOk(definition, 'set-state-role', role);
    const meta = isObject(state.meta) ? state.meta : undefined;
    const at = `${statePointer(path)}/meta`;
    const ops: Op[] = meta?.role === role ? [] : role === undefined ? [{ op: 'delete', path: `${at}/role` }] : meta ? [{ op: 'set', path: `${at}/role`, value: role, index: 0 }] : [{ op: 'set', path: at, value: { role } }];
    const step = stepText(state, path);
    return { ops, label: { zh: `设置环节「${step.zh}」的办理角色`, en: `set the role of step ${step.en}` }, select: statePointer(path) };
  },
});

/** Sets a state's step name (环节) in both languages. */
export const setStateStep = command<{ path: string; step: LocalizedText }>({
  name: 'set-state-step',
  plan(definition, { path, step }) {
    const state = stateOf(definition, 'set-state-step', path);
    if (!step?.zh?.trim() || !step?.en?.trim()) throw new CommandError('set-state-step', 'a step name is needed in Chinese and English');
    const value = { zh: step.zh.trim(), en: step.en.trim() };
    const meta = isObject(state.meta) ? state.meta : undefined;
    const current = meta && isObject(meta.step) ? meta.step : undefined;
    const at = `${statePointer(path)}/meta`;
    const ops: Op[] = current?.zh === value.zh && current?.en === value.en ? [] : meta ? [{ op: 'set', path: `${at}/step`, value }] : [{ op: 'set', path: at, value: { step: value } }];
    return { ops, label: { zh: `环节名称改为「${value.zh}」`, en: `rename the step to ${value.en}` }, select: statePointer(path) };
  },
});

/**
 * Makes a state final, or (`final` false) a step again. A top-level final state says how the case ends (`outcome`);
 * a nested one completes its parent and may leave the outcome out. A final state has no transitions and no child
 * states, and does not start the process or its compound parent; a region of a parallel state is not final itself.
 */
export const setStateFinal = command<{ path: string; final: boolean; outcome?: Outcome }>({
  name: 'set-state-final',
  plan(definition, { path, final, outcome }) {
    const node = nodeOf(definition, 'set-state-final', path);
    const state = node.state as unknown as Json;
    const at = node.pointer;
    const meta = isObject(state.meta) ? state.meta : undefined;
    const step = stepText(state, path);
    if (!final) {
      if (outcome !== undefined) throw new CommandError('set-state-final', 'only a final state has an outcome');
      const ops: Op[] = [];
      if (state.type === 'final') ops.push({ op: 'delete', path: `${at}/type` });
      if (meta?.outcome !== undefined) ops.push({ op: 'delete', path: `${at}/meta/outcome` });
      return { ops, label: { zh: `「${step.zh}」不再是终止状态`, en: `make ${step.en} a step again` }, select: at };
    }
    if (outcome !== undefined ? !outcomes.includes(outcome) : node.parent === undefined) throw new CommandError('set-state-final', `a final state says how the case ends: ${outcomes.join(', ')}`);
    if (node.children.length > 0) throw new CommandError('set-state-final', `"${path}" has child states: a final state has none`);
    const leaving = edgesOfState(processOf(definition), path, state).length;
    if (leaving > 0) throw new CommandError('set-state-final', `"${path}" has ${leaving} transition(s) leaving it: a final state has none, remove them first`);
    const parent = node.parent === undefined ? undefined : nodeAt(processOf(definition), node.parent)!;
    if (parent === undefined ? readProcess(definition).initial === path : parent.state.initial === node.key) throw new CommandError('set-state-final', `"${path}" starts ${parent ? `"${parent.path}"` : 'the process'}: a final state cannot`);
    if (parent?.kind === 'parallel') throw new CommandError('set-state-final', `"${path}" is a region of the parallel state "${parent.path}": give it a final child state instead`);
    const ops: Op[] = [];
    if (state.type !== 'final') ops.push({ op: 'set', path: `${at}/type`, value: 'final', index: 0 });
    if (outcome !== undefined && meta?.outcome !== outcome) ops.push(meta ? { op: 'set', path: `${at}/meta/outcome`, value: outcome } : { op: 'set', path: `${at}/meta`, value: { outcome } });
    return { ops, label: { zh: `「${step.zh}」设为终止状态（${outcome ?? '完成'}）`, en: `make ${step.en} final (${outcome ?? 'done'})` }, select: at };
  },
});

/** Makes a state the one its parent starts in: the process's initial state, or a compound state's initial child. */
export const setInitial = command<{ path: string }>({
  name: 'set-initial',
  plan(definition, { path }) {
    const node = nodeOf(definition, 'set-initial', path);
    if (node.kind === 'final') throw new CommandError('set-initial', `"${path}" is final: ${node.parent === undefined ? 'the process' : `"${node.parent}"`} cannot start there`);
    const parent = node.parent === undefined ? undefined : nodeAt(processOf(definition), node.parent)!;
    if (parent?.kind === 'parallel') throw new CommandError('set-initial', `"${parent.path}" is parallel: its regions all start at once`);
    const step = stepText(node.state, path);
    if (parent) {
      const ops: Op[] = parent.state.initial === node.key ? [] : [{ op: 'set', path: `${parent.pointer}/initial`, value: node.key }];
      return { ops, label: { zh: `「${stepText(parent.state, parent.path).zh}」从「${step.zh}」开始`, en: `start ${stepText(parent.state, parent.path).en} at ${step.en}` }, select: node.pointer };
    }
    const ops: Op[] = readProcess(definition).initial === path ? [] : [{ op: 'set', path: '/process/initial', value: path }];
    return { ops, label: { zh: `流程从「${step.zh}」开始`, en: `start the process at ${step.en}` }, select: node.pointer };
  },
});
