/**
 * A case's situation as callers see it: the materials that apply to its answers (waived, supplied or missing, with
 * their one-of group), the one-of groups, the fees due (waived or not) and the amount still to pay. Pure — the
 * portal computes the same view in the page as the applicant answers (with the conditions precompiled).
 */
import type { LocalizedText, Material, MatterDefinition } from '../../engine/index.ts';
// not the engine's index: the portal bundles this file, and needs the situations, not the whole engine
import { missingOf, situationOf, type ConditionCheck } from '../../engine/situations/index.ts';

/** A material that applies to the case. */
export interface CaseMaterial {
  readonly id: string;
  readonly name: LocalizedText;
  readonly necessity: Material['necessity'];
  /** It applies because of the answers (its `when` holds). */
  readonly conditional: boolean;
  /** Its one-of group: any one member satisfies the group. */
  readonly group: string | null;
  /** Shared data stands in for it. */
  readonly waived: boolean;
  /** The applicant supplied it. */
  readonly supplied: boolean;
  /** Required, outside any group, and neither waived nor supplied. */
  readonly missing: boolean;
}

/** A one-of group among the materials that apply. */
export interface CaseGroup {
  readonly id: string;
  readonly members: readonly string[];
  /** At least one applicable member is required. */
  readonly required: boolean;
  /** A member is supplied or waived. */
  readonly satisfied: boolean;
}

/** A fee due for the case. */
export interface CaseFee {
  readonly id: string;
  readonly name: LocalizedText;
  readonly amount: number;
  readonly waived: boolean;
  readonly waiverReason: LocalizedText | null;
}

export interface CaseSituation {
  readonly materials: readonly CaseMaterial[];
  readonly groups: readonly CaseGroup[];
  readonly fees: readonly CaseFee[];
  /** The fees due and not waived, in yuan. */
  readonly amountDue: number;
  /** Yuan paid so far. */
  readonly paid: number;
  /** No required material or required group is missing. */
  readonly complete: boolean;
}

/** What a case holds besides its answers: materials waived and supplied, money paid. */
export interface CaseHoldings {
  readonly waived?: readonly string[];
  readonly supplied?: readonly string[];
  readonly paid?: number;
}

/** The situation of a case with form data `data`; pass `holds` where conditions may not be compiled (the page). */
export function caseSituation(definition: Pick<MatterDefinition, 'materials' | 'fees'>, data: unknown, holdings: CaseHoldings, holds?: ConditionCheck): CaseSituation {
  const situation = situationOf(definition, data, holds);
  const waived = new Set(holdings.waived ?? []);
  const supplied = new Set(holdings.supplied ?? []);
  const have = new Set([...waived, ...supplied]);
  const missing = missingOf(situation, have);
  const missingIds = new Set(missing.materials);
  return {
    materials: situation.materials.map(({ material: m, conditional, group }) => ({
      id: m.id, name: m.name, necessity: m.necessity, conditional, group: group ?? null, waived: waived.has(m.id), supplied: supplied.has(m.id), missing: missingIds.has(m.id),
    })),
    groups: situation.groups.map((g) => ({ id: g.id, members: g.members, required: g.required, satisfied: g.members.some((id) => have.has(id)) })),
    fees: situation.fees.map(({ fee, waived: w }) => ({ id: fee.id, name: fee.name, amount: fee.amount, waived: w, waiverReason: w ? (fee.waiverReason ?? null) : null })),
    amountDue: situation.amountDue,
    paid: holdings.paid ?? 0,
    complete: missing.materials.length === 0 && missing.groups.length === 0,
  };
}
