/**
 * Evidence files over real HTTP, on a real server and SQLite: the applicant uploads a material's file (checked by
 * content, not by its label; size-limited; streamed), submit makes it part of the case in the same transaction as
 * the audit event that names its hash, only the case's applicant and staff who may read the case download it, and
 * the sweep at start deletes uploads nobody referenced within an hour and temporary files of cut-off uploads.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { Client, serverSandbox } from './support/server.ts';

const sandbox = serverSandbox();
const clock = manualClock(Date.parse('2026-12-01T02:00:00Z')); // a Tuesday, 10:00 CST
const MiB = 1024 * 1024;
const png = new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a small picture, honestly')]));
const pdf = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const filesPath = (caseId: string, material: string) => `/api/cases/${caseId}/materials/${material}/files`;

let base: string;
let zhang: Client;
let caseId: string;
let revision: number;
let data: Record<string, unknown>;

const upload = (client: Client, id: string, material: string, bytes: Uint8Array<ArrayBuffer>, contentType = 'application/octet-stream') =>
  client.post(filesPath(id, material), undefined, { raw: bytes, contentType });

/** Sends `chunks` as a streamed (chunked) body, calling `between` after each chunk but the last. */
async function streamUpload(client: Client, path: string, chunks: number, chunk: (i: number) => Uint8Array, options: { between?: (i: number) => Promise<void>; signal?: AbortSignal } = {}) {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i > 0 && i < chunks) await options.between?.(i);
      if (i === chunks) return controller.close();
      controller.enqueue(chunk(i++));
    },
  });
  const headers = { 'content-type': 'application/pdf', 'x-csrf-token': await client.csrf(), cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  const response = await fetch(base + path, { method: 'POST', headers, body, duplex: 'half', ...(options.signal ? { signal: options.signal } : {}) } as RequestInit);
  return { status: response.status, body: (await response.json()) as any };
}

/** Posts `chunks` with node:http (a chunked body), waiting for `between` before each chunk but the first. */
async function httpUpload(client: Client, path: string, chunks: number, chunk: (i: number) => Uint8Array, between: (i: number) => Promise<void>) {
  const headers = { 'content-type': 'application/pdf', 'x-csrf-token': await client.csrf(), cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = httpRequest(base + path, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (t: string) => (text += t)).on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    void (async () => {
      for (let i = 0; i < chunks; i++) {
        if (i > 0) await between(i);
        if (!request.write(chunk(i))) await new Promise((r) => request.once('drain', r));
      }
      request.end();
    })().catch(reject);
  });
}

async function startCase(client: Client) {
  const started = await client.post('/api/cases', { matterId: '330000-GA-0101', region: '330000' });
  expect(started.status).toBe(201);
  return started.body as { id: string; revision: number; data: Record<string, unknown> };
}

beforeAll(async () => {
  base = (await sandbox.start({ clock, sweepSeconds: 0 })).url;
  zhang = await Client.signedIn(base, 'zhangWei');
  ({ id: caseId, revision, data } = await startCase(zhang));
  data = { ...data, applicant: { ...(data.applicant as object), mobile: '13800138000' }, delivery: { method: '电子证照' } };
}, 30_000);
afterAll(() => sandbox.remove());

