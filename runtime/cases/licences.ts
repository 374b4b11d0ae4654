/**
 * E-licences (电子证照) presented as materials: a material the definition says exists as a type of e-licence
 * (`licence.type`) may be supplied by picking one of the applicant's own licences of that type instead of uploading a
 * file. The server lists the licences that fit a case and checks the picks of submit and act (`licences: { materialId:
 * [licenceId] }`): the applicant's own, of the material's type, valid on the day. A checked pick supplies its material
 * and is recorded in the step's audit event with the licence's content hash, so the trail names the very document.
 */
import type { Material, MatterDefinition } from '../../engine/index.ts';
import type { Licence, LicenceSource } from '../shared-data/licences.ts';
import type { AuditEvent } from '../store/types.ts';

/** Licence ids by material id, as callers send them. */
export type MaterialLicences = Readonly<Record<string, readonly string[]>>;

/** A licence as recorded for a material: its number and content hash. */
export interface LicencePick {
  readonly id: string;
  readonly hash: string;
}

/** One refused pick: where in the request (`/licences/<materialId>[/<i>]`), the material, and why. */
export interface LicenceProblem {
  readonly pointer: string;
  readonly materialId: string;
  readonly message: string;
}

/** Picks that cannot stand (someone else's licence, the wrong type, expired, a material that takes none). */
export class LicenceRefusedError extends Error {
  constructor(readonly problems: readonly LicenceProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** A licence that fits a case, with the materials of the case it may supply. */
export interface OfferedLicence extends Omit<Licence, 'holder'> {
  readonly materials: readonly string[];
}

const maxPerMaterial = 20;
const escape = (id: string) => id.replaceAll('~', '~0').replaceAll('/', '~1');
const named = (m: Material) => `“${m.name.en}” (${m.name.zh})`;
const valid = (l: Licence, today: string) => l.validUntil === null || l.validUntil >= today;

/** The day (YYYY-MM-DD) in China Standard Time at `now` (ms): licences are valid through their last day there. */
export const licenceDay = (now: number): string => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/** The holder's licences, valid on `today`, of a type some material of `definition` exists as. */
export async function offeredLicences(source: LicenceSource | undefined, definition: Pick<MatterDefinition, 'materials'>, holder: string, today: string): Promise<OfferedLicence[]> {
  const takers = definition.materials.filter((m) => m.licence);
  if (!source || takers.length === 0) return [];
  const offered: OfferedLicence[] = [];
  for (const { holder: _, ...l } of await source.licencesOf(holder)) {
    const materials = takers.filter((m) => m.licence?.type === l.type).map((m) => m.id);
    if (materials.length > 0 && valid({ ...l, holder }, today)) offered.push({ ...l, materials });
  }
  return offered;
}

/**
 * Checks `picks` against the holder's licences: the materials they supply and the audit payload recording them
 * (`{ licences: { materialId: [{ id, hash }] } }`, empty without picks). Throws LicenceRefusedError naming each
 * material whose pick cannot stand.
 */
export async function licencePicks(
  source: LicenceSource | undefined, definition: Pick<MatterDefinition, 'materials'>, holder: string, picks: MaterialLicences | undefined, today: string,
): Promise<{ materials: string[]; payload: { licences?: Record<string, LicencePick[]> } }> {
  const entries = Object.entries(picks ?? {}).filter(([, ids]) => !Array.isArray(ids) || ids.length > 0);
  if (entries.length === 0) return { materials: [], payload: {} };
  const own = new Map((source ? await source.licencesOf(holder) : []).map((l) => [l.id, l]));
  const problems: LicenceProblem[] = [];
  const recorded: Record<string, LicencePick[]> = {};
  for (const [materialId, ids] of entries) {
    const at = `/licences/${escape(materialId)}`;
    const refuse = (message: string, pointer = at) => void problems.push({ pointer, materialId, message });
    const material = definition.materials.find((m) => m.id === materialId);
    if (!material) refuse(`the matter has no material “${materialId}”`);
    else if (!material.licence) refuse(`${named(material)} cannot be supplied by an e-licence`);
    else if (!Array.isArray(ids) || ids.length > maxPerMaterial) refuse(`give at most ${maxPerMaterial} licence numbers for ${named(material)}`);
    else {
      ids.forEach((id: unknown, i) => {
        const licence = typeof id === 'string' ? own.get(id) : undefined;
        if (!licence) refuse(`the e-licence ${String(id).slice(0, 64)} picked for ${named(material)} is not one of the applicant’s own`, `${at}/${i}`);
        else if (licence.type !== material.licence!.type) refuse(`the e-licence ${licence.id} (${licence.name.en}) is not a “${material.licence!.type}”, which ${named(material)} takes`, `${at}/${i}`);
        else if (!valid(licence, today)) refuse(`the e-licence ${licence.id} picked for ${named(material)} expired on ${licence.validUntil}`, `${at}/${i}`);
        else if (!recorded[materialId]?.some((p) => p.id === licence.id)) (recorded[materialId] ??= []).push({ id: licence.id, hash: licence.hash });
      });
    }
  }
  if (problems.length > 0) throw new LicenceRefusedError(problems);
  return { materials: Object.keys(recorded), payload: { licences: recorded } };
}

/** The licences a case's trail records, by material id (each once, in the order presented). */
export function licencesOfTrail(events: readonly Pick<AuditEvent, 'payload'>[]): Record<string, LicencePick[]> {
  const byMaterial: Record<string, LicencePick[]> = {};
  for (const e of events) {
    const recorded = (e.payload as { licences?: unknown } | null)?.licences;
    if (typeof recorded !== 'object' || recorded === null) continue;
    for (const [materialId, picks] of Object.entries(recorded as Record<string, LicencePick[]>)) {
      for (const p of Array.isArray(picks) ? picks : []) if (!byMaterial[materialId]?.some((q) => q.id === p.id)) (byMaterial[materialId] ??= []).push({ id: p.id, hash: p.hash });
    }
  }
  return byMaterial;
}
