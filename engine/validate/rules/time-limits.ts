import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/**
 * A time limit's extension (延长) extends a statutory limit, so it needs one and reaches beyond it; on-site
 * minutes (办理时长) describe an immediate matter (即办件) the applicant attends in person.
 */
export const timeLimitsRule: Rule<MatterDefinition> = {
  name: 'time-limits',
  codes: ['service.extension-without-statutory', 'service.extension-not-beyond-statutory', 'service.on-site-minutes-not-immediate', 'service.on-site-minutes-without-visit'],
  check({ file, value }) {
    const problems: Problem[] = [];
    const { statutoryDays, extendableTo, onSiteMinutes } = value.timeLimit;
    const unit = value.timeLimit.unit ?? 'working-days';
    if (extendableTo !== undefined && statutoryDays === undefined) {
      problems.push(problem('service.extension-without-statutory', file, '/timeLimit/extendableTo', { extendableTo, unit }));
    } else if (extendableTo !== undefined && statutoryDays !== undefined && extendableTo <= statutoryDays) {
      problems.push(problem('service.extension-not-beyond-statutory', file, '/timeLimit/extendableTo', { extendableTo, statutory: statutoryDays, unit }));
    }
    if (onSiteMinutes !== undefined && value.handlingType !== 'immediate') {
      problems.push(problem('service.on-site-minutes-not-immediate', file, '/timeLimit/onSiteMinutes', { minutes: onSiteMinutes, handlingType: value.handlingType }));
    } else if (onSiteMinutes !== undefined && value.visits === 0) {
      problems.push(problem('service.on-site-minutes-without-visit', file, '/timeLimit/onSiteMinutes', { minutes: onSiteMinutes }));
    }
    return problems;
  },
};
