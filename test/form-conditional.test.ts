/**
 * The residence permit's conditional section: the postal address is shown and required only when the permit is
 * mailed (the schema's `if`/`then`/`else`, in the designer's shape). The server's ajv is the authority: mail without
 * an address is refused with a pointer at the address; an address without mail is refused too (`else` hides it),
 * so the portal drops a hidden section's answers as the choice changes: what is sent is what is shown. The portal's
 * side is in form-conditional-reveal.test.ts (jsdom).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormAjv } from '../engine/index.ts';
import { withoutHiddenFields } from '../runtime/form/conditional.ts';
import { prepareForm } from '../runtime/form/prepare.ts';
import { residencePermit, sharedSchemas } from './support/matter-form-render.ts';
import { Client, serverSandbox } from './support/server.ts';

const address = { regionCode: '330203', detail: '宁波市海曙区中山西路 100 号' };
const variants = ['baseline', 'hangzhou', 'ningbo', 'wenzhou', 'pujiang'] as const;

describe('the schema (the runtime’s ajv, strict)', () => {
  const ajv = createFormAjv(sharedSchemas);
  const errorsOf = (name: string, delivery: unknown) => {
    const delivering = ajv.compile({ ...(residencePermit(name).form.schema as any).properties.delivery, $id: `urn:test:${name}:${Math.random()}` });
    return delivering(delivery) ? [] : (delivering.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${String((e.params as any).missingProperty ?? '')}`.trim());
  };

  it.each(variants.filter((v) => v !== 'pujiang'))('%s: mail requires the address, which then passes', (name) => {
    expect(errorsOf(name, { method: '邮寄送达' })).toContain('required postalAddress');
    expect(errorsOf(name, { method: '邮寄送达', postalAddress: address })).toEqual([]);
    expect(errorsOf(name, { method: '邮寄送达', postalAddress: { regionCode: '330203' } })).toContain('/postalAddress required detail');
  });

  it.each(variants)('%s: without mail no address is asked, and a left-over one is refused', (name) => {
    expect(errorsOf(name, { method: '窗口领取' })).toEqual([]);
    expect(errorsOf(name, { method: '窗口领取', postalAddress: address })).toContain('/postalAddress false schema');
  });
});

describe('withoutHiddenFields', () => {
  const { schema } = prepareForm(residencePermit('baseline'), sharedSchemas);

  it('drops the answers of a section its condition hides, and only those', () => {
    const counter = { residence: { reason: '就业' }, delivery: { method: '窗口领取', postalAddress: address } };
    expect(withoutHiddenFields(schema, counter)).toEqual({ residence: { reason: '就业' }, delivery: { method: '窗口领取' } });
    const mail = { delivery: { method: '邮寄送达', postalAddress: address } };
    expect(withoutHiddenFields(schema, mail)).toBe(mail); // nothing hidden: the same object
    expect(withoutHiddenFields(schema, { delivery: { postalAddress: address } })).toEqual({ delivery: {} }); // no choice yet
    expect(withoutHiddenFields(schema, 'not an object')).toBe('not an object');
  });
});

describe('over HTTP: the server requires the address only when mailed', () => {
  const sandbox = serverSandbox();
  let li: Client;
  let caseId: string;
  let revision: number;
  let data: Record<string, any>;

  beforeAll(async () => {
    const { url } = await sandbox.start();
    li = await Client.signedIn(url, 'liNa');
    const started = await li.post('/api/cases', { matterId: '330000-GA-0101', region: '330200' }); // Ningbo's variant
    expect(started.status).toBe(201);
    ({ id: caseId, revision, data } = started.body);
    const residence = { regionCode: '330203', address: '宁波市海曙区中山西路 100 号', registrationDate: '2024-01-01', reason: '就业', housingType: '租赁住房' };
    data = { ...data, applicant: { ...data.applicant, mobile: '13800138000' }, residence: { ...residence, ...data.residence } };
  }, 120_000);
  afterAll(() => sandbox.remove());

  const submit = (delivery: unknown) => li.post(`/api/cases/${caseId}/submit`, { data: { ...data, delivery }, revision });

  it('refuses mail without an address: 422 naming the address field by its pointer', async () => {
    const refused = await submit({ method: '邮寄送达' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid-data');
    expect(refused.body.error.errors).toContainEqual(expect.objectContaining({ pointer: '/delivery/postalAddress', keyword: 'required' }));
  });

  it('refuses an address that is only half there, at the missing part', async () => {
    const refused = await submit({ method: '邮寄送达', postalAddress: { regionCode: '330203' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.errors).toContainEqual(expect.objectContaining({ pointer: '/delivery/postalAddress/detail', keyword: 'required' }));
  });

  it('refuses a left-over address when the permit is not mailed (the portal drops it before sending)', async () => {
    const refused = await submit({ method: '窗口领取', postalAddress: address });
    expect(refused.status).toBe(422);
    expect(refused.body.error.errors).toContainEqual(expect.objectContaining({ pointer: '/delivery/postalAddress', keyword: 'false schema' }));
  });

  it('accepts collection at the counter without an address', async () => {
    const accepted = await submit({ method: '窗口领取' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.state).not.toBe('draft');
  });
});
