/**
 * Moving running cases to a new version of their matter. A case is pinned to the version (and hash) it started on;
 * when a new version is published, the cases of an older one may move if their current state exists in the new
 * process and their data — after a declared mapping of renamed or moved fields — validates against the new form.
 * Each move is one store transaction guarded by the case's revision: the new version and hash, the mapped data, an
 * audit event `migrate` (from and to version and hash, the mapping) and the delays of the state in the new version.
 * Cases that cannot move stay pinned, with the reasons. Moving twice changes nothing.
 */
import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { MatterDefinition } from '../../engine/index.ts';
import { isAutomatic } from '../../engine/process/automatic.ts';
import { isObject, parsePointer, resolvePointer } from '../../engine/json/pointer.ts';
import type { AuditEvent, CaseRecord, CaseStatus, DueDelay, PublishedDefinition, Store } from '../store/types.ts';
import { compareVersions } from '../store/versions.ts';
import { checkActor, checkId, checkObject } from './arguments.ts';
import { nextEvent } from './audit.ts';
import type { AuditSealer } from './audit-seal.ts';
import { compileForm } from './compile-form.ts';
import { delaysOnEntry } from './delays.ts';
import { InvalidArgumentError, NotFoundError } from './errors.ts';
import { isFinalState, machineOf, recheckOf, roleOf, stateOf } from './machine.ts';
import { activePaths, isConfiguration, leavesOfState } from '../../engine/process/nodes.ts';
import { setAtPointer } from '../form/data.ts';

/** A declared move of one field of the case data: a rename (`/a/b` → `/a/c`) or a move to another place (`/a/b` → `/c/b`). */
export interface FieldMapping {
  readonly from: string;
  readonly to: string;
}

/** Why a case cannot move (`pointer` points into the case data, after the mapping). */
export interface MigrationReason {
  readonly code: 'state-missing' | 'state-final' | 'data-invalid' | 'mapping-overwrites' | 'other-version' | 'definition-changed' | 'case-tampered';
  readonly message: string;
  readonly pointer?: string;
  readonly state?: string;
  /** data-invalid: the JSON Schema keyword the data fails in the new form (`required`, `additionalProperties`, …). */
  readonly keyword?: string;
}

/** One case of an older version: whether it can move, and why not. */
export interface CaseCompatibility {
  readonly caseId: string;
  readonly state: string;
  readonly status: CaseStatus;
  readonly revision: number;
  readonly compatible: boolean;
  readonly reasons: readonly MigrationReason[];
}

/** The running cases of one state of an older version, and what that state is in the new process. */
export interface StateCount {
  readonly state: string;
  readonly status: CaseStatus;
  readonly count: number;
  /** Whether the state exists (and is not final) in the new process. */
  readonly exists: boolean;
  readonly roleBefore: string | undefined;
  readonly roleAfter: string | undefined;
}

/** One reason, with how many cases of a version it holds back. */
export interface ReasonCount extends MigrationReason {
  readonly cases: number;
}

/** An older version: its running cases per state, and whether they can move to the new one. */
export interface VersionPlan {
  readonly version: string;
  readonly hash: string;
  readonly publishedAt: number;
  /** Cases not finished (drafts and active cases): these may move. */
  readonly running: number;
  /** Finished cases: they stay on the version they were decided under. */
  readonly finished: number;
  readonly states: readonly StateCount[];
  readonly compatible: number;
  readonly incompatible: number;
  /** Every reason found, with how many cases it holds back. */
  readonly reasons: readonly ReasonCount[];
  /** The running cases, oldest first (at most `casesLimit`; `truncated` when there are more). */
  readonly cases: readonly CaseCompatibility[];
  readonly truncated: boolean;
}

/** What moving to `to` would do, per older version. */
export interface MigrationPlan {
  readonly matterId: string;
  readonly region: string;
  readonly to: { readonly version: string; readonly hash: string };
  readonly mapping: readonly FieldMapping[];
  /** Older versions, newest first. */
  readonly versions: readonly VersionPlan[];
}

/** What a migration did: ids of the cases moved, already on the target, refused (with reasons), and lost to a concurrent step. */
export interface MigrationResult {
  readonly matterId: string;
  readonly region: string;
  readonly from: { readonly version: string; readonly hash: string };
  readonly to: { readonly version: string; readonly hash: string };
  readonly migrated: readonly string[];
  readonly skipped: readonly string[];
  readonly refused: readonly { readonly caseId: string; readonly reasons: readonly MigrationReason[] }[];
  /** Cases that took a step while they were being moved: still on the old version; run the migration again. */
  readonly raced: readonly string[];
}

