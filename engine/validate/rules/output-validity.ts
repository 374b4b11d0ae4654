import { join } from '../../json/pointer.ts';
import type { MatterDefinition } from '../../model/index.ts';
import { problem, type Problem } from '../../problems/index.ts';
import type { Rule } from '../rule.ts';

/** An output valid for a number of years says how many; one valid long-term or conditionally gives no number. */
export const outputValidityRule: Rule<MatterDefinition> = {
  name: 'output-validity',
  codes: ['output.validity-years-missing', 'output.validity-years-unexpected'],
  check({ file, value }) {
    const problems: Problem[] = [];
    value.outputs.forEach((output, i) => {
      const validity = output.validity;
      if (!validity) return;
      const at = join('/outputs', i, 'validity');
      if (validity.kind === 'years' && validity.years === undefined) {
        problems.push(problem('output.validity-years-missing', file, at, { output: output.id }));
      } else if (validity.kind !== 'years' && validity.years !== undefined) {
        problems.push(problem('output.validity-years-unexpected', file, join(at, 'years'), { output: output.id, kind: validity.kind, years: validity.years }));
      }
    });
    return problems;
  },
};
