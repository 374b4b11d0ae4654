import { join } from '../../../json/pointer.ts';
import type { MatterDefinition } from '../../../model/index.ts';
import { jsonEqual } from '../../../json/equal.ts';
import { edgesFromState, rootEdges, type Edge } from '../../../process/graph.ts';
import { nodeAt, nodeMap, resolveTarget } from '../../../process/nodes.ts';
import type { DefinitionRule, Emit } from '../../rule.ts';
import { isNested } from './match.ts';
import { adoptProcess } from './steps.ts';

/**
 * Roles and transitions between states: who acts and how a case moves (neutral for the applicant). States are
 * matched by path at any depth; a role is compared where it is written (a nested state acts in its ancestor's role
 * unless it names its own, so a role changed on a compound state is one change).
 */
export const roleRule: DefinitionRule = {
  code: 'process.role',
  area: 'process',
  scope: 'definition',
  reads: ['/process'],
  describe: { en: (p) => `“${p.state}” is acted on by ${p.to} instead of ${p.from}`, zh: (p) => `环节“${p.state}”的办理角色由 ${p.from} 改为 ${p.to}` },
  compare(a, b, emit) {
    if (a.process === b.process) return;
    for (const node of nodeMap(a.process).values()) {
      const other = nodeAt(b.process, node.path);
      if (!other || node.state.meta?.role === other.state.meta?.role) continue;
      emit({ kind: 'changed', path: join(node.pointer, 'meta', 'role'), burden: 'neutral', weight: 0, params: { state: node.path, from: other.state.meta?.role ?? '-', to: node.state.meta?.role ?? '-' }, fix: adoptProcess(b) });
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
    // the same words name the same states in two flat processes of one id; with nesting they may not
    const reread = a.process.id !== b.process.id || isNested(a.process) || isNested(b.process);
    for (const path of nodeMap(a.process).keys()) compareTransitions(a, b, path, reread, emit);
    for (const path of nodeMap(b.process).keys()) if (!nodeAt(a.process, path)) compareTransitions(a, b, path, reread, emit);
    compareRoot(a, b, emit);
  },
};

// Edges are only listed for a state whose transitions (events, delays, eventless, onDone) differ; targets are
// compared as resolved paths, so `review` and `#id.review` written in the same state are the same transition.
function compareTransitions(a: MatterDefinition, b: MatterDefinition, path: string, reread: boolean, emit: Emit): void {
  const sa = nodeAt(a.process, path)?.state;
  const sb = nodeAt(b.process, path)?.state;
  const same = (sa?.on === sb?.on && sa?.after === sb?.after && sa?.always === sb?.always && sa?.onDone === sb?.onDone) ||
    (jsonEqual(sa?.on, sb?.on) && jsonEqual(sa?.after, sb?.after) && jsonEqual(sa?.always, sb?.always) && jsonEqual(sa?.onDone, sb?.onDone));
  if (same && (!reread || sameTargets(a, b, path))) return;
  emitEdges(edgesFromState(a.process, path), edgesFromState(b.process, path), b, emit);
}


function sameTargets(a: MatterDefinition, b: MatterDefinition, path: string): boolean {
  const [ea, eb] = [edgesFromState(a.process, path), edgesFromState(b.process, path)];
  return ea.length === eb.length && ea.every((e, i) => e.target === eb[i]!.target);
}

// The root-level transitions (`process.on`), shown from "*" (every state).
function compareRoot(a: MatterDefinition, b: MatterDefinition, emit: Emit): void {
  if (a.process.on === b.process.on || jsonEqual(a.process.on, b.process.on)) return;
  emitEdges(rootEdgesOf(a), rootEdgesOf(b), b, emit);
}

function rootEdgesOf(d: MatterDefinition): Edge[] {
  const edges: Edge[] = [];
  // listed as from a state that handles none of them itself: an empty one; targets resolved from the root
  rootEdges({ ...d.process, states: { '*': {} } }, '*', '/process', edges);
  return edges.map((e) => {
    const target = resolveTarget(d.process, undefined, e.target);
    return target === undefined || target === e.target ? e : { ...e, target };
  });
}

function emitEdges(from: readonly Edge[], to: readonly Edge[], b: MatterDefinition, emit: Emit): void {
  const ea = new Map(from.map((e) => [`${e.event} ${e.target}`, e]));
  const eb = new Map(to.map((e) => [`${e.event} ${e.target}`, e]));
  for (const [key, e] of ea) if (!eb.has(key)) emit({ kind: 'added', path: e.pointer, burden: 'neutral', weight: 0, params: { kind: 'added', from: e.from, event: e.event, target: e.target }, fix: adoptProcess(b) });
  for (const [key, e] of eb) if (!ea.has(key)) emit({ kind: 'removed', path: e.pointer, burden: 'neutral', weight: 0, params: { kind: 'removed', from: e.from, event: e.event, target: e.target }, fix: adoptProcess(b) });
}
