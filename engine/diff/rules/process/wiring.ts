import { join } from '../../../json/pointer.ts';
import type { MatterDefinition } from '../../../model/index.ts';
import { jsonEqual } from '../../../json/equal.ts';
import { rootEdges, stateEdges, type Edge } from '../../../process/graph.ts';
import type { DefinitionRule, Emit } from '../../rule.ts';
import { adoptProcess } from './steps.ts';

/** Roles and transitions between states: who acts and how a case moves (neutral for the applicant). */
export const roleRule: DefinitionRule = {
  code: 'process.role',
  area: 'process',
  scope: 'definition',
  reads: ['/process'],
  describe: { en: (p) => `“${p.state}” is acted on by ${p.to} instead of ${p.from}`, zh: (p) => `环节“${p.state}”的办理角色由 ${p.from} 改为 ${p.to}` },
  compare(a, b, emit) {
    if (a.process === b.process) return;
    const sb = b.process.states;
    for (const name in a.process.states) {
      const state = a.process.states[name];
      const other = sb[name];
      if (!state || !other || !Object.hasOwn(sb, name) || state.meta?.role === other.meta?.role) continue;
      emit({ kind: 'changed', path: join('/process/states', name, 'meta', 'role'), burden: 'neutral', weight: 0, params: { state: name, from: other.meta?.role ?? '-', to: state.meta?.role ?? '-' }, fix: adoptProcess(b) });
    }
  },
};

export const transitionRule: DefinitionRule = {
  code: 'process.transition',
  area: 'process',
  scope: 'definition',
  reads: ['/process'],
  describe: {
    en: (p) => `${p.kind === 'added' ? 'adds' : 'removes'} the transition ${p.from} —${p.event}→ ${p.target}`,
    zh: (p) => `${p.kind === 'added' ? '增加' : '删除'}流转 ${p.from} —${p.event}→ ${p.target}`,
  },
  compare(a, b, emit) {
    if (a.process === b.process) return;
    for (const name in a.process.states) compareTransitions(a, b, name, emit);
    for (const name in b.process.states) if (!Object.hasOwn(a.process.states, name)) compareTransitions(a, b, name, emit);
    compareRoot(a, b, emit);
  },
};

// Edges are only listed for a state whose transitions (events, delays, eventless) differ.
function compareTransitions(a: MatterDefinition, b: MatterDefinition, name: string, emit: Emit): void {
  const sa = Object.hasOwn(a.process.states, name) ? a.process.states[name] : undefined;
  const sb = Object.hasOwn(b.process.states, name) ? b.process.states[name] : undefined;
  if (sa?.on === sb?.on && sa?.after === sb?.after && sa?.always === sb?.always) return;
  if (jsonEqual(sa?.on, sb?.on) && jsonEqual(sa?.after, sb?.after) && jsonEqual(sa?.always, sb?.always)) return;
  emitEdges(edgesFrom(a, name), edgesFrom(b, name), b, emit);
}

// The root-level transitions (`process.on`), shown from "*" (every state).
function compareRoot(a: MatterDefinition, b: MatterDefinition, emit: Emit): void {
  if (a.process.on === b.process.on || jsonEqual(a.process.on, b.process.on)) return;
  emitEdges(rootEdgesOf(a), rootEdgesOf(b), b, emit);
}

function rootEdgesOf(d: MatterDefinition): Edge[] {
  const edges: Edge[] = [];
  // listed as from a state that handles none of them itself: an empty one
  rootEdges({ ...d.process, states: { '*': {} } }, '*', '/process', edges);
  return edges;
}

function emitEdges(from: Edge[], to: Edge[], b: MatterDefinition, emit: Emit): void {
  const ea = new Map(from.map((e) => [`${e.event} ${e.target}`, e]));
  const eb = new Map(to.map((e) => [`${e.event} ${e.target}`, e]));
  for (const [key, e] of ea) if (!eb.has(key)) emit({ kind: 'added', path: e.pointer, burden: 'neutral', weight: 0, params: { kind: 'added', from: e.from, event: e.event, target: e.target }, fix: adoptProcess(b) });
  for (const [key, e] of eb) if (!ea.has(key)) emit({ kind: 'removed', path: e.pointer, burden: 'neutral', weight: 0, params: { kind: 'removed', from: e.from, event: e.event, target: e.target }, fix: adoptProcess(b) });
}

function edgesFrom(d: MatterDefinition, state: string): Edge[] {
  const edges: Edge[] = [];
  if (Object.hasOwn(d.process.states, state)) stateEdges(d.process, state, '/process', edges);
  return edges;
}
