/** Materials an applicant need not bring because shared data stands in for them. Pure: no React. */
import type { LocalizedText, MatterDefinition } from '../../engine/index.ts';

/** A material waived by shared data, as MatterForm shows it. */
export interface WaivedMaterial {
  id: string;
  name: LocalizedText;
  reason?: LocalizedText;
}

/**
 * The definition's materials that a shared-data item waives, with the reason. Pass `available` (the shared-data items
 * actually fetched for this applicant) to keep only the waivers that apply; without it every waiver is listed.
 */
export function sharedDataWaivers(definition: MatterDefinition, available?: Iterable<string>): WaivedMaterial[] {
  const items = available === undefined ? undefined : new Set(available);
  return definition.materials.flatMap((material) => {
    const waiver = material.sharedData;
    if (!waiver || (items && !items.has(waiver.item))) return [];
    return [{ id: material.id, name: material.name, ...(waiver.reason && { reason: waiver.reason }) }];
  });
}
