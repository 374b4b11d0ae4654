/**
 * The clerk's checklist (材料核验) and tolerated-missing acceptance (容缺受理): per material that applies to a case,
 * staff record received / verified / missing / not-applicable with a note; a tolerated-missing material may be
 * accepted missing with a due date for later supply. Pure: the runtime reads the checks out of the case context,
 * refuses ACCEPT while a required material is neither supplied nor tolerated, and holds the certificate back while
 * anything is outstanding.
 */
import type { LocalizedText, Material, MatterDefinition } from '../../engine/index.ts';
import { missingOf, situationOf } from '../../engine/situations/index.ts';
import { InvalidArgumentError, RuntimeError } from './errors.ts';
import type { CaseContext, CaseEvent } from './machine.ts';

export const checkStatuses = ['received', 'verified', 'missing', 'not-applicable'] as const;
export type MaterialCheckStatus = (typeof checkStatuses)[number];

/** One line of the checklist as the clerk gives it. */
export interface MaterialCheck {
  readonly material: string;
  readonly status: MaterialCheckStatus;
  readonly note?: string;
  /** Accepted missing (容缺): only for a tolerated-missing material marked missing, with `dueDate`. */
  readonly tolerated?: boolean;
  /** `YYYY-MM-DD` (China Standard Time): when the applicant must supply a tolerated material. */
  readonly dueDate?: string;
}

/** A check as the case keeps it: who made it, in which role, and when. */
export interface RecordedCheck extends MaterialCheck {
  readonly by: string;
  readonly role: string;
  readonly at: number;
}

/** A material the case still lacks: required (or tolerated-missing) and neither supplied, waived nor checked received. */
export interface OutstandingMaterial {
  readonly id: string;
  readonly name: LocalizedText;
  readonly necessity: Material['necessity'];
  /** Its one-of group when the whole group is outstanding. */
  readonly group: string | null;
  /** Accepted missing with this due date (`YYYY-MM-DD`); null when not tolerated. */
  readonly dueDate: string | null;
}

/** Why the certificate of a finished step was not issued yet. */
export interface HeldCertificate {
  readonly at: number;
  readonly reason: 'materials-outstanding';
  readonly materials: readonly string[];
  /** A one-thing bundle's: the outputs held (each member's approval holds its own); issued together once supplied. */
  readonly outputs?: readonly string[];
}

/** What the context keeps under its own keys (CaseContext is open). */
export interface ChecklistContext {
  materialChecks?: Record<string, RecordedCheck>;
  certificateHeld?: HeldCertificate;
}

/** ACCEPT while required materials are missing and not tolerated: names each one (and each unsatisfied one-of group). */
export class MaterialsMissingError extends RuntimeError {
  constructor(readonly materials: readonly { id: string; name: LocalizedText; group: string | null }[]) {
    const names = materials.map((m) => `${m.name.zh} (${m.name.en})`).join('; ');
    super('materials-missing', `cannot accept: ${materials.length} required material(s) neither received nor tolerated (缺少材料): ${names}; mark them received or verified in the checklist, or, for a tolerated-missing material, missing with tolerated and a due date`);
  }
}

const maxNote = 2000;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => datePattern.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * The checks of one call, refused (InvalidArgumentError naming `checks/<i>/<field>`) unless each names a material that
 * applies to the case once, with a known status, a tolerance only where the material allows one, and a real date.
 */
export function checkChecks(definition: MatterDefinition, data: unknown, checks: unknown): MaterialCheck[] {
  if (!Array.isArray(checks) || checks.length === 0 || checks.length > 200) throw new InvalidArgumentError('checks', 'must be a list of 1 to 200 checks');
  const applies = new Map(situationOf(definition, data).materials.map((d) => [d.material.id, d.material]));
  const seen = new Set<string>();
  return checks.map((c: unknown, i): MaterialCheck => {
    const at = (field: string) => `checks/${i}${field ? `/${field}` : ''}`;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new InvalidArgumentError(at(''), 'must be an object');
    const check = c as Record<string, unknown>;
    for (const key of Object.keys(check)) if (!['material', 'status', 'note', 'tolerated', 'dueDate'].includes(key)) throw new InvalidArgumentError(at(key), 'is not a field of a check');
    const { material, status, note, tolerated, dueDate } = check;
    if (typeof material !== 'string' || !applies.has(material)) throw new InvalidArgumentError(at('material'), `${JSON.stringify(material)} is not a material that applies to this case`);
    if (seen.has(material)) throw new InvalidArgumentError(at('material'), `${material} is checked twice`);
    seen.add(material);
    if (!checkStatuses.includes(status as MaterialCheckStatus)) throw new InvalidArgumentError(at('status'), `must be one of ${checkStatuses.join(', ')}`);
    if (note !== undefined && (typeof note !== 'string' || note.length > maxNote)) throw new InvalidArgumentError(at('note'), `must be text of at most ${maxNote} characters`);
    if (tolerated !== undefined && typeof tolerated !== 'boolean') throw new InvalidArgumentError(at('tolerated'), 'must be true or false');
    if (tolerated) {
      if (applies.get(material)!.necessity !== 'tolerated-missing') throw new InvalidArgumentError(at('tolerated'), `${material} is not tolerated-missing: it cannot be accepted missing`);
      if (status !== 'missing') throw new InvalidArgumentError(at('tolerated'), 'only a material marked missing is tolerated');
      if (typeof dueDate !== 'string' || !validDate(dueDate)) throw new InvalidArgumentError(at('dueDate'), 'a tolerated material needs the date it is due by (YYYY-MM-DD)');
    } else if (dueDate !== undefined) {
      throw new InvalidArgumentError(at('dueDate'), 'only a tolerated material has a due date');
    }
    return { material, status: status as MaterialCheckStatus, ...(note ? { note: note as string } : {}), ...(tolerated ? { tolerated: true, dueDate: dueDate as string } : {}) };
  });
}

