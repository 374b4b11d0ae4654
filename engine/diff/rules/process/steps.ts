import { join } from '../../../json/pointer.ts';
import type { MatterDefinition } from '../../../model/index.ts';
import type { FixOp } from '../../fix.ts';
import { weights } from '../../weights.ts';
import type { DefinitionRule } from '../../rule.ts';

const humanSteps = (d: MatterDefinition) => Object.entries(d.process.states).filter(([, s]) => s && s.type !== 'final');

/** Taking the baseline's process: states are wired together, so a step cannot be dropped on its own. */
export const adoptProcess = (b: MatterDefinition): FixOp[] => [
  { op: 'set', path: '/process', value: b.process },
  ...b.roles.map((role) => ({ op: 'push' as const, path: '/roles', value: role })),
];

/** A step where a person acts, present in one process and not the other (matched by state name). */
export const stepRule: DefinitionRule = {
  code: 'process.step',
  area: 'process',
  scope: 'definition',
  describe: {
    en: (p) => (p.kind === 'added' ? `adds the step “${p.step}” (${p.role})` : `drops the step “${p.step}” (${p.role})`),
    zh: (p) => (p.kind === 'added' ? `增加办理环节“${p.stepZh}”（${p.role}）` : `减少办理环节“${p.stepZh}”（${p.role}）`),
  },
  compare(a, b, emit) {
    const sa = new Set(humanSteps(a).map(([n]) => n));
    const sb = new Set(humanSteps(b).map(([n]) => n));
    for (const [name, state] of humanSteps(a)) {
      if (sb.has(name)) continue;
      emit({ kind: 'added', path: join('/process/states', name), burden: 'more', weight: weights.humanStep, params: { kind: 'added', state: name, step: state?.meta?.step?.en ?? name, stepZh: state?.meta?.step?.zh ?? name, role: state?.meta?.role ?? '' }, fix: adoptProcess(b) });
    }
    for (const [name, state] of humanSteps(b)) {
      if (sa.has(name)) continue;
      emit({ kind: 'removed', path: join('/process/states', name), burden: 'less', weight: weights.humanStep, params: { kind: 'removed', state: name, step: state?.meta?.step?.en ?? name, stepZh: state?.meta?.step?.zh ?? name, role: state?.meta?.role ?? '' }, fix: adoptProcess(b) });
    }
  },
};
