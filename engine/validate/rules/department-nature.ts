import { join } from '../../json/pointer.ts';
import type { Department, MatterDefinition, SharedDataCatalogue } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

const codes = ['department.entrusted-by-missing', 'department.entrusted-by-unexpected'] as const;

// An entrusted body (受委托组织) acts in the name of the body that entrusted it, so it names that body; no other does.
function checkDepartment(department: Department | undefined, file: string, at: string, problems: Problem[]): void {
  if (!department) return;
  if (department.nature === 'entrusted' && department.entrustedBy === undefined) {
    problems.push(problem('department.entrusted-by-missing', file, join(at, 'nature'), { department: department.name.zh }));
  } else if (department.nature !== 'entrusted' && department.entrustedBy !== undefined) {
    problems.push(problem('department.entrusted-by-unexpected', file, join(at, 'entrustedBy'), { department: department.name.zh, nature: department.nature ?? null }));
  }
}

/** The implementing body and the standard's owner: entrusted exactly when they name who entrusted them. */
export const departmentNatureRule: Rule<MatterDefinition> = {
  name: 'department-nature',
  codes,
  check({ file, value }) {
    const problems: Problem[] = [];
    checkDepartment(value.department, file, '/department', problems);
    checkDepartment(value.standardOwner, file, '/standardOwner', problems);
    return problems;
  },
};

/** Shared-data providers, the same way. */
export const providerNatureRule: Rule<SharedDataCatalogue> = {
  name: 'provider-nature',
  codes,
  check({ file, value }) {
    const problems: Problem[] = [];
    value.items.forEach((item, i) => checkDepartment(item.provider, file, join('/items', i, 'provider'), problems));
    return problems;
  },
};
