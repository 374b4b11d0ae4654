/**
 * A printed certificate's QR code leads to a public check (GET /api/public/certificates/:id): over real HTTP, with
 * certificates issued through the real case journey (applicant submits, clerk accepts, approver approves), anyone
 * without signing in sees the holder masked, issuer, matter, validity and the server's seal check; a stored row
 * edited or swapped in the database shows as invalid with a code; a certificate past its term shows as expired; the
 * print view carries the QR code of `<publicUrl>/verify/<id>` (or of the request's origin when none is configured).
 */
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../runtime/certificates/issue.ts';
import { publicCertificate } from '../runtime/certificates/public.ts';
import { publicBase } from '../runtime/certificates/qr.ts';
import { ed25519Signer, verifyCertificate } from '../runtime/certificates/signer.ts';
import { manualClock } from '../runtime/effects/clock.ts';
import { demoCitizens } from '../runtime/shared-data/demo.ts';
import { Client, serverSandbox } from './support/server.ts';

// the catalogue, with the residence permit valid for one year (the real one states no term), so it can expire
const definitionsDir = mkdtempSync(join(tmpdir(), 'onematter-cert-defs-'));
cpSync(fileURLToPath(new URL('../definitions/', import.meta.url)), definitionsDir, { recursive: true });
const baselineFile = join(definitionsDir, 'matters/residence-permit/baseline.json');
const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
baseline.outputs[0].validity = { kind: 'years', years: 1 };
writeFileSync(baselineFile, JSON.stringify(baseline, null, 2));

const sandbox = serverSandbox();
const issuedAt = Date.parse('2026-11-30T02:00:00Z'); // a Monday, 10:00 CST
const clock = manualClock(issuedAt);
const publicUrl = 'https://zwfw.example.gov.cn/';
const qrOptions = { type: 'svg', errorCorrectionLevel: 'M', margin: 4 } as const;
let base: string;
let first: { id: string; html: string; json: string };
let second: { id: string; html: string; json: string };

/** A residence-permit certificate for zhangWei through the whole journey: submit, accept, approve. */
async function issue(): Promise<{ id: string; html: string; json: string }> {
  const zhang = await Client.signedIn(base, 'zhangWei');
  const started = await zhang.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
  expect(started.status).toBe(201);
  const data = { ...started.body.data, applicant: { ...started.body.data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } };
  const submitted = await zhang.post(`/api/cases/${started.body.id}/submit`, { data, revision: started.body.revision });
  expect(submitted.status).toBe(200);
  const accepted = await (await Client.signedIn(base, 'clerk')).post(`/api/cases/${started.body.id}/actions`, { event: 'ACCEPT', revision: submitted.body.revision });
  expect(accepted.status).toBe(200);
  const approved = await (await Client.signedIn(base, 'approver')).post(`/api/cases/${started.body.id}/actions`, { event: 'APPROVE', revision: accepted.body.revision });
  expect(approved.status).toBe(200);
  expect(approved.body.certificates).toHaveLength(1);
  return approved.body.certificates[0];
}

/** Runs `change` on the stored certificates table (another connection to the server's database file), then puts the rows back after `check`. */
async function withStoredRows(change: (db: Database.Database) => void, check: () => Promise<void>): Promise<void> {
  const db = new Database(join(sandbox.dataDir, 'onematter.sqlite'));
  const rows = db.prepare('select id, document from certificates').all() as { id: string; document: string }[];
  try {
    change(db);
    await check();
  } finally {
    const put = db.prepare('update certificates set document = ? where id = ?');
    for (const row of rows) put.run(row.document, row.id);
    db.close();
  }
}

beforeAll(async () => {
  base = (await sandbox.start({ clock, definitionsDir, sweepSeconds: 0, publicUrl })).url;
  first = await issue();
  second = await issue();
}, 60_000);
afterAll(async () => {
  await sandbox.remove();
  rmSync(definitionsDir, { recursive: true, force: true });
});

