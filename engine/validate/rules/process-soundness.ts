import type { MatterDefinition } from '../../model/index.ts';
import { edgesOf, finalStates, nestingEdges, reachable } from '../../process/graph.ts';
import { nodeAt, nodesOf } from '../../process/nodes.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/**
 * Every state is reachable from the initial state, and from every state some final state of the process is
 * reachable. Nesting counts: entering a compound state enters its initial child, a parallel one all its regions, a
 * nested state takes its ancestors' transitions, and a final child completes its parent (onDone).
 */
export const processSoundnessRule: Rule<MatterDefinition> = {
  name: 'process-soundness',
  codes: ['process.unreachable', 'process.no-final-state', 'process.no-way-to-finish'],
  check({ file, value: { process } }) {
    if (nodeAt(process, process.initial)?.depth !== 1) return []; // reported by process-structure
    const edges = [...edgesOf(process).filter((e) => !e.unresolved), ...nestingEdges(process)];
    const problems: Problem[] = [];
    const forward = reachable([process.initial], edges);
    const nodes = nodesOf(process);
    for (const node of nodes) {
      if (!forward.has(node.path)) problems.push(problem('process.unreachable', file, node.pointer, { state: node.path }));
    }
    const finals = finalStates(process);
    if (finals.length === 0) return [...problems, problem('process.no-final-state', file, '/process/states')];
    const backward = reachable(finals, edges, true);
    for (const node of nodes) {
      if (forward.has(node.path) && !backward.has(node.path)) problems.push(problem('process.no-way-to-finish', file, node.pointer, { state: node.path }));
    }
    return problems;
  },
};
