/** Editing the materials list: add, remove and reorder (a material's own properties are edited with set-value). */
import type { MatterDefinition } from '../../../engine/index.ts';
import { command, CommandError } from './command.ts';

type Material = MatterDefinition['materials'][number];

const find = (definition: MatterDefinition, name: string, id: string): number => {
  const at = definition.materials.findIndex((m) => m.id === id);
  if (at < 0) throw new CommandError(name, `there is no material "${id}"`);
  return at;
};

/** Adds a material (at `index`, default last); its id must be new. */
export const addMaterial = command<{ material: Material; index?: number }>({
  name: 'add-material',
  plan(definition, { material, index }) {
    if (definition.materials.some((m) => m.id === material.id)) throw new CommandError('add-material', `a material "${material.id}" exists already`);
    const at = index ?? definition.materials.length;
    if (!Number.isInteger(at) || at < 0 || at > definition.materials.length) throw new CommandError('add-material', `position ${at} is outside 0..${definition.materials.length}`);
    return { ops: [{ op: 'insert', path: '/materials', index: at, value: material }], label: { zh: `添加材料 ${material.name.zh}`, en: `add material ${material.name.en}` }, select: `/materials/${at}` };
  },
});

/** Removes a material by id. */
export const removeMaterial = command<{ id: string }>({
  name: 'remove-material',
  plan(definition, { id }) {
    const at = find(definition, 'remove-material', id);
    const m = definition.materials[at]!;
    return { ops: [{ op: 'remove', path: '/materials', index: at }], label: { zh: `删除材料 ${m.name.zh}`, en: `remove material ${m.name.en}` }, select: '/materials' };
  },
});

/** Moves a material to another position. */
export const moveMaterial = command<{ id: string; to: number }>({
  name: 'move-material',
  plan(definition, { id, to }) {
    const from = find(definition, 'move-material', id);
    if (!Number.isInteger(to) || to < 0 || to >= definition.materials.length) throw new CommandError('move-material', `position ${to} is outside 0..${definition.materials.length - 1}`);
    const m = definition.materials[from]!;
    if (from === to) return { ops: [], label: { zh: '', en: '' } };
    return { ops: [{ op: 'move', path: '/materials', from, to }], label: { zh: `移动材料 ${m.name.zh}`, en: `move material ${m.name.en}` }, select: `/materials/${to}` };
  },
});
