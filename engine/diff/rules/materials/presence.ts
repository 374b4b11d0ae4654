import { join } from '../../../json/pointer.ts';
import type { Material } from '../../../model/index.ts';
import { matchMaterials, supplied } from '../../materials/match.ts';
import { weights } from '../../weights.ts';
import type { DefinitionRule } from '../../rule.ts';

const weigh = (m: Material) => (supplied(m) ? weights.material : m.source !== 'shared-data' && m.necessity === 'optional' ? weights.optionalMaterial : 0);

/** A material asked in one definition and not the other; fetched or exempted materials weigh nothing. */
export const materialPresenceRule: DefinitionRule = {
  code: 'materials.material',
  area: 'materials',
  scope: 'definition',
  reads: ['/materials'],
  describe: {
    en: (p) => (p.kind === 'added' ? `asks for the extra material “${p.name}”` : `no longer asks for the material “${p.name}”`),
    zh: (p) => (p.kind === 'added' ? `增加申请材料“${p.nameZh}”` : `取消申请材料“${p.nameZh}”`),
  },
  compare(a, b, emit) {
    const { onlyA, onlyB } = matchMaterials(a, b);
    for (const { material, index } of onlyA) {
      const weight = weigh(material);
      emit({ kind: 'added', path: join('/materials', index), burden: weight > 0 ? 'more' : 'neutral', weight, params: { kind: 'added', id: material.id, name: material.name.en, nameZh: material.name.zh }, fix: [{ op: 'pull', path: '/materials', match: { id: material.id } }] });
    }
    for (const { material, index } of onlyB) {
      const weight = weigh(material);
      emit({ kind: 'removed', path: join('/materials', index), burden: weight > 0 ? 'less' : 'neutral', weight, params: { kind: 'removed', id: material.id, name: material.name.en, nameZh: material.name.zh }, fix: [{ op: 'push', path: '/materials', value: material }] });
    }
  },
};
