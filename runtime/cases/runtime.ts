/**
 * The case runtime developers embed: publish a catalogue, start cases (prefilled and with materials waived from
 * shared data), save drafts, submit, act on steps, and read cases with their audit trail, deadlines and
 * e-certificates. Every change is one store transaction guarded by the case's revision.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnyStateMachine } from 'xstate';
import { type Catalogue, type MatterDefinition } from '../../engine/index.ts';
import { canonical } from '../../engine/json/equal.ts';
import { resolvePointer } from '../../engine/json/pointer.ts';
import { certificatesOfCase } from '../certificates/issue.ts';
import { ed25519Signer, verifyCertificate, type CertificateCheck, type Signer } from '../certificates/signer.ts';
import { systemClock, type Clock } from '../effects/clock.ts';
import { limitEnd } from '../effects/time-limit.ts';
import { demoSharedData } from '../shared-data/demo.ts';
import type { SharedDataSource } from '../shared-data/source.ts';
import { compareVersions } from '../store/versions.ts';
import type { AuditEvent, CaseQuery, CaseRecord, Deadline, DueDelay, FileReference, PublishedDefinition, ReferenceClaim, Store, StoredCertificate } from '../store/types.ts';
import { checkChange, checkDefinitionKey, checkId, checkObject, checkQuery } from './arguments.ts';
import { nextEvent, type AuditCheck } from './audit.ts';
import { auditKeyOf, auditSealer, caseAuditCheck, type AuditSealer } from './audit-seal.ts';
import { atBoundary, guardedStore, typed } from './boundary.ts';
import { compileForm, fieldErrors, sharedSchemasAjv } from './compile-form.ts';
import { delaysAlong, delaysOfState } from './delays.ts';
import { activePaths, isConfiguration, nodeMap, stepOfState } from '../../engine/process/nodes.ts';
import { migrateCases, migrationPlan, type FieldMapping, type MigrateInput, type MigrationHost, type MigrationPlan, type MigrationResult } from './migration.ts';
import {
  CaseTamperedError, ConflictError, DefinitionError, ForbiddenError, InternalRuntimeError, InvalidArgumentError, InvalidEventError, NotFoundError, TamperedError,
  ValidationFailedError, type FieldError,
} from './errors.ts';
import { checkDeclaredMaterials, checkEventShape } from './event-shape.ts';
import { acceptedEvents, actingRole, actorsFor, automaticEvent, baseEvent, submitEventOf, recheckDelay, recheckOf, waitsOnTime, automaticStep, initialState, isFinalState, machineOf, roleOf, rolesOf, stateOf, step, type CaseContext, type CaseEvent, type Outcome } from './machine.ts';
import { checkPayload } from './payload-limits.ts';
import { stepContext } from './step-context.ts';
import { caseSituation } from './situation.ts';
import { caseTimeLimit } from './time-limits.ts';
import { checklistWrite } from './checklist-step.ts';
import { acceptRefusal, checklistOf, type ChecklistContext, type MaterialCheck } from './materials-check.ts';
import { clockAfter } from './supplement-clock.ts';
import { nextReference, numbers, ReferenceRaced, retryingReference } from './reference.ts';
import type { Actor, CaseView, FiredDelay, StepView } from './views.ts';
import { setAtPointer } from '../form/data.ts';
import { fileReferences, filesPayload, materialsWithFiles, type MaterialFiles } from '../files/references.ts';

export type { Actor, CaseView, FiredDelay, StepView, WaivedMaterial } from './views.ts';

export interface RuntimeOptions {
  readonly store: Store;
  /**
   * A validated catalogue to publish on start (seeding, deploying a new version). Without it the runtime serves
   * what the store holds; either way definitions are read from the store, lazily, one matter at a time.
   */
  readonly catalogue?: Catalogue;
  /** Shared schemas forms may `$ref` (default: the catalogue's). */
  readonly sharedSchemas?: readonly object[];
  /** Shared data for prefill and waivers (default: the embedded demo citizens). */
  readonly sharedData?: SharedDataSource;
  /** The issuing departments' seal (default: a fresh Ed25519 key). */
  readonly signer?: Signer;
  /**
   * The key sealing each case's audit head (HMAC-SHA256). Default: derived from `signer` (so a kept signing key keeps
   * seals verifying across restarts); with neither, a fixed public demo key that protects nothing.
   */
  readonly auditKey?: string | Uint8Array;
  readonly clock?: Clock;
  /** Public holidays (`YYYY-MM-DD`, China Standard Time) that do not count as working days. */
  readonly holidays?: Iterable<string>;
}