describe('uploading a material’s file', () => {
  it('takes a file by its content: a PNG labelled as a PDF is stored as the PNG it is (201)', async () => {
    const reply = await upload(zhang, caseId, 'studyProof', png, 'application/pdf');
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ sha256: sha(png), size: png.length, type: 'image/png', materialId: 'studyProof' });
    const read = await zhang.get(`/api/cases/${caseId}`);
    expect(read.body.files.studyProof).toEqual([expect.objectContaining({ sha256: sha(png), type: 'image/png', referenced: false, href: `/api/cases/${caseId}/files/${sha(png)}` })]);
  });

  // Streaming is shown on disk, not by the heap: the client runs in this same process, so a heap delta measures
  // both ends and the machine's load. Each chunk is sent only after the server has written everything before it to
  // its temporary file; a server that held the body whole until its end would write nothing and time out here.
  it('streams: each MiB of a 9 MiB upload is on disk before the next one is sent', async () => {
    const tmp = join(sandbox.dataDir, 'files', 'tmp');
    const largestTemporary = () => Math.max(0, ...(existsSync(tmp) ? readdirSync(tmp).map((f) => statSync(join(tmp, f), { throwIfNoEntry: false })?.size ?? 0) : []));
    const seen: number[] = [];
    const written = async (bytes: number) => {
      for (let waited = 0; waited < 20_000; waited += 10) {
        if (largestTemporary() >= bytes) return void seen.push(largestTemporary());
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`the server did not write ${bytes} bytes before the rest of the body came`);
    };
    const reply = await httpUpload(zhang, filesPath(caseId, 'employmentProof'), 9, (i) => (i === 0 ? new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.alloc(MiB - pdf.length, 1)])) : new Uint8Array(MiB).fill(i)),
      (i) => written((i - 1) * MiB + 1),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.size).toBe(9 * MiB);
    expect(seen).toHaveLength(8);
    expect(seen.at(-1)).toBeGreaterThan(7 * MiB); // 7 MiB and more on disk while the last 1 MiB had not been sent
  }, 60_000);

  it('refuses a text file sent as application/pdf (415 naming the material)', async () => {
    const reply = await upload(zhang, caseId, 'housingProof', new Uint8Array(Buffer.from('I am a PDF, trust me')), 'application/pdf');
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe('file-type');
    expect(reply.body.error.message).toContain('Proof of lawful stable housing');
    expect(reply.body.error.message).toContain('合法稳定住所证明');
  });

  it('refuses an empty file (422 naming the material) and a JSON body (415)', async () => {
    const empty = await upload(zhang, caseId, 'housingProof', new Uint8Array(0), 'image/png');
    expect(empty.status).toBe(422);
    expect(empty.body.error).toMatchObject({ code: 'file-empty', message: expect.stringContaining('Proof of lawful stable housing') });
    const json = await zhang.post(filesPath(caseId, 'housingProof'), { file: 'base64…' });
    expect(json.status).toBe(415);
  });

  it('refuses a file over 10 MiB with 413 and the limit, declared up front or found midway through a chunked body', async () => {
    const declared = await upload(zhang, caseId, 'housingProof', new Uint8Array(10 * MiB + 1).fill(0x25));
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: 'file-too-large', limit: 10 * MiB, message: expect.stringContaining('10 MiB') });
    const chunked = await streamUpload(zhang, filesPath(caseId, 'housingProof'), 11, (i) => (i === 0 ? new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.alloc(MiB - pdf.length)])) : new Uint8Array(MiB)));
    expect(chunked.status).toBe(413);
    expect(chunked.body.error.message).toContain('10 MiB');
    expect((await zhang.get(`/api/cases/${caseId}`)).body.files.housingProof).toBeUndefined();
    expect(readdirSync(join(sandbox.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('leaves nothing when the client goes away midway', async () => {
    const abort = new AbortController();
    const cut = streamUpload(zhang, filesPath(caseId, 'residenceProof'), 4, () => new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.alloc(64 * 1024)])), {
      signal: abort.signal,
      between: async (i) => {
        if (i === 2) abort.abort();
        await new Promise((r) => setTimeout(r, 20));
      },
    });
    await expect(cut).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 200));
    expect(readdirSync(join(sandbox.dataDir, 'files', 'tmp'))).toEqual([]);
    expect((await zhang.get(`/api/cases/${caseId}`)).body.files.residenceProof).toBeUndefined();
  });

  it('is the case’s applicant’s alone, for the definition’s materials, while the case is theirs to edit', async () => {
    const li = await Client.signedIn(base, 'liNa');
    expect((await upload(li, caseId, 'studyProof', pdf)).status).toBe(403);
    expect((await upload(await Client.signedIn(base, 'clerk'), caseId, 'studyProof', pdf)).status).toBe(403);
    const unknown = await upload(zhang, caseId, 'birthCertificate', pdf);
    expect(unknown.status).toBe(404);
    expect((await new Client(base).post(filesPath(caseId, 'studyProof'), undefined, { raw: pdf, contentType: 'application/pdf', csrf: false })).status).toBe(401);
  });
});

