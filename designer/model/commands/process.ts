/**
 * Editing the process: states (add, remove, rename, role, step name, final and outcome, the initial one) and
 * transitions (add, remove, change target / guard / actions, rename an event). Guards and actions come from the
 * runtime's vocabulary, roles from the definition's `roles`; anything else is refused with the reason, so the graph
 * never writes what the validator would only report afterwards.
 */
import { knownActions, knownGuards, type LocalizedText, type MatterDefinition } from '../../../engine/index.ts';
import { isObject } from '../../../engine/json/pointer.ts';
import type { Op } from '../patch.ts';
import {
  delayName, edgesOfState, eventName, outcomes, readProcess, specPointer, stateName, statePointer, statesOf, transitionPointer,
  type Outcome, type ProcessEdge, type TransitionKind, type TransitionRef,
} from '../process.ts';
import { command, CommandError } from './command.ts';

type Json = Record<string, unknown>;

/** A guard over the case data: a condition on the form data, or a (verified) date older than a duration. */
export type ParamGuard = { readonly type: 'dataMatches' | 'olderThan'; readonly params: Record<string, unknown> };

/** A transition as the commands write it: the target alone, or with its guard and actions. */
export interface TransitionInput {
  readonly target: string;
  readonly guard?: string | ParamGuard;
  readonly actions?: readonly string[];
}

/** The guard types that take parameters (the validator checks the parameters themselves). */
export const paramGuardTypes = ['dataMatches', 'olderThan'] as const;

function stateOf(definition: MatterDefinition, name: string, id: string): Json {
  const state = statesOf(definition)[id];
  if (!isObject(state)) throw new CommandError(name, `there is no state "${id}"`);
  return state;
}

const guards = new Set(knownGuards.map((g) => g.name));
const actionNames = new Set(knownActions.map((a) => a.name));

function roleOk(definition: MatterDefinition, name: string, role: string | undefined): void {
  if (role === undefined) return;
  const roles = Array.isArray(definition.roles) ? definition.roles.map((r) => r?.id) : [];
  if (!roles.includes(role)) throw new CommandError(name, `"${role}" is not one of the definition's roles (${roles.join(', ') || 'none'})`);
}

function vocabularyOk(name: string, guard: string | ParamGuard | undefined, actions: readonly string[] | undefined): void {
  if (typeof guard === 'string' && !guards.has(guard)) throw new CommandError(name, `"${guard}" is not a guard the runtime knows`);
  if (typeof guard === 'object' && (!(paramGuardTypes as readonly string[]).includes(guard.type) || !isObject(guard.params))) {
    throw new CommandError(name, `a guard with parameters is { type: ${paramGuardTypes.join(' or ')}, params: { … } }`);
  }
  for (const a of actions ?? []) if (!actionNames.has(a)) throw new CommandError(name, `"${a}" is not an action the runtime knows`);
  if (actions && new Set(actions).size !== actions.length) throw new CommandError(name, 'an action is named twice');
}

const stepText = (state: unknown, id: string): LocalizedText => {
  const step = isObject(state) && isObject(state.meta) && isObject(state.meta.step) ? state.meta.step : undefined;
  return { zh: typeof step?.zh === 'string' && step.zh ? step.zh : id, en: typeof step?.en === 'string' && step.en ? step.en : id };
};
const describe = (ref: TransitionRef): string => ((ref.kind ?? 'on') === 'after' ? `after ${ref.event}` : (ref.kind ?? 'on') === 'always' ? 'always' : ref.event);

// The spec value for a list of transitions (none: undefined; one: itself; more: the array).
const specOf = (list: readonly unknown[]): unknown => (list.length === 0 ? undefined : list.length === 1 ? list[0] : list);

// The spec of one transition: the target alone unless it has a guard or actions (or was written as an object).
function transitionValue(t: { target: string; guard?: unknown; actions?: readonly string[] }, keep?: Json): unknown {
  if (!keep && t.guard === undefined && (t.actions ?? []).length === 0) return t.target;
  const { target: _t, guard: _g, actions: _a, ...rest } = keep ?? {};
  return { target: t.target, ...(t.guard !== undefined ? { guard: t.guard } : {}), ...((t.actions ?? []).length > 0 ? { actions: [...t.actions!] } : {}), ...rest };
}