/** How many automatic decisions one step may lead to, one after another, at least (a process of more states may chain more). */
const maxAutomatic = 20;

/** How many pages of due delays one sweep reads at most (a page is `limit` rows). */
const maxSweepPages = 20;

/** The actor of delayed transitions and automatic decisions: no user, the runtime itself. */
const systemActor: Actor = { id: 'system', role: 'system' };

/** The content hash a definition version is published and pinned under. */
export const definitionHash = (d: MatterDefinition): string => createHash('sha256').update(canonical(d)).digest('hex');

/** Creates a runtime and publishes the catalogue's definitions (a changed published version is refused). */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  return atBoundary('createRuntime', async () => {
    const runtime = new Runtime(options);
    await runtime.publishCatalogue();
    return runtime;
  });
}

export class Runtime {
  readonly store: Store;
  readonly signer: Signer;
  private readonly clock: Clock;
  private readonly sharedData: SharedDataSource;
  private readonly holidays: ReadonlySet<string>;
  private readonly validators = new Map<string, (data: unknown) => FieldError[]>();
  // Published versions never change, so each is read from the store once.
  private readonly definitions = new Map<string, PublishedDefinition>();
  private readonly ajv: Ajv2020;
  private readonly sealer: AuditSealer;

  constructor(private readonly options: RuntimeOptions) {
    try {
      checkObject('options', options);
      const store = options.store as Partial<Store> | undefined;
      if (typeof store?.getCase !== 'function' || typeof store.updateCase !== 'function') throw new InvalidArgumentError('options.store', 'must be a Store (openSqliteStore(…))');
      this.store = guardedStore(options.store);
      this.signer = options.signer ?? ed25519Signer('onematter-demo-seal');
      this.sealer = auditSealer(auditKeyOf(options));
      this.clock = options.clock ?? systemClock;
      this.sharedData = options.sharedData ?? demoSharedData;
      this.holidays = new Set(options.holidays ?? []);
      this.ajv = sharedSchemasAjv(options.sharedSchemas ?? options.catalogue?.schemas.map((s) => s.value) ?? []);
    } catch (error) {
      throw typed('new Runtime', error);
    }
  }

  /** Publishes every definition of the catalogue; an id + version + region already published with other content is refused. */
  async publishCatalogue(): Promise<void> {
    return atBoundary('publishCatalogue', async () => {
      for (const { value } of this.options.catalogue?.definitions ?? []) {
        const result = await this.store.publish({ id: value.id, version: value.version, region: value.region.code, hash: definitionHash(value), definition: value, publishedAt: this.now() });
        if (result === 'conflict') {
          throw new DefinitionError('definition-changed', `${value.id}@${value.version} (${value.region.code}) is already published with other content; publish a new version instead`);
        }
      }
    });
  }

  /** Starts a case for an applicant (identified by identity number), prefilled and with materials waived from shared data. */
  async startCase(input: { matterId: string; region: string; version?: string; applicant: string }): Promise<CaseView> {
    return atBoundary('startCase', async () => {
      checkObject('input', input);
      checkId('input.matterId', input.matterId);
      checkId('input.region', input.region);
      if (input.version !== undefined) checkId('input.version', input.version);
      checkId('input.applicant', input.applicant);
      return this.start(input);
    });
  }

  private async start(input: { matterId: string; region: string; version?: string; applicant: string }): Promise<CaseView> {
    const published = await this.findDefinition(input.matterId, input.region, input.version);
    const def = published.definition;
    const machine = machineOf(def, published.hash);
    const verified: Record<string, unknown> = {};
    let data: unknown = {};
    for (const p of def.form.prefill ?? []) {
      const value = (await this.sharedData.lookup(p.item, input.applicant))?.[p.value];
      if (value === undefined) continue;
      data = setAtPointer(data, p.field, value);
      if (p.locked !== false) verified[p.field] = value;
    }
    const waived: string[] = [];
    for (const m of def.materials) if (m.sharedData && (await this.sharedData.lookup(m.sharedData.item, input.applicant))) waived.push(m.id);
    const now = this.now();
    const state = initialState(machine);
    const record: CaseRecord = {
      id: randomUUID(), matterId: def.id, version: def.version, region: def.region.code, hash: published.hash, applicant: input.applicant,
      state, role: roleOf(def, state), status: 'draft', outcome: undefined, revision: 1, data, verified, context: { waived }, auditHead: '', createdAt: now, updatedAt: now,
    };
    const event = nextEvent(undefined, { caseId: record.id, at: now, actor: input.applicant, role: 'applicant', type: 'started', from: undefined, to: state, payload: { hash: published.hash, prefilled: Object.keys(verified), waived } });
    const delays = delaysOfState(machine, def, record.id, state, now, this.holidays);
    await this.store.createCase({ record: { ...record, auditHead: event.hash, auditSeal: this.sealer.seal({ ...record, auditHead: event.hash }) }, events: [event], ...(delays.length ? { delays } : {}) });
    return this.view(record.id);
  }

