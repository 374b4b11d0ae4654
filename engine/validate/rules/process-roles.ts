import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { isAutomatic } from '../../process/automatic.ts';
import { nodesOf, roleAt } from '../../process/nodes.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/**
 * Every state where someone acts names its step and a role the definition declares, its own or one a state it is
 * nested in names (an automatic state needs neither; a compound or parallel state's children are where people act).
 */
export const processRolesRule: Rule<MatterDefinition> = {
  name: 'process-roles',
  codes: ['process.role-missing', 'process.role-undeclared', 'process.step-missing'],
  check({ file, value }) {
    const declared = new Set(value.roles.map((r) => r.id));
    const problems: Problem[] = [];
    for (const { path: name, state, pointer: at, kind } of nodesOf(value.process)) {
      const role = state.meta?.role;
      if (role !== undefined && !declared.has(role)) {
        problems.push(problem('process.role-undeclared', file, join(at, 'meta', 'role'), { role }));
      }
      if (kind !== 'atomic' || isAutomatic(state)) continue;
      if (roleAt(value.process, name) === undefined) problems.push(problem('process.role-missing', file, state.meta ? join(at, 'meta') : at, { state: name }));
      if (state.meta?.step === undefined) problems.push(problem('process.step-missing', file, state.meta ? join(at, 'meta') : at, { state: name }));
    }
    return problems;
  },
};