// The ops that write `list` as the spec of (from, kind, event): removing the spec (and its map, emptied) for none.
function writeSpec(state: Json, ref: TransitionRef, list: readonly unknown[]): Op[] {
  const kind = ref.kind ?? 'on';
  const at = specPointer(ref);
  const value = specOf(list);
  if (value !== undefined) return [{ op: 'set', path: at, value }];
  if (kind === 'always') return state.always === undefined ? [] : [{ op: 'delete', path: at }];
  const map = state[kind];
  if (!isObject(map) || !Object.hasOwn(map, ref.event)) return [];
  return Object.keys(map).length === 1 ? [{ op: 'delete', path: `${statePointer(ref.from)}/${kind}` }] : [{ op: 'delete', path: at }];
}

// The raw spec list of (from, kind, event) and the transition at `index` in it.
function specList(state: Json, ref: TransitionRef): unknown[] {
  const kind = ref.kind ?? 'on';
  const spec = kind === 'always' ? state.always : isObject(state[kind]) ? (state[kind] as Json)[ref.event] : undefined;
  return spec === undefined ? [] : Array.isArray(spec) ? spec.slice() : [spec];
}

function findTransition(definition: MatterDefinition, name: string, ref: TransitionRef): { state: Json; list: unknown[]; at: number; edge: ProcessEdge } {
  const state = stateOf(definition, name, ref.from);
  const pointer = transitionPointer(ref);
  const edge = edgesOfState(ref.from, state).find((e) => e.id === pointer);
  const list = specList(state, ref);
  if (!edge) {
    const hint = list.length > 1 && ref.index === undefined ? ` (it has ${list.length} alternatives: give an index)` : '';
    throw new CommandError(name, `state "${ref.from}" has no transition ${describe(ref)}${ref.index !== undefined ? ` #${ref.index}` : ''}${hint}`);
  }
  return { state, list, at: ref.index ?? 0, edge };
}

function eventOk(name: string, kind: TransitionKind, event: string): void {
  if (kind === 'on' && !eventName.test(event)) throw new CommandError(name, `"${event}" is not an event name: a capital letter, then capitals, digits or _ (at most 64)`);
  if (kind === 'after' && !delayName.test(event)) throw new CommandError(name, `"${event}" is not a delay: milliseconds, or P<n>D / P<n>W / PT<n>H / PT<n>M`);
}

/** Adds a state (not final, no transitions yet) with its role and step name. */
export const addState = command<{ id: string; role?: string; step: LocalizedText }>({
  name: 'add-state',
  plan(definition, { id, role, step }) {
    if (!isObject((definition as unknown as Json).process)) throw new CommandError('add-state', 'the definition has no process');
    if (!stateName.test(id)) throw new CommandError('add-state', `"${id}" is not a state name: a letter, then letters, digits, _ or - (at most 64)`);
    if (Object.hasOwn(statesOf(definition), id)) throw new CommandError('add-state', `a state "${id}" exists already`);
    roleOk(definition, 'add-state', role);
    if (!step?.zh?.trim() || !step?.en?.trim()) throw new CommandError('add-state', 'a step name is needed in Chinese and English');
    const meta = { ...(role !== undefined ? { role } : {}), step: { zh: step.zh.trim(), en: step.en.trim() } };
    return { ops: [{ op: 'set', path: statePointer(id), value: { meta } }], label: { zh: `添加环节「${meta.step.zh}」`, en: `add step ${meta.step.en}` }, select: statePointer(id) };
  },
});

/**
 * Removes a state with every transition into it. The initial state goes only with `initial` naming the state that
 * starts the process instead.
 */
export const removeState = command<{ id: string; initial?: string }>({
  name: 'remove-state',
  plan(definition, { id, initial }) {
    const state = stateOf(definition, 'remove-state', id);
    const graph = readProcess(definition);
    const ops: Op[] = [];
    if (graph.initial === id) {
      if (initial === undefined) throw new CommandError('remove-state', `"${id}" is the initial state: choose the state that starts the process instead first`);
      if (initial === id || !graph.nodes.some((n) => n.id === initial)) throw new CommandError('remove-state', `"${initial}" cannot start the process instead (it is not another state)`);
      ops.push({ op: 'set', path: '/process/initial', value: initial });
    } else if (initial !== undefined && initial !== graph.initial) throw new CommandError('remove-state', `"${id}" is not the initial state`);
    // transitions into it, per spec: every element targeting it goes (the spec with it, once empty)
    const states = statesOf(definition);
    const specs = new Map<string, { ref: TransitionRef; keep: unknown[] }>();
    for (const e of graph.edges) {
      if (e.target !== id || e.from === id) continue;
      const ref = { from: e.from, kind: e.kind, event: e.event };
      const key = specPointer(ref);
      if (!specs.has(key)) specs.set(key, { ref, keep: specList(states[e.from] as Json, ref) });
    }
    // a state's emptied maps are deleted once: work on a copy of each state as its specs change
    const working = new Map<string, Json>();
    for (const { ref, keep } of specs.values()) {
      const current = working.get(ref.from) ?? (states[ref.from] as Json);
      const left = keep.filter((t) => (typeof t === 'string' ? t : isObject(t) ? t.target : undefined) !== id);
      ops.push(...writeSpec(current, ref, left));
      working.set(ref.from, withSpec(current, ref, specOf(left)));
    }
    ops.push({ op: 'delete', path: statePointer(id) });
    const step = stepText(state, id);
    return { ops, label: { zh: `删除环节「${step.zh}」`, en: `remove step ${step.en}` }, select: '/process' };
  },
});

// A state (JSON) with one spec replaced (or removed): what writeSpec sees for the next spec of the same state.
function withSpec(state: Json, ref: TransitionRef, value: unknown): Json {
  const kind = ref.kind ?? 'on';
  if (kind === 'always') {
    const { always: _, ...rest } = state;
    return value === undefined ? rest : { ...rest, always: value };
  }
  const map = { ...(isObject(state[kind]) ? (state[kind] as Json) : {}) };
  if (value === undefined) delete map[ref.event];
  else map[ref.event] = value;
  const { [kind]: _, ...rest } = state;
  return Object.keys(map).length === 0 ? rest : { ...state, [kind]: map };
}

/** Renames a state: every transition into it and the initial state follow. */
export const renameState = command<{ from: string; to: string }>({
  name: 'rename-state',
  plan(definition, { from, to }) {
    const state = stateOf(definition, 'rename-state', from);
    if (from === to) return { ops: [], label: { zh: '', en: '' } };
    if (!stateName.test(to)) throw new CommandError('rename-state', `"${to}" is not a state name: a letter, then letters, digits, _ or - (at most 64)`);
    if (Object.hasOwn(statesOf(definition), to)) throw new CommandError('rename-state', `a state "${to}" exists already`);
    const graph = readProcess(definition);
    const ops: Op[] = graph.edges.filter((e) => e.target === from).map((e) => ({ op: 'set', path: e.shorthand ? e.id : `${e.id}/target`, value: to }));
    if (graph.initial === from) ops.push({ op: 'set', path: '/process/initial', value: to });
    ops.push({ op: 'rename', path: statePointer(from), to });
    const step = stepText(state, from);
    return { ops, label: { zh: `环节「${step.zh}」改名为 ${to}`, en: `rename step ${step.en} to ${to}` }, select: statePointer(to) };
  },
});

/** Sets (or, undefined, removes) the role acting in a state: one of the definition's roles. */
export const setStateRole = command<{ id: string; role: string | undefined }>({
  name: 'set-state-role',
  plan(definition, { id, role }) {
    const state = stateOf(definition, 'set-state-role', id);
    roleOk(definition, 'set-state-role', role);
    const meta = isObject(state.meta) ? state.meta : undefined;
    const at = `${statePointer(id)}/meta`;
    const ops: Op[] = meta?.role === role ? [] : role === undefined ? [{ op: 'delete', path: `${at}/role` }] : meta ? [{ op: 'set', path: `${at}/role`, value: role, index: 0 }] : [{ op: 'set', path: at, value: { role } }];
    const step = stepText(state, id);
    return { ops, label: { zh: `设置环节「${step.zh}」的办理角色`, en: `set the role of step ${step.en}` }, select: statePointer(id) };
  },
});

/** Sets a state's step name (环节) in both languages. */
export const setStateStep = command<{ id: string; step: LocalizedText }>({
  name: 'set-state-step',
  plan(definition, { id, step }) {
    const state = stateOf(definition, 'set-state-step', id);
    if (!step?.zh?.trim() || !step?.en?.trim()) throw new CommandError('set-state-step', 'a step name is needed in Chinese and English');
    const value = { zh: step.zh.trim(), en: step.en.trim() };
    const meta = isObject(state.meta) ? state.meta : undefined;
    const current = meta && isObject(meta.step) ? meta.step : undefined;
    const at = `${statePointer(id)}/meta`;
    const ops: Op[] = current?.zh === value.zh && current?.en === value.en ? [] : meta ? [{ op: 'set', path: `${at}/step`, value }] : [{ op: 'set', path: at, value: { step: value } }];
    return { ops, label: { zh: `环节名称改为「${value.zh}」`, en: `rename the step to ${value.en}` }, select: statePointer(id) };
  },
});

/**
 * Makes a state final with how the case ends (`outcome`), or (`final` false) a step again. A final state has no
 * transitions and does not start the process: remove them, or choose another initial state, first.
 */
export const setStateFinal = command<{ id: string; final: boolean; outcome?: Outcome }>({
  name: 'set-state-final',
  plan(definition, { id, final, outcome }) {
    const state = stateOf(definition, 'set-state-final', id);
    const at = statePointer(id);
    const meta = isObject(state.meta) ? state.meta : undefined;
    const step = stepText(state, id);
    if (!final) {
      if (outcome !== undefined) throw new CommandError('set-state-final', 'only a final state has an outcome');
      const ops: Op[] = [];
      if (state.type !== undefined) ops.push({ op: 'delete', path: `${at}/type` });
      if (meta?.outcome !== undefined) ops.push({ op: 'delete', path: `${at}/meta/outcome` });
      return { ops, label: { zh: `「${step.zh}」不再是终止状态`, en: `make ${step.en} a step again` }, select: at };
    }
    if (!outcome || !outcomes.includes(outcome)) throw new CommandError('set-state-final', `a final state says how the case ends: ${outcomes.join(', ')}`);
    const leaving = edgesOfState(id, state).length;
    if (leaving > 0) throw new CommandError('set-state-final', `"${id}" has ${leaving} transition(s) leaving it: a final state has none, remove them first`);
    if (readProcess(definition).initial === id) throw new CommandError('set-state-final', `"${id}" starts the process: a final state cannot`);
    const ops: Op[] = [];
    if (state.type !== 'final') ops.push({ op: 'set', path: `${at}/type`, value: 'final', index: 0 });
    if (meta?.outcome !== outcome) ops.push(meta ? { op: 'set', path: `${at}/meta/outcome`, value: outcome } : { op: 'set', path: `${at}/meta`, value: { outcome } });
    return { ops, label: { zh: `「${step.zh}」设为终止状态（${outcome}）`, en: `make ${step.en} final (${outcome})` }, select: at };
  },
});

/** Makes a state the one the process starts in (not a final one). */
export const setInitial = command<{ id: string }>({
  name: 'set-initial',
  plan(definition, { id }) {
    const state = stateOf(definition, 'set-initial', id);
    if (state.type === 'final') throw new CommandError('set-initial', `"${id}" is final: the process cannot start there`);
    const step = stepText(state, id);
    const ops: Op[] = readProcess(definition).initial === id ? [] : [{ op: 'set', path: '/process/initial', value: id }];
    return { ops, label: { zh: `流程从「${step.zh}」开始`, en: `start the process at ${step.en}` }, select: statePointer(id) };
  },
});

/**
 * Adds a transition leaving `from` on an event (or a delay, or eventless). A second one on the same event makes the
 * event's spec a list of alternatives, tried in order (their guards decide).
 */
export const addTransition = command<{ from: string; kind?: TransitionKind; event: string; transition: TransitionInput }>({
  name: 'add-transition',
  plan(definition, { from, kind = 'on', event, transition }) {
    const state = stateOf(definition, 'add-transition', from);
    if (state.type === 'final') throw new CommandError('add-transition', `"${from}" is final: no transition leaves it`);
    eventOk('add-transition', kind, event);
    stateOf(definition, 'add-transition', transition?.target);
    vocabularyOk('add-transition', transition.guard, transition.actions);
    const ref = { from, kind, event: kind === 'always' ? '' : event };
    const list = specList(state, ref);
    const value = transitionValue(transition);
    const map = kind === 'always' ? undefined : state[kind];
    const ops: Op[] = kind !== 'always' && !isObject(map)
      ? [{ op: 'set', path: `${statePointer(from)}/${kind}`, value: { [event]: value } }]
      : list.length === 0 ? [{ op: 'set', path: specPointer(ref), value }] : [{ op: 'set', path: specPointer(ref), value: [...list, value] }];
    const name = describe(ref);
    const step = stepText(state, from);
    return { ops, label: { zh: `添加流转 ${name}：「${step.zh}」→ ${transition.target}`, en: `add transition ${name}: ${step.en} → ${transition.target}` }, select: transitionPointer({ ...ref, ...(list.length > 0 ? { index: list.length } : {}) }) };
  },
});

/** Removes one transition (an alternative of an event: the others stay, one left is written alone). */
export const removeTransition = command<{ at: TransitionRef }>({
  name: 'remove-transition',
  plan(definition, { at }) {
    const { state, list, at: i, edge } = findTransition(definition, 'remove-transition', at);
    const left = list.filter((_, j) => j !== i);
    return { ops: writeSpec(state, at, left), label: { zh: `删除流转 ${describe(at)} → ${edge.target}`, en: `remove transition ${describe(at)} → ${edge.target}` }, select: statePointer(at.from) };
  },
});

/** Changes a transition's target, guard (null removes it) or actions (an empty list removes them). */
export const setTransition = command<{ at: TransitionRef; target?: string; guard?: string | ParamGuard | null; actions?: readonly string[] }>({
  name: 'set-transition',
  plan(definition, { at, target, guard, actions }) {
    const { list, at: i, edge } = findTransition(definition, 'set-transition', at);
    if (target !== undefined) stateOf(definition, 'set-transition', target);
    vocabularyOk('set-transition', guard ?? undefined, actions);
    // unchanged, the guard is kept as it is written (a parameterised one too)
    const g = guard === undefined ? edge.guard ?? edge.guardParams : guard ?? undefined;
    const next = { target: target ?? edge.target, ...(g !== undefined ? { guard: g } : {}), actions: actions ?? edge.actions };
    const old = list[i];
    const value = transitionValue(next, isObject(old) ? old : undefined);
    const label = { zh: `修改流转 ${describe(at)}（「${edge.from}」）`, en: `change transition ${describe(at)} of ${edge.from}` };
    if (JSON.stringify(value) === JSON.stringify(old)) return { ops: [], label };
    return { ops: [{ op: 'set', path: transitionPointer(at), value }], label, select: transitionPointer(at) };
  },
});

/** Renames an event in one state (`from`), or in every state that has it; its position in each state stays. */
export const renameEvent = command<{ from?: string; event: string; to: string }>({
  name: 'rename-event',
  plan(definition, { from, event, to }) {
    eventOk('rename-event', 'on', to);
    const states = statesOf(definition);
    const names = from !== undefined ? [from] : Object.keys(states);
    if (from !== undefined) stateOf(definition, 'rename-event', from);
    const having = names.filter((s) => isObject(states[s]) && isObject((states[s] as Json).on) && Object.hasOwn((states[s] as Json).on as Json, event));
    if (having.length === 0) throw new CommandError('rename-event', `${from !== undefined ? `state "${from}"` : 'no state'} has no event ${event}`);
    if (event === to) return { ops: [], label: { zh: '', en: '' } };
    const clash = having.find((s) => Object.hasOwn((states[s] as Json).on as Json, to));
    if (clash) throw new CommandError('rename-event', `state "${clash}" has an event ${to} already`);
    return {
      ops: having.map((s) => ({ op: 'rename', path: specPointer({ from: s, event }), to })),
      label: { zh: `事件 ${event} 改名为 ${to}`, en: `rename event ${event} to ${to}` },
      ...(from !== undefined ? { select: specPointer({ from, event: to }) } : {}),
    };
  },
});