const checksOf = (context: CaseContext) => (context as ChecklistContext).materialChecks ?? {};

/**
 * The checklist lines of a case: an explicit check decides; a material without one counts as supplied when shared
 * data waived it or a step supplied it (so cases handled before the checklist, or without one, read as before).
 */
function holdings(context: CaseContext, event?: CaseEvent) {
  const checks = checksOf(context);
  const supplied = new Set([...(context.waived ?? []), ...(context.supplied ?? []), ...(event?.materials ?? [])]);
  const have = (id: string) => {
    const c = checks[id];
    return c ? c.status === 'received' || c.status === 'verified' : supplied.has(id);
  };
  const tolerated = (id: string) => (checks[id]?.tolerated && checks[id]?.dueDate) || null;
  return { have, tolerated };
}

/** What a case lacks: required and tolerated-missing materials not supplied, and required groups none of whose members is. */
export function outstandingOf(definition: Pick<MatterDefinition, 'materials' | 'fees'>, data: unknown, context: CaseContext, event?: CaseEvent): OutstandingMaterial[] {
  const situation = situationOf(definition, data);
  const { have, tolerated } = holdings(context, event);
  const line = (m: Material, group: string | null): OutstandingMaterial => ({ id: m.id, name: m.name, necessity: m.necessity, group, dueDate: tolerated(m.id) });
  // what the engine counts missing (required materials and groups), and tolerated-missing ones not supplied yet
  const missing = missingOf(situation, new Set(situation.materials.map((d) => d.material.id).filter(have)));
  const required = new Set(missing.materials);
  const byId = new Map(situation.materials.map((d) => [d.material.id, d.material]));
  return [
    ...situation.materials.filter(({ material: m, group }) => group === undefined && (required.has(m.id) || (m.necessity === 'tolerated-missing' && !have(m.id)))).map((d) => line(d.material, null)),
    ...missing.groups.flatMap((g) => g.members.map((id) => line(byId.get(id)!, g.id))),
  ];
}

/** The refusal of an ACCEPT while something outstanding is not tolerated (a group is tolerated when a member is); none when it may be accepted. */
export function acceptRefusal(definition: MatterDefinition, data: unknown, context: CaseContext, event: CaseEvent): MaterialsMissingError | undefined {
  const outstanding = outstandingOf(definition, data, context, event);
  const toleratedGroups = new Set(outstanding.filter((o) => o.group !== null && o.dueDate !== null).map((o) => o.group));
  const missing = outstanding.filter((o) => o.dueDate === null && !(o.group !== null && toleratedGroups.has(o.group)));
  return missing.length ? new MaterialsMissingError(missing.map(({ id, name, group }) => ({ id, name, group }))) : undefined;
}

/** The context after a checklist is recorded: each check replaces the material's earlier one. */
export function withChecks(context: CaseContext, checks: readonly MaterialCheck[], by: { id: string; role: string }, at: number): CaseContext {
  const recorded = { ...checksOf(context) };
  for (const c of checks) recorded[c.material] = { ...c, by: by.id, role: by.role, at };
  return { ...context, materialChecks: recorded };
}

/** The roles that may record checks: the staff acting at the current step; on a finished case holding its certificate back, those who checked before. */
export function checkingRoles(context: CaseContext, acting: readonly string[], finished: boolean): string[] {
  if (!finished) return acting.filter((r) => r !== 'applicant');
  if (!(context as ChecklistContext).certificateHeld) return [];
  return [...new Set(Object.values(checksOf(context)).map((c) => c.role))].filter((r) => r !== 'applicant');
}

/** A case's checklist as callers see it. */
export interface CaseChecklist {
  readonly checks: readonly RecordedCheck[];
  readonly outstanding: readonly OutstandingMaterial[];
  readonly certificateHeld: HeldCertificate | null;
}

/** The checks in definition order, what is outstanding, and the certificate held back (if any). */
export function checklistOf(definition: Pick<MatterDefinition, 'materials' | 'fees'>, data: unknown, context: CaseContext): CaseChecklist {
  const checks = checksOf(context);
  return {
    checks: definition.materials.map((m) => checks[m.id]).filter((c): c is RecordedCheck => c !== undefined),
    outstanding: outstandingOf(definition, data, context),
    certificateHeld: (context as ChecklistContext).certificateHeld ?? null,
  };
}