describe('GET /api/public/certificates/:id', () => {
  it('answers anyone, signed in or not, with the holder masked, issuer, matter, validity and a passed seal check', async () => {
    const reply = await new Client(base).get(`/api/public/certificates/${first.id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.body).toEqual({
      id: first.id,
      status: 'valid',
      check: { ok: true, keyId: expect.any(String) },
      title: { zh: '浙江省居住证', en: 'Zhejiang residence permit' },
      holder: { name: '张伟', idNumber: `${demoCitizens.zhangWei.slice(0, 4)}**********${demoCitizens.zhangWei.slice(-4)}` },
      issuer: { zh: expect.any(String), en: expect.any(String) },
      matter: { title: { zh: expect.stringContaining('居住证'), en: expect.any(String) }, region: { zh: '浙江省', en: expect.any(String) } },
      issuedAt: new Date(issuedAt).toISOString(),
      validity: { from: '2026-11-30', until: '2027-11-30', kind: 'years', note: null },
      checkedAt: new Date(issuedAt).toISOString(),
    });
  });

  it('never shows the full identity number, the case answers or its files', async () => {
    const reply = await new Client(base).get(`/api/public/certificates/${first.id}`);
    expect(reply.text).not.toContain(demoCitizens.zhangWei);
    expect(reply.text).not.toContain('13800138000'); // the mobile number the applicant entered
    expect(reply.text).not.toMatch(/idNumberHash|signature|"data"|"files"|caseId/);
  });

  it('answers 404 in the API error shape for an unknown id, 400 for a malformed one', async () => {
    const unknown = await new Client(base).get(`/api/public/certificates/${first.id}x`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { code: 'not-found', message: expect.stringContaining(`${first.id}x`) } });
    const malformed = await new Client(base).get('/api/public/certificates/not*an*id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad-request');
  });

  it('shows a stored document edited in the database as invalid (signature-mismatch), without the holder number', async () => {
    await withStoredRows(
      (db) => {
        const row = db.prepare('select document from certificates where id = ?').get(first.id) as { document: string };
        const signed = JSON.parse(row.document);
        signed.document.holder.name = '李四';
        db.prepare('update certificates set document = ? where id = ?').run(JSON.stringify(signed), first.id);
      },
      async () => {
        const reply = await new Client(base).get(`/api/public/certificates/${first.id}`);
        expect(reply.status).toBe(200);
        expect(reply.body).toMatchObject({ status: 'invalid', check: { ok: false, code: 'signature-mismatch' }, holder: { name: '李四', idNumber: null } });
      },
    );
    expect((await new Client(base).get(`/api/public/certificates/${first.id}`)).body.status).toBe('valid');
  });

  it("shows another certificate's genuine document stored under this id as invalid (id-mismatch)", async () => {
    await withStoredRows(
      (db) => {
        const other = db.prepare('select document from certificates where id = ?').get(second.id) as { document: string };
        db.prepare('update certificates set document = ? where id = ?').run(other.document, first.id);
      },
      async () => {
        const reply = await new Client(base).get(`/api/public/certificates/${first.id}`);
        expect(reply.body).toMatchObject({ status: 'invalid', check: { ok: false, code: 'id-mismatch' }, holder: { idNumber: null } });
      },
    );
  });

  it('shows a certificate past its last valid day as expired (seal still good), by the server clock in CST', async () => {
    clock.set(Date.parse('2027-11-30T15:59:59Z')); // 23:59:59 CST on the last valid day
    expect((await new Client(base).get(`/api/public/certificates/${first.id}`)).body.status).toBe('valid');
    clock.set(Date.parse('2027-11-30T16:00:00Z')); // 00:00 CST the day after
    const reply = await new Client(base).get(`/api/public/certificates/${first.id}`);
    expect(reply.body).toMatchObject({ status: 'expired', check: { ok: true }, validity: { until: '2027-11-30' }, checkedAt: '2027-11-30T16:00:00.000Z' });
    clock.set(issuedAt);
  });
});

describe('the print view', () => {
  it('shows the validity and the QR code of <publicUrl>/verify/<id>, under the strict print policy', async () => {
    const html = await (await Client.signedIn(base, 'zhangWei')).get(first.html);
    expect(html.status).toBe(200);
    const url = `https://zwfw.example.gov.cn/verify/${first.id}`;
    // the QR code must encode exactly the URL: the same SVG the qrcode package makes of it on its own
    expect(html.text).toContain(await QRCode.toString(url, qrOptions));
    expect(html.text.match(/<svg\b/g)).toHaveLength(1);
    expect(html.text).toContain(`<span class="url">${url}</span>`);
    expect(html.text).toMatch(/有效期 Validity<\/dt><dd><span class="validity" data-validity="years">2026-11-30 起 from 2026-11-30<br>至 2027-11-30 止 until 2027-11-30/);
    expect(html.text).toContain(`张伟（${demoCitizens.zhangWei.slice(0, 4)}**********${demoCitizens.zhangWei.slice(-4)}）`);
    expect(html.text).not.toContain(demoCitizens.zhangWei);
    expect(html.text).not.toMatch(/<script/i);
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });

  it("without a configured publicUrl, links to the request's own origin", async () => {
    await sandbox.stop();
    base = (await sandbox.start({ clock, definitionsDir, sweepSeconds: 0 })).url;
    const html = await (await Client.signedIn(base, 'zhangWei')).get(first.html);
    const url = `${base}/verify/${first.id}`;
    expect(html.text).toContain(await QRCode.toString(url, qrOptions));
    expect(html.text).toContain(`<span class="url">${url}</span>`);
    expect((await new Client(base).get(`/api/public/certificates/${first.id}`)).body.status).toBe('valid');
  }, 30_000);
});

describe('POST /api/certificates/verify', () => {
  it('gives a code the UI can word with the reason', async () => {
    const signed = (await (await Client.signedIn(base, 'zhangWei')).get(first.json)).body;
    const tampered = { ...signed, document: { ...signed.document, holder: { name: '李四' } } };
    expect((await new Client(base).post('/api/certificates/verify', tampered, { csrf: false })).body).toEqual({ ok: false, code: 'signature-mismatch', reason: 'the signature does not match the document' });
    expect((await new Client(base).post('/api/certificates/verify', { ...signed, seal: { ...signed.seal, keyId: 'other' } }, { csrf: false })).body).toMatchObject({ ok: false, code: 'unknown-key' });
    expect((await new Client(base).post('/api/certificates/verify', { document: 1 }, { csrf: false })).body).toMatchObject({ ok: false, code: 'not-a-certificate' });
  });
});

describe('publicCertificate()', () => {
  const signer = ed25519Signer('test-seal');
  const record = { id: 'c1', applicant: demoCitizens.liNa, hash: 'h' } as never;
  const definition = { id: 'm', version: '1.0.0', region: { code: '330000', name: { zh: '浙江省', en: 'Zhejiang' } }, title: { zh: '事项', en: 'Matter' }, department: { name: { zh: '厅', en: 'Dept' } } } as never;
  const output = { id: 'permit', name: { zh: '证', en: 'Permit' }, type: 'certificate', validity: { kind: 'long-term' } } as never;
  const signed = issueCertificate(record, definition, output, '李娜', issuedAt, signer);
  const input = { id: 'c1-permit', caseId: 'c1', signed, check: verifyCertificate(signed, { [signer.keyId]: signer.publicKeyPem }), applicant: demoCitizens.liNa, now: issuedAt + 50 * 365 * 86_400_000 };

  it('keeps a long-term certificate valid, with no end date', () => {
    expect(publicCertificate(input)).toMatchObject({ status: 'valid', validity: { kind: 'long-term', until: null }, holder: { name: '李娜', idNumber: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) } });
  });

  it("refuses a genuine document sealed for someone other than the case's applicant (holder-mismatch)", () => {
    expect(publicCertificate({ ...input, applicant: demoCitizens.zhangWei })).toMatchObject({ status: 'invalid', check: { ok: false, code: 'holder-mismatch' }, holder: { idNumber: null } });
  });

  it('refuses a genuine document of another case (case-mismatch), and reads a garbled document without throwing', () => {
    expect(publicCertificate({ ...input, caseId: 'c2' }).check).toEqual({ ok: false, code: 'case-mismatch' });
    const garbled = publicCertificate({ ...input, signed: 'not an object', check: verifyCertificate('not an object', {}) });
    expect(garbled).toMatchObject({ status: 'invalid', check: { ok: false, code: 'not-a-certificate' }, title: null, holder: { name: null, idNumber: null }, validity: { from: null, until: null, kind: 'unstated' } });
  });
});

describe('the publicUrl option', () => {
  it('is an absolute http(s) address without query, fragment or credentials; a bad one stops the server at start', async () => {
    expect(publicBase('https://zwfw.example.gov.cn/')).toBe('https://zwfw.example.gov.cn');
    expect(publicBase('https://example.cn/portal/')).toBe('https://example.cn/portal');
    for (const bad of ['zwfw.example.gov.cn', 'ftp://example.cn', 'https://example.cn/?a=1', 'https://u:p@example.cn']) expect(() => publicBase(bad), bad).toThrow(RangeError);
    const other = serverSandbox();
    await expect(other.start({ publicUrl: 'javascript:alert(1)' })).rejects.toThrow(/publicUrl/);
    await other.remove();
  });
});
