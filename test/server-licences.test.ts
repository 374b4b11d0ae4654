/**
 * E-licences (电子证照) as materials over real HTTP, on a real server and SQLite: Li Na (Ningbo) lists her own
 * licences that fit her residence-permit case (the photo receipt, not her driving licence), presents the receipt for
 * the photo material instead of uploading it, and the SUBMIT event records the licence's number and content hash;
 * someone else's licence, a licence of the wrong type, a material that takes none and a stranger are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { licenceHash } from '../runtime/shared-data/licence-hash.ts';
import { demoLicences } from '../runtime/shared-data/demo.ts';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
const clock = manualClock(Date.parse('2026-12-01T02:00:00Z')); // a Tuesday, 10:00 CST
const receipt = demoLicences.find((l) => l.id === 'ZP3302032025000456')!;
const zhangsReceipt = 'ZP3301062024000123';
const drivingLicence = 'JZ3302032019007788';

let base: string;
let li: Client;
let caseId: string;
let revision: number;
let data: Record<string, unknown>;

beforeAll(async () => {
  base = (await sandbox.start({ clock, sweepSeconds: 0 })).url;
  li = await Client.signedIn(base, 'liNa');
  const started = await li.post('/api/cases', { matterId: '330000-GA-0101', region: '330200' }); // Ningbo's variant; she lives in Haishu (330203)
  expect(started.status).toBe(201);
  ({ id: caseId, revision, data } = started.body);
  data = {
    ...data,
    applicant: { ...(data.applicant as object), mobile: '13900139000' },
    residence: { regionCode: '330203', address: '浙江省宁波市海曙区中山西路8号', registrationDate: '2026-03-01', reason: '投靠亲友', housingType: '租赁住房' },
    delivery: { method: '电子证照' },
  };
}, 30_000);
afterAll(() => sandbox.remove());

const submit = (body: Record<string, unknown>) => li.post(`/api/cases/${caseId}/submit`, { data, revision, ...body });

describe('the demo e-licences', () => {
  it('carry the content hash of what they say', () => {
    for (const { hash, ...issued } of demoLicences) expect(hash).toBe(licenceHash(issued));
  });
});

describe('listing an applicant’s e-licences for a case', () => {
  it('offers Li Na her photo receipt for the photo material of the Ningbo permit, and not her driving licence', async () => {
    const read = await li.get(`/api/cases/${caseId}`);
    expect(read.body.region).toBe('330200');
    expect(read.body.waived.map((w: { id: string }) => w.id)).not.toContain('photo'); // no photo in the receipt library's shared data
    const listed = await li.get(`/api/cases/${caseId}/licences`);
    expect(listed.status).toBe(200);
    expect(listed.body.licences).toEqual([
      { id: receipt.id, type: 'id-photo-receipt', name: receipt.name, issuer: receipt.issuer, issuedAt: '2026-09-15', validUntil: '2027-09-14', hash: receipt.hash, materials: ['photo'] },
    ]);
  });

  it('is the case’s applicant’s alone', async () => {
    expect((await (await Client.signedIn(base, 'zhangWei')).get(`/api/cases/${caseId}/licences`)).status).toBe(403);
    expect((await (await Client.signedIn(base, 'clerk')).get(`/api/cases/${caseId}/licences`)).status).toBe(403);
    expect((await new Client(base).get(`/api/cases/${caseId}/licences`)).status).toBe(401);
    expect((await li.get('/api/cases/00000000-0000-4000-8000-000000000000/licences')).status).toBe(404);
  });

  it('offers no expired licence, and refuses one presented (422)', async () => {
    const zhang = await Client.signedIn(base, 'zhangWei');
    const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330200' });
    expect((await zhang.get(`/api/cases/${started.body.id}/licences`)).body).toEqual({ licences: [] }); // his receipt ran out on 2026-01-04
    const presented = await zhang.post(`/api/cases/${started.body.id}/submit`, { data: started.body.data, revision: started.body.revision, licences: { photo: [zhangsReceipt] } });
    expect(presented.status).toBe(422);
    expect(presented.body.error.message).toContain('expired on 2026-01-04');
  });

  it('offers none where no material exists as an e-licence (the provincial baseline)', async () => {
    const zhang = await Client.signedIn(base, 'zhangWei');
    const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
    expect((await zhang.get(`/api/cases/${started.body.id}/licences`)).body).toEqual({ licences: [] });
  });
});

describe('presenting an e-licence for a material', () => {
  it('refuses someone else’s licence (422 naming the material), and nothing is written', async () => {
    const reply = await submit({ licences: { photo: [zhangsReceipt] } });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('licence-refused');
    expect(reply.body.error.message).toContain('Recent bare-headed photo of the applicant');
    expect(reply.body.error.message).toContain('本人近期免冠证件照片');
    expect(reply.body.error.errors).toEqual([expect.objectContaining({ pointer: '/licences/photo/0', keyword: 'licence' })]);
    expect((await li.get(`/api/cases/${caseId}`)).body).toMatchObject({ state: 'draft', revision });
  });

  it('refuses her own licence of the wrong type, and a material that exists as no e-licence (422)', async () => {
    const wrongType = await submit({ licences: { photo: [drivingLicence] } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.message).toMatch(/JZ3302032019007788.*not a “id-photo-receipt”.*Recent bare-headed photo/);
    const noLicence = await submit({ licences: { housingProof: [receipt.id] } });
    expect(noLicence.status).toBe(422);
    expect(noLicence.body.error.errors[0].pointer).toBe('/licences/housingProof');
    expect(noLicence.body.error.message).toContain('cannot be supplied by an e-licence');
  });

  it('refuses a malformed pick as a bad request (400), not a 500', async () => {
    expect((await submit({ licences: ['photo'] })).status).toBe(400);
    expect((await submit({ licences: { photo: [{ id: receipt.id }] } })).status).toBe(400);
    expect((await submit({ licences: { 'no/such': ['x'] } })).status).toBe(400);
  });

  it('lets only the applicant present licences on a step (403 for the clerk)', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    // a draft is not the clerk's to read, so they are refused before any licence is looked at
    expect((await clerk.post(`/api/cases/${caseId}/actions`, { event: 'ACCEPT', revision, licences: { photo: [receipt.id] } })).status).toBe(403);
  });

  it('supplies the material with the SUBMIT event: the licence’s number and hash in the audit payload and the case', async () => {
    const submitted = await submit({ licences: { photo: [receipt.id] } });
    expect(submitted.status).toBe(200);
    expect(submitted.body.event).toMatchObject({ type: 'SUBMIT', payload: expect.objectContaining({ licences: { photo: [{ id: receipt.id, hash: receipt.hash }] } }) });
    expect(submitted.body.situation.materials.find((m: { id: string }) => m.id === 'photo')).toMatchObject({ supplied: true, missing: false });
    revision = submitted.body.revision;
    const read = await li.get(`/api/cases/${caseId}`);
    expect(read.body.licences).toEqual({ photo: [{ id: receipt.id, hash: receipt.hash }] });
    expect(read.body.audit.find((e: { type: string }) => e.type === 'SUBMIT').payload.licences).toEqual({ photo: [{ id: receipt.id, hash: receipt.hash }] });
    expect((await li.get(`/api/cases/${caseId}/audit/verify`)).body).toMatchObject({ ok: true });
  });

  it('takes a licence with the resubmission after a supplement request, and refuses a stranger’s there too', async () => {
    const clerk = await Client.signedIn(base, 'clerk');
    const asked = await clerk.post(`/api/cases/${caseId}/actions`, { event: 'REQUEST_SUPPLEMENT', note: '请补充住所证明', revision });
    expect(asked.status).toBe(200);
    revision = asked.body.revision;
    expect((await submit({ licences: { photo: [zhangsReceipt] } })).status).toBe(422);
    const again = await submit({ licences: { photo: [receipt.id] } });
    expect(again.status).toBe(200);
    expect(again.body.event.payload.licences).toEqual({ photo: [{ id: receipt.id, hash: receipt.hash }] });
    // the trail names the licence once per material, however often it was presented
    expect((await li.get(`/api/cases/${caseId}`)).body.licences).toEqual({ photo: [{ id: receipt.id, hash: receipt.hash }] });
  });
});
