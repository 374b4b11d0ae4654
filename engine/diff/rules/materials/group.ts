import { join } from '../../../json/pointer.ts';
import type { FixOp } from '../../fix.ts';
import { matchMaterials, type MaterialPair } from '../../materials/match.ts';
import { groupsOf, materialWeight } from '../../materials/weigh.ts';
import { regroup } from './alternatives.ts';
import type { DefinitionRule } from '../../rule.ts';
import { memberFix } from '../situation.ts';

/**
 * A material both ask for, one of a one-of group in one definition and asked on its own in the other. Moved into a
 * group, it can be replaced by another alternative: less burden, its own weight (the group itself is weighed by
 * materials.alternatives); moved out of one, more. Moved from one group to another: neutral.
 */
export const materialGroupRule: DefinitionRule = {
  code: 'materials.group',
  area: 'materials',
  scope: 'definition',
  reads: ['/materials'],
  describe: {
    en: (p) =>
      p.kind === 'added' ? `accepts “${p.name}” as one alternative of the group “${p.to}”` : p.kind === 'removed' ? `asks for “${p.name}” on its own, not as one alternative of the group “${p.from}”` : `puts “${p.name}” in the group “${p.to}” instead of “${p.from}”`,
    zh: (p) =>
      p.kind === 'added' ? `材料“${p.nameZh}”改为“${p.to}”组内可选其一` : p.kind === 'removed' ? `材料“${p.nameZh}”改为单独提交，不再是“${p.from}”组内可选其一` : `材料“${p.nameZh}”由“${p.from}”组改入“${p.to}”组`,
  },
  compare(a, b, emit) {
    if (groupsOf(a).size === 0 && groupsOf(b).size === 0) return;
    const { pairs } = matchMaterials(a, b);
    let byA: Map<number, MaterialPair> | undefined;
    let byB: Map<number, MaterialPair> | undefined;
    // leaving a's group for b's means taking b's whole group: the top runner's alternatives come with it
    const joinGroup = (id: string): FixOp[] => {
      byA ??= new Map(pairs.map((p) => [p.ia, p]));
      byB ??= new Map(pairs.map((p) => [p.ib, p]));
      return regroup(groupsOf(a).get(id), groupsOf(b).get(id), byA, byB);
    };
    for (const pair of pairs) {
      const ga = pair.a.oneOfGroup;
      const gb = pair.b.oneOfGroup;
      if (ga === gb) continue;
      const weight = Math.min(materialWeight(pair.a), materialWeight(pair.b));
      const kind = gb === undefined ? 'added' : ga === undefined ? 'removed' : 'changed';
      const m = kind === 'removed' ? pair.b : pair.a;
      emit({
        kind,
        path: join('/materials', kind === 'removed' ? pair.ib : pair.ia, 'oneOfGroup'),
        burden: kind === 'changed' || weight === 0 ? 'neutral' : kind === 'added' ? 'less' : 'more',
        weight,
        params: { kind, id: m.id, name: m.name.en, nameZh: m.name.zh, from: gb ?? null, to: ga ?? null },
        fix: () => [memberFix(join('/materials', pair.ia, 'oneOfGroup'), gb), ...(gb === undefined ? [] : joinGroup(gb))],
      });
    }
  },
};
