import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFormAjv } from '../engine/index.ts';
import { ConflictError, ForbiddenError, InvalidEventError, TamperedError, ValidationFailedError } from '../runtime/cases/errors.ts';
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { renderCertificateHtml } from '../runtime/certificates/issue.ts';
import { ed25519Signer } from '../runtime/certificates/signer.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { addWorkingDays } from '../runtime/effects/working-days.ts';
import { demoCitizens, demoRecords } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { realCatalogue } from './support/catalogue.ts';

const dir = mkdtempSync(join(tmpdir(), 'onematter-runtime-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const permit = { matterId: '330000-GA-0101', region: '330000' };
const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
const clerk = { id: 'clerk-1', role: 'clerk' };
const approver = { id: 'approver-1', role: 'approver' };
const monday = Date.parse('2026-11-30T02:00:00Z'); // 10:00 CST
const signer = ed25519Signer('zhejiang-public-security-2026');
let file: string;
let n = 0;
const clock = manualClock(monday);

async function open(): Promise<Runtime> {
  return createRuntime({ store: openSqliteStore({ path: file }), catalogue: realCatalogue.catalogue, clock, signer, holidays: ['2026-12-01'] });
}

const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });

beforeEach(() => {
  file = join(dir, `cases-${++n}.sqlite`);
  clock.set(monday);
});

describe('runtime: demo shared data', () => {
  it('matches the shared-data catalogue field by field', () => {
    const ajv = createFormAjv(realCatalogue.catalogue.schemas.map((s) => s.value));
    const items = new Map(realCatalogue.catalogue.sharedData[0]!.value.items.map((i) => [i.id, i]));
    for (const [item, people] of Object.entries(demoRecords)) {
      for (const record of Object.values(people)) {
        for (const [field, value] of Object.entries(record)) {
          const schema = items.get(item)?.fields[field]?.schema;
          expect(schema, `${item}.${field}`).toBeDefined();
          expect(ajv.validate(schema!, value), `${item}.${field} = ${JSON.stringify(value)}`).toBe(true);
        }
      }
    }
  });
});

