/**
 * A case in a parallel state over real HTTP and SQLite: each department sees the case in its own queue and may send
 * only its own region's events (the case says who may send which); the last region done joins the case into the
 * next step; the case and its audit trail name each state by its path.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { nestedPermit } from './support/nested.ts';
import { Client, serverSandbox } from './support/server.ts';

const monday = Date.parse('2026-11-30T02:00:00Z');
const permit = { matterId: '330000-GA-0101', region: '330000' };
const clock = manualClock(monday);

const definitionsDir = mkdtempSync(join(tmpdir(), 'onematter-parallel-defs-'));
const baselineFile = join(definitionsDir, 'matters/residence-permit/baseline.json');
cpSync(fileURLToPath(new URL('../definitions/', import.meta.url)), definitionsDir, { recursive: true });
writeFileSync(baselineFile, `${JSON.stringify(nestedPermit(JSON.parse(readFileSync(baselineFile, 'utf8'))), null, 2)}\n`);
// the relocation bundle composes the permit: nested this deep inside a bundle's region, it would not validate (and stop the start)
rmSync(join(definitionsDir, 'bundles/relocation.json'));

const sandbox = serverSandbox();
afterAll(async () => {
  await sandbox.stop();
  await sandbox.remove();
  rmSync(definitionsDir, { recursive: true, force: true });
});

describe('server: a case in a parallel state', () => {
  let url: string;
  let caseId: string;
  beforeAll(async () => {
    ({ url } = await sandbox.start({ clock, definitionsDir, sweepSeconds: 0 }));
    const zhang = await Client.signedIn(url, 'zhangWei');
    const started = await zhang.post('/api/cases', permit);
    caseId = started.body.id;
    const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
    const submitted = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision: 1 });
    expect(submitted.status).toBe(200);
    const clerk = await Client.signedIn(url, 'clerk');
    const materials = submitted.body.situation.materials.filter((m: { waived: boolean }) => !m.waived).map((m: { id: string }) => m.id);
    const accepted = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision: 2, materials });
    expect(accepted.status).toBe(200);
  }, 60_000);

  it('is in each department\'s queue and says who may send which event', async () => {
    const clerk = await Client.signedIn(url, 'clerk');
    const approver = await Client.signedIn(url, 'approver');
    const view = await clerk.get(`/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ state: 'checks.police.checking,checks.records.checking', role: 'clerk approver', step: { zh: '户籍核查、档案核查', en: 'Residence check · Records check' } });
    expect(view.body.eventRoles).toMatchObject({ POLICE_OK: ['clerk'], RECORDS_OK: ['approver'], REJECT: ['clerk', 'approver'] });
    expect(view.body.delays.map((d: { state: string; delay: string; target: string }) => [d.state, d.delay, d.target])).toEqual([
      ['checks.records.checking', 'P2D', 'checks.records.ok'], ['checks', 'P10D', 'rejected'],
    ]);
    for (const who of [clerk, approver]) expect((await who.get('/api/cases')).body.cases.map((c: { id: string }) => c.id)).toContain(caseId);
    // lists name the applicant as shared data verified them
    expect((await clerk.get('/api/cases')).body.cases.find((c: { id: string }) => c.id === caseId)).toMatchObject({ applicant: '330106199001011237', applicantName: '张伟' });
  });

  it('refuses another department\'s event with 403 and takes each department\'s own; the last one joins', async () => {
    const clerk = await Client.signedIn(url, 'clerk');
    const approver = await Client.signedIn(url, 'approver');
    const zhang = await Client.signedIn(url, 'zhangWei');
    const wrong = await approver.post(`/api/cases/${caseId}/actions`, { event: 'POLICE_OK', revision: 3 });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toContain('clerk');
    expect((await zhang.post(`/api/cases/${caseId}/actions`, { event: 'RECORDS_OK', revision: 3 })).status).toBe(403);
    const police = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'POLICE_OK', revision: 3 });
    expect(police.status).toBe(200);
    expect(police.body).toMatchObject({ state: 'checks.police.ok,checks.records.checking', role: 'approver' });
    expect((await clerk.get('/api/cases')).body.cases.map((c: { id: string }) => c.id)).not.toContain(caseId);
    const again = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'POLICE_OK', revision: 4 });
    expect(again.status).toBe(403); // nothing of the clerk's is left in this case
    const records = await approver.post(`/api/cases/${caseId}/actions`, { event: 'RECORDS_OK', revision: 4 });
    expect(records.status).toBe(200);
    expect(records.body).toMatchObject({ state: 'decision.first', role: 'approver', step: { zh: '初审', en: 'First review' } });
    const trail = (await zhang.get(`/api/cases/${caseId}`)).body.audit.map((e: { type: string; to: string }) => [e.type, e.to]);
    expect(trail.slice(-2)).toEqual([['POLICE_OK', 'checks.police.ok,checks.records.checking'], ['RECORDS_OK', 'decision.first']]);
    expect((await zhang.get(`/api/cases/${caseId}/audit/verify`)).body).toMatchObject({ ok: true });
  });
});
