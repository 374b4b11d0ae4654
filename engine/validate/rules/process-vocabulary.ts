import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { edgesOf } from '../../process/graph.ts';
import { nodesOf } from '../../process/nodes.ts';
import { isKnownAction, isKnownGuard, knownActions, knownGuards } from '../../process/vocabulary.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

const guardNames = knownGuards.map((g) => g.name);
const actionNames = knownActions.map((a) => a.name);

/** Every guard and action named is one the runtime implements (parameterised guards: the meta-schema lists their types). */
export const processVocabularyRule: Rule<MatterDefinition> = {
  name: 'process-vocabulary',
  codes: ['process.unknown-guard', 'process.unknown-action'],
  check({ file, value: { process } }) {
    const problems: Problem[] = [];
    const action = (name: string, at: string) => {
      if (!isKnownAction(name)) problems.push(problem('process.unknown-action', file, at, { action: name, known: actionNames }));
    };
    const seen = new Set<string>(); // a root-level transition is listed for each state
    for (const edge of edgesOf(process)) {
      if (seen.has(edge.pointer)) continue;
      seen.add(edge.pointer);
      if (typeof edge.guard === 'string' && !isKnownGuard(edge.guard)) {
        problems.push(problem('process.unknown-guard', file, join(edge.pointer, 'guard'), { guard: edge.guard, known: guardNames }));
      }
      edge.actions.forEach((a, i) => action(a, join(edge.pointer, 'actions', i)));
    }
    for (const { state, pointer } of nodesOf(process)) {
      for (const hook of ['entry', 'exit'] as const) state[hook]?.forEach((a, i) => action(a, join(pointer, hook, i)));
    }
    return problems;
  },
};
