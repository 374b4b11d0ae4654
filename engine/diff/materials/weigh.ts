/**
 * What one material and one one-of group weigh, the same for every material rule and the burden metrics: a material
 * asked only in some situations (`when`) weighs `weights.conditional` of itself, and a one-of group weighs what its
 * lightest member weighs (the applicant brings whichever is easiest).
 */
import type { Material, MatterDefinition } from '../../model/index.ts';
import { weights } from '../weights.ts';
import { supplied } from './match.ts';

/** How hard each necessity is on the applicant: exempted → optional → tolerated-missing → required. */
export const necessityRank = { exempted: 0, optional: 1, 'tolerated-missing': 2, required: 3 } as const;
/** How far each source is from the applicant: shared data is fetched, a department's or a third party's is carried. */
export const sourceRank = { 'shared-data': 0, 'government-issued': 1, 'third-party': 2, applicant: 2 } as const;

/** A material's weight in every situation: supplied 8, optional and not fetched 2, fetched or exempted 0. */
export const baseWeight = (m: Material): number =>
  supplied(m) ? weights.material : m.source !== 'shared-data' && m.necessity === 'optional' ? weights.optionalMaterial : 0;

/** The share of applicants an element applies to: all, or `weights.conditional` when it has a `when`. */
export const situationFactor = (when: unknown): number => (when === undefined ? 1 : weights.conditional);

/** A material's weight, its situation counted. */
export const materialWeight = (m: Material): number => baseWeight(m) * situationFactor(m.when);

/** A one-of group of one definition: its members in definition order, with their indices. */
export interface MaterialGroup {
  readonly id: string;
  readonly members: readonly { readonly material: Material; readonly index: number }[];
  /** The lightest member's weight. */
  readonly weight: number;
}

/** What the situation rules need to know of a materials list, from one pass over it. */
export interface MaterialFacts {
  /** The one-of groups by id (empty for most definitions). */
  readonly groups: ReadonlyMap<string, MaterialGroup>;
  /** Whether any material is asked only in some situations (`when`). */
  readonly conditional: boolean;
}

const noGroups: ReadonlyMap<string, MaterialGroup> = new Map();
const cache = new WeakMap<readonly Material[], MaterialFacts>();

/**
 * The facts of a definition's materials, computed once per materials list (a baseline's serve all its variants): the
 * situation rules read them to skip the pairs where neither side has a group or a condition, most of a catalogue.
 */
export function materialFacts(d: MatterDefinition): MaterialFacts {
  let facts = cache.get(d.materials);
  if (facts) return facts;
  let members: Map<string, { material: Material; index: number }[]> | undefined;
  let conditional = false;
  d.materials.forEach((material, index) => {
    if (material.when !== undefined) conditional = true;
    const id = material.oneOfGroup;
    if (id === undefined) return;
    members ??= new Map();
    const list = members.get(id);
    if (list) list.push({ material, index });
    else members.set(id, [{ material, index }]);
  });
  const groups = members ? new Map([...members].map(([id, list]) => [id, { id, members: list, weight: Math.min(...list.map((m) => materialWeight(m.material))) }])) : noGroups;
  facts = { groups, conditional };
  cache.set(d.materials, facts);
  return facts;
}

/** The one-of groups of a definition by id (empty for most definitions; computed once per materials list). */
export const groupsOf = (d: MatterDefinition): ReadonlyMap<string, MaterialGroup> => materialFacts(d).groups;
