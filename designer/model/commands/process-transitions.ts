/**
 * Editing the process's transitions: add, remove, change target / guard / actions, rename an event. States are named
 * by their path; a target is written in the shortest form XState resolves from the transition's state (a sibling's
 * name, else `#<process id>.<path>`). Guards and actions come from the runtime's vocabulary. `from: anyState` ("*")
 * means the process's own `on`: events every top-level state accepts (a state handling the event itself overrides
 * it), taken on an event only, with targets written as paths from the root.
 */
import { escapeToken, isObject } from '../../../engine/json/pointer.ts';
import type { MatterDefinition } from '../../../engine/index.ts';
import { nodesOf } from '../../../engine/process/nodes.ts';
import type { Op } from '../patch.ts';
import {
  anyState, delayName, edgesOfState, eventName, ownerPointer, processOf, specPointer, targetFrom, transitionPointer,
  type ProcessEdge, type TransitionKind, type TransitionRef,
} from '../process.ts';
import { command, CommandError } from './command.ts';
import { describe, nodeOf, specList, stateOf, stepText, transitionValue, vocabularyOk, writeSpec, type Json, type ParamGuard, type TransitionInput } from './process.ts';

/** The process itself (what its own `on` lives in), or the command's refusal. */
function rootOf(definition: MatterDefinition, name: string): Json {
  const process = (definition as unknown as Json).process;
  if (!isObject(process)) throw new CommandError(name, 'the definition has no process');
  return process;
}

// What a transition's `from` keeps its transitions in: a state, or the process itself for every state.
const ownerFor = (definition: MatterDefinition, name: string, from: string): Json => (from === anyState ? rootOf(definition, name) : stateOf(definition, name, from));
// How refusals call it.
const ownerText = (from: string): string => (from === anyState ? 'the process (every step)' : `state "${from}"`);
// How labels call it.
const whereText = (from: string, state: Json) => (from === anyState ? { zh: '所有环节', en: 'every step' } : stepText(state, from));

