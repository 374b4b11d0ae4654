import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MatterDefinition } from '../engine/index.ts';
import { ed25519Signer } from '../runtime/certificates/signer.ts';
import { InvalidArgumentError, NotFoundError } from '../runtime/cases/errors.ts';
import { applyMapping, checkMapping, mapPointer } from '../runtime/cases/migration.ts';
import { createRuntime, definitionHash, type Runtime } from '../runtime/cases/runtime.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import type { CaseRecord, Store } from '../runtime/store/types.ts';
import { realCatalogue } from './support/catalogue.ts';

const baselineFile = 'definitions/matters/residence-permit/baseline.json';
const hour = 3_600_000;
const monday = Date.parse('2026-11-30T02:00:00Z');
const permit = { matterId: '330000-GA-0101', region: '330000' };
const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
const clerk = { id: 'clerk1', role: 'clerk' };
const official = { id: 'official', role: 'official' };
const clock = manualClock(monday);
const signer = ed25519Signer('zhejiang-public-security-2026');
const dir = mkdtempSync(join(tmpdir(), 'onematter-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Version 1.1.0 as published; 1.2.0 renames the applicant's mobile to phone, drops the supplement step, adds a second
// review by the section chief, and escalates an application nobody accepts within 48 hours.
const v1 = realCatalogue.catalogue.definitions.find((d) => d.file === baselineFile)!.value;
const v2 = structuredClone(v1) as any;
v2.version = '1.2.0';
const applicantSchema = v2.form.schema.properties.applicant;
applicantSchema.properties.phone = applicantSchema.properties.mobile;
delete applicantSchema.properties.mobile;
applicantSchema.required = applicantSchema.required.map((r: string) => (r === 'mobile' ? 'phone' : r));
delete v2.process.states.supplement;
delete v2.process.states.submitted.on.REQUEST_SUPPLEMENT;
v2.process.states.submitted.after = { PT48H: 'review' };
v2.process.states.review.on.APPROVE = { target: 'secondReview' };
v2.process.states.secondReview = { meta: { role: 'sectionChief', step: { zh: '复核', en: 'Second review' } }, on: { APPROVE: v1.process.states.review!.on!.APPROVE, REJECT: v1.process.states.review!.on!.REJECT } };
const rename = [{ from: '/applicant/mobile', to: '/applicant/phone' }];

let file: string;
let n = 0;
let runtimes: Runtime[] = [];
const open = async (store: Store = openSqliteStore({ path: file })): Promise<Runtime> => {
  const rt = await createRuntime({ store, catalogue: realCatalogue.catalogue, clock, signer });
  runtimes.push(rt);
  return rt;
};
const publishV2 = (rt: Runtime) => rt.store.publish({ id: v2.id, version: v2.version, region: v2.region.code, hash: definitionHash(v2 as MatterDefinition), definition: v2, publishedAt: clock.now() });
const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });

// Three running cases on 1.1.0 (a draft, a submitted one, one asked for supplements) and a finished one.
async function seed(rt: Runtime) {
  const draft = (await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei })).record;
  const start = async () => (await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei })).record;
  let submitted = await start();
  clock.set(monday + hour);
  submitted = (await rt.submit(submitted.id, complete(submitted.data), applicant, 1)).record;
  let supplement = await start();
  supplement = (await rt.submit(supplement.id, complete(supplement.data), applicant, 1)).record;
  supplement = (await rt.act(supplement.id, { type: 'REQUEST_SUPPLEMENT', note: '照片不清晰' }, clerk, 2)).record;
  let rejected = await start();
  rejected = (await rt.submit(rejected.id, complete(rejected.data), applicant, 1)).record;
  rejected = (await rt.act(rejected.id, { type: 'REJECT' }, clerk, 2)).record;
  clock.set(monday + 2 * hour);
  return { draft, submitted, supplement, rejected };
}

// Every row a migration could touch, as stored.
function rows(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return ['cases', 'events', 'delays', 'deadlines', 'certificates'].map((t) => db.prepare(`select * from ${t} order by 1, 2`).all());
  } finally {
    db.close();
  }
}