describe('submitting with files', () => {
  it('refuses a hash not uploaded for that case and material, and a failed submit references nothing', async () => {
    const notUploaded = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision, files: { studyProof: [sha(pdf)] } });
    expect(notUploaded.status).toBe(400);
    expect(notUploaded.body.error.errors[0]).toMatchObject({ pointer: '/files/studyProof', keyword: 'uploaded' });
    const wrongMaterial = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision, files: { housingProof: [sha(png)] } });
    expect(wrongMaterial.status).toBe(400);
    const invalid = await zhang.post(`/api/cases/${caseId}/submit`, { data: { ...data, delivery: undefined }, revision, files: { studyProof: [sha(png)] } });
    expect(invalid.status).toBe(422);
    const read = await zhang.get(`/api/cases/${caseId}`);
    expect(read.body).toMatchObject({ state: 'draft', revision });
    expect(read.body.files.studyProof[0].referenced).toBe(false);
  });

  it('makes the file part of the case with the SUBMIT event: its hash in the audit payload, the material supplied, the chain verifying', async () => {
    const submitted = await zhang.post(`/api/cases/${caseId}/submit`, { data, revision, files: { studyProof: [sha(png)] } });
    expect(submitted.status).toBe(200);
    expect(submitted.body.event).toMatchObject({ type: 'SUBMIT', payload: expect.objectContaining({ files: { studyProof: [sha(png)] } }) });
    expect(submitted.body.files.studyProof[0]).toMatchObject({ sha256: sha(png), referenced: true });
    expect(submitted.body.situation.materials.find((m: { id: string }) => m.id === 'studyProof')).toMatchObject({ supplied: true });
    revision = submitted.body.revision;
    expect((await zhang.get(`/api/cases/${caseId}/audit/verify`)).body).toMatchObject({ ok: true });
  });

  it('takes no more uploads once the clerk holds the case (403)', async () => {
    expect((await upload(zhang, caseId, 'housingProof', pdf)).status).toBe(403);
  });
});

describe('downloading a case’s file', () => {
  it('serves its applicant, a clerk and a reviewer: as an attachment, nosniff, the exact bytes', async () => {
    for (const client of [zhang, await Client.signedIn(base, 'clerk'), await Client.signedIn(base, 'reviewer')]) {
      const response = await fetch(`${base}/api/cases/${caseId}/files/${sha(png)}`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="studyProof-${sha(png).slice(0, 12)}.png"`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
    }
  });

  it('refuses another applicant (403) whether or not the file exists, and a file not of the case (404)', async () => {
    const li = await Client.signedIn(base, 'liNa');
    const existing = await li.get(`/api/cases/${caseId}/files/${sha(png)}`);
    const missing = await li.get(`/api/cases/${caseId}/files/${'0'.repeat(64)}`);
    expect([existing.status, missing.status]).toEqual([403, 403]);
    expect(existing.body.error.message).toBe(missing.body.error.message);
    // liNa's own case cannot reach zhang's file by its hash
    const own = await startCase(li);
    expect((await li.get(`/api/cases/${own.id}/files/${sha(png)}`)).status).toBe(404);
    expect((await zhang.get(`/api/cases/${caseId}/files/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await zhang.get(`/api/cases/${caseId}/files/not-a-hash`)).status).toBe(400);
  });

  it('refuses staff a draft case’s files (403)', async () => {
    const draft = await startCase(zhang);
    expect((await upload(zhang, draft.id, 'studyProof', pdf)).status).toBe(201);
    expect((await (await Client.signedIn(base, 'clerk')).get(`/api/cases/${draft.id}/files/${sha(pdf)}`)).status).toBe(403);
  });
});

describe('the sweep', () => {
  it('at restart deletes uploads no event referenced within an hour and cut-off temporary files; referenced files stay', async () => {
    const draft = await startCase(zhang);
    const unreferenced = await upload(zhang, draft.id, 'housingProof', new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from('only here')])));
    expect(unreferenced.status).toBe(201);
    const tmp = join(sandbox.dataDir, 'files', 'tmp');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'killed.part'), '%PDF-1.7 half of it');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(join(tmp, 'killed.part'), twoHoursAgo, twoHoursAgo);
    const stored = join(sandbox.dataDir, 'files', 'sha256', unreferenced.body.sha256.slice(0, 2), unreferenced.body.sha256);
    expect(existsSync(stored)).toBe(true);

    await sandbox.stop();
    clock.advance(61 * 60_000);
    base = (await sandbox.start({ clock, sweepSeconds: 0 })).url;
    zhang = await Client.signedIn(base, 'zhangWei');

    expect(existsSync(join(tmp, 'killed.part'))).toBe(false);
    expect(existsSync(stored)).toBe(false);
    expect((await zhang.get(`/api/cases/${draft.id}`)).body.files).toEqual({});
    expect((await zhang.get(`/api/cases/${draft.id}/files/${unreferenced.body.sha256}`)).status).toBe(404);
    const kept = await zhang.get(`/api/cases/${caseId}/files/${sha(png)}`);
    expect(kept.status).toBe(200);
    expect((await zhang.get(`/api/cases/${caseId}`)).body.files.studyProof[0]).toMatchObject({ referenced: true });
  });
});
