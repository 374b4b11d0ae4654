/**
 * A one-thing bundle run by the runtime on real SQLite: the definitions folder composes the relocation bundle
 * (residence permit + medical insurance transfer) and publishes it; the applicant submits once; each department acts
 * on its own member in its department's role (police-clerk), addressed events (ACCEPT.residencePermit) keep the
 * runtime's rules (materials refusal, the supplement clock, the reference at the first SUBMIT); each approval issues
 * that member's certificate only; a rejection ends one member and the case is 办结 (completed) when both ended.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultDefinitionsDir, loadDefinitions } from '../runtime/definitions-folder.ts';
import { ForbiddenError } from '../runtime/cases/errors.ts';
import { initialState, machineOf, submitEventOf } from '../runtime/cases/machine.ts';
import { MaterialsMissingError } from '../runtime/cases/materials-check.ts';
import { createRuntime, type Runtime } from '../runtime/cases/runtime.ts';
import { ed25519Signer } from '../runtime/certificates/signer.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import { completeRelocation, relocation } from './support/bundles.ts';

const dir = mkdtempSync(join(tmpdir(), 'onematter-bundles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loaded = loadDefinitions(defaultDefinitionsDir);
const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
const policeClerk = { id: 'policeClerk', role: 'clerk', department: 'police' };
const policeApprover = { id: 'policeApprover', role: 'approver', department: 'police' };
const insuranceClerk = { id: 'medicalInsuranceClerk', role: 'clerk', department: 'medicalInsurance' };
const insuranceApprover = { id: 'medicalInsuranceApprover', role: 'approver', department: 'medicalInsurance' };
const plainClerk = { id: 'clerk', role: 'clerk' };
const monday = Date.parse('2026-11-30T02:00:00Z');
const clock = manualClock(monday);
let n = 0;

// the composed relocation bundle with the insurance form tolerated missing (容缺), as a version of its own
const composed = loaded.catalogue.definitions.find((d) => d.value.id === relocation.matterId && d.value.region.code === relocation.region)!;
const tolerating = structuredClone(composed.value);
Object.assign(tolerating, { version: '2.0.1-tolerating' });
tolerating.materials.find((m) => m.id === 'insuranceInfoForm')!.necessity = 'tolerated-missing';
const catalogue = { ...loaded.catalogue, definitions: [...loaded.catalogue.definitions, { file: 'tolerating.json', value: tolerating }] };

async function open(): Promise<Runtime> {
  return createRuntime({ store: openSqliteStore({ path: join(dir, `bundle-${++n}.sqlite`) }), catalogue, clock, signer: ed25519Signer('bundles-test') });
}

// the information form is the one material shared data does not stand in for: the applicant supplies it
async function submitted(runtime: Runtime, materials = ['insuranceInfoForm'], version = '2.0.0') {
  const started = await runtime.startCase({ ...relocation, version, applicant: applicant.id });
  const step = await runtime.submit(started.record.id, completeRelocation(started.record.data), applicant, 1, materials);
  return { id: started.record.id, step };
}

beforeEach(() => clock.set(monday));

describe('runtime: one-thing bundles', () => {
  it('publishes each bundle of the definitions folder composed, with its saving', async () => {
    const runtime = await open();
    const published = await runtime.store.getDefinition(relocation.matterId, '2.0.0', relocation.region);
    expect(published?.definition.bundle?.members.map((m) => [m.key, m.department])).toEqual([['residencePermit', 'police'], ['insuranceTransfer', 'medicalInsurance']]);
    const kept = loaded.bundles.get(`${relocation.matterId}@2.0.0@${relocation.region}`);
    expect(kept?.hash).toBe(published?.hash);
    expect(kept?.saving.saved.submissions).toBe(1);
  });

  it('loads a folder that holds its composed bundles as files already (an export), and refuses one whose file differs', () => {
    const copy = mkdtempSync(join(tmpdir(), 'onematter-bundles-export-'));
    try {
      cpSync(defaultDefinitionsDir, copy, { recursive: true });
      mkdirSync(join(copy, 'matters/relocation'));
      writeFileSync(join(copy, 'matters/relocation/baseline.json'), JSON.stringify(composed.value));
      const again = loadDefinitions(copy);
      expect(again.catalogue.definitions.filter((d) => d.value.id === relocation.matterId && d.value.region.code === relocation.region).map((d) => d.file)).toEqual(['matters/relocation/baseline.json']);
      expect(again.bundles.get(`${relocation.matterId}@2.0.0@${relocation.region}`)?.saving).toEqual(loaded.bundles.get(`${relocation.matterId}@2.0.0@${relocation.region}`)?.saving);
      writeFileSync(join(copy, 'matters/relocation/baseline.json'), JSON.stringify({ ...composed.value, visits: 0, summary: { zh: "另一版本", en: "another text" } }));
      expect(() => loadDefinitions(copy)).toThrow(/bundles\/relocation\.json#composed#: 330000-YJS-0101@2\.0\.0 for region 330000 is also defined/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('is submitted once and waits at both departments’ clerks, each acting in its department’s role only', async () => {
    const runtime = await open();
    const { id, step } = await submitted(runtime);
    expect(step.record).toMatchObject({ state: 'members.residencePermit.submitted,members.insuranceTransfer.submitted', role: 'police-clerk medicalInsurance-clerk', status: 'active' });
    expect(step.record.reference).toMatch(/^ZJ-2026-\d{6}$/); // the first SUBMIT numbers the case
    expect(step.deadline?.dueAt).toBeGreaterThan(monday);
    expect(step.eventRoles).toMatchObject({ 'ACCEPT.residencePermit': ['police-clerk'], 'ACCEPT.insuranceTransfer': ['medicalInsurance-clerk'] });
    // queues: a department's clerk sees it, a clerk without a department does not
    expect((await runtime.listCases({ roles: ['clerk', 'police-clerk'] })).map((c) => c.id)).toContain(id);
    expect((await runtime.listCases({ roles: ['clerk', 'medicalInsurance-clerk'] })).map((c) => c.id)).toContain(id);
    expect((await runtime.listCases({ roles: ['clerk'] })).map((c) => c.id)).not.toContain(id);
    expect((await runtime.listCases({ roles: ['clerk', 'health-clerk'] })).map((c) => c.id)).not.toContain(id);
    // the police clerk cannot accept the insurance part, nor a clerk without a department either part
    await expect(runtime.act(id, { type: 'ACCEPT.insuranceTransfer' }, policeClerk, 2)).rejects.toThrow(ForbiddenError);
    await expect(runtime.act(id, { type: 'ACCEPT.residencePermit' }, plainClerk, 2)).rejects.toThrow(ForbiddenError);
    const accepted = await runtime.act(id, { type: 'ACCEPT.residencePermit' }, policeClerk, 2);
    expect(accepted.record.state).toBe('members.residencePermit.review,members.insuranceTransfer.submitted');
    expect(accepted.event).toMatchObject({ actor: 'policeClerk', role: 'police-clerk', type: 'ACCEPT.residencePermit' });
  });

  it('refuses ACCEPT addressed to a member while a required material of the one set is missing', async () => {
    const runtime = await open();
    const { id } = await submitted(runtime, []);
    await expect(runtime.act(id, { type: 'ACCEPT.insuranceTransfer' }, insuranceClerk, 2)).rejects.toThrow(MaterialsMissingError);
    // one set of materials for the bundle: the police's acceptance checks it too
    await expect(runtime.act(id, { type: 'ACCEPT.residencePermit' }, policeClerk, 2)).rejects.toThrow(MaterialsMissingError);
    expect((await runtime.act(id, { type: 'ACCEPT.insuranceTransfer', materials: ['insuranceInfoForm'] }, insuranceClerk, 2)).record.state).toBe('members.residencePermit.submitted,members.insuranceTransfer.review');
  });

  it('issues each member’s certificate at its own approval; a rejection ends one member and the case completes when both ended', async () => {
    const runtime = await open();
    const { id } = await submitted(runtime);
    await runtime.act(id, { type: 'ACCEPT.residencePermit' }, policeClerk, 2);
    const rejected = await runtime.act(id, { type: 'REJECT.insuranceTransfer', note: '转出地无参保记录' }, insuranceClerk, 3);
    // the police's part is intact: still at its review, nothing issued yet
    expect(rejected.record).toMatchObject({ state: 'members.residencePermit.review,members.insuranceTransfer.rejected', status: 'active', role: 'police-approver' });
    expect(rejected.certificates).toEqual([]);
    const approved = await runtime.act(id, { type: 'APPROVE.residencePermit' }, policeApprover, 4);
    expect(approved.record).toMatchObject({ state: 'completed', status: 'done', outcome: 'completed' });
    expect(approved.record.context).toMatchObject({ memberOutcomes: { residencePermit: 'approved', insuranceTransfer: 'rejected' } });
    expect(approved.certificates.map((c) => c.id)).toEqual([`${id}-residencePermit`]);
    expect(approved.deadline?.metAt).toBe(monday);
    expect(await runtime.verifyAudit(id)).toMatchObject({ ok: true, events: 5 });
  });

  it('approves both members, each approval issuing its member’s certificate only', async () => {
    const runtime = await open();
    const { id } = await submitted(runtime);
    await runtime.act(id, { type: 'ACCEPT.residencePermit' }, policeClerk, 2);
    await runtime.act(id, { type: 'ACCEPT.insuranceTransfer' }, insuranceClerk, 3);
    const police = await runtime.act(id, { type: 'APPROVE.residencePermit' }, policeApprover, 4);
    expect(police.record.status).toBe('active');
    expect(police.certificates.map((c) => c.id)).toEqual([`${id}-residencePermit`]);
    expect(police.event.payload).toMatchObject({ certificates: [`${id}-residencePermit`] });
    const insurance = await runtime.act(id, { type: 'APPROVE.insuranceTransfer' }, insuranceApprover, 5);
    expect(insurance.event.payload).toMatchObject({ certificates: [`${id}-transferNotice`] });
    expect(insurance.certificates.map((c) => c.id).sort()).toEqual([`${id}-residencePermit`, `${id}-transferNotice`]);
    expect(insurance.record).toMatchObject({ outcome: 'completed', context: { memberOutcomes: { residencePermit: 'approved', insuranceTransfer: 'approved' } } });
  });

  it('holds a member’s certificate while a tolerated material is outstanding and issues only that one once supplied', async () => {
    const runtime = await open();
    const { id } = await submitted(runtime, [], '2.0.1-tolerating');
    // the police accept with the information form missing, tolerated (容缺) until next week
    await runtime.checkMaterials(id, [{ material: 'insuranceInfoForm', status: 'missing', tolerated: true, dueDate: '2026-12-07' }], policeClerk, 2);
    await runtime.act(id, { type: 'ACCEPT.residencePermit' }, policeClerk, 3);
    const approved = await runtime.act(id, { type: 'APPROVE.residencePermit' }, policeApprover, 4);
    expect(approved.certificates).toEqual([]);
    expect(approved.checklist.certificateHeld).toMatchObject({ materials: ['insuranceInfoForm'], outputs: ['residencePermit'] });
    // the insurance clerk, acting now, records it received: the held permit is issued, nothing of the insurance part
    const released = await runtime.checkMaterials(id, [{ material: 'insuranceInfoForm', status: 'received' }], insuranceClerk, 5);
    expect(released.certificates.map((c) => c.id)).toEqual([`${id}-residencePermit`]);
    expect(released.automatic?.[0]).toMatchObject({ type: 'certificate-issued', role: 'medicalInsurance-clerk' });
    expect(released.checklist.certificateHeld).toBeNull();
  });

  it('pauses the clock on a supplement addressed to one member and resumes it at the resubmission, the other member untouched', async () => {
    const runtime = await open();
    const { id, step } = await submitted(runtime);
    await runtime.act(id, { type: 'ACCEPT.residencePermit' }, policeClerk, 2);
    const asked = await runtime.act(id, { type: 'REQUEST_SUPPLEMENT.insuranceTransfer', note: '请补充参保信息表' }, insuranceClerk, 3);
    expect(asked.record.state).toBe('members.residencePermit.review,members.insuranceTransfer.supplement');
    expect(asked.deadline?.pausedAt).toBe(monday);
    clock.set(monday + 3 * 86_400_000); // Thursday
    const again = await runtime.submit(id, asked.record.data, applicant, 4);
    expect(again.record.state).toBe('members.residencePermit.review,members.insuranceTransfer.submitted');
    expect(again.record.reference).toBe(step.record.reference);
    expect(again.deadline?.pausedAt).toBeUndefined();
    expect(again.deadline!.dueAt).toBeGreaterThan(step.deadline!.dueAt);
  });

  it('submits a bundle submitted separately one member at a time (SUBMIT addressed to the first waiting member)', () => {
    const separate = loaded.catalogue.definitions.map((d) => d.value).find((d) => d.bundle?.submission === 'separate');
    if (!separate) return expect.fail('the catalogue has no bundle submitted separately');
    const state = initialState(machineOf(separate, 'separate-bundle'));
    expect(submitEventOf(separate, state)).toBe(`SUBMIT.${separate.bundle!.members[0]!.key}`);
  });
});
