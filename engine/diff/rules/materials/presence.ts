import { join } from '../../../json/pointer.ts';
import type { Material } from '../../../model/index.ts';
import { matchMaterials } from '../../materials/match.ts';
import { materialWeight } from '../../materials/weigh.ts';
import type { DefinitionRule } from '../../rule.ts';

// A member of a one-of group weighs nothing on its own: the group's presence and its number of alternatives carry
// the burden (materials.alternatives), so an alternative more is not also "an extra material".
const weigh = (m: Material) => (m.oneOfGroup !== undefined ? 0 : materialWeight(m));
const paramsOf = (kind: 'added' | 'removed', m: Material) => ({
  kind, id: m.id, name: m.name.en, nameZh: m.name.zh, ...(m.oneOfGroup === undefined ? {} : { group: m.oneOfGroup }), ...(m.when === undefined ? {} : { conditional: true }),
});
const groupEn = (p: Record<string, unknown>) => (p.group === undefined ? '' : ` as an alternative of the one-of group “${p.group}”`);
const groupZh = (p: Record<string, unknown>) => (p.group === undefined ? '' : `（“${p.group}”组内可选其一）`);
const situationEn = (p: Record<string, unknown>) => (p.conditional ? ' in some situations' : '');
const situationZh = (p: Record<string, unknown>) => (p.conditional ? '（特定情形下）' : '');

/**
 * A material asked in one definition and not the other; fetched or exempted materials weigh nothing, a material
 * asked only in some situations weighs half, and an alternative of a one-of group nothing on its own.
 */
export const materialPresenceRule: DefinitionRule = {
  code: 'materials.material',
  area: 'materials',
  scope: 'definition',
  reads: ['/materials'],
  describe: {
    en: (p) => (p.kind === 'added' ? `asks for the extra material “${p.name}”${situationEn(p)}${groupEn(p)}` : `no longer asks for the material “${p.name}”${situationEn(p)}${groupEn(p)}`),
    zh: (p) => (p.kind === 'added' ? `增加申请材料“${p.nameZh}”${situationZh(p)}${groupZh(p)}` : `取消申请材料“${p.nameZh}”${situationZh(p)}${groupZh(p)}`),
  },
  compare(a, b, emit) {
    const { onlyA, onlyB } = matchMaterials(a, b);
    for (const { material, index } of onlyA) {
      const weight = weigh(material);
      emit({ kind: 'added', path: join('/materials', index), burden: weight > 0 ? 'more' : 'neutral', weight, params: paramsOf('added', material), fix: [{ op: 'pull', path: '/materials', match: { id: material.id } }] });
    }
    for (const { material, index } of onlyB) {
      const weight = weigh(material);
      emit({ kind: 'removed', path: join('/materials', index), burden: weight > 0 ? 'less' : 'neutral', weight, params: paramsOf('removed', material), fix: [{ op: 'push', path: '/materials', value: material }] });
    }
  },
};
