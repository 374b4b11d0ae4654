/**
 * Cases as the API returns them: the record's fields, the step, accepted events, deadline (with the overdue flag),
 * time limits in the matter's unit, waived materials, the situation the answers make (materials, groups, fees, amount
 * due) and certificate links.
 */
import type { CaseView, StepView } from '../cases/runtime.ts';
import type { CaseTimeLimit } from '../cases/time-limits.ts';
import type { CaseFile, CaseRecord, Deadline } from '../store/types.ts';
import { leavesOfState, nodeAt, resolveTarget, roleAt, stepOfState } from '../../engine/process/nodes.ts';
import { memberRegion } from '../cases/machine.ts';
import type { StoredCertificate } from '../store/types.ts';
import { licencesOfTrail } from '../cases/licences.ts';

/** The deadline with whether it has passed unmet at `now`. */
export function deadlineJson(deadline: Deadline | undefined, now: number) {
  if (!deadline) return { deadline: null, overdue: false };
  // a clock paused for a supplement is not overdue (its due time moves when the applicant resubmits)
  const overdue = deadline.metAt === undefined && deadline.pausedAt === undefined && deadline.dueAt < now;
  const paused = deadline.pausedAt === undefined ? {} : { pausedAt: new Date(deadline.pausedAt).toISOString() };
  return { deadline: { dueAt: new Date(deadline.dueAt).toISOString(), metAt: deadline.metAt === undefined ? null : new Date(deadline.metAt).toISOString(), ...paused }, overdue };
}

const isoOrNull = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** The time limits with their ends as ISO dates. */
export function timeLimitJson(limit: CaseTimeLimit) {
  return { ...limit, startedAt: isoOrNull(limit.startedAt), statutoryDueAt: isoOrNull(limit.statutoryDueAt), extendedDueAt: isoOrNull(limit.extendedDueAt) };
}

// Where a delay leads when it fires (a state's path) (its first transition; a guarded list may lead elsewhere or nowhere).
function delayTarget(definition: CaseView['definition'], state: string, delay: string): string | null {
  const node = nodeAt(definition.process, state)?.state;
  // a re-check of the automatic decisions (delay "always") leads where the decision that waits on time does
  const spec = delay === 'always' ? [node?.always].flat().find((t) => typeof t === 'object' && t?.guard !== undefined && typeof t.guard === 'object' && t.guard.type === 'olderThan') : node?.after?.[delay];
  const first = Array.isArray(spec) ? spec[0] : spec;
  return resolveTarget(definition.process, state, typeof first === 'string' ? first : first?.target) ?? null;
}

/** A case's evidence files by material id: referenced (part of the case) or only uploaded, with their download link. */
export function filesJson(caseId: string, files: readonly CaseFile[]) {
  const byMaterial: Record<string, { sha256: string; size: number; type: string; uploadedAt: string; referenced: boolean; href: string }[]> = {};
  for (const f of files) {
    (byMaterial[f.materialId] ??= []).push({
      sha256: f.sha256, size: f.size, type: f.type, uploadedAt: new Date(f.uploadedAt).toISOString(), referenced: f.referencedSeq !== undefined, href: `/api/cases/${caseId}/files/${f.sha256}`,
    });
  }
  return byMaterial;
}

/** A case's summary fields (lists). */
export function caseSummary(record: CaseRecord) {
  const { id, matterId, version, region, applicant, state, role, status, outcome, revision, createdAt, updatedAt } = record;
  // the name shared data verified (prefilled and locked); one the applicant typed is not a verified identity
  const name = record.verified['/applicant/name'];
  const submittedAt = (record.context as { submittedAt?: unknown }).submittedAt;
  return {
    id, matterId, version, region, applicant, applicantName: typeof name === 'string' ? name : null, reference: record.reference ?? null,
    submittedAt: typeof submittedAt === 'number' ? new Date(submittedAt).toISOString() : null, state, role: role ?? null, status, outcome: outcome ?? null, revision,
    createdAt: new Date(createdAt).toISOString(), updatedAt: new Date(updatedAt).toISOString(),
  };
}

/**
 * Where each member of a one-thing bundle stands (null for a single matter): its region's active step and role while
 * it runs, its outcome once its region ended (kept in the context as it ends: the join to 办结 leaves no region's
 * final state behind; a bundle withdrawn before submission withdrew every member), and the certificates its
 * approval issued.
 */
export function membersJson(record: CaseRecord, definition: CaseView['definition'], certificates: readonly Pick<StoredCertificate, 'id'>[]) {
  const bundle = definition.bundle;
  if (!bundle) return null;
  const ended = ((record.context as { memberOutcomes?: Record<string, string> }).memberOutcomes ?? {});
  const issued = new Set(certificates.map((c) => c.id));
  return bundle.members.map((m) => {
    const leaves = leavesOfState(record.state).filter((l) => l.startsWith(`${memberRegion(m.key)}.`));
    const final = leaves.length > 0 && leaves.every((l) => nodeAt(definition.process, l)?.kind === 'final');
    const finalOutcome = final ? (nodeAt(definition.process, leaves[0]!)!.state.meta?.outcome ?? leaves[0]!.split('.').at(-1)!) : undefined;
    const outcome = ended[m.key] ?? finalOutcome ?? (record.status === 'done' && record.outcome === 'withdrawn' ? 'withdrawn' : null);
    const running = outcome === null && leaves.length > 0;
    const roles = running ? [...new Set(leaves.map((l) => roleAt(definition.process, l)).filter((r): r is string => r !== undefined))] : [];
    return {
      key: m.key, title: m.title, department: m.department, departmentName: m.departmentName,
      step: (running && stepOfState(definition.process, leaves.join(','))) || null,
      role: roles.length > 0 ? roles.join(' ') : null,
      outcome,
      certificates: definition.outputs.filter((o) => o.member === m.key && issued.has(`${record.id}-${o.id}`)).map((o) => `${record.id}-${o.id}`),
    };
  });
}

/** A certificate's links: the signed JSON and its print view. */
export const certificateLinks = (id: string, issuedAt: number) => ({ id, issuedAt: new Date(issuedAt).toISOString(), json: `/api/certificates/${id}`, html: `/api/certificates/${id}/print` });

/** A whole case; with `definition` the form's definition is included (for rendering), with `audit` its trail. */
export function caseJson(view: CaseView | StepView, now: number, include: { definition?: boolean } = {}) {
  const { record, definition } = view;
  return {
    ...caseSummary(record),
    title: definition.title,
    hash: record.hash,
    data: record.data,
    verified: record.verified,
    step: view.step ?? null,
    events: view.events,
    eventRoles: view.eventRoles,
    ...deadlineJson(view.deadline, now),
    timeLimit: timeLimitJson(view.timeLimit),
    waived: view.waived,
    situation: view.situation,
    checklist: view.checklist,
    files: filesJson(record.id, view.files),
    certificates: view.certificates.map((c) => certificateLinks(c.id, c.issuedAt)),
    members: membersJson(record, definition, view.certificates),
    ...('audit' in view ? { audit: view.audit, licences: licencesOfTrail(view.audit) } : {}),
    ...('delays' in view ? { delays: view.delays.map((d) => ({ state: d.state, delay: d.delay, dueAt: new Date(d.dueAt).toISOString(), target: delayTarget(view.definition, d.state, d.delay) })) } : {}),
    ...('event' in view ? { event: view.event } : {}),
    ...(include.definition ? { definition } : {}),
  };
}
