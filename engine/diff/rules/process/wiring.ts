import { join } from '../../../json/pointer.ts';
import type { MatterDefinition } from '../../../model/index.ts';
import { jsonEqual } from '../../../json/equal.ts';
import { stateEdges, type Edge } from '../../../process/graph.ts';
import type { DefinitionRule } from '../../rule.ts';
import { adoptProcess } from './steps.ts';

/** Roles and transitions between states: who acts and how a case moves (neutral for the applicant). */
export const roleRule: DefinitionRule = {
  code: 'process.role',
  area: 'process',
  scope: 'definition',
  reads: ['/process'],
  describe: { en: (p) => `“${p.state}” is acted on by ${p.to} instead of ${p.from}`, zh: (p) => `环节“${p.state}”的办理角色由 ${p.from} 改为 ${p.to}` },
  compare(a, b, emit) {
    for (const [name, state] of Object.entries(a.process.states)) {
      const other = Object.hasOwn(b.process.states, name) ? b.process.states[name] : undefined;
      if (!state || !other || state.meta?.role === other.meta?.role) continue;
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
    const sa = a.process.states;
    const sb = b.process.states;
    if (a.process === b.process) return;
    const names = Object.keys(sa);
    for (const name of Object.keys(sb)) if (!Object.hasOwn(sa, name)) names.push(name);
    for (const name of names) {
      const onA = Object.hasOwn(sa, name) ? sa[name]?.on : undefined;
      const onB = Object.hasOwn(sb, name) ? sb[name]?.on : undefined;
      if (onA === onB || jsonEqual(onA, onB)) continue; // compare edges only where a state's transitions differ
      const ea = new Map(edgesFrom(a, name).map((e) => [`${e.event} ${e.target}`, e]));
      const eb = new Map(edgesFrom(b, name).map((e) => [`${e.event} ${e.target}`, e]));
      for (const [key, e] of ea) if (!eb.has(key)) emit({ kind: 'added', path: e.pointer, burden: 'neutral', weight: 0, params: { kind: 'added', from: e.from, event: e.event, target: e.target }, fix: adoptProcess(b) });
      for (const [key, e] of eb) if (!ea.has(key)) emit({ kind: 'removed', path: e.pointer, burden: 'neutral', weight: 0, params: { kind: 'removed', from: e.from, event: e.event, target: e.target }, fix: adoptProcess(b) });
    }
  },
};

function edgesFrom(d: MatterDefinition, state: string): Edge[] {
  const edges: Edge[] = [];
  if (Object.hasOwn(d.process.states, state)) stateEdges(d.process, state, '/process', edges);
  return edges;
}
