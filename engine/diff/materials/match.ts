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
  /** The material lists matched (a cached match is stale once a definition's list is replaced). */
  readonly source: readonly Material[];
  readonly target: readonly Material[];
}

// The last pair matched: every material rule of one diff asks for the same pair in a row.
let last: { a: MatterDefinition; b: MatterDefinition; match: MaterialMatch } | undefined;

/** Matches materials once per pair of definitions (every material rule reads the same match). */
export function matchMaterials(a: MatterDefinition, b: MatterDefinition): MaterialMatch {
  if (last && last.a === a && last.b === b && last.match.source === a.materials && last.match.target === b.materials) return last.match;
  const usedB = new Set<number>();
  const { byId, byName } = indexOf(b);
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
  const match = { pairs, onlyA, onlyB, source: a.materials, target: b.materials };
  last = { a, b, match };
  return match;
}

/** Whether the applicant has to bring it: required or tolerated-missing, and not fetched through shared data. */
export const supplied = (m: Material): boolean => m.source !== 'shared-data' && (m.necessity === 'required' || m.necessity === 'tolerated-missing');

const indexCache = new WeakMap<MatterDefinition, { byId: Map<string, number>; byName: Map<string, number> }>();
// A baseline is matched against all its variants: index its materials once.
function indexOf(d: MatterDefinition) {
  let index = indexCache.get(d);
  if (!index) {
    index = { byId: new Map(d.materials.map((m, i) => [m.id, i])), byName: new Map(d.materials.map((m, i) => [m.name.zh, i])) };
    indexCache.set(d, index);
  }
  return index;
}
