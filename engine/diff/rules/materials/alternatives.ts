import { jsonEqual } from '../../../json/equal.ts';
import { join } from '../../../json/pointer.ts';
import type { FixOp } from '../../fix.ts';
import { matchMaterials, type MaterialPair } from '../../materials/match.ts';
import { groupsOf, type MaterialGroup } from '../../materials/weigh.ts';
import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';

/**
 * One-of groups (matched by id): a group only one definition has is one more requirement, weighing its easiest
 * (lightest) member; its members weigh nothing on their own (materials.material, and the necessity, source and
 * condition of a member both group alike). A group both have is more burden when its easiest alternative weighs more
 * (an alternative fetched through shared data dropped, or made the applicant's to bring), by the difference, and
 * when it offers fewer alternatives, `weights.alternative` each — unless one is fetched (the group weighs 0).
 */
export const materialAlternativesRule: DefinitionRule = {
  code: 'materials.alternatives',
  area: 'materials',
  scope: 'definition',
  reads: ['/materials'],
  describe: {
    en: (p) =>
      p.kind === 'added' ? `asks for one of ${p.to} alternatives (group “${p.group}”)` : p.kind === 'removed' ? `no longer asks for one of the ${p.from} alternatives of the group “${p.group}”` : [
        p.from === p.to ? '' : `offers ${p.to} alternatives instead of ${p.from} in the group “${p.group}”`,
        p.easiestFrom === p.easiestTo ? '' : `the easiest alternative of the group “${p.group}” weighs ${p.easiestTo} instead of ${p.easiestFrom}`,
      ].filter(Boolean).join('; '),
    zh: (p) =>
      p.kind === 'added' ? `增加“${p.group}”组材料（${p.to} 项中任选其一）` : p.kind === 'removed' ? `取消“${p.group}”组材料（原 ${p.from} 项中任选其一）` : [
        p.from === p.to ? '' : `“${p.group}”组可选材料由 ${p.from} 项改为 ${p.to} 项`,
        p.easiestFrom === p.easiestTo ? '' : `“${p.group}”组中最容易提供的材料负担由 ${p.easiestFrom} 改为 ${p.easiestTo}`,
      ].filter(Boolean).join('；'),
  },
  compare(a, b, emit) {
    const groupsA = groupsOf(a);
    const groupsB = groupsOf(b);
    if (groupsA.size === 0 && groupsB.size === 0) return;
    const { pairs } = matchMaterials(a, b);
    const byA = new Map(pairs.map((p) => [p.ia, p]));
    const byB = new Map(pairs.map((p) => [p.ib, p]));
    for (const ga of groupsA.values()) {
      const gb = groupsB.get(ga.id);
      const first = ga.members[0]!;
      const params = { kind: gb ? 'changed' : 'added', id: first.material.id, group: ga.id, from: gb?.members.length ?? 0, to: ga.members.length };
      const path = join('/materials', first.index, 'oneOfGroup');
      if (!gb) {
        emit({ kind: 'added', path, burden: ga.weight > 0 ? 'more' : 'neutral', weight: ga.weight, params, fix: () => regroup(ga, undefined, byA, byB) });
      } else if (gb.members.length !== ga.members.length || ga.weight !== gb.weight) {
        // a group one alternative of which is fetched through shared data asks nothing, however many the others
        const fewer = Math.min(ga.weight, gb.weight) > 0 ? gb.members.length - ga.members.length : 0;
        const d = ga.weight - gb.weight + fewer * weights.alternative;
        // the easiest alternative weighs otherwise: the fix gives the group's members b's attributes too
        const members = (): FixOp[] => (ga.weight === gb.weight ? [] : restore(gb, byB));
        emit({
          kind: 'changed',
          path,
          burden: d > 0 ? 'more' : d < 0 ? 'less' : 'neutral',
          weight: Math.abs(d),
          params: { ...params, easiestFrom: gb.weight, easiestTo: ga.weight },
          fix: () => [...regroup(ga, gb, byA, byB), ...members()],
        });
      }
    }
    for (const gb of groupsB.values()) {
      if (groupsA.has(gb.id)) continue;
      const first = gb.members[0]!;
      emit({
        kind: 'removed',
        path: join('/materials', first.index, 'oneOfGroup'),
        burden: gb.weight > 0 ? 'less' : 'neutral',
        weight: gb.weight,
        params: { kind: 'removed', id: first.material.id, group: gb.id, from: gb.members.length, to: 0 },
        fix: () => regroup(undefined, gb, byA, byB),
      });
    }
  },
};

/**
 * The fix giving `a`'s group `b`'s members: `a`'s members b does not group with them leave it (matched ones take
 * b's group, the others are dropped), `b`'s members a does not have in it join (matched ones are regrouped, the
 * others added).
 */
export function regroup(ga: MaterialGroup | undefined, gb: MaterialGroup | undefined, byA: ReadonlyMap<number, MaterialPair>, byB: ReadonlyMap<number, MaterialPair>): FixOp[] {
  const id = (ga ?? gb)!.id;
  const ops: FixOp[] = [];
  for (const { material, index } of ga?.members ?? []) {
    const pair = byA.get(index);
    if (!pair) ops.push({ op: 'pull', path: '/materials', match: { id: material.id } });
    else if (pair.b.oneOfGroup !== id) ops.push(pair.b.oneOfGroup === undefined ? { op: 'remove', path: join('/materials', index, 'oneOfGroup') } : { op: 'set', path: join('/materials', index, 'oneOfGroup'), value: pair.b.oneOfGroup });
  }
  for (const { material, index } of gb?.members ?? []) {
    const pair = byB.get(index);
    if (!pair) ops.push({ op: 'push', path: '/materials', value: material });
    else if (pair.a.oneOfGroup !== id) ops.push({ op: 'set', path: join('/materials', pair.ia, 'oneOfGroup'), value: id });
  }
  return ops;
}

// `b`'s members of a group that `a` has in the same group but otherwise: set to `b`'s.
function restore(gb: MaterialGroup, byB: ReadonlyMap<number, MaterialPair>): FixOp[] {
  return gb.members.flatMap(({ index }) => {
    const pair = byB.get(index);
    return pair && pair.a.oneOfGroup === gb.id && !jsonEqual(pair.a, pair.b) ? [{ op: 'set', path: join('/materials', pair.ia), value: pair.b } as const] : [];
  });
}
