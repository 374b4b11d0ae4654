import { jsonEqual } from '../../../json/equal.ts';
import type { DefinitionRule } from '../../rule.ts';
import { memberFix } from '../situation.ts';

/** Elements a guide publishes that ask nothing of the applicant, with their names in messages. */
const elements = {
  standardOwner: { en: 'the owner of the standard', zh: '标准制定部门' },
  exerciseLevel: { en: 'the level exercising the matter', zh: '行使层级' },
  locations: { en: 'the places of acceptance', zh: '办理地点' },
  serviceObject: { en: 'the service object', zh: '服务对象' },
  contact: { en: 'the contact lines', zh: '咨询与投诉电话' },
  status: { en: 'the status', zh: '事项状态' },
  effectiveFrom: { en: 'the effective date', zh: '生效日期' },
  codes: { en: 'the catalogue codes', zh: '事项编码' },
} as const;
const names = Object.keys(elements) as (keyof typeof elements)[];
/** The members this rule reports (versioning publishes their changes as a patch). */
export const informationElements: readonly string[] = names;

/**
 * Where, by whom and under which codes a matter is run (办理地点, 咨询电话, 编码, 状态, …): informational, neutral for
 * the applicant, reported so a reviewer sees them. Region-only by nature: a variant's own places and phones are
 * expected to differ.
 */
export const informationRule: DefinitionRule = {
  code: 'service.information',
  area: 'service',
  scope: 'definition',
  reads: names.map((n) => `/${n}`),
  describe: {
    en: (p) => `states ${elements[p.element as keyof typeof elements]?.en ?? p.element} differently`,
    zh: (p) => `${elements[p.element as keyof typeof elements]?.zh ?? p.element}不同`,
  },
  compare(a, b, emit) {
    for (const element of names) {
      const [va, vb] = [a[element], b[element]];
      if (va === vb || jsonEqual(va, vb)) continue;
      emit({ kind: vb === undefined ? 'added' : va === undefined ? 'removed' : 'changed', path: `/${element}`, burden: 'neutral', weight: 0, params: { element }, fix: [memberFix(`/${element}`, vb)] });
    }
  },
};
