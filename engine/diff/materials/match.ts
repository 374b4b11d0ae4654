/** Pairs the materials of two definitions: by id, then by Chinese name (regions often renumber the same document). */
import type { Material, MatterDefinition } from '../../model/index.ts';

export interface MaterialPair {
  readonly a: Material;
  readonly b: Material;
  readonly ia: number;
  readonly ib: number;
}

export interface MaterialMatch {
  readonly pairs: readonly MaterialPair[];
  /** Materials only `a` asks for, with their index. */
  readonly onlyA: readonly { material: Material; index: number }[];
  readonly onlyB: readonly { material: Material; index: number }[];
}

const cache = new WeakMap<MatterDefinition, WeakMap<MatterDefinition, MaterialMatch>>();

/** Matches materials once per pair of definitions (every material rule reads the same match). */
export function matchMaterials(a: MatterDefinition, b: MatterDefinition): MaterialMatch {
  let inner = cache.get(a);
  const hit = inner?.get(b);
  if (hit) return hit;
  const usedB = new Set<number>();
  const byId = new Map(b.materials.map((m, i) => [m.id, i]));
  const byName = new Map(b.materials.map((m, i) => [m.name.zh, i]));
  const pairs: MaterialPair[] = [];
  const onlyA: { material: Material; index: number }[] = [];
  a.materials.forEach((m, ia) => {
    let ib = byId.get(m.id);
    if (ib === undefined || usedB.has(ib)) ib = byName.get(m.name.zh);
    if (ib === undefined || usedB.has(ib)) onlyA.push({ material: m, index: ia });
    else {
      usedB.add(ib);
      pairs.push({ a: m, b: b.materials[ib]!, ia, ib });
    }
  });
  const onlyB = b.materials.flatMap((material, index) => (usedB.has(index) ? [] : [{ material, index }]));
  const match = { pairs, onlyA, onlyB };
  if (!inner) cache.set(a, (inner = new WeakMap()));
  inner.set(b, match);
  return match;
}

/** Whether the applicant has to bring it: required or tolerated-missing, and not fetched through shared data. */
export const supplied = (m: Material): boolean => m.source !== 'shared-data' && (m.necessity === 'required' || m.necessity === 'tolerated-missing');
