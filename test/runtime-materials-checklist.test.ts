/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The clerk's checklist and tolerated-missing acceptance (容缺受理), on a real SQLite file: a residence permit whose
 * photo the applicant supplies and whose lease contract may be supplied after acceptance.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidArgumentError } from '../runtime/cases/errors.ts';
import { MaterialsMissingError, outstandingOf } from '../runtime/cases/materials-check.ts';
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { problemsInCatalogue } from './support/catalogue.ts';
import { applicant, approver, baselineFile, catalogueWith, clerk, complete, day, monday, newClock, permit, permitBaseline, signer } from './support/permit-runtime.ts';

const clock = newClock();
const dir = mkdtempSync(join(tmpdir(), 'onematter-checklist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the photo comes from the applicant (not shared data); a lease contract may follow within days of acceptance
const definition = permitBaseline();
const photo = definition.materials.find((m: any) => m.id === 'photo');
delete photo.sharedData;
photo.source = 'applicant';
definition.materials.push({
  ...structuredClone(photo), id: 'leaseContract', necessity: 'tolerated-missing', name: { zh: '房屋租赁合同', en: 'Lease contract' },
});
const catalogue = catalogueWith(definition);

let file: string;
let n = 0;
const open = (): Promise<Runtime> => createRuntime({ store: openSqliteStore({ path: file }), catalogue, clock, signer });

beforeEach(() => {
  file = join(dir, `checklist-${++n}.sqlite`);
  clock.set(monday);
});

async function submitted(rt: Runtime): Promise<string> {
  const c = await rt.startCase({ ...permit, applicant: applicant.id });
  await rt.submit(c.record.id, complete(c.record.data), applicant, 1);
  return c.record.id;
}

describe('runtime: the clerk’s checklist and tolerated-missing acceptance', () => {
  it('the definition validates', () => {
    expect(problemsInCatalogue(baselineFile, definition)).toEqual([]);
  });

  it('refuses ACCEPT naming each missing material in Chinese and English, whatever the process’s guards', async () => {
    const rt = await open();
    const id = await submitted(rt);
    const refused = await rt.act(id, { type: 'ACCEPT' }, clerk, 2).catch((e) => e);
    expect(refused).toBeInstanceOf(MaterialsMissingError);
    expect(refused.code).toBe('materials-missing');
    expect(refused.materials).toEqual([
      { id: 'photo', name: { zh: '本人近期免冠证件照片', en: 'Recent bare-headed photo of the applicant' }, group: null },
      { id: 'leaseContract', name: { zh: '房屋租赁合同', en: 'Lease contract' }, group: null },
    ]);
    expect(refused.message).toContain('本人近期免冠证件照片 (Recent bare-headed photo of the applicant)');
    // nothing was written
    expect((await rt.getCase(id)).record.revision).toBe(2);
    // a material the clerk marks missing is missing, even if a step said it was supplied
    await rt.checkMaterials(id, [{ material: 'photo', status: 'missing' }, { material: 'leaseContract', status: 'received' }], clerk, 2);
    await expect(rt.act(id, { type: 'ACCEPT', materials: ['photo'] }, clerk, 3)).rejects.toMatchObject({ materials: [{ id: 'photo' }] });
  });

  it('writes the checklist as its own audit event, kept in the case, by the role acting at the step only', async () => {
    const rt = await open();
    const id = await submitted(rt);
    await expect(rt.checkMaterials(id, [{ material: 'photo', status: 'received' }], applicant, 2)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rt.checkMaterials(id, [{ material: 'photo', status: 'received' }], approver, 2)).rejects.toBeInstanceOf(ForbiddenError);
    const bad = [
      [[{ material: 'photo', status: 'missing', tolerated: true, dueDate: '2026-12-10' }], 'checks/0/tolerated'],
      [[{ material: 'leaseContract', status: 'missing', tolerated: true }], 'checks/0/dueDate'],
      [[{ material: 'leaseContract', status: 'missing', tolerated: true, dueDate: '2026-02-30' }], 'checks/0/dueDate'],
      [[{ material: 'studyProof', status: 'received' }, { material: 'nope', status: 'received' }], 'checks/1/material'],
      [[{ material: 'photo', status: 'lost' }], 'checks/0/status'],
      [[{ material: 'photo', status: 'received' }, { material: 'photo', status: 'verified' }], 'checks/1/material'],
      [[], 'checks'],
    ] as const;
    for (const [checks, argument] of bad) {
      const e = await rt.checkMaterials(id, checks as any, clerk, 2).catch((x) => x);
      expect(e, argument).toBeInstanceOf(InvalidArgumentError);
      expect(e.argument).toBe(argument);
    }
    clock.set(monday + day);
    const s = await rt.checkMaterials(id, [{ material: 'photo', status: 'verified', note: '照片清晰 clear' }, { material: 'leaseContract', status: 'missing', tolerated: true, dueDate: '2026-12-07' }], clerk, 2);
    expect(s.event).toMatchObject({ type: 'materials-checked', actor: 'clerk-1', role: 'clerk', from: 'submitted', to: 'submitted', seq: 3 });
    expect(s.event.payload).toEqual({
      checks: [
        { material: 'photo', status: 'verified', note: '照片清晰 clear', by: 'clerk-1', role: 'clerk', at: monday + day },
        { material: 'leaseContract', status: 'missing', tolerated: true, dueDate: '2026-12-07', by: 'clerk-1', role: 'clerk', at: monday + day },
      ],
      outstanding: ['leaseContract'],
    });
    const view = await rt.getCase(id);
    expect(view.record).toMatchObject({ state: 'submitted', revision: 3 });
    expect(view.checklist.checks.map((c) => [c.material, c.status])).toEqual([['photo', 'verified'], ['leaseContract', 'missing']]);
    expect(view.checklist.outstanding).toEqual([{ id: 'leaseContract', name: { zh: '房屋租赁合同', en: 'Lease contract' }, necessity: 'tolerated-missing', group: null, dueDate: '2026-12-07' }]);
    expect(await rt.verifyAudit(id)).toEqual({ ok: true, events: 3 });
    // a later check replaces the material's earlier one
    const again = await rt.checkMaterials(id, [{ material: 'photo', status: 'not-applicable' }], clerk, 3);
    expect(again.checklist.checks.map((c) => [c.material, c.status])).toEqual([['photo', 'not-applicable'], ['leaseContract', 'missing']]);
    await expect(rt.act(id, { type: 'ACCEPT' }, clerk, 4)).rejects.toMatchObject({ materials: [{ id: 'photo' }] });
  });

  it('accepts a tolerated-missing material with its due date, holds the certificate back, and issues it when the material is supplied', async () => {
    const rt = await open();
    const id = await submitted(rt);
    await rt.checkMaterials(id, [{ material: 'photo', status: 'received' }, { material: 'leaseContract', status: 'missing', tolerated: true, dueDate: '2026-12-07' }], clerk, 2);
    const accepted = await rt.act(id, { type: 'ACCEPT' }, clerk, 3);
    expect(accepted.record.state).toBe('review');
    expect(accepted.checklist.outstanding.map((o) => [o.id, o.dueDate])).toEqual([['leaseContract', '2026-12-07']]);
    // the approver approves: the case is done, the certificate held back, and the trail says why
    clock.set(monday + 2 * day);
    const approved = await rt.act(id, { type: 'APPROVE' }, approver, 4);
    expect(approved.record).toMatchObject({ status: 'done', outcome: 'approved' });
    expect(approved.certificates).toEqual([]);
    expect(approved.event.payload).toMatchObject({ certificateHeld: { at: monday + 2 * day, reason: 'materials-outstanding', materials: ['leaseContract'] } });
    expect(approved.checklist.certificateHeld).toEqual({ at: monday + 2 * day, reason: 'materials-outstanding', materials: ['leaseContract'] });
    expect(await rt.store.certificatesOf(id)).toEqual([]);
    // after the case is done the approver has no step; the clerk who checked before supplies the last material
    await expect(rt.checkMaterials(id, [{ material: 'leaseContract', status: 'received' }], approver, 5)).rejects.toBeInstanceOf(ForbiddenError);
    // a check that leaves it outstanding issues nothing
    const noted = await rt.checkMaterials(id, [{ material: 'leaseContract', status: 'missing', tolerated: true, dueDate: '2026-12-09', note: '延期' }], clerk, 5);
    expect(noted.automatic).toBeUndefined();
    expect(noted.certificates).toEqual([]);
    clock.set(monday + 3 * day);
    const supplied = await rt.checkMaterials(id, [{ material: 'leaseContract', status: 'received' }], clerk, 6);
    expect(supplied.certificates).toHaveLength(1);
    expect(supplied.automatic).toHaveLength(1);
    expect(supplied.automatic![0]).toMatchObject({ type: 'certificate-issued', actor: 'clerk-1', role: 'clerk', seq: 8, payload: { certificates: [supplied.certificates[0]!.id], heldSince: monday + 2 * day } });
    expect(supplied.checklist).toMatchObject({ outstanding: [], certificateHeld: null });
    expect(rt.verifyCertificate(supplied.certificates[0]!.document)).toMatchObject({ ok: true });
    const view = await rt.getCase(id);
    expect(view.audit.map((e) => e.type)).toEqual(['started', 'SUBMIT', 'materials-checked', 'ACCEPT', 'APPROVE', 'materials-checked', 'materials-checked', 'certificate-issued']);
    expect(view.certificates).toHaveLength(1);
    expect(await rt.verifyAudit(id)).toEqual({ ok: true, events: 8 });
    // nothing is held any more: no one checks a finished case
    await expect(rt.checkMaterials(id, [{ material: 'photo', status: 'verified' }], clerk, 8)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('issues the certificate at once when every material was supplied by acceptance', async () => {
    const rt = await open();
    const id = await submitted(rt);
    await rt.act(id, { type: 'ACCEPT', materials: ['photo', 'leaseContract'] }, clerk, 2);
    const approved = await rt.act(id, { type: 'APPROVE' }, approver, 3);
    expect(approved.certificates).toHaveLength(1);
    expect(approved.event.payload).not.toHaveProperty('certificateHeld');
    expect(approved.checklist).toEqual({ checks: [], outstanding: [], certificateHeld: null });
  });
});

describe('outstandingOf', () => {
  it('never counts an exempted material as outstanding; a required one until it is checked received', () => {
    const def = permitBaseline();
    const [first, second] = def.materials.filter((m: any) => !m.when && !m.oneOfGroup);
    first.necessity = 'exempted';
    second.necessity = 'required';
    const ids = (context: any) => outstandingOf(def, {}, context).map((o) => o.id);
    expect(ids({})).not.toContain(first.id);
    expect(ids({})).toContain(second.id);
    expect(ids({ materialChecks: { [second.id]: { material: second.id, status: 'received', by: 'c', role: 'clerk', at: 0 } } })).not.toContain(second.id);
  });
});
