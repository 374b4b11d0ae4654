import { join } from '../../../json/pointer.ts';
import { memberOf } from '../../lookup.ts';
import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';

/**
 * Matters an applicant must have been through first (前置事项, `requires`, e.g. 居住证 after 居住登记): one `a`
 * requires and `b` does not is another application to make before this one, more burden (`weights.prerequisite`).
 */
export const requiresRule: DefinitionRule = {
  code: 'service.requires',
  area: 'service',
  scope: 'definition',
  reads: ['/requires'],
  describe: {
    en: (p) => (p.kind === 'added' ? `requires the matter ${p.matter} to have been through first` : `no longer requires the matter ${p.matter} first`),
    zh: (p) => (p.kind === 'added' ? `增加前置事项 ${p.matter}` : `取消前置事项 ${p.matter}`),
  },
  compare(a, b, emit) {
    const [ra, rb] = [a.requires ?? [], b.requires ?? []];
    if (ra.length === 0 && rb.length === 0) return;
    const [inA, inB] = [memberOf(ra), memberOf(rb)];
    ra.forEach((matter, i) => {
      if (!inB(matter)) emit({ kind: 'added', path: join('/requires', i), burden: 'more', weight: weights.prerequisite, params: { kind: 'added', matter }, fix: [{ op: 'pull', path: '/requires', match: matter }] });
    });
    rb.forEach((matter, i) => {
      if (!inA(matter)) emit({ kind: 'removed', path: join('/requires', i), burden: 'less', weight: weights.prerequisite, params: { kind: 'removed', matter }, fix: [{ op: 'push', path: '/requires', value: matter }] });
    });
  },
};
