/**
 * Situations through the HTTP API, on a real server over the situations fixture: the guide puts each condition in
 * words, a case carries what its answers call for (materials with their group, which are missing, fees with waivers,
 * the amount due) and its time limits in calendar days, and every answer keeps to the OpenAPI document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { precompiledFormModule } from '../runtime/form/precompiled.ts';
import { precompiledConditions } from '../runtime/form/precompiled-runtime.ts';
import { buildGuide } from '../runtime/server/guide.ts';
import { demoCitizens, demoSharedData } from '../runtime/shared-data/demo.ts';
import { ApiContract, CheckedClient, type OpenApiDocument } from './support/openapi.ts';
import { demoPassword, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
const clock = manualClock(Date.parse('2026-12-04T02:00:00Z')); // a Friday, 10:00 CST
const definitionsDir = fileURLToPath(new URL('./fixtures/situations/', import.meta.url));
const matter = { matterId: '330000-TEST-0301', region: '330000' };
let base: string;
let contract: ApiContract;
let zhang: CheckedClient;

beforeAll(async () => {
  base = (await sandbox.start({ clock, definitionsDir })).url;
  contract = new ApiContract((await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApiDocument);
  zhang = new CheckedClient(base, contract);
  expect((await zhang.post('/api/session', { username: 'zhangWei', password: demoPassword })).status).toBe(200);
}, 30_000);
afterAll(() => sandbox.remove());
afterEach(() => {
  expect(contract.takeProblems()).toEqual([]);
});

describe('the guide', () => {
  it('describes each situation in both languages, with one-of groups, fee waivers, calendar days, places and contact', async () => {
    const guide = (await zhang.get('/api/matters/330000-TEST-0301/regions/330000/guide')).body;
    const byId = Object.fromEntries(guide.materials.map((m: any) => [m.id, m]));
    expect(byId.identityCard.whenText).toBeNull();
    expect(byId.retirementCertificate.whenText).toEqual({ zh: '「提取原因」为「离休退休」', en: 'Reason for withdrawal is 离休退休', generic: false });
    expect(byId.settlementProof).toMatchObject({ oneOfGroup: 'emigrationProof', whenText: { zh: '「提取原因」为「出境定居」' } });
    expect(guide.fees[0]).toMatchObject({
      id: 'remittance', whenText: { en: 'Reason for withdrawal is 出境定居' }, waivedWhenText: { zh: '「最低生活保障对象」为「是」', en: 'Receives the minimum living allowance: yes' },
    });
    expect(guide.totalFee).toBe(0); // the only fee is conditional
    expect(guide.timeLimit).toEqual({ unit: 'days', statutoryDays: 3, extendableTo: 6, promisedDays: 3 });
    expect(guide.locations[0].window).toBe('3号窗口');
    expect(guide.contact).toEqual({ consult: '12329', complaint: '12345' });
  });

  it('says who implements the matter (and its nature), who owns the standard, who may apply and where', async () => {
    const { matter } = (await zhang.get('/api/matters/330000-TEST-0301/regions/330000/guide')).body;
    expect(matter.department).toMatchObject({ name: { zh: '浙江省住房公积金管理中心' }, nature: 'authorised', level: 'province' });
    expect(matter.standardOwner).toEqual({ name: { zh: '浙江省住房和城乡建设厅', en: 'Zhejiang Provincial Department of Housing and Urban-Rural Development' } });
    expect(matter).toMatchObject({ serviceObject: ['natural-person'], acceptanceScope: 'province' });
  });
});

describe('the guide for a signed-in applicant', () => {
  // the fixture with the household-cancellation proof obtainable through data sharing (the household register)
  const withdrawal = JSON.parse(readFileSync(new URL('./fixtures/situations/matters/withdrawal.json', import.meta.url), 'utf8'));
  const shared = { item: 'household', reason: { zh: '户籍注销信息由公安机关共享', en: 'The household register is shared by the police' } };
  const definition = { ...withdrawal, materials: withdrawal.materials.map((m: any) => (m.id === 'householdCancellation' ? { ...m, sharedData: shared } : m)) };
  const published = { id: definition.id, version: definition.version, region: '330000', hash: 'h', definition, publishedAt: 0 };
  const applicant = (subject: string) => ({ id: subject, role: 'applicant' as const, subject, name: subject });

  it('lets a waived member of a one-of group cover the others: they are not to bring', async () => {
    const guide = await buildGuide(published, demoSharedData, applicant(demoCitizens.zhangWei));
    const byId = Object.fromEntries(guide.materials.map((m) => [m.id, m]));
    expect(byId.householdCancellation).toMatchObject({ waived: true, coveredBy: null });
    expect(byId.settlementProof).toMatchObject({ waived: false, coveredBy: 'householdCancellation' });
    expect(byId.retirementCertificate).toMatchObject({ waived: false, coveredBy: null });
    expect(guide.toBring.map((m) => m.id)).not.toContain('settlementProof');
    expect(guide.toBring.map((m) => m.id)).toContain('retirementCertificate');
  });

  it('covers nothing for someone whose shared data does not hold the waived member', async () => {
    const guide = await buildGuide(published, demoSharedData, applicant('330000000000000000'));
    expect(guide.materials.every((m) => !m.waived && m.coveredBy === null)).toBe(true);
    expect(guide.toBring.map((m) => m.id)).toContain('settlementProof');
  });
});

describe('a case', () => {
  it('carries the situation its answers make, and it follows a changed answer', async () => {
    const started = (await zhang.post('/api/cases', matter)).body;
    expect(started.situation).toEqual({
      materials: [
        { id: 'identityCard', name: { zh: '居民身份证', en: 'Resident identity card' }, necessity: 'required', conditional: false, group: null, waived: true, supplied: false, missing: false },
        { id: 'bankCard', name: { zh: '本人银行卡', en: 'Own bank card' }, necessity: 'optional', conditional: false, group: null, waived: false, supplied: false, missing: false },
      ],
      groups: [], fees: [], amountDue: 0, paid: 0, complete: true,
    });
    expect(started.timeLimit).toEqual({ unit: 'days', promisedDays: 3, statutoryDays: 3, extendableTo: 6, startedAt: null, statutoryDueAt: null, extendedDueAt: null });

    const emigrating = { ...started.data, withdrawal: { reason: '出境定居' } };
    const draft = (await zhang.put(`/api/cases/${started.id}/draft`, { data: emigrating, revision: 1 })).body;
    expect(draft.situation.groups).toEqual([{ id: 'emigrationProof', members: ['householdCancellation', 'settlementProof'], required: true, satisfied: false }]);
    expect(draft.situation.fees).toEqual([{ id: 'remittance', name: { zh: '境外汇款手续费', en: 'Remittance abroad fee' }, amount: 10, waived: false, waiverReason: null }]);
    expect(draft.situation).toMatchObject({ amountDue: 10, complete: false });

    // the answer changes: a different proof, no fee
    const retired = { ...started.data, withdrawal: { reason: '离休退休' } };
    const changed = (await zhang.put(`/api/cases/${started.id}/draft`, { data: retired, revision: 2 })).body;
    expect(changed.situation.materials.filter((m: any) => m.missing).map((m: any) => m.id)).toEqual(['retirementCertificate']);
    expect(changed.situation).toMatchObject({ groups: [], fees: [], amountDue: 0, complete: false });

    const refused = await zhang.post(`/api/cases/${started.id}/submit`, { data: retired, revision: 3 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('invalid-event');
    const submitted = await zhang.post(`/api/cases/${started.id}/submit`, { data: retired, revision: 3, materials: ['retirementCertificate'] });
    expect(submitted.status).toBe(200);
    expect(submitted.body.situation.complete).toBe(true);
    expect(submitted.body.timeLimit).toMatchObject({ startedAt: '2026-12-04T02:00:00.000Z', statutoryDueAt: '2026-12-07T15:59:59.999Z', extendedDueAt: '2026-12-10T15:59:59.999Z' });
    expect(submitted.body.deadline.dueAt).toBe('2026-12-07T15:59:59.999Z');

    const read = (await zhang.get(`/api/cases/${started.id}`)).body;
    expect(read.situation).toEqual(submitted.body.situation);
  });

  it('serves the form module with the situation conditions precompiled beside the validators', async () => {
    const started = (await zhang.post('/api/cases', matter)).body;
    const reply = await zhang.get(`/api/forms/${started.hash}/validator.js`);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('"/materials/3/when"');
    expect(reply.text).toContain('"/fees/0/waivedWhen"');
    expect(reply.text).not.toMatch(/new Function|eval\(/);
    // served minified (ajv's generated code is several times longer), and still the module the browser runs
    const read = (file: string) => JSON.parse(readFileSync(new URL(`./fixtures/situations/${file}`, import.meta.url), 'utf8'));
    const generated = precompiledFormModule(read('matters/withdrawal.json'), [read('schemas/id-number.json')]);
    expect(reply.text.length).toBeLessThan(generated.length * 0.8);
    const module = await import(`data:text/javascript;base64,${Buffer.from(reply.text).toString('base64')}`);
    expect(typeof module.default).toBe('function');
    const holds = precompiledConditions(module.conditions);
    expect(holds(undefined as never, { applicant: { minimumLiving: true } }, '/fees/0/waivedWhen')).toBe(true);
    expect(holds(undefined as never, { applicant: { minimumLiving: false } }, '/fees/0/waivedWhen')).toBe(false);
    expect(holds(undefined as never, { withdrawal: { reason: '出境定居' } }, '/fees/0/when')).toBe(true);
  });
});