  /** Saves the applicant's draft without validating it (save and return later). */
  async saveDraft(caseId: string, data: unknown, actor: Actor, revision: number): Promise<StepView> {
    return atBoundary('saveDraft', async () => {
      checkChange(caseId, actor, revision);
      checkPayload(data);
      return this.draft(caseId, data, actor, revision);
    });
  }

  private async draft(caseId: string, data: unknown, actor: Actor, revision: number): Promise<StepView> {
    const { record } = await this.load(caseId, revision);
    this.mustBeApplicant(record, actor);
    if (!rolesOf(await this.definitionOf(record), record.state).includes('applicant')) throw new ForbiddenError(`case ${caseId} is at step "${record.state}": the applicant cannot edit it now`);
    this.checkVerified(record, data);
    const written = await this.write(record, { ...record, data }, actor, 'draft-saved', undefined, {});
    return { ...(await this.parts(written.record, await this.definitionOf(record))), event: written.event };
  }

  /** Validates the data with the definition's compiled validator; field errors carry JSON Pointers. */
  async validate(record: Pick<CaseRecord, 'matterId' | 'version' | 'region'>, data: unknown): Promise<FieldError[]> {
    return atBoundary('validate', async () => {
      checkDefinitionKey(record);
      checkPayload(data);
      return this.validatorOf(await this.findDefinition(record.matterId, record.region, record.version))(data);
    });
  }

  /** The compiled validator of a definition version (compiled once, on first use): data in, field errors out. */
  async formValidator(record: Pick<CaseRecord, 'matterId' | 'version' | 'region'>): Promise<(data: unknown) => FieldError[]> {
    return atBoundary('formValidator', async () => {
      checkDefinitionKey(record);
      return this.validatorOf(await this.findDefinition(record.matterId, record.region, record.version));
    });
  }

  /**
   * Submits the form (the SUBMIT event): verified fields unchanged, data valid, then the process moves. A one-thing
   * bundle whose members are submitted separately accepts SUBMIT addressed to each (SUBMIT.key) and no plain SUBMIT:
   * then the first member still waiting for its submission is submitted (submitEventOf). `files` (material
   * id → sha256s uploaded for the case) become part of it, their materials supplied; `evidence` (e-licence picks the caller checked) goes in the audit event.
   */
  async submit(caseId: string, data: unknown, actor: Actor, revision: number, materials: string[] = [], files?: MaterialFiles, evidence: Readonly<Record<string, unknown>> = {}): Promise<StepView> {
    return atBoundary('submit', async () => {
      checkChange(caseId, actor, revision);
      checkPayload(data);
      const event = { type: 'SUBMIT', materials: files ? [...new Set([...materials, ...materialsWithFiles(files)])] : materials };
      checkEventShape(event);
      const { record } = await this.load(caseId, revision);
      this.mustBeApplicant(record, actor);
      const references = await fileReferences(this.store, caseId, files);
      this.checkVerified(record, data);
      const published = await this.findDefinition(record.matterId, record.region, record.version);
      const errors = this.validatorOf(published)(data);
      if (errors.length > 0) throw new ValidationFailedError(errors);
      const submitted = { ...event, type: submitEventOf(published.definition, record.state) };
      return retryingReference(caseId, () => this.transition({ ...record, data }, submitted, actor, revision, references, evidence));
    });
  }

  /** Takes a step of the process (accept, request supplement, approve, reject, …) as `actor`; the event is checked against its schema first. */
  async act(caseId: string, event: CaseEvent, actor: Actor, revision: number, files?: MaterialFiles, evidence: Readonly<Record<string, unknown>> = {}): Promise<StepView> {
    return atBoundary('act', async () => {
      checkChange(caseId, actor, revision);
      // files the applicant references (a supplement) supply their materials, as `materials` does
      if (files) event = { ...event, materials: [...new Set([...(event?.materials ?? []), ...materialsWithFiles(files)])] };
      checkEventShape(event);
      const { record } = await this.load(caseId, revision);
      if (baseEvent(event.type) === 'SUBMIT') throw new ForbiddenError('submit the form with submit(), which validates it');
      const references = await fileReferences(this.store, caseId, files);
      if (references.length > 0) this.mustBeApplicant(record, actor);
      return this.transition(record, event, actor, revision, references, evidence);
    });
  }

