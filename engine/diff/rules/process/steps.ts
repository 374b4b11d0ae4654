import type { MatterDefinition, Process } from '../../../model/index.ts';
import { isAutomatic } from '../../../process/automatic.ts';
import { roleAt, type StateNode } from '../../../process/nodes.ts';
import type { FixOp } from '../../fix.ts';
import { weights } from '../../weights.ts';
import type { DefinitionRule } from '../../rule.ts';
import { atomicNodes, matchSteps } from './match.ts';

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

/**
 * Whether a state is a step where a person acts: an atomic state (at any depth) that does not decide itself. Final
 * states are not steps, nor are compound and parallel ones: their children are.
 */
export const isHumanStep = (node: StateNode): boolean => node.kind === 'atomic' && !isAutomatic(node.state);

/** How many steps of a process a person acts in, at any depth (the burden metric and the top runner's measure). */
export const humanStepCount = (process: Process): number => atomicNodes(process).filter(isHumanStep).length;

/**
 * A step where a person acts, present in one process and not the other (states matched by path, a moved step by its
 * name and role: ./match.ts), and a step that moved (neutral); automatic states are ./automatic.ts's.
 */
export const stepRule: DefinitionRule = {
  code: 'process.step',
  area: 'process',
  scope: 'definition',
  reads: ['/process'],
  describe: {
    en: (p) => (p.kind === 'added' ? `adds the step “${p.step}” (${p.role})` : p.kind === 'removed' ? `drops the step “${p.step}” (${p.role})` : `moves the step “${p.step}” from ${p.from} to ${p.state}`),
    zh: (p) => (p.kind === 'added' ? `增加办理环节“${p.stepZh}”（${p.role}）` : p.kind === 'removed' ? `减少办理环节“${p.stepZh}”（${p.role}）` : `办理环节“${p.stepZh}”由 ${p.from} 移至 ${p.state}`),
  },
  compare(a, b, emit) {
    if (a.process === b.process) return;
    const { aToB, bToA } = matchSteps(a.process, b.process);
    for (const node of atomicNodes(a.process)) {
      const other = aToB.get(node.path);
      if (other !== undefined) {
        if (other !== node.path && isHumanStep(node)) emit({ kind: 'changed', path: node.pointer, burden: 'neutral', weight: 0, params: { ...stepParams('changed', a.process, node), from: other }, fix: adoptProcess(b) });
        continue;
      }
      if (isHumanStep(node)) emit({ kind: 'added', path: node.pointer, burden: 'more', weight: weights.humanStep, params: stepParams('added', a.process, node), fix: adoptProcess(b) });
    }
    for (const node of atomicNodes(b.process)) {
      if (bToA.has(node.path) || !isHumanStep(node)) continue;
      emit({ kind: 'removed', path: node.pointer, burden: 'less', weight: weights.humanStep, params: stepParams('removed', b.process, node), fix: adoptProcess(b) });
    }
  },
};

/** The step name of a state in both languages, or its path when it has none. */
export const stepName = (node: StateNode): { step: string; stepZh: string } => ({ step: node.state.meta?.step?.en ?? node.path, stepZh: node.state.meta?.step?.zh ?? node.path });

const stepParams = (kind: string, process: Process, node: StateNode) => ({ kind, state: node.path, ...stepName(node), role: roleAt(process, node.path) ?? '' });
