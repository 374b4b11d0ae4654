import { join } from '../../../json/pointer.ts';
import type { MatterDefinition, ProcessState } from '../../../model/index.ts';
import { isAutomatic } from '../../../process/automatic.ts';
import type { FixOp } from '../../fix.ts';
import { weights } from '../../weights.ts';
import type { DefinitionRule } from '../../rule.ts';

const adoptCache = new WeakMap<MatterDefinition, FixOp[]>();
/** Taking the baseline's process: states are wired together, so a step cannot be dropped on its own. */
export const adoptProcess = (b: MatterDefinition): FixOp[] => {
  let ops = adoptCache.get(b);
  if (!ops) {
    // roles are not compared, only carried over: a draft's may not be a list yet
    const roles: readonly unknown[] = Array.isArray(b.roles) ? b.roles : [];
    ops = [{ op: 'set', path: '/process', value: b.process }, ...roles.map((role) => ({ op: 'push' as const, path: '/roles', value: role }))];
    adoptCache.set(b, ops);
  }
  return ops;
};

function isStep(d: MatterDefinition, name: string): boolean {
  return Object.hasOwn(d.process.states, name) && d.process.states[name]?.type !== 'final';
}

/** A step where a person acts, present in one process and not the other (matched by state name); automatic states are ./automatic.ts's. */
export const stepRule: DefinitionRule = {
  code: 'process.step',
  area: 'process',
  scope: 'definition',
  reads: ['/process'],
  describe: {
    en: (p) => (p.kind === 'added' ? `adds the step “${p.step}” (${p.role})` : `drops the step “${p.step}” (${p.role})`),
    zh: (p) => (p.kind === 'added' ? `增加办理环节“${p.stepZh}”（${p.role}）` : `减少办理环节“${p.stepZh}”（${p.role}）`),
  },
  compare(a, b, emit) {
    if (a.process === b.process) return;
    const sa = a.process.states;
    const sb = b.process.states;
    for (const name in sa) {
      const state = sa[name];
      if (!state || state.type === 'final' || isAutomatic(state) || isStep(b, name)) continue;
      emit({ kind: 'added', path: join('/process/states', name), burden: 'more', weight: weights.humanStep, params: stepParams('added', name, state), fix: adoptProcess(b) });
    }
    for (const name in sb) {
      const state = sb[name];
      if (!state || state.type === 'final' || isAutomatic(state) || isStep(a, name)) continue;
      emit({ kind: 'removed', path: join('/process/states', name), burden: 'less', weight: weights.humanStep, params: stepParams('removed', name, state), fix: adoptProcess(b) });
    }
  },
};

const stepParams = (kind: string, name: string, state: ProcessState) => ({
  kind,
  state: name,
  step: state.meta?.step?.en ?? name,
  stepZh: state.meta?.step?.zh ?? name,
  role: state.meta?.role ?? '',
});
