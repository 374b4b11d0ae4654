import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { edgesOf, finalStates, reachable } from '../../process/graph.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/** Every state is reachable from the initial state, and from every state some final state is reachable. */
export const processSoundnessRule: Rule<MatterDefinition> = {
  name: 'process-soundness',
  codes: ['process.unreachable', 'process.no-final-state', 'process.no-way-to-finish'],
  check({ file, value: { process } }) {
    const states = process.states;
    if (!Object.hasOwn(states, process.initial)) return []; // reported by process-structure
    const edges = edgesOf(process).filter((e) => Object.hasOwn(states, e.target));
    const problems: Problem[] = [];
    const forward = reachable([process.initial], edges);
    for (const name of Object.keys(states)) {
      if (!forward.has(name)) problems.push(problem('process.unreachable', file, join('/process/states', name), { state: name }));
    }
    const finals = finalStates(process);
    if (finals.length === 0) return [...problems, problem('process.no-final-state', file, '/process/states')];
    const backward = reachable(finals, edges, true);
    for (const name of Object.keys(states)) {
      if (forward.has(name) && !backward.has(name)) {
        problems.push(problem('process.no-way-to-finish', file, join('/process/states', name), { state: name }));
      }
    }
    return problems;
  },
};
