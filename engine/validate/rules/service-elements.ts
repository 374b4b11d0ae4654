import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/** Time limits, handling type, visits and channels agree with one another. */
export const serviceElementsRule: Rule<MatterDefinition> = {
  name: 'service-elements',
  codes: ['service.promised-exceeds-statutory', 'service.immediate-with-days', 'service.visits-without-onsite'],
  check({ file, value }) {
    const problems: Problem[] = [];
    const { promisedDays, statutoryDays } = value.timeLimit;
    if (statutoryDays !== undefined && promisedDays > statutoryDays) {
      problems.push(problem('service.promised-exceeds-statutory', file, '/timeLimit/promisedDays', { promised: promisedDays, statutory: statutoryDays, unit: value.timeLimit.unit ?? 'working-days' }));
    }
    if (value.handlingType === 'immediate' && promisedDays > 0) {
      problems.push(problem('service.immediate-with-days', file, '/handlingType', { promised: promisedDays }));
    }
    if (value.visits > 0 && !value.channels.includes('onsite')) {
      problems.push(problem('service.visits-without-onsite', file, '/visits', { visits: value.visits }));
    }
    return problems;
  },
};