export interface MigrateInput {
  readonly matterId: string;
  readonly region: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly mapping?: readonly FieldMapping[];
  /** Only these cases (default: every running case on `fromVersion`); those already on `toVersion` are skipped. */
  readonly caseIds?: readonly string[];
  readonly actor: { readonly id: string; readonly role: string };
}

/** What the runtime lends the migration: its store, clock, definitions (hash-checked), form ajv and audit sealer. */
export interface MigrationHost {
  readonly store: Store;
  readonly ajv: Ajv2020;
  readonly sealer: AuditSealer;
  /** Holidays that working-day delays (P2WD) skip. */
  readonly holidays?: ReadonlySet<string>;
  now(): number;
  /** A published version, its body checked against its hash. */
  definition(matterId: string, region: string, version: string): Promise<PublishedDefinition>;
}

/** Running cases: drafts (started, not submitted) move too, so the applicant finishes on the new form. */
const running: readonly CaseStatus[] = ['draft', 'active'];
const casesLimit = 500;
const maxMappings = 100;
const unsafeTokens: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Checks a declared mapping: JSON Pointers below the root, no two moves from or to the same place or into each other. */
export function checkMapping(mapping: unknown): FieldMapping[] {
  if (mapping === undefined) return [];
  if (!Array.isArray(mapping)) throw new InvalidArgumentError('mapping', 'must be an array of { from, to } JSON Pointers');
  if (mapping.length > maxMappings) throw new InvalidArgumentError('mapping', `must have at most ${maxMappings} entries, not ${mapping.length}`);
  const checked = mapping.map((m: unknown, i): FieldMapping => {
    checkObject(`mapping[${i}]`, m);
    const extra = Object.keys(m).find((k) => k !== 'from' && k !== 'to');
    if (extra !== undefined) throw new InvalidArgumentError(`mapping[${i}]`, `has "${extra.slice(0, 40)}"; an entry is { from, to }`);
    for (const side of ['from', 'to'] as const) {
      const p = m[side];
      checkId(`mapping[${i}].${side}`, p);
      if (!parsePointer(p) || p === '' || /~(?![01])/.test(p)) throw new InvalidArgumentError(`mapping[${i}].${side}`, `"${p.slice(0, 80)}" is not a JSON Pointer below the root (like /applicant/mobile)`);
    }
    const { from, to } = m as { from: string; to: string };
    for (const p of [from, to]) if (parsePointer(p)!.some((t) => unsafeTokens.has(t))) throw new InvalidArgumentError(`mapping[${i}]`, `${p.slice(0, 80)} names __proto__, constructor or prototype`);
    // `/` or `/a//b` names a field called "" (no form has one; the POST body's schema refuses `/` too)
    for (const p of [from, to]) if (parsePointer(p)!.some((t) => t === '')) throw new InvalidArgumentError(`mapping[${i}]`, `"${p.slice(0, 80)}" names a field with an empty name`);
    for (const p of [from, to]) if (/[\u0000-\u001f\u007f]/.test(p)) throw new InvalidArgumentError(`mapping[${i}]`, `${JSON.stringify(p.slice(0, 80))} holds a control character`);
    if (overlaps(from, to)) throw new InvalidArgumentError(`mapping[${i}]`, `${from} and ${to} overlap: a field cannot move into itself`);
    return { from, to };
  });
  checked.forEach((a, i) => checked.slice(0, i).forEach((b, j) => {
    if (overlaps(a.from, b.from)) throw new InvalidArgumentError(`mapping[${i}].from`, `${a.from} overlaps mapping[${j}].from ${b.from}`);
    if (overlaps(a.to, b.to)) throw new InvalidArgumentError(`mapping[${i}].to`, `${a.to} collides with mapping[${j}].to ${b.to}`);
    if (overlaps(a.to, b.from) || overlaps(a.from, b.to)) throw new InvalidArgumentError(`mapping[${i}]`, `moves into or out of what mapping[${j}] moves (${b.from} → ${b.to}): declare one move per field`);
  }));
  return checked;
}

// Whether one pointer is the other or inside it.
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** A data pointer after the mapping: the moved prefix replaced (`/a/b/c` under `/a/b` → `/x` is `/x/c`). */
export function mapPointer(pointer: string, mapping: readonly FieldMapping[]): string {
  for (const m of mapping) if (pointer === m.from || pointer.startsWith(`${m.from}/`)) return m.to + pointer.slice(m.from.length);
  return pointer;
}

