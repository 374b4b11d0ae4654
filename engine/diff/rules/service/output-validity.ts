import { jsonEqual } from '../../../json/equal.ts';
import { join } from '../../../json/pointer.ts';
import type { Validity } from '../../../model/index.ts';
import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';
import { memberFix } from '../situation.ts';

// Years an output stays valid (long-term: for ever); undefined when it depends on the holder or is not stated.
const years = (v: Validity | undefined): number | undefined => (v?.kind === 'long-term' ? Infinity : v?.kind === 'years' && typeof v.years === 'number' ? v.years : undefined);
const en = (v: unknown): string => {
  const x = v as Validity | null;
  return x === null ? 'not stated' : x.kind === 'long-term' ? 'long-term' : x.kind === 'years' ? `${x.years ?? '?'} years` : 'depending on the holder';
};
const zh = (v: unknown): string => {
  const x = v as Validity | null;
  return x === null ? '未说明' : x.kind === 'long-term' ? '长期' : x.kind === 'years' ? `${x.years ?? '?'} 年` : '视情况而定';
};

/**
 * How long an output stays valid: a shorter validity (6 years instead of 10, 10 years instead of long-term) is more
 * burden, the applicant renewing sooner (`weights.validity`). A validity that depends on the holder, or is stated on
 * one side only, cannot be ranked: neutral.
 */
export const outputValidityRule: DefinitionRule = {
  code: 'service.output-validity',
  area: 'service',
  scope: 'definition',
  reads: ['/outputs'],
  describe: {
    en: (p) => `issues “${p.name}” valid ${en(p.to)} instead of ${en(p.from)}`,
    zh: (p) => `办理结果“${p.nameZh}”有效期由${zh(p.from)}改为${zh(p.to)}`,
  },
  compare(a, b, emit) {
    const ob = new Map(b.outputs.map((o) => [o.id, o]));
    a.outputs.forEach((o, i) => {
      const other = ob.get(o.id);
      if (!other || o.validity === other.validity || jsonEqual(o.validity, other.validity)) return;
      const [ya, yb] = [years(o.validity), years(other.validity)];
      const known = ya !== undefined && yb !== undefined && ya !== yb;
      emit({
        kind: 'changed',
        path: join('/outputs', i, 'validity'),
        burden: !known ? 'neutral' : ya! < yb! ? 'more' : 'less',
        weight: known ? weights.validity : 0,
        params: { id: o.id, name: o.name.en, nameZh: o.name.zh, from: other.validity ?? null, to: o.validity ?? null },
        fix: [memberFix(join('/outputs', i, 'validity'), other.validity)],
      });
    });
  },
};
