import { join } from '../../../json/pointer.ts';
import type { MatterDefinition } from '../../../model/index.ts';
import { edgesOf } from '../../../process/graph.ts';
import type { DefinitionRule } from '../../rule.ts';
import { adoptProcess } from './steps.ts';

const edgeKeys = (d: MatterDefinition) => new Map(edgesOf(d.process).map((e) => [`${e.from} ${e.event} ${e.target}`, e]));

/** Roles and transitions between states: who acts and how a case moves (neutral for the applicant). */
export const roleRule: DefinitionRule = {
  code: 'process.role',
  area: 'process',
  scope: 'definition',
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
  describe: {
    en: (p) => `${p.kind === 'added' ? 'adds' : 'removes'} the transition ${p.from} —${p.event}→ ${p.target}`,
    zh: (p) => `${p.kind === 'added' ? '增加' : '删除'}流转 ${p.from} —${p.event}→ ${p.target}`,
  },
  compare(a, b, emit) {
    const ea = edgeKeys(a);
    const eb = edgeKeys(b);
    for (const [key, e] of ea) if (!eb.has(key)) emit({ kind: 'added', path: e.pointer, burden: 'neutral', weight: 0, params: { kind: 'added', from: e.from, event: e.event, target: e.target }, fix: adoptProcess(b) });
    for (const [key, e] of eb) if (!ea.has(key)) emit({ kind: 'removed', path: e.pointer, burden: 'neutral', weight: 0, params: { kind: 'removed', from: e.from, event: e.event, target: e.target }, fix: adoptProcess(b) });
  },
};
