/**
 * Recording the clerk's checklist as a step of its own (`materials-checked`), in one transaction: the checks go into
 * the case context; on a finished case whose certificate was held back, the check that supplies the last outstanding
 * material issues it, in a second event (`certificate-issued`) by the same staff member.
 */
import type { MatterDefinition } from '../../engine/index.ts';
import type { CaseRecord, StoredCertificate } from '../store/types.ts';
import { ForbiddenError } from './errors.ts';
import { actingRole, rolesOf, type CaseContext } from './machine.ts';
import { checkChecks, checkingRoles, outstandingOf, withChecks, type ChecklistContext, type OutstandingMaterial, type RecordedCheck } from './materials-check.ts';
import type { Actor } from './views.ts';

/** What the runtime lends the checklist step. */
export interface ChecklistHost {
  readonly now: () => number;
  readonly certificatesFor: (record: CaseRecord, def: MatterDefinition, now: number, outputs?: readonly string[]) => Promise<StoredCertificate[]>;
}

/** What the runtime then writes: the record after, the first event's payload, the certificates and the release event. */
export interface ChecklistWrite {
  readonly after: CaseRecord;
  readonly payload: { checks: readonly RecordedCheck[]; outstanding: readonly string[] };
  readonly certificates: StoredCertificate[];
  readonly release?: { from: string; to: string; payload: unknown; actor: Actor; type: string };
}

/** The write a checklist makes, or a refusal: ForbiddenError for a role not acting, InvalidArgumentError for a bad check. */
export async function checklistWrite(host: ChecklistHost, record: CaseRecord, def: MatterDefinition, checks: unknown, actor: Actor): Promise<ChecklistWrite> {
  const context = record.context as CaseContext & ChecklistContext;
  const roles = checkingRoles(context, rolesOf(def, record.state), record.status === 'done');
  // a staff member with a department checks in their department's role too (police-clerk, a bundle's police step)
  const acting = actingRole(roles, actor);
  if (record.status === 'draft' || acting === undefined) {
    const who = record.status === 'draft' ? 'nobody before it is submitted' : roles.join(', ') || 'nobody: the case is finished';
    throw new ForbiddenError(`the materials of case ${record.id} at step "${record.state}" are checked by ${who}, not ${actor.role}`);
  }
  const valid = checkChecks(def, record.data, checks);
  const now = host.now();
  let after: CaseContext & ChecklistContext = withChecks(context, valid, { id: actor.id, role: acting }, now);
  const outstanding: OutstandingMaterial[] = outstandingOf(def, record.data, after);
  const held = context.certificateHeld;
  const releases = held !== undefined && outstanding.length === 0;
  if (releases) {
    const { certificateHeld: _, ...rest } = after;
    after = rest;
  }
  const updated: CaseRecord = { ...record, context: after, updatedAt: now };
  const certificates = releases ? await host.certificatesFor(updated, def, now, held.outputs) : [];
  const recorded = valid.map((c) => (after.materialChecks ?? {})[c.material]!);
  return {
    after: updated,
    payload: { checks: recorded, outstanding: outstanding.map((o) => o.id) },
    certificates,
    ...(releases ? { release: { from: record.state, to: record.state, actor: { id: actor.id, role: acting }, type: 'certificate-issued', payload: { certificates: certificates.map((c) => c.id), heldSince: held.at } } } : {}),
  };
}