function findTransition(definition: MatterDefinition, name: string, ref: TransitionRef): { state: Json; list: unknown[]; at: number; edge: ProcessEdge } {
  const state = ownerFor(definition, name, ref.from);
  const pointer = transitionPointer(ref);
  // the process's own keys beside `on` (states, initial…) are not transitions
  const edge = edgesOfState(processOf(definition), ref.from, ref.from === anyState ? { on: state.on } : state).find((e) => e.id === pointer);
  const list = specList(state, ref);
  if (!edge) {
    const hint = list.length > 1 && ref.index === undefined ? ` (it has ${list.length} alternatives: give an index)` : '';
    throw new CommandError(name, `${ownerText(ref.from)} has no transition ${describe(ref)}${ref.index !== undefined ? ` #${ref.index}` : ''}${hint}`);
  }
  return { state, list, at: ref.index ?? 0, edge };
}

function eventOk(name: string, kind: TransitionKind, event: string): void {
  if (kind === 'on' && !eventName.test(event)) throw new CommandError(name, `"${event}" is not an event name: a capital letter, then capitals, digits or _ (at most 64)`);
  if (kind === 'after' && !delayName.test(event)) throw new CommandError(name, `"${event}" is not a delay: milliseconds, or P<n>D / P<n>W / PT<n>H / PT<n>M`);
}

/** The target to write for a transition of `from` (a path, or `anyState`) into the state at path `to`, or the refusal. */
export function writtenTarget(definition: MatterDefinition, name: string, from: string, to: string): string {
  nodeOf(definition, name, to);
  const written = targetFrom(processOf(definition), from, to);
  if (written === undefined) throw new CommandError(name, `"${to}" cannot be named from "${from}": the process needs an id to name a state in another part of it`);
  return written;
}

/**
 * Adds a transition leaving `from` on an event (or a delay, eventless, or — a compound or parallel state — when its
 * children are done); from `anyState`, one every top-level state accepts on an event. A second one on the same event
 * makes the spec a list of alternatives, tried in order.
 */
export const addTransition = command<{ from: string; kind?: TransitionKind; event: string; transition: TransitionInput }>({
  name: 'add-transition',
  plan(definition, { from, kind = 'on', event, transition }) {
    const root = from === anyState;
    if (root && kind !== 'on') throw new CommandError('add-transition', 'a transition in every step is taken on an event: a delay, an eventless or a when-done transition belongs to a state');
    const node = root ? undefined : nodeOf(definition, 'add-transition', from);
    const state = node ? (node.state as unknown as Json) : rootOf(definition, 'add-transition');
    if (node?.kind === 'final') throw new CommandError('add-transition', `"${from}" is final: no transition leaves it`);
    if (node && kind === 'onDone' && node.kind !== 'compound' && node.kind !== 'parallel') throw new CommandError('add-transition', `"${from}" has no child states: only a compound or parallel state is done when its children are`);
    eventOk('add-transition', kind, event);
    const target = writtenTarget(definition, 'add-transition', from, transition?.target);
    vocabularyOk('add-transition', transition.guard, transition.actions);
    const ref = { from, kind, event: kind === 'always' || kind === 'onDone' ? '' : event };
    const list = specList(state, ref);
    const value = transitionValue({ ...transition, target });
    const map = kind === 'always' || kind === 'onDone' ? undefined : state[kind];
    const ops: Op[] = kind !== 'always' && kind !== 'onDone' && !isObject(map)
      ? [{ op: 'set', path: `${ownerPointer(from)}/${kind}`, value: { [event]: value } }]
      : list.length === 0 ? [{ op: 'set', path: specPointer(ref), value }] : [{ op: 'set', path: specPointer(ref), value: [...list, value] }];
    const name = describe(ref);
    const step = whereText(from, state);
    return { ops, label: { zh: `添加流转 ${name}：「${step.zh}」→ ${transition.target}`, en: `add transition ${name}: ${step.en} → ${transition.target}` }, select: transitionPointer({ ...ref, ...(list.length > 0 ? { index: list.length } : {}) }) };
  },
});

/** Removes one transition (an alternative of an event: the others stay, one left is written alone). */
export const removeTransition = command<{ at: TransitionRef }>({
  name: 'remove-transition',
  plan(definition, { at }) {
    const { state, list, at: i, edge } = findTransition(definition, 'remove-transition', at);
    const left = list.filter((_, j) => j !== i);
    const where = whereText(at.from, state);
    return {
      ops: writeSpec(state, at, left),
      label: { zh: `删除流转 ${describe(at)}：「${where.zh}」→ ${edge.target}`, en: `remove transition ${describe(at)}: ${where.en} → ${edge.target}` },
      select: at.from === anyState ? '/process' : nodeOf(definition, 'remove-transition', at.from).pointer,
    };
  },
});

/** Changes a transition's target (a state's path), guard (null removes it) or actions (an empty list removes them). */
export const setTransition = command<{ at: TransitionRef; target?: string; guard?: string | ParamGuard | null; actions?: readonly string[] }>({
  name: 'set-transition',
  plan(definition, { at, target, guard, actions }) {
    const { state, list, at: i, edge } = findTransition(definition, 'set-transition', at);
    // an unchanged target keeps the form it is written in
    const written = target === undefined || target === edge.target ? edge.written : writtenTarget(definition, 'set-transition', at.from, target);
    vocabularyOk('set-transition', guard ?? undefined, actions);
    // unchanged, the guard is kept as it is written (a parameterised one too)
    const g = guard === undefined ? edge.guard ?? edge.guardParams : guard ?? undefined;
    const next = { target: written, ...(g !== undefined ? { guard: g } : {}), actions: actions ?? edge.actions };
    const old = list[i];
    const value = transitionValue(next, isObject(old) ? old : undefined);
    const where = whereText(at.from, state);
    const label = { zh: `修改流转 ${describe(at)}（「${where.zh}」）`, en: `change transition ${describe(at)} of ${where.en}` };
    if (JSON.stringify(value) === JSON.stringify(old)) return { ops: [], label };
    return { ops: [{ op: 'set', path: transitionPointer(at), value }], label, select: transitionPointer(at) };
  },
});

/**
 * Renames an event in one state (`from`, a path), in the process's own `on` (`anyState`), or — `from` left out — in
 * every state that has it and the process's own `on`; its position in each stays.
 */
export const renameEvent = command<{ from?: string; event: string; to: string }>({
  name: 'rename-event',
  plan(definition, { from, event, to }) {
    eventOk('rename-event', 'on', to);
    if (from !== undefined) ownerFor(definition, 'rename-event', from);
    const owners = nodesOf(processOf(definition)).filter((n) => from === undefined || n.path === from).map((n) => ({ from: n.path, pointer: n.pointer, on: n.state.on as unknown }));
    if (from === undefined || from === anyState) owners.push({ from: anyState, pointer: '/process', on: (processOf(definition) as unknown as Json).on });
    const having = owners.filter((o) => isObject(o.on) && Object.hasOwn(o.on, event));
    if (having.length === 0) throw new CommandError('rename-event', `${from !== undefined ? ownerText(from) : 'no state'} has no event ${event}`);
    if (event === to) return { ops: [], label: { zh: '', en: '' } };
    const clash = having.find((o) => Object.hasOwn(o.on as Json, to));
    if (clash) throw new CommandError('rename-event', `${ownerText(clash.from)} has an event ${to} already`);
    return {
      ops: having.map((o) => ({ op: 'rename', path: `${o.pointer}/on/${escapeToken(event)}`, to })),
      label: { zh: `事件 ${event} 改名为 ${to}`, en: `rename event ${event} to ${to}` },
      ...(from !== undefined ? { select: specPointer({ from, event: to }) } : {}),
    };
  },
});