beforeEach(() => {
  file = join(dir, `migration-${++n}.sqlite`);
  clock.set(monday);
});
afterEach(async () => {
  for (const rt of runtimes) await rt.store.close();
  runtimes = [];
});

describe('store: cases by version, and re-pinning one', () => {
  const record = (id: string, patch: Partial<CaseRecord> = {}): CaseRecord => ({
    id, matterId: 'm', version: '1.0.0', region: '330000', hash: 'h1', applicant: 'a1', state: 'draft', role: 'applicant', status: 'draft', outcome: undefined,
    revision: 1, data: { x: 1 }, verified: {}, context: {}, auditHead: 'e1', auditSeal: 's1', createdAt: 1, updatedAt: 1, ...patch,
  });
  const event = (caseId: string, seq: number) => ({ caseId, seq, at: seq, actor: 'a1', role: 'applicant', type: 't', from: undefined, to: 'draft', payload: null, prevHash: 'p', hash: `e${seq}` });

  it('counts cases per version, state and status, lists one version\'s running ones, and re-pins only at the revision read', async () => {
    const s = openSqliteStore({ path: join(dir, `store-${++n}.sqlite`) });
    try {
      await s.createCase({ record: record('c1'), events: [event('c1', 1)] });
      await s.createCase({ record: record('c2', { state: 'review', role: 'approver', status: 'active', createdAt: 2 }), events: [event('c2', 1)] });
      await s.createCase({ record: record('c3', { state: 'approved', role: undefined, status: 'done', createdAt: 3 }), events: [event('c3', 1)] });
      await s.createCase({ record: record('c4', { version: '2.0.0', hash: 'h2' }), events: [event('c4', 1)] });
      await s.createCase({ record: record('c5', { region: '330100' }), events: [event('c5', 1)] });
      expect(await s.caseCounts('m', '330000')).toEqual([
        { version: '1.0.0', hash: 'h1', state: 'approved', status: 'done', count: 1 },
        { version: '1.0.0', hash: 'h1', state: 'draft', status: 'draft', count: 1 },
        { version: '1.0.0', hash: 'h1', state: 'review', status: 'active', count: 1 },
        { version: '2.0.0', hash: 'h2', state: 'draft', status: 'draft', count: 1 },
      ]);
      expect((await s.casesOnVersion('m', '330000', '1.0.0', ['draft', 'active'])).map((c) => c.id)).toEqual(['c1', 'c2']);
      expect(await s.casesOnVersion('m', '330000', '1.0.0', [])).toEqual([]);

      const moved = record('c2', { version: '2.0.0', hash: 'h2', state: 'review', role: 'approver', status: 'active', revision: 2, data: { y: 1 }, auditHead: 'e2', createdAt: 2, updatedAt: 5 });
      const delays = [{ caseId: 'c2', state: 'review', delay: 'P1D', event: 'xstate.after.P1D.m.review', dueAt: 99 }];
      expect(await s.migrateCase(2, { record: moved, events: [event('c2', 2)], delays })).toBe('conflict');
      expect(await s.migrateCase(1, { record: moved, events: [event('c2', 2)], delays })).toBe('ok');
      expect(await s.getCase('c2')).toEqual(moved);
      expect(await s.delaysOf('c2')).toEqual(delays);
      expect((await s.events('c2')).map((e) => e.seq)).toEqual([1, 2]);
      // a transition never re-pins: updateCase keeps the row's version and hash
      await s.updateCase(1, { record: record('c1', { version: '9.9.9', hash: 'h9', revision: 2 }), events: [event('c1', 2)] });
      expect(await s.getCase('c1')).toMatchObject({ version: '1.0.0', hash: 'h1', revision: 2 });
    } finally {
      await s.close();
    }
  });
});

