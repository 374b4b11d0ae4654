import { join } from '../../../json/pointer.ts';
import type { ProcessState } from '../../../model/index.ts';
import { alwaysOf, isAutomatic } from '../../../process/automatic.ts';
import { nodeAt, type StateNode } from '../../../process/nodes.ts';
import { weights } from '../../weights.ts';
import type { DefinitionRule } from '../../rule.ts';
import { atomicNodes, matchSteps } from './match.ts';
import { adoptProcess, stepName } from './steps.ts';

/** How a step is decided: by a person, automatically when its guards hold (otherwise by a person), or automatically. */
type Decided = 'human' | 'partly' | 'automatic';
const share: Readonly<Record<Decided, number>> = { human: 0, partly: weights.conditional, automatic: 1 };
const en: Readonly<Record<Decided, string>> = { human: 'decided by a person', partly: 'decided automatically (秒批) when its conditions hold, otherwise by a person', automatic: 'decided automatically (秒批)' };
const zh: Readonly<Record<Decided, string>> = { human: '人工办理', partly: '符合条件时自动判定（秒批），否则人工办理', automatic: '自动判定（秒批）' };

function decided(state: ProcessState): Decided {
  if (isAutomatic(state)) return 'automatic';
  return alwaysOf(state).length > 0 ? 'partly' : 'human';
}

const guarded = (state: ProcessState) => alwaysOf(state).some((t) => typeof t === 'object' && t.guard !== undefined);
const stepOf = (node: StateNode) => ({ state: node.path, ...stepName(node) });

/**
 * Automatic decisions (秒批): a step decided by rules instead of a person asks less of the applicant (no waiting for
 * someone to act) — in full when the state always decides itself, by `weights.conditional` when it does so only when
 * its guards hold. An added state that decides some cases automatically counts the same way; its absence, the other.
 * Steps are the atomic states at any depth, matched as the step rule matches them (./match.ts).
 */
export const automaticRule: DefinitionRule = {
  code: 'process.automatic',
  area: 'process',
  scope: 'definition',
  reads: ['/process'],
  describe: {
    en: (p) => (p.kind === 'added' ? `adds an automatic decision (秒批) at “${p.step}”` : p.kind === 'removed' ? `drops the automatic decision (秒批) at “${p.step}”` : `“${p.step}” is now ${en[p.to as Decided]} (was ${en[p.from as Decided]})`),
    zh: (p) => (p.kind === 'added' ? `增加自动判定环节“${p.stepZh}”（秒批）` : p.kind === 'removed' ? `取消自动判定环节“${p.stepZh}”（秒批）` : `环节“${p.stepZh}”改为${zh[p.to as Decided]}（原为${zh[p.from as Decided]}）`),
  },
  compare(a, b, emit) {
    if (a.process === b.process) return;
    const { aToB, bToA } = matchSteps(a.process, b.process);
    for (const node of atomicNodes(a.process)) {
      const sa = node.state;
      const path = aToB.get(node.path);
      const sb = path === undefined ? undefined : nodeAt(b.process, path)?.state;
      if (!sb) {
        if (guarded(sa)) emit({ kind: 'added', path: join(node.pointer, 'always'), burden: 'less', weight: weights.humanStep * weights.conditional, params: { kind: 'added', ...stepOf(node) }, fix: adoptProcess(b) });
        continue;
      }
      const [to, from] = [decided(sa), decided(sb)];
      if (to === from) continue;
      const delta = share[to] - share[from];
      emit({ kind: 'changed', path: node.pointer, burden: delta > 0 ? 'less' : 'more', weight: weights.humanStep * Math.abs(delta), params: { kind: 'changed', ...stepOf(node), from, to }, fix: adoptProcess(b) });
    }
    for (const node of atomicNodes(b.process)) {
      if (bToA.has(node.path) || !guarded(node.state)) continue;
      emit({ kind: 'removed', path: join(node.pointer, 'always'), burden: 'more', weight: weights.humanStep * weights.conditional, params: { kind: 'removed', ...stepOf(node) }, fix: adoptProcess(b) });
    }
  },
};
