import type { Process } from '../../../model/index.ts';
import { nodeAt, nodeMap, type StateNode } from '../../../process/nodes.ts';
import { weights } from '../../weights.ts';
import type { DefinitionRule } from '../../rule.ts';
import { adoptProcess, isHumanStep, stepName } from './steps.ts';

/**
 * Steps taken side by side: the regions of a parallel state (each department's part of a one-thing bundle) run at
 * the same time, so the applicant waits for the longest region, not for every step one after another. A parallel
 * state saves the steps of its regions beyond the longest one; turning sequential steps into parallel regions is
 * less burden by a human step for each step saved (the steps themselves are matched as moved by ./match.ts, not
 * dropped and added), and the way back is more.
 */
export const parallelRule: DefinitionRule = {
  code: 'process.parallel',
  area: 'process',
  scope: 'definition',
  reads: ['/process'],
  describe: {
    en: (p) =>
      p.kind === 'added'
        ? `runs the regions of “${p.step}” (${list(p.regions)}) side by side: the applicant waits for ${n(p.saved)} fewer one after another`
        : p.kind === 'removed'
          ? `no longer runs the regions of “${p.step}” (${list(p.regions)}) side by side: the applicant waits for ${n(p.saved)} more one after another`
          : `“${p.step}” runs ${more(p) ? 'more' : 'fewer'} of its steps side by side: the applicant waits for ${n(Math.abs(Number(p.to) - Number(p.from)))} ${more(p) ? 'fewer' : 'more'} one after another`,
    zh: (p) =>
      p.kind === 'added'
        ? `“${p.stepZh}”的各分支（${list(p.regions)}）并行办理：申请人依次等待的环节减少 ${p.saved} 个`
        : p.kind === 'removed'
          ? `“${p.stepZh}”的各分支（${list(p.regions)}）不再并行办理：申请人依次等待的环节增加 ${p.saved} 个`
          : `“${p.stepZh}”并行办理的环节${more(p) ? '增加' : '减少'}：申请人依次等待的环节${more(p) ? '减少' : '增加'} ${Math.abs(Number(p.to) - Number(p.from))} 个`,
  },
  compare(a, b, emit) {
    if (a.process === b.process) return;
    const fix = () => adoptProcess(b);
    for (const node of nodeMap(a.process).values()) {
      if (node.kind !== 'parallel') continue;
      const to = saved(a.process, node);
      const other = nodeAt(b.process, node.path);
      const from = other?.kind === 'parallel' ? saved(b.process, other) : 0;
      if (to === from) continue;
      const kind = other?.kind === 'parallel' ? 'changed' : 'added';
      const params = kind === 'added' ? { saved: to } : { from, to };
      emit({ kind, path: node.pointer, burden: to > from ? 'less' : 'more', weight: weights.humanStep * Math.abs(to - from), params: { kind, state: node.path, ...stepName(node), regions: regionKeys(a.process, node), ...params }, fix });
    }
    for (const node of nodeMap(b.process).values()) {
      if (node.kind !== 'parallel' || nodeAt(a.process, node.path)?.kind === 'parallel') continue;
      const from = saved(b.process, node);
      if (from === 0) continue;
      emit({ kind: 'removed', path: node.pointer, burden: 'more', weight: weights.humanStep * from, params: { kind: 'removed', state: node.path, ...stepName(node), regions: regionKeys(b.process, node), saved: from }, fix });
    }
  },
};

/**
 * The human steps below `node` the applicant waits for one after another: a step is one, a parallel state's regions
 * count as their longest one, any other state's children add up (a compound state's steps are a sequence).
 */
export function sequentialSteps(process: Process, node: StateNode, depth = 0): number {
  if (node.kind === 'atomic') return isHumanStep(node) ? 1 : 0;
  if (depth > 16) return 0; // nodesOf walks no deeper than a few levels past the limit; this only bounds the recursion
  const counts = node.children.map((c) => {
    const child = nodeAt(process, c);
    return child ? sequentialSteps(process, child, depth + 1) : 0;
  });
  return node.kind === 'parallel' ? Math.max(0, ...counts) : counts.reduce((x, y) => x + y, 0);
}

/** The steps a parallel state saves the applicant's wait: those of its regions beyond the longest region. */
export function saved(process: Process, node: StateNode): number {
  const counts = node.children.map((c) => {
    const child = nodeAt(process, c);
    return child ? sequentialSteps(process, child) : 0;
  });
  return counts.reduce((x, y) => x + y, 0) - Math.max(0, ...counts);
}

const regionKeys = (process: Process, node: StateNode): string[] => node.children.map((c) => nodeAt(process, c)?.key ?? c);
const more = (p: Record<string, unknown>): boolean => Number(p.to) > Number(p.from);
const list = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));
const n = (v: unknown): string => (v === 1 ? '1 step' : `${String(v)} steps`);

/**
 * The human steps of a whole process the applicant waits for one after another: every step, less those parallel
 * states save (what the step and parallel rules weigh together).
 */
export function sequentialStepCount(process: Process): number {
  let sum = 0;
  for (const node of nodeMap(process).values()) if (node.depth === 1) sum += sequentialSteps(process, node);
  return sum;
}