describe('field mappings', () => {
  it('moves a field, its verified pointers with it, and refuses to overwrite a value', () => {
    expect(applyMapping({ applicant: { mobile: '1', name: 'x' } }, rename)).toEqual({ data: { applicant: { phone: '1', name: 'x' } }, moved: rename, reasons: [] });
    expect(applyMapping({ a: { b: 1 } }, [{ from: '/a', to: '/c/d' }]).data).toEqual({ c: { d: { b: 1 } } });
    expect(mapPointer('/a/b', [{ from: '/a', to: '/c/d' }])).toBe('/c/d/b');
    expect(applyMapping({ applicant: { mobile: '1', phone: '2' } }, rename).reasons).toEqual([{ code: 'mapping-overwrites', pointer: '/applicant/phone', message: expect.stringContaining('overwrite') }]);
  });

  it('refuses malformed pointers, moves into themselves and colliding targets, naming the entry', () => {
    const refusal = (m: unknown) => { try { checkMapping(m); return undefined; } catch (e) { expect(e).toBeInstanceOf(InvalidArgumentError); return (e as InvalidArgumentError).argument; } };
    expect(refusal([{ from: 'applicant', to: '/x' }])).toBe('mapping[0].from');
    expect(refusal([{ from: '/a', to: '' }])).toBe('mapping[0].to');
    expect(refusal([{ from: '/a', to: '/a/b' }])).toBe('mapping[0]');
    expect(refusal([{ from: '/a', to: '/x' }, { from: '/b', to: '/x/y' }])).toBe('mapping[1].to');
    expect(refusal([{ from: '/a', to: '/__proto__/x' }])).toBe('mapping[0]');
    expect(refusal({ from: '/a', to: '/b' })).toBe('mapping');
    expect(refusal([{ from: '/a', to: '/b', via: '/c' }])).toBe('mapping[0]');
    expect(checkMapping(rename)).toEqual(rename);
  });
});