  /**
   * Records the checklist of the materials that apply (received / verified / missing / not-applicable, a note, a
   * tolerated-missing one accepted missing with a due date) as its own audit event, by the staff acting at the step;
   * on a finished case holding its certificate back, supplying the last outstanding material issues it.
   */
  async checkMaterials(caseId: string, checks: readonly MaterialCheck[], actor: Actor, revision: number): Promise<StepView> {
    return atBoundary('checkMaterials', async () => {
      checkChange(caseId, actor, revision);
      checkPayload(checks);
      const { record } = await this.load(caseId, revision);
      const def = await this.definitionOf(record);
      const w = await checklistWrite({ now: () => this.now(), certificatesFor: (r, d, now, outputs) => this.certificatesFor(r, d, now, outputs) }, record, def, checks, actor);
      const written = await this.write(record, w.after, actor, 'materials-checked', w.payload, { certificates: w.certificates }, revision, w.release ? [w.release] : []);
      return { ...(await this.parts(written.record, def, w.release && !def.bundle ? w.certificates : undefined)), event: written.event, ...(written.automatic.length ? { automatic: written.automatic } : {}) };
    });
  }

  /** A case with its definition, step, accepted events, deadline, waived materials, audit trail and certificates. */
  async getCase(caseId: string): Promise<CaseView> {
    return atBoundary('getCase', async () => {
      checkId('caseId', caseId);
      return this.view(caseId);
    });
  }

  /** Cases by role (the queue of a step's role), status, applicant or matter. */
  async listCases(query: CaseQuery): Promise<CaseRecord[]> {
    return atBoundary('listCases', async () => {
      checkQuery(query);
      return this.store.listCases(query);
    });
  }

  /** Cases past their promised deadline and not finished, oldest first. */
  async overdue(): Promise<{ caseId: string; dueAt: number }[]> {
    return atBoundary('overdue', async () => this.store.overdue(this.now()));
  }

  /**
   * Fires the delayed transitions (`after`) due by the clock's time, soonest first, at most `limit`: each is one
   * transition by the system actor, recorded in the audit trail. A delay fires once even when sweeps race (the
   * losers report 'raced'), and one whose guard fails is recorded as not taken and dropped, as XState drops it.
   */
  async fireDue(limit = 100): Promise<FiredDelay[]> {
    return atBoundary('fireDue', async () => {
      if (!Number.isSafeInteger(limit) || limit < 1) throw new InvalidArgumentError('limit', 'must be a positive integer');
      const now = this.now();
      const results: FiredDelay[] = [];
      // rows a sweep cannot fire (a tampered case's) stay due: page past them, so they never hold up the others
      let taken = 0;
      let after: DueDelay | undefined;
      for (let page = 0; page < maxSweepPages && taken < limit; page++) {
        const due = await this.store.dueDelays(now, limit, after);
        for (const d of due) {
          const result = await this.fire(d, now);
          results.push(result);
          if (result.outcome === 'fired' || result.outcome === 'not-taken') taken++;
        }
        if (due.length < limit) break;
        after = due.at(-1);
      }
      return results;
    });
  }

  /** A case's pending delayed transitions, soonest first. */
  async pendingDelays(caseId: string): Promise<DueDelay[]> {
    return atBoundary('pendingDelays', async () => {
      checkId('caseId', caseId);
      return this.store.delaysOf(caseId);
    });
  }

  /**
   * Recomputes a case's audit chain and checks it against the case row: every event's hash and link, one event per
   * revision, the last event's hash equal to the case's audit head, and that head's seal under the runtime's audit
   * key — so events altered, removed or renumbered (even with the chain recomputed after them) fail, and so does a
   * chain rewritten whole with a recomputed head by anyone without the key.
   */
  async verifyAudit(caseId: string): Promise<AuditCheck> {
    return atBoundary('verifyAudit', async () => {
      checkId('caseId', caseId);
      const record = await this.store.getCase(caseId);
      if (!record) throw new NotFoundError(`case ${caseId}`);
      return caseAuditCheck(record, await this.store.events(caseId), this.sealer);
    });
  }

