/** Service elements that are numbers: visits, online depth (time limits: promised-days.ts and its neighbours). */
import type { MatterDefinition } from '../../../model/index.ts';
import type { FixOp } from '../../fix.ts';
import type { DefinitionRule, Describe } from '../../rule.ts';
import { weights } from '../../weights.ts';

function numberRule(
  code: string,
  path: string,
  read: (d: MatterDefinition) => number | undefined,
  perUnit: number,
  moreIsWorse: boolean,
  describe: Describe,
  fix: (b: MatterDefinition) => FixOp[],
): DefinitionRule {
  return {
    code,
    area: 'service',
    scope: 'definition',
    reads: [path],
    describe,
    compare(a, b, emit) {
      const va = read(a) ?? 0;
      const vb = read(b) ?? 0;
      if (va === vb) return;
      const sign = Math.sign(va - vb) * (moreIsWorse ? 1 : -1);
      emit({ kind: 'changed', path, burden: sign > 0 ? 'more' : 'less', weight: Math.abs(va - vb) * perUnit, params: { from: vb, to: va }, fix: fix(b) });
    },
  };
}

export const visitsRule = numberRule('service.visits', '/visits', (d) => d.visits, weights.visit, true,
  { en: (p) => `requires ${p.to} on-site visits instead of ${p.from}`, zh: (p) => `到现场次数由 ${p.from} 次改为 ${p.to} 次` },
  (b) => [{ op: 'set', path: '/visits', value: b.visits }, b.visitReason ? { op: 'set', path: '/visitReason', value: b.visitReason } : { op: 'remove', path: '/visitReason' }]);

export const onlineDepthRule = numberRule('service.online-depth', '/onlineDepth', (d) => d.onlineDepth, weights.onlineDepthLevel, false,
  { en: (p) => `offers online depth ${p.to} instead of ${p.from}`, zh: (p) => `网办深度由 ${p.from} 级改为 ${p.to} 级` },
  (b) => [b.onlineDepth === undefined ? { op: 'remove', path: '/onlineDepth' } : { op: 'set', path: '/onlineDepth', value: b.onlineDepth }]);
