import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { edgesOf } from '../../process/graph.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/** The initial state and every transition target (events, delays, eventless and root-level ones) exist; final states have no way out. */
export const processStructureRule: Rule<MatterDefinition> = {
  name: 'process-structure',
  codes: ['process.initial-missing', 'process.target-missing', 'process.final-has-transitions'],
  check({ file, value: { process } }) {
    const problems: Problem[] = [];
    const states = process.states;
    if (!Object.hasOwn(states, process.initial)) {
      problems.push(problem('process.initial-missing', file, '/process/initial', { state: process.initial }));
    }
    const seen = new Set<string>(); // a root-level transition is listed for each state: reported once
    for (const edge of edgesOf(process)) {
      if (seen.has(edge.targetPointer)) continue;
      seen.add(edge.targetPointer);
      if (!Object.hasOwn(states, edge.target)) {
        problems.push(problem('process.target-missing', file, edge.targetPointer, { state: edge.root ? '*' : edge.from, event: edge.event, target: edge.target }));
      }
    }
    for (const [name, state] of Object.entries(states)) {
      for (const key of ['on', 'after', 'always'] as const) {
        if (state?.type === 'final' && state[key] !== undefined && (typeof state[key] !== 'object' || Object.keys(state[key]).length > 0)) {
          problems.push(problem('process.final-has-transitions', file, join('/process/states', name, key), { state: name }));
        }
      }
    }
    return problems;
  },
};