  /** Verifies a certificate against this runtime's seal (and any other trusted keys); never throws. */
  verifyCertificate(certificate: unknown, trustedKeys: Readonly<Record<string, string>> = {}): CertificateCheck {
    try {
      return verifyCertificate(certificate, { ...trustedKeys, [this.signer.keyId]: this.signer.publicKeyPem });
    } catch (error) {
      return { ok: false, reason: `unreadable trusted keys: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private async transition(record: CaseRecord, event: CaseEvent, actor: Actor, revision: number, files: readonly FileReference[] = [], evidence: Readonly<Record<string, unknown>> = {}): Promise<StepView> {
    const published = await this.findDefinition(record.matterId, record.region, record.version, record.hash);
    const def = published.definition;
    const role = roleOf(def, record.state);
    if (role === undefined) throw new InvalidEventError(event.type, record.state, [], 'the case is finished');
    // who may: the role of the state that handles the event (in a parallel state, the region's); a root-level event
    // (process.on) the state does not handle itself may also come from the applicant (WITHDRAW)
    // (a staff member with a department also in their department's role: police-clerk, a bundle's police step)
    const allowed = actorsFor(def, record.state, event.type) ?? new Set(rolesOf(def, record.state));
    const acting = actingRole(allowed, actor);
    if (acting === undefined) throw new ForbiddenError(`step "${record.state}" is acted on by ${[...allowed].join(', ') || role}, not ${actor.department ? `${actor.role} of ${actor.department}` : actor.role}`);
    if (acting === 'applicant') this.mustBeApplicant(record, actor);
    checkDeclaredMaterials(def, event);
    // 容缺受理: whatever the process's guards, no acceptance while a required material is neither supplied nor tolerated
    // (ACCEPT.police too: a bundle's events addressed to a member go by their base name)
    const refusal = baseEvent(event.type) === 'ACCEPT' ? acceptRefusal(def, record.data, record.context as CaseContext, event) : undefined;
    if (refusal) throw refusal;
    const machine = machineOf(def, published.hash);
    const now = this.now();
    const next = step(machine, record.state, record.context as CaseContext, event, record.data, { verified: record.verified, now });
    const accepted = acceptedEvents(def, record.state);
    if (!next) throw new InvalidEventError(event.type, record.state, accepted, accepted.includes(event.type) ? 'its condition is not met' : undefined);
    return this.advance(record, published, next, event, event.type, { ...actor, role: acting }, revision, now, undefined, files, evidence);
  }

  // Fires one due delay as the system actor; the write deletes its row or is refused, so it fires once.
  private async fire(due: DueDelay, now: number): Promise<FiredDelay> {
    const result = { caseId: due.caseId, state: due.state, delay: due.delay };
    const record = await this.store.getCase(due.caseId);
    // gone or moved on: the step that left the state deleted the row in its own transaction, so a sweep raced it
    if (!record || !activePaths((await this.definitionOf(record)).process, record.state).includes(due.state)) return { ...result, outcome: 'raced' };
    if (!record.auditSeal || !this.sealer.verify(record, record.auditSeal)) return { ...result, outcome: 'tampered' };
    const published = await this.findDefinition(record.matterId, record.region, record.version, record.hash);
    // a state the process cannot be in (a row rewritten and sealed again with the key): nothing to fire, nothing written
    if (!isConfiguration(published.definition.process, record.state)) return { ...result, outcome: 'tampered' };
    const machine = machineOf(published.definition, published.hash);
    // a re-check of the automatic decisions (recheckOf) decides as a step landing there would; a delay takes its after-event
    const recheck = due.delay === recheckDelay && due.event === automaticEvent;
    const event: CaseEvent = recheck ? { type: 'automatic' } : { type: due.event };
    const facts = { data: record.data, verified: record.verified, now };
    const next = recheck ? automaticStep(machine, record.state, record.context as CaseContext, facts) : step(machine, record.state, record.context as CaseContext, event, record.data, facts);
    const label = recheck ? 'automatic' : `after ${due.delay}`;
    try {
      if (!next) {
        // its guard failed: the delay is spent (as in XState) and the trail says so
        await this.write(record, { ...record, updatedAt: now }, systemActor, label, { delay: due.delay, dueAt: due.dueAt, taken: false }, { fires: due });
        return { ...result, outcome: 'not-taken' };
      }
      const view = await this.advance(record, published, next, event, label, systemActor, record.revision, now, due);
      return { ...result, outcome: 'fired', to: view.record.state, event: view.event };
    } catch (error) {
      if (error instanceof ConflictError) return { ...result, outcome: 'raced' };
      throw error;
    }
  }

  // The write of a step the process took, and of the automatic decisions it leads to (each its own audit event by the
  // system actor, in the same transaction): the new context, deadline, certificates and delays, guarded by `revision`.
  private async advance(
    record: CaseRecord, published: PublishedDefinition, next: Outcome, event: CaseEvent, type: string, actor: Actor, revision: number, now: number, fires?: DueDelay,
    files: readonly FileReference[] = [], evidence: Readonly<Record<string, unknown>> = {},
  ): Promise<StepView> {
    const def = published.definition;
    const machine = machineOf(def, published.hash);
    const base = baseEvent(event.type);
    const numbered = numbers(record, base) ? await nextReference(this.store, now) : undefined; // the first submission's, claimed by the write
    const first = await this.land(numbered ? { ...record, reference: numbered.reference } : record, def, next, event, type, actor, now, machine);
    let updated = first.record;
    const certificates = [...first.certificates];
    const automatic: { from: string; to: string; payload: unknown }[] = [];
    // the validator refuses loops of `always`; the bound keeps a definition that slipped past from spinning, and
    // refuses the step (nothing is written) rather than leave the case somewhere in the loop, where nobody acts
    // a chain that visits no state twice is no longer than the process has states
    const automaticBound = Math.max(maxAutomatic, nodeMap(def.process).size);
    for (let i = 0; updated.status !== 'done'; i++) {
      const decided = automaticStep(machine, updated.state, updated.context as CaseContext, { data: updated.data, verified: updated.verified, now });
      if (!decided) break;
      if (i >= automaticBound) {
        throw new DefinitionError('definition-always-loop', `the process decided automatically ${automaticBound} times in a row without anyone acting (from ${JSON.stringify(record.state)} on to ${automatic.slice(-3).map((a) => JSON.stringify(a.to)).join(', ')}, …): its eventless transitions ("always") loop; the step is refused`);
      }
      const landed = await this.land(updated, def, decided, { type: 'automatic' }, 'automatic', systemActor, now, machine);
      automatic.push({ from: updated.state, to: landed.record.state, payload: { guard: decided.guard ?? null, actions: decided.actions, ...(landed.certificates.length ? { certificates: landed.certificates.map((c) => c.id) } : {}), ...(landed.held ? { certificateHeld: landed.held } : {}) } });
      certificates.push(...landed.certificates);
      updated = landed.record;
    }
    const done = updated.status === 'done';
    const startsClock = record.status === 'draft' && base === 'SUBMIT';
    const deadline = startsClock
      ? { set: { caseId: record.id, kind: 'promised' as const, dueAt: limitEnd(now, def.timeLimit.promisedDays, def.timeLimit.unit, this.holidays), metAt: done ? now : undefined } }
      : done ? { meet: now } : undefined;
    // a supplement request stops the promised-time clock; the applicant's resubmission starts it again, moved
    const clock = deadline ? undefined : clockAfter(await this.store.deadline(record.id), { pauses: next.actions.includes('requestSupplement'), resumes: base === 'SUBMIT' && record.status !== 'draft', now }, this.holidays);
    // each state left drops its pending delays and each entered adds its own, step by step (automatic ones too, so a
    // state entered again is timed again); a state the case stays in keeps its clock
    const pending = async () => (await this.store.delaysOf(record.id)).filter((d) => !(fires && d.state === fires.state && d.delay === fires.delay));
    let delays = await delaysAlong(machine, def, record.id, pending, [record.state, first.record.state, ...automatic.map((a) => a.to)], now, this.holidays);
    // where it waits, when time alone will let an automatic decision hold, the sweep checks again that day (the
    // re-check is worked out anew after every step: the state, the data or the time may have changed)
    if (waitsOnTime(def)) {
      const rechecks = done ? [] : recheckOf(def, record.id, updated.state, { data: updated.data, verified: updated.verified, now });
      delays = [...(delays ?? (await pending())).filter((d) => d.delay !== recheckDelay), ...rechecks];
    }
    const payload = { ...evidence, ...('guard' in next ? { guard: next.guard ?? null } : {}), actions: next.actions, ...(fires ? { delay: fires.delay, dueAt: fires.dueAt } : {}), ...(event.note ? { note: event.note } : {}), ...(first.certificates.length ? { certificates: first.certificates.map((c) => c.id) } : {}), ...(first.held ? { certificateHeld: first.held } : {}), ...(clock ? { clock: clock.audit } : {}), ...filesPayload(files), ...(numbered ? { reference: numbered.reference } : {}) };
    const written = await this.write(record, updated, actor, type, payload, { deadline: deadline ?? (clock && { set: clock.set }), certificates, ...(delays ? { delays } : {}), ...(fires ? { fires } : {}), ...(files.length ? { files } : {}), ...(numbered ? { reference: numbered } : {}) }, revision, automatic);
    // only the final step issues certificates, and a finished case takes no more steps: none existed before this one
    // (a bundle's members each issue theirs at their own approval: read them all)
    return { ...(await this.parts(written.record, def, def.bundle ? undefined : certificates, deadline?.set ?? clock?.set)), event: written.event, ...(written.automatic.length ? { automatic: written.automatic } : {}) };
  }

  // Where one step leaves a case: its state, role, status and outcome, the context the step's event and actions
  // change, and the certificates it issues (not yet written).
  private async land(record: CaseRecord, def: MatterDefinition, next: Outcome, event: CaseEvent, type: string, actor: Actor, now: number, machine?: AnyStateMachine): Promise<{ record: CaseRecord; certificates: StoredCertificate[]; held?: ChecklistContext['certificateHeld'] }> {
    const { context: newContext, issuing, held } = stepContext(def, record, next, event, { type, by: actor.id, now, machine });
    const done = next.done || isFinalState(def, next.state);
    const updated: CaseRecord = {
      ...record, state: next.state, role: roleOf(def, next.state), status: done ? 'done' : 'active',
      outcome: done ? (stateOf(def, next.state)?.meta?.outcome ?? next.state) : undefined, context: newContext, updatedAt: now,
    };
    return { record: updated, certificates: issuing.length > 0 && !held ? await this.certificatesFor(updated, def, now, issuing) : [], ...(held ? { held } : {}) };
  }

  // `outputs`: the ids to issue (a bundle member's); default every electronic output
  private certificatesFor(record: CaseRecord, def: MatterDefinition, now: number, outputs?: readonly string[]): Promise<StoredCertificate[]> {
    return certificatesOfCase(record, def, now, this.sharedData, this.signer, outputs);
  }

  // One write: the record at revision + 1 (+ one per automatic decision), its audit events, deadline and certificates,
  // guarded by `revision`. The step's event comes first; each automatic decision follows as the system actor's.
  private async write(
    before: CaseRecord,
    after: CaseRecord,
    actor: Actor,
    type: string,
    payload: unknown,
    extra: { deadline?: { set?: Deadline; meet?: number }; certificates?: StoredCertificate[]; delays?: DueDelay[]; fires?: DueDelay; reference?: ReferenceClaim },
    revision = before.revision,
    automatic: readonly { from: string; to: string; payload: unknown; actor?: Actor; type?: string }[] = [],
  ): Promise<{ record: CaseRecord; event: AuditEvent; automatic: AuditEvent[] }> {
    const now = after.updatedAt === before.updatedAt ? this.now() : after.updatedAt;
    const head = { seq: revision, hash: before.auditHead }; // event `revision` is the newest (one event per revision)
    const event = nextEvent(head, { caseId: before.id, at: now, actor: actor.id, role: actor.role, type, from: before.state, to: automatic[0]?.from ?? after.state, payload: payload ?? null });
    const decided: AuditEvent[] = [];
    for (const a of automatic) {
      const by = a.actor ?? systemActor;
      decided.push(nextEvent(decided.at(-1) ?? event, { caseId: before.id, at: now, actor: by.id, role: by.role, type: a.type ?? 'automatic', from: a.from, to: a.to, payload: a.payload }));
    }
    const last = decided.at(-1) ?? event;
    const sealed = { ...after, revision: last.seq, updatedAt: now, auditHead: last.hash };
    const record = { ...sealed, auditSeal: this.sealer.seal(sealed) };
    const result = await this.store.updateCase(revision, { record, events: [event, ...decided], ...extra });
    if (result === 'reference-taken') throw new ReferenceRaced();
    if (result === 'conflict') throw new ConflictError(before.id, revision, (await this.store.getCase(before.id))?.revision);
    return { record, event, automatic: decided };
  }

  private async load(caseId: string, revision: number): Promise<{ record: CaseRecord }> {
    const record = await this.store.getCase(caseId);
    if (!record) throw new NotFoundError(`case ${caseId}`);
    if (record.revision !== revision) throw new ConflictError(caseId, revision, record.revision);
    if (!record.auditSeal || !this.sealer.verify(record, record.auditSeal)) throw new CaseTamperedError(caseId);
    return { record };
  }

  private mustBeApplicant(record: CaseRecord, actor: Actor): void {
    if (actor.role !== 'applicant' || actor.id !== record.applicant) throw new ForbiddenError(`case ${record.id} belongs to another applicant`);
  }

  private checkVerified(record: CaseRecord, data: unknown): void {
    for (const field in record.verified) {
      const value = record.verified[field];
      const given = resolvePointer(data, field);
      if (given !== value && (typeof value !== 'object' || canonical(given) !== canonical(value))) throw new TamperedError(field);
    }
  }

  private validatorOf(published: PublishedDefinition): (data: unknown) => FieldError[] {
    let validator = this.validators.get(published.hash);
    if (!validator) this.validators.set(published.hash, (validator = fieldErrors(compileForm(this.ajv, published))));
    return validator;
  }

  // The clock's time, refused unless it is one (a clock returning NaN would store events without a time).
  private now(): number {
    const t: unknown = this.clock.now();
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) throw new InternalRuntimeError(`the clock returned ${typeof t === 'number' ? t : typeof t}, not milliseconds since the epoch`);
    return t;
  }

  private async definitionOf(record: CaseRecord): Promise<MatterDefinition> {
    return (await this.findDefinition(record.matterId, record.region, record.version, record.hash)).definition;
  }

  private async findDefinition(id: string, region: string, version?: string, hash?: string): Promise<PublishedDefinition> {
    const key = `${id}@${version ?? ''}@${region}`;
    let published = this.definitions.get(key);
    if (!published) {
      // without a version: the newest published one (a new version can be published at any time, so ask each time)
      const wanted = version ?? (await this.store.versions(id, region)).sort(compareVersions).at(-1);
      const cached = wanted === undefined ? undefined : this.definitions.get(`${id}@${wanted}@${region}`);
      published = cached ?? (wanted === undefined ? undefined : await this.store.getDefinition(id, wanted, region));
      if (!published) throw new NotFoundError(`matter ${id}${version ? `@${version}` : ''} in region ${region}`);
      // the body read is the body run: hash it once per loaded version, whatever the stored hash column says
      if (!cached && definitionHash(published.definition) !== published.hash) {
        throw new DefinitionError('definition-tampered', `${id}@${published.version} (${region}) was changed in the store after it was published: its body no longer matches its hash ${published.hash}; restore it, or publish the change as a new version`);
      }
      this.definitions.set(`${id}@${published.version}@${region}`, published);
    }
    if (hash && published.hash !== hash) throw new DefinitionError('definition-tampered', `case pinned to ${id}@${published.version} hash ${hash} but the store holds ${published.hash}`);
    return published;
  }

  private async view(caseId: string): Promise<CaseView> {
    const record = await this.store.getCase(caseId);
    if (!record) throw new NotFoundError(`case ${caseId}`);
    return { ...(await this.parts(record, await this.definitionOf(record))), audit: await this.store.events(caseId), delays: await this.store.delaysOf(caseId) };
  }

  // A case without its audit trail; a step passes what it wrote itself (deadline, certificates) to save reads.
  private async parts(record: CaseRecord, definition: MatterDefinition, certificates?: StoredCertificate[], deadline?: Deadline): Promise<Omit<CaseView, 'audit' | 'delays'>> {
    const [caseId, context] = [record.id, record.context as CaseContext];
    const waivedIds = new Set(context.waived ?? []);
    const events = record.status === 'done' ? [] : acceptedEvents(definition, record.state);
    return {
      record,
      definition,
      step: stepOfState(definition.process, record.state),
      events,
      eventRoles: Object.fromEntries(events.map((e) => [e, [...(actorsFor(definition, record.state, e) ?? [])]])),
      deadline: deadline ?? (await this.store.deadline(caseId)),
      timeLimit: caseTimeLimit(definition, typeof context.submittedAt === 'number' ? context.submittedAt : undefined, this.holidays),
      waived: definition.materials.filter((m) => waivedIds.has(m.id)).map((m) => ({ id: m.id, name: m.name, reason: m.sharedData?.reason ?? { zh: '通过数据共享获取', en: 'Obtained through data sharing' } })),
      situation: caseSituation(definition, record.data, { waived: context.waived ?? [], supplied: context.supplied ?? [], paid: context.paid ?? 0 }),
      certificates: certificates ?? (await this.store.certificatesOf(caseId)),
      files: await this.store.filesOf(caseId),
      checklist: checklistOf(definition, record.data, context),
    };
  }

  /** Per older version of a matter in a region: its running cases per state, and whether each can move to `toVersion` (after `mapping`). */
  async migrationPlan(matterId: string, region: string, toVersion: string, mapping?: readonly FieldMapping[]): Promise<MigrationPlan> {
    return atBoundary('migrationPlan', async () => migrationPlan(this.migrationHost(), matterId, region, toVersion, mapping));
  }

  /** Moves the compatible running cases of one version to a newer one, one transaction each (see migration.ts). */
  async migrateCases(input: MigrateInput): Promise<MigrationResult> {
    return atBoundary('migrateCases', async () => migrateCases(this.migrationHost(), input));
  }

  private migrationHost(): MigrationHost {
    return { store: this.store, ajv: this.ajv, sealer: this.sealer, holidays: this.holidays, now: () => this.now(), definition: (id, region, version) => this.findDefinition(id, region, version) };
  }
}