describe('runtime: running cases and a new version', () => {
  it('plans per older version: running cases per state, and why each cannot move', async () => {
    const rt = await open();
    const { draft, submitted, supplement } = await seed(rt);
    await publishV2(rt);
    const plan = await rt.migrationPlan(permit.matterId, permit.region, '1.2.0');
    expect(plan.to.version).toBe('1.2.0');
    expect(plan.versions.map((v) => v.version)).toEqual(['1.1.0']);
    const v = plan.versions[0]!;
    expect(v).toMatchObject({ running: 3, finished: 1, compatible: 1, incompatible: 2 });
    expect(v.states).toEqual([
      { state: 'draft', status: 'draft', count: 1, exists: true, roleBefore: 'applicant', roleAfter: 'applicant' },
      { state: 'submitted', status: 'active', count: 1, exists: true, roleBefore: 'clerk', roleAfter: 'clerk' },
      { state: 'supplement', status: 'active', count: 1, exists: false, roleBefore: 'applicant', roleAfter: undefined },
    ]);
    const byId = new Map(v.cases.map((c) => [c.caseId, c]));
    expect(byId.get(draft.id)).toMatchObject({ compatible: true, reasons: [] }); // a draft lacks what it is asked for on submission
    expect(byId.get(submitted.id)!.reasons).toEqual([
      { code: 'data-invalid', pointer: '/applicant/phone', keyword: 'required', message: 'is required by the new form' },
      { code: 'data-invalid', pointer: '/applicant/mobile', keyword: 'additionalProperties', message: expect.stringContaining('not in the new form') },
    ]);
    expect(byId.get(supplement.id)!.reasons[0]).toEqual({ code: 'state-missing', state: 'supplement', message: 'state "supplement" is not in the process of version 1.2.0' });

    // with the rename declared, the submitted case can move; the supplement step is still gone
    const mapped = (await rt.migrationPlan(permit.matterId, permit.region, '1.2.0', rename)).versions[0]!;
    expect(mapped).toMatchObject({ compatible: 2, incompatible: 1 });
    expect(mapped.reasons).toEqual([{ code: 'state-missing', state: 'supplement', message: expect.any(String), cases: 1 }]);
  });

  it('moves a compatible case in one write: re-pinned, data mapped, audit event, seal and chain verify, and it goes on in the new process', async () => {
    const rt = await open();
    const { submitted } = await seed(rt);
    await publishV2(rt);
    const result = await rt.migrateCases({ ...permit, fromVersion: '1.1.0', toVersion: '1.2.0', mapping: rename, actor: official, caseIds: [submitted.id] });
    expect(result).toMatchObject({ migrated: [submitted.id], skipped: [], refused: [], raced: [], to: { version: '1.2.0', hash: definitionHash(v2) } });

    const view = await rt.getCase(submitted.id);
    expect(view.record).toMatchObject({ version: '1.2.0', hash: definitionHash(v2), state: 'submitted', role: 'clerk', revision: submitted.revision + 1 });
    expect((view.record.data as any).applicant).toMatchObject({ phone: '13800138000' });
    expect((view.record.data as any).applicant.mobile).toBeUndefined();
    expect(view.audit.at(-1)).toMatchObject({
      type: 'migrate', actor: 'official', role: 'official', from: 'submitted', to: 'submitted', at: monday + 2 * hour,
      payload: { fromVersion: '1.1.0', toVersion: '1.2.0', fromHash: definitionHash(v1), toHash: definitionHash(v2), mapping: rename },
    });
    expect(await rt.verifyAudit(submitted.id)).toEqual({ ok: true, events: submitted.revision + 1 });
    // the new version's delay, counted from the submission
    expect(await rt.pendingDelays(submitted.id)).toMatchObject([{ state: 'submitted', delay: 'PT48H', dueAt: monday + hour + 48 * hour }]);

    // the new process: approval now goes through the section chief's second review
    const accepted = await rt.act(submitted.id, { type: 'ACCEPT' }, clerk, view.record.revision);
    const reviewed = await rt.act(submitted.id, { type: 'APPROVE' }, { id: 'a1', role: 'approver' }, accepted.record.revision);
    expect(reviewed.record).toMatchObject({ state: 'secondReview', role: 'sectionChief' });
    const done = await rt.act(submitted.id, { type: 'APPROVE' }, { id: 's1', role: 'sectionChief' }, reviewed.record.revision);
    expect(done.record).toMatchObject({ status: 'done', outcome: 'approved' });
    expect(await rt.verifyAudit(submitted.id)).toMatchObject({ ok: true });
  });

  it('refuses incompatible cases with the reason and leaves them pinned, untouched', async () => {
    const rt = await open();
    const { submitted, supplement } = await seed(rt);
    await publishV2(rt);
    const before = rows(file);
    const result = await rt.migrateCases({ ...permit, fromVersion: '1.1.0', toVersion: '1.2.0', actor: official, caseIds: [submitted.id, supplement.id] });
    expect(result.migrated).toEqual([]);
    expect(result.refused).toEqual([
      { caseId: submitted.id, reasons: expect.arrayContaining([{ code: 'data-invalid', pointer: '/applicant/phone', keyword: 'required', message: 'is required by the new form' }]) },
      { caseId: supplement.id, reasons: expect.arrayContaining([expect.objectContaining({ code: 'state-missing', state: 'supplement' })]) },
    ]);
    expect(rows(file)).toEqual(before);
    expect((await rt.getCase(supplement.id)).record).toMatchObject({ version: '1.1.0', hash: definitionHash(v1) });
  });

  it('moves every compatible running case of a version, and a second run changes no row', async () => {
    const rt = await open();
    const { draft, submitted, supplement, rejected } = await seed(rt);
    await publishV2(rt);
    const input = { ...permit, fromVersion: '1.1.0', toVersion: '1.2.0', mapping: rename, actor: official };
    const first = await rt.migrateCases(input);
    expect([...first.migrated].sort()).toEqual([draft.id, submitted.id].sort());
    expect(first.refused.map((r) => r.caseId)).toEqual([supplement.id]);
    expect((await rt.getCase(rejected.id)).record.version).toBe('1.1.0'); // finished cases stay where they were decided

    const after = rows(file);
    clock.set(monday + 3 * hour);
    const second = await rt.migrateCases(input);
    expect(second).toMatchObject({ migrated: [], skipped: [], raced: [], refused: [{ caseId: supplement.id }] });
    const third = await rt.migrateCases({ ...input, caseIds: [draft.id, submitted.id] });
    expect(third).toMatchObject({ migrated: [], skipped: [draft.id, submitted.id], refused: [], raced: [] });
    expect(rows(file)).toEqual(after);
    const plan = await rt.migrationPlan(permit.matterId, permit.region, '1.2.0', rename);
    expect(plan.versions[0]).toMatchObject({ running: 1, compatible: 0, incompatible: 1 });

    // the moved draft is submitted on the new form, its verified fields still locked
    const moved = (await rt.getCase(draft.id)).record;
    expect(moved.verified).toEqual(draft.verified);
    const data = { ...(moved.data as any), applicant: { ...(moved.data as any).applicant, phone: '13800138000' }, delivery: { method: '电子证照' } };
    const submittedDraft = await rt.submit(draft.id, data, applicant, moved.revision);
    expect(submittedDraft.record).toMatchObject({ state: 'submitted', version: '1.2.0' });
    expect(await rt.verifyAudit(draft.id)).toMatchObject({ ok: true });
  });

  it('checks every named case before moving any', async () => {
    const rt = await open();
    const { submitted } = await seed(rt);
    await publishV2(rt);
    const before = rows(file);
    const input = { ...permit, fromVersion: '1.1.0', toVersion: '1.2.0', mapping: rename, actor: official };
    await expect(rt.migrateCases({ ...input, caseIds: [submitted.id, '00000000-0000-4000-8000-000000000000'] })).rejects.toBeInstanceOf(NotFoundError);
    expect(rows(file)).toEqual(before);
  });

  it('reports a case that takes a step while it is being moved as raced, not lost', async () => {
    const seeding = await open();
    const { submitted } = await seed(seeding);
    await publishV2(seeding);
    const other = await open();
    const base = openSqliteStore({ path: file });
    // a clerk accepts the case between the migration's read and its write (once)
    let raced = false;
    const racing = new Proxy(base, {
      get(target, key) {
        if (key === 'migrateCase') return async (...args: Parameters<Store['migrateCase']>) => {
          if (!raced) await other.act(submitted.id, { type: 'ACCEPT' }, clerk, submitted.revision);
          raced = true;
          return target.migrateCase(...args);
        };
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const rt = await open(racing);
    const result = await rt.migrateCases({ ...permit, fromVersion: '1.1.0', toVersion: '1.2.0', mapping: rename, actor: official, caseIds: [submitted.id] });
    expect(result).toMatchObject({ migrated: [], raced: [submitted.id], refused: [] });
    const view = await rt.getCase(submitted.id);
    expect(view.record).toMatchObject({ state: 'review', version: '1.1.0', revision: submitted.revision + 1 });
    expect(await rt.verifyAudit(submitted.id)).toMatchObject({ ok: true });
    // run again: it moves from where it is now
    const again = await rt.migrateCases({ ...permit, fromVersion: '1.1.0', toVersion: '1.2.0', mapping: rename, actor: official, caseIds: [submitted.id] });
    expect(again.migrated).toEqual([submitted.id]);
  });

  it('refuses bad arguments with typed errors: unknown versions, a target not newer, a bad mapping', async () => {
    const rt = await open();
    await publishV2(rt);
    const input = { ...permit, fromVersion: '1.1.0', toVersion: '1.2.0', actor: official };
    await expect(rt.migrateCases({ ...input, toVersion: '9.0.0' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rt.migrationPlan(permit.matterId, permit.region, '9.0.0')).rejects.toBeInstanceOf(NotFoundError);
    await expect(rt.migrateCases({ ...input, fromVersion: '1.2.0', toVersion: '1.1.0' })).rejects.toMatchObject({ argument: 'input.toVersion' });
    await expect(rt.migrateCases({ ...input, mapping: [{ from: 'x', to: '/y' }] })).rejects.toMatchObject({ argument: 'mapping[0].from' });
    await expect(rt.migrationPlan(permit.matterId, permit.region, '1.2.0', [{ from: '/a', to: '/a' }])).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(rt.migrateCases({ ...input, actor: { id: 'official' } as any })).rejects.toMatchObject({ argument: 'actor.role' });
  });
});
