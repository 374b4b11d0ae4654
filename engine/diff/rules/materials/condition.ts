import { join } from '../../../json/pointer.ts';
import { matchMaterials } from '../../materials/match.ts';
import { baseWeight, materialFacts } from '../../materials/weigh.ts';
import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';
import { memberFix, relationWords, situationChange } from '../situation.ts';

/**
 * The situation a material both ask for is asked in (`when`): a condition added asks it of fewer applicants (less
 * burden, half the material's weight), one dropped of all of them (more); a condition proven narrower or wider moves
 * half that again; one whose relation cannot be proven is neutral. The condition of an alternative both put in the same
 * one-of group is weighed through the group (materials.alternatives), so it is neutral here.
 */
export const materialConditionRule: DefinitionRule = {
  code: 'materials.condition',
  area: 'materials',
  scope: 'definition',
  reads: ['/materials'],
  describe: {
    en: (p) =>
      p.relation === 'added' ? `asks for “${p.name}” only in some situations` : p.relation === 'removed' ? `asks for “${p.name}” in every situation, not only in some` : `asks for “${p.name}” ${relationWords[String(p.relation)]!.en}`,
    zh: (p) =>
      p.relation === 'added' ? `材料“${p.nameZh}”改为仅特定情形下提交` : p.relation === 'removed' ? `材料“${p.nameZh}”改为所有情形下均须提交` : `材料“${p.nameZh}”${relationWords[String(p.relation)]!.zh}`,
  },
  compare(a, b, emit) {
    if (!materialFacts(a).conditional && !materialFacts(b).conditional) return;
    for (const pair of matchMaterials(a, b).pairs) {
      if (pair.a.when === pair.b.when) continue;
      const grouped = pair.a.oneOfGroup !== undefined && pair.a.oneOfGroup === pair.b.oneOfGroup;
      const change = situationChange(pair.a.when, pair.b.when, grouped ? 0 : Math.min(baseWeight(pair.a), baseWeight(pair.b)), weights.conditional, 'less');
      if (!change) continue;
      const m = change.side === 'a' ? pair.a : pair.b;
      emit({
        kind: change.kind,
        path: join('/materials', change.side === 'a' ? pair.ia : pair.ib, 'when'),
        burden: change.burden,
        weight: change.weight,
        params: { id: m.id, name: m.name.en, nameZh: m.name.zh, relation: change.relation, from: pair.b.when, to: pair.a.when },
        fix: [memberFix(join('/materials', pair.ia, 'when'), pair.b.when)],
      });
    }
  },
};