/** The data with the mapping applied (all sources read, then removed, then written); a move onto a value already there is a reason. */
export function applyMapping(data: unknown, mapping: readonly FieldMapping[]): { data: unknown; moved: FieldMapping[]; reasons: MigrationReason[] } {
  if (mapping.length === 0) return { data, moved: [], reasons: [] };
  const moves = mapping.map((m) => ({ ...m, value: resolvePointer(data, m.from) })).filter((m) => m.value !== undefined);
  if (moves.length === 0) return { data, moved: [], reasons: [] };
  let result = structuredClone(data);
  for (const m of moves) result = removeAt(result, m.from);
  const reasons: MigrationReason[] = [];
  for (const m of moves) {
    if (resolvePointer(result, m.to) !== undefined) reasons.push({ code: 'mapping-overwrites', pointer: m.to, message: `moving ${m.from} to ${m.to} would overwrite the value the case holds there` });
    else result = setAtPointer(result, m.to, m.value);
  }
  return { data: result, moved: moves.map(({ from, to }) => ({ from, to })), reasons };
}

// Why a case in `state` cannot rest in the same state of `to`'s process, or undefined when it can: every state it is
// in exists there as the same kind of state (a leaf, one child per compound state, every region of a parallel one),
// it is not the process's final state, and no state it is in decides automatically.
function stateMove(state: string, to: PublishedDefinition): MigrationReason | undefined {
  const { process } = to.definition;
  const missing = leavesOfState(state).find((leaf) => !stateOf(to.definition, leaf));
  if (missing !== undefined) return { code: 'state-missing', state, message: `state "${missing}" is not in the process of version ${to.version}` };
  if (!isConfiguration(process, state)) return { code: 'state-missing', state, message: `state "${state}" is nested differently in version ${to.version} (a leaf became a compound state, or a parallel state gained or lost a region): where the case would be is not one state of the new process` };
  if (isFinalState(to.definition, state)) return { code: 'state-final', state, message: `state "${state}" is final in version ${to.version}: a running case cannot move into it` };
  // automatic decisions are taken after a step: a case moved into a state that decides itself would wait there for nobody
  const automatic = activePaths(process, state).find((p) => isAutomatic(stateOf(to.definition, p)));
  if (automatic !== undefined) return { code: 'state-missing', state, message: `state "${automatic}" decides automatically in version ${to.version} ("always", no role): no step would leave it, so a case cannot rest there` };
  return undefined;
}

/** Whether one case can move to `to`: its state in the new process, its data after the mapping against the new form. */
export function caseCompatibility(record: CaseRecord, to: PublishedDefinition, validate: ValidateFunction, mapping: readonly FieldMapping[]): { reasons: MigrationReason[]; data: unknown } {
  const reasons: MigrationReason[] = [];
  const stateReason = stateMove(record.state, to);
  if (stateReason) reasons.push(stateReason);
  const mapped = applyMapping(record.data, mapping);
  reasons.push(...mapped.reasons);
  // a draft is not submitted yet: what it lacks is asked for on submission; what it holds must fit the new form
  const errors = formErrors(validate, mapped.data).filter((e) => record.status !== 'draft' || e.keyword !== 'required');
  for (const e of errors) reasons.push({ code: 'data-invalid', pointer: e.pointer, keyword: e.keyword, message: e.message });
  return { reasons, data: mapped.data };
}

/** The plan: per older version, its running cases per state and whether each can move to `toVersion`. */
export async function migrationPlan(host: MigrationHost, matterId: string, region: string, toVersion: string, given?: unknown): Promise<MigrationPlan> {
  checkId('matterId', matterId);
  checkId('region', region);
  checkId('toVersion', toVersion);
  const mapping = checkMapping(given);
  const to = await host.definition(matterId, region, toVersion);
  const validate = validatorOf(host, to);
  const counts = await host.store.caseCounts(matterId, region);
  const history = (await host.store.versionHistory(matterId, region)).filter((v) => compareVersions(v.version, toVersion) < 0).reverse();
  const versions: VersionPlan[] = [];
  for (const v of history) {
    const from = await host.definition(matterId, region, v.version);
    const own = counts.filter((c) => c.version === v.version);
    const states = own.filter((c) => c.status !== 'done').map((c): StateCount => {
      return { state: c.state, status: c.status, count: c.count, exists: stateMove(c.state, to) === undefined, roleBefore: roleOf(from.definition, c.state), roleAfter: roleOf(to.definition, c.state) };
    });
    const cases = (await host.store.casesOnVersion(matterId, region, v.version, running)).map((record) => {
      const reasons = preconditions(host, record, from) ?? caseCompatibility(record, to, validate, mapping).reasons;
      return { caseId: record.id, state: record.state, status: record.status, revision: record.revision, compatible: reasons.length === 0, reasons };
    });
    const tally = new Map<string, ReasonCount>();
    for (const c of cases) {
      for (const r of c.reasons) {
        const key = `${r.code}\u0000${r.pointer ?? r.state ?? ''}\u0000${r.keyword ?? ''}\u0000${r.message}`;
        const seen = tally.get(key);
        tally.set(key, { ...r, cases: (seen?.cases ?? 0) + 1 });
      }
    }
    const compatible = cases.filter((c) => c.compatible).length;
    versions.push({
      version: v.version, hash: v.hash, publishedAt: v.publishedAt, running: cases.length, finished: own.filter((c) => c.status === 'done').reduce((n, c) => n + c.count, 0),
      states, compatible, incompatible: cases.length - compatible, reasons: [...tally.values()].sort((a, b) => b.cases - a.cases),
      cases: cases.slice(0, casesLimit), truncated: cases.length > casesLimit,
    });
  }
  return { matterId, region, to: { version: to.version, hash: to.hash }, mapping, versions };
}

