/**
 * The preview's situation: which materials and fees apply to the answers given so far, with the engine's
 * situationOf — conditions are compiled by the form's ajv, which generates code, so this runs in the analysis worker
 * (the page's Content-Security-Policy allows no eval). Plain data out: ids, never the definition's objects.
 */
import { situationOf, type MatterDefinition } from '../../engine/index.ts';
import type { PreviewSituation } from './protocol.ts';

/** What applies to an application with form data `data`; a draft whose lists are half-typed gives what it can. */
export function situate(definition: Pick<MatterDefinition, 'materials' | 'fees'>, data: unknown): PreviewSituation {
  const materials = (Array.isArray(definition.materials) ? definition.materials : []).filter((m) => typeof m?.id === 'string');
  const fees = (Array.isArray(definition.fees) ? definition.fees : []).filter((f) => typeof f?.id === 'string' && typeof f.amount === 'number');
  try {
    const s = situationOf({ materials, fees }, data);
    return {
      materials: s.materials.map((d) => ({ id: d.material.id, conditional: d.conditional, ...(d.group !== undefined ? { group: d.group } : {}) })),
      groups: s.groups.map((g) => ({ id: g.id, members: [...g.members], required: g.required })),
      fees: s.fees.map((f) => ({ id: f.fee.id, amount: f.fee.amount, waived: f.waived })),
      amountDue: s.amountDue,
    };
  } catch {
    return { materials: [], groups: [], fees: [], amountDue: 0 }; // a draft the engine cannot read yet
  }
}