describe('runtime: cases on a SQLite file', () => {
  it('starts a case prefilled and locked from shared data, with waived materials and their reasons', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    expect(c.record).toMatchObject({ state: 'draft', role: 'applicant', status: 'draft', revision: 1, version: '1.1.0' });
    expect(c.record.verified['/applicant/name']).toBe('张伟');
    expect(c.record.verified['/residence/housingType']).toBe('租赁住房');
    expect((c.record.data as any).applicant.idNumber).toBe(demoCitizens.zhangWei);
    expect(c.waived.map((w) => w.id)).toEqual(['identityCard', 'photo', 'residenceProof', 'employmentProof']);
    expect(c.waived[0]!.reason.zh.length).toBeGreaterThan(0);
    expect(c.record.hash).toMatch(/^[0-9a-f]{64}$/);
    await rt.store.close();
  });

  it('asks for what shared data does not hold: fewer prefilled fields and no waiver', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.liNa });
    expect(Object.keys(c.record.verified)).not.toContain('/residence/address');
    expect(c.waived.map((w) => w.id)).toEqual(['identityCard']);
    await rt.store.close();
  });

  it('saves a draft and resumes it after a restart', async () => {
    let rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    const draft = { ...(c.record.data as object), applicant: { ...(c.record.data as any).applicant, mobile: '1380013' } };
    await rt.saveDraft(c.record.id, draft, applicant, 1);
    await rt.store.close();
    rt = await open();
    const resumed = await rt.getCase(c.record.id);
    expect((resumed.record.data as any).applicant.mobile).toBe('1380013');
    expect(resumed.record.revision).toBe(2);
    expect(resumed.audit.map((e) => e.type)).toEqual(['started', 'draft-saved']);
    await rt.store.close();
  });

  it('refuses invalid data with field errors and JSON Pointers, and the case does not move', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    const bad = { ...(c.record.data as any), applicant: { ...(c.record.data as any).applicant, mobile: '12345' } };
    const error = await rt.submit(c.record.id, bad, applicant, 1).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ pointer: '/applicant/mobile', keyword: 'pattern' }),
      expect.objectContaining({ pointer: '/delivery', keyword: 'required' }),
    ]));
    const after = await rt.getCase(c.record.id);
    expect(after.record).toMatchObject({ state: 'draft', revision: 1 });
    await rt.store.close();
  });

  it('refuses a submission that alters a verified field, naming it', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    const forged = complete({ ...(c.record.data as any), applicant: { ...(c.record.data as any).applicant, name: '王五' } });
    const error = await rt.submit(c.record.id, forged, applicant, 1).catch((e) => e);
    expect(error).toBeInstanceOf(TamperedError);
    expect(error.field).toBe('/applicant/name');
    expect((await rt.getCase(c.record.id)).record.revision).toBe(1);
    await rt.store.close();
  });

  it('runs a case to an approved, sealed e-certificate, with roles, deadline and audit', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    let v = await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
    expect(v.record).toMatchObject({ state: 'submitted', role: 'clerk', status: 'active', revision: 2 });
    // promised 3 calendar days (日: the residence permit's unit since 1.1.0) from Monday 30 Nov 10:00 CST: the start day
    // does not count, every other day does — Tue 1 Dec (a holiday, still a day), Wed 2, Thu 3 — and Thursday is a
    // working day, so nothing moves: due Thursday 3 Dec, 23:59:59.999 CST. (In working days it would be Friday 4 Dec.)
    expect(new Date(v.deadline!.dueAt).toISOString()).toBe('2026-12-03T15:59:59.999Z');
    expect((await rt.listCases({ role: 'clerk', status: 'active' })).map((r) => r.id)).toEqual([c.record.id]);

    await expect(rt.act(c.record.id, { type: 'ACCEPT' }, approver, 2)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rt.act(c.record.id, { type: 'APPROVE' }, clerk, 2)).rejects.toBeInstanceOf(InvalidEventError);
    await expect(rt.act(c.record.id, { type: 'ACCEPT' }, clerk, 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await rt.getCase(c.record.id)).record.revision).toBe(2);

    clock.advance(3600_000);
    v = await rt.act(c.record.id, { type: 'ACCEPT' }, clerk, 2);
    expect(v.record).toMatchObject({ state: 'review', role: 'approver' });
    v = await rt.act(c.record.id, { type: 'APPROVE', note: '符合条件' }, approver, 3);
    expect(v.record).toMatchObject({ state: 'approved', status: 'done', outcome: 'approved', role: undefined });
    expect(v.deadline!.metAt).toBe(clock.now());
    expect(v.event).toMatchObject({ type: 'APPROVE', from: 'review', to: 'approved', actor: 'approver-1', seq: 4 });
    expect((await rt.getCase(c.record.id)).audit.map((e) => `${e.type}:${e.to}`)).toEqual(['started:draft', 'SUBMIT:submitted', 'ACCEPT:review', 'APPROVE:approved']);
    expect(await rt.verifyAudit(c.record.id)).toEqual({ ok: true, events: 4 });

    expect(v.certificates).toHaveLength(1);
    const cert = v.certificates[0]!.document as any;
    expect(cert.document.holder.name).toBe('张伟');
    expect(rt.verifyCertificate(cert)).toEqual({ ok: true });
    const tampered = structuredClone(cert);
    tampered.document.holder.name = '张伟伟';
    expect(rt.verifyCertificate(tampered)).toMatchObject({ ok: false });
    const otherKey = ed25519Signer(signer.keyId);
    expect(rt.verifyCertificate({ ...cert, seal: { ...cert.seal, signature: otherKey.sign(cert.document) } })).toMatchObject({ ok: false, reason: 'the signature does not match the document' });
    expect(renderCertificateHtml(cert)).toContain('浙江省居住证');
    await expect(rt.act(c.record.id, { type: 'APPROVE' }, approver, 4)).rejects.toBeInstanceOf(InvalidEventError);
    await rt.store.close();
  });

  it('lists overdue cases by their stored deadline, across a restart', async () => {
    let rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
    await rt.store.close();
    // due at the end of Thursday 3 Dec CST (3 calendar days, see above): 23:00 CST is in time, 00:00 Friday is late
    clock.set(Date.parse('2026-12-03T15:00:00Z'));
    rt = await open();
    expect(await rt.overdue()).toEqual([]);
    clock.set(Date.parse('2026-12-03T16:00:00Z'));
    expect((await rt.overdue()).map((o) => o.caseId)).toEqual([c.record.id]);
    await rt.store.close();
  });

  it('keeps a case on the version it started on and refuses a published version changed in place', async () => {
    const rt = await open();
    await rt.store.close();
    const changed = structuredClone(realCatalogue.catalogue);
    (changed.definitions[0]!.value as any).visits = 9;
    await expect(createRuntime({ store: openSqliteStore({ path: file }), catalogue: changed, clock, signer })).rejects.toThrow(/already published with other content/);
  });

  it('detects altered, removed and reordered audit events', async () => {
    const rt = await open();
    const c = await rt.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    const v = await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
    await rt.act(c.record.id, { type: 'ACCEPT' }, clerk, v.record.revision);
    await rt.store.close();
    const db = new Database(file);
    const check = async () => {
      const r = await open();
      const result = await r.verifyAudit(c.record.id);
      await r.store.close();
      return result;
    };
    expect(await check()).toMatchObject({ ok: true });
    db.prepare("update events set actor = 'someone-else' where case_id = ? and seq = 2").run(c.record.id);
    expect(await check()).toMatchObject({ ok: false, seq: 2, reason: 'event 2 was altered' });
    db.prepare("update events set actor = ? where case_id = ? and seq = 2").run(demoCitizens.zhangWei, c.record.id);
    expect(await check()).toMatchObject({ ok: true });
    db.prepare('update events set seq = 9 where case_id = ? and seq = 2').run(c.record.id);
    expect(await check()).toMatchObject({ ok: false });
    db.prepare('update events set seq = 2 where case_id = ? and seq = 9').run(c.record.id);
    db.prepare('delete from events where case_id = ? and seq = 3').run(c.record.id);
    expect(await check()).toMatchObject({ ok: false, seq: 3, reason: 'the case is at revision 3 but has 2 events: the last ones were removed' });
    db.close();
  });
});

describe('addWorkingDays()', () => {
  it('skips weekends and holidays and ends at the close of the day in China Standard Time', () => {
    const friday = Date.parse('2026-12-04T09:00:00Z');
    expect(new Date(addWorkingDays(friday, 1)).toISOString()).toBe('2026-12-07T15:59:59.999Z');
    expect(new Date(addWorkingDays(friday, 0)).toISOString()).toBe('2026-12-04T15:59:59.999Z');
    expect(new Date(addWorkingDays(friday, 2, new Set(['2026-12-08']))).toISOString()).toBe('2026-12-09T15:59:59.999Z');
  });
});
