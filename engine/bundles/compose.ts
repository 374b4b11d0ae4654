/**
 * compose(bundle, members): a one-thing bundle as one matter definition — one form, one process, one set of
 * materials — that validates like any other, so the runtime runs it, and diff and score compare it, as they do any
 * matter. Problems (facts whose fields disagree, members missing) point into the member or the bundle they concern.
 */
import { join } from '../json/pointer.ts';
import type { BundleDefinition, MatterDefinition } from '../model/index.ts';
import { problem, type Problem } from '../problems/index.ts';
import { maxStateDepth, nodesOf } from '../process/nodes.ts';
import { composeFees, composeLegalBasis, composeMaterials, composeOutputs } from './elements.ts';
import { composeForm, type ComposeMember } from './form.ts';
import { composeProcess } from './process.ts';

export interface Composition {
  /** The bundle as one definition (absent when a member is missing). */
  readonly definition?: MatterDefinition;
  readonly problems: Problem[];
  /** Times the applicant submits. */
  readonly submissions: number;
  /** Fields asked once for several members: member key + pointer → the field kept (pointer into the composed data). */
  readonly merged: ReadonlyMap<string, string>;
}

const channelOrder = ['online', 'mobile', 'onsite', 'self-service', 'mail'] as const;

/**
 * `members` are the bundle's members' definitions in its order (see resolveMembers); `file` names the bundle in
 * problems, each member's own file names it.
 */
export function compose(bundle: BundleDefinition, members: readonly { file: string; value: MatterDefinition }[], file = 'bundle'): Composition {
  const problems: Problem[] = [];
  if (members.length !== bundle.members.length) {
    return { problems: [problem('bundle.members-mismatch', file, '/members', { expected: bundle.members.length, got: members.length })], submissions: 0, merged: new Map() };
  }
  const keys = new Set<string>();
  bundle.members.forEach((m, i) => {
    if (keys.has(m.key)) problems.push(problem('bundle.duplicate-key', file, join('/members', i, 'key'), { key: m.key }));
    keys.add(m.key);
  });
  // a member's states sit two levels down in the bundle (members.key.…): its process must leave room for that
  members.forEach((m, i) => {
    const depth = Math.max(0, ...nodesOf(m.value.process).map((n) => n.depth));
    // (reported in the bundle: the matter is sound on its own, the bundle cannot take it)
    if (depth + 2 > maxStateDepth) problems.push(problem('bundle.member-too-deep', file, join('/members', i, 'matter'), { member: bundle.members[i]!.key, file: m.file, depth, limit: maxStateDepth - 2 }));
  });
  if (problems.length > 0) return { problems, submissions: 0, merged: new Map() };
  const parts: ComposeMember[] = members.map((m, i) => ({ key: bundle.members[i]!.key, file: m.file, definition: m.value }));
  const form = composeForm(bundle, file, parts);
  problems.push(...form.problems);
  const { process, roles, submissions } = composeProcess(bundle, parts);
  const { legalBasis, idOf } = composeLegalBasis(parts);
  const defs = parts.map((p) => p.definition);
  const channels = channelOrder.filter((c) => defs.every((d) => d.channels.includes(c)));
  const serviceObject = [...new Set(defs.flatMap((d) => d.serviceObject ?? []))];
  const acceptanceConditions = defs.flatMap((d) => d.acceptanceConditions ?? []);
  const locations = defs.flatMap((d) => d.locations ?? []).slice(0, 200);
  const fieldBasis = parts.flatMap(({ key, definition }) =>
    (definition.form.fieldBasis ?? []).filter((f) => !form.merged.has(`${key}${f.field}`)).map((f) => ({ ...f, field: `/${key}${f.field}`, legalBasis: [...new Set(f.legalBasis.map((id) => idOf(key, id)))] })),
  );
  const definition: MatterDefinition = {
    id: bundle.id,
    version: bundle.version,
    kind: bundle.baseline ? 'variant' : 'baseline',
    ...(bundle.baseline ? { baseline: bundle.baseline } : {}),
    region: bundle.region,
    title: bundle.title,
    summary: bundle.summary ?? bundle.title,
    matterType: 'public-service',
    department: bundle.leadDepartment,
    ...(serviceObject.length > 0 ? { serviceObject: serviceObject as MatterDefinition['serviceObject'] } : {}),
    ...(locations.length > 0 ? { locations } : {}),
    legalBasis,
    ...(acceptanceConditions.length > 0 ? { acceptanceConditions: acceptanceConditions.slice(0, 100) } : {}),
    handlingType: 'promised',
    channels: channels.length > 0 ? [...channels] : ['onsite'],
    onlineDepth: Math.min(...defs.map((d) => d.onlineDepth ?? 0)),
    lifeEvents: [bundle.event],
    bundle: {
      id: bundle.id,
      version: bundle.version,
      event: bundle.event,
      eventType: bundle.eventType,
      submission: bundle.submission,
      members: parts.map((p, i) => ({ key: p.key, matter: { id: p.definition.id, version: p.definition.version }, department: bundle.members[i]!.department, title: p.definition.title, departmentName: p.definition.department.name })),
    },
    roles,
    materials: composeMaterials(parts, idOf),
    form: { ...form.form, ...(fieldBasis.length > 0 ? { fieldBasis } : {}) },
    process,
    timeLimit: bundle.timeLimit,
    fees: composeFees(parts, idOf),
    visits: bundle.visits,
    ...(bundle.visitReason ? { visitReason: bundle.visitReason } : {}),
    outputs: composeOutputs(parts),
  };
  return { definition, problems, submissions, merged: form.merged };
}