/** Moves the compatible running cases of `fromVersion` to `toVersion`, one transaction each; the rest stay pinned. */
export async function migrateCases(host: MigrationHost, input: MigrateInput): Promise<MigrationResult> {
  checkObject('input', input);
  checkId('input.matterId', input.matterId);
  checkId('input.region', input.region);
  checkId('input.fromVersion', input.fromVersion);
  checkId('input.toVersion', input.toVersion);
  checkActor(input.actor);
  const mapping = checkMapping(input.mapping);
  if (input.caseIds !== undefined && (!Array.isArray(input.caseIds) || input.caseIds.length > 10_000)) throw new InvalidArgumentError('input.caseIds', 'must be an array of at most 10000 case ids');
  input.caseIds?.forEach((id, i) => checkId(`input.caseIds[${i}]`, id));
  const { matterId, region } = input;
  const from = await host.definition(matterId, region, input.fromVersion);
  const to = await host.definition(matterId, region, input.toVersion);
  if (compareVersions(to.version, from.version) <= 0) throw new InvalidArgumentError('input.toVersion', `${to.version} is not newer than ${from.version}: cases move to a newer version only`);
  const validate = validatorOf(host, to);
  const selected = input.caseIds
    ? (await Promise.all(input.caseIds.map(async (id) => (await host.store.getCase(id)) ?? id)))
    : await host.store.casesOnVersion(matterId, region, from.version, running);
  // every named case is checked before any moves: a bad list changes nothing
  for (const record of selected) {
    if (typeof record === 'string') throw new NotFoundError(`case ${record}`);
    if (record.matterId !== matterId || record.region !== region) throw new InvalidArgumentError('input.caseIds', `case ${record.id} is not a case of ${matterId} in ${region}`);
  }
  const result = { migrated: [] as string[], skipped: [] as string[], refused: [] as { caseId: string; reasons: MigrationReason[] }[], raced: [] as string[] };
  for (const record of selected as CaseRecord[]) {
    const outcome = await migrateOne(host, record, from, to, validate, mapping, input.actor);
    if (outcome === 'migrated' || outcome === 'skipped' || outcome === 'raced') result[outcome].push(record.id);
    else result.refused.push({ caseId: record.id, reasons: outcome });
  }
  return { matterId, region, from: { version: from.version, hash: from.hash }, to: { version: to.version, hash: to.hash }, ...result };
}

// One case: checked, then written at the revision read; a concurrent step makes the write a conflict (raced).
async function migrateOne(
  host: MigrationHost, record: CaseRecord, from: PublishedDefinition, to: PublishedDefinition, validate: ValidateFunction, mapping: readonly FieldMapping[], actor: { id: string; role: string },
): Promise<'migrated' | 'skipped' | 'raced' | MigrationReason[]> {
  if (record.version === to.version && record.hash === to.hash) return 'skipped';
  if (record.version !== from.version) {
    return [{ code: 'other-version', message: `case ${record.id} is on version ${record.version}, not ${from.version}` }];
  }
  if (record.status === 'done') return [{ code: 'state-final', state: record.state, message: `case ${record.id} is finished: it stays on the version it was decided under` }];
  const refused = preconditions(host, record, from);
  if (refused) return refused;
  const checked = caseCompatibility(record, to, validate, mapping);
  if (checked.reasons.length > 0) return checked.reasons;
  const now = host.now();
  const moved = mapping.filter((m) => resolvePointer(record.data, m.from) !== undefined);
  const payload = { fromVersion: from.version, toVersion: to.version, fromHash: from.hash, toHash: to.hash, mapping: moved };
  const event = nextEvent({ seq: record.revision, hash: record.auditHead }, { caseId: record.id, at: now, actor: actor.id, role: actor.role, type: 'migrate', from: record.state, to: record.state, payload });
  const verified = Object.fromEntries(Object.entries(record.verified).map(([field, value]) => [mapPointer(field, moved), value]));
  const sealed: CaseRecord = {
    ...record, version: to.version, hash: to.hash, role: roleOf(to.definition, record.state), data: checked.data, verified,
    revision: record.revision + 1, auditHead: event.hash, updatedAt: now,
  };
  // the new version's delays, and the re-check of its automatic decisions that wait on time (see recheckOf)
  const delays = [...(await delaysAfterMove(host, record, from.definition, to, now)), ...recheckOf(to.definition, record.id, record.state, { data: checked.data, verified, now })];
  const written = await host.store.migrateCase(record.revision, { record: { ...sealed, auditSeal: host.sealer.seal(sealed) }, events: [event], delays });
  if (written === 'ok') return 'migrated';
  const now2 = await host.store.getCase(record.id);
  return now2 && now2.version === to.version && now2.hash === to.hash ? 'skipped' : 'raced';
}

// A case whose row or pinned definition fails its integrity check does not move (and is not checked further).
function preconditions(host: MigrationHost, record: CaseRecord, from: PublishedDefinition): MigrationReason[] | undefined {
  if (!record.auditSeal || !host.sealer.verify(record, record.auditSeal)) {
    return [{ code: 'case-tampered', message: `case ${record.id} was changed outside the runtime (its audit seal does not match): it does not move` }];
  }
  if (record.hash !== from.hash) return [{ code: 'definition-changed', message: `case ${record.id} is pinned to hash ${record.hash}, but version ${from.version} is published as ${from.hash}` }];
  return undefined;
}

// The delays of the states the case is in, in the new version, each counted from when the case entered that state;
// a delay of the same state and name the old version already spent (fired or not taken) is not armed again.
async function delaysAfterMove(host: MigrationHost, record: CaseRecord, before: MatterDefinition, to: PublishedDefinition, now: number): Promise<DueDelay[]> {
  const timed = activePaths(to.definition.process, record.state).filter((p) => Object.keys(stateOf(to.definition, p)?.after ?? {}).length > 0);
  if (timed.length === 0) return [];
  const pending = new Set((await host.store.delaysOf(record.id)).map((d) => `${d.state}\u0000${d.delay}`));
  const events = await host.store.events(record.id);
  const machine = machineOf(to.definition, to.hash);
  return timed.flatMap((path) => {
    const spent = new Set(Object.keys(stateOf(before, path)?.after ?? {}).filter((d) => !pending.has(`${path}\u0000${d}`)));
    const inside = (state: string | undefined) => state !== undefined && activePaths(before.process, state).includes(path);
    const entered = events.findLast((e: AuditEvent) => inside(e.to) && !inside(e.from))?.at ?? record.createdAt;
    return delaysOnEntry(machine, to.definition, record.id, path, Math.min(entered, now), host.holidays).filter((d) => !spent.has(d.delay));
  });
}

// The new form's compiled validator, once per runtime (ajv) and hash.
const compiled = new WeakMap<Ajv2020, Map<string, ValidateFunction>>();
function validatorOf(host: MigrationHost, published: PublishedDefinition): ValidateFunction {
  let byHash = compiled.get(host.ajv);
  if (!byHash) compiled.set(host.ajv, (byHash = new Map()));
  let validate = byHash.get(published.hash);
  if (!validate) byHash.set(published.hash, (validate = compileForm(host.ajv, published)));
  return validate;
}

// ajv's errors as field errors; a missing or extra property points at the property itself.
function formErrors(validate: ValidateFunction, data: unknown): { pointer: string; keyword: string; message: string }[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    if (e.keyword === 'required') return { pointer: `${e.instancePath}/${escape(params.missingProperty ?? '')}`, keyword: e.keyword, message: 'is required by the new form' };
    if (e.keyword === 'additionalProperties') return { pointer: `${e.instancePath}/${escape(params.additionalProperty ?? '')}`, keyword: e.keyword, message: 'is not in the new form (map it to a field that is, or the case stays)' };
    return { pointer: e.instancePath, keyword: e.keyword, message: e.message ?? e.keyword };
  });
}

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');


// A copy of `data` without the value at `pointer`.
function removeAt(data: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer) ?? [];
  const parent = tokens.slice(0, -1).reduce<unknown>((node, t) => (isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[t] : undefined), data);
  const last = tokens.at(-1)!;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
  return data;
}

