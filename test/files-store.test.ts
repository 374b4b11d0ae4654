/**
 * Evidence files below HTTP: content checks by magic bytes as a stream stage, the local content-addressed file store
 * (temporary name, flush, rename; a failed write leaves nothing), the case_files table in real SQLite (references
 * land in the event's transaction or not at all) and the sweep of unreferenced uploads.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../runtime/effects/clock.ts';
import { CaseFiles, unreferencedMs } from '../runtime/files/case-files.ts';
import { checkedContent } from '../runtime/files/check.ts';
import { sniffType } from '../runtime/files/content-type.ts';
import { FileRejectedError } from '../runtime/files/errors.ts';
import { localFileStore } from '../runtime/files/store.ts';
import { openSqliteStore } from '../runtime/store/sqlite/store.ts';
import type { AuditEvent, CaseRecord, Store } from '../runtime/store/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'onematter-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `run-${++n}`);

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR and the rest of a picture')]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** `bytes` as a stream of chunks of `size` bytes. */
async function* chunks(bytes: Uint8Array, size = 3): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function drain(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of source) parts.push(c);
  return Buffer.concat(parts);
}

async function refusal(work: () => Promise<unknown>): Promise<FileRejectedError> {
  const error = await work().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FileRejectedError);
  return error as FileRejectedError;
}

describe('content checks', () => {
  it('tells PDF, JPEG and PNG by their first bytes, and nothing else', () => {
    expect(sniffType(pdf)).toBe('application/pdf');
    expect(sniffType(jpeg)).toBe('image/jpeg');
    expect(sniffType(png)).toBe('image/png');
    expect(sniffType(Buffer.from('hello, this is text'))).toBeUndefined();
    expect(sniffType(Buffer.from('%PDF'))).toBeUndefined(); // the dash belongs to the signature
    expect(sniffType(png.subarray(0, 7))).toBeUndefined();
  });

  it('passes the bytes through unchanged, however they are cut into chunks', async () => {
    for (const size of [1, 2, 7, 8, 64]) {
      const checked = checkedContent(chunks(png, size), 1024);
      expect(await drain(checked.content)).toEqual(png);
      expect(checked.type()).toBe('image/png');
    }
    const short = checkedContent(chunks(jpeg.subarray(0, 4), 1), 1024); // shorter than the longest signature
    expect(await drain(short.content)).toEqual(jpeg.subarray(0, 4));
    expect(short.type()).toBe('image/jpeg');
  });

  it('refuses text, an empty file and one over the limit (naming the limit)', async () => {
    expect((await refusal(() => drain(checkedContent(chunks(Buffer.from('just some text, not a pdf')), 1024).content))).problem).toBe('file-type');
    expect((await refusal(() => drain(checkedContent(chunks(Buffer.alloc(0)), 1024).content))).problem).toBe('file-empty');
    const big = await refusal(() => drain(checkedContent(chunks(Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024)]), 65536), 1024 * 1024).content));
    expect(big).toMatchObject({ problem: 'file-too-large', limit: 1024 * 1024 });
    expect(big.message).toContain('1 MiB');
  });
});

describe('the local file store', () => {
  it('writes under a temporary name, then makes the content readable under its sha256', async () => {
    const root = fresh();
    const files = localFileStore(root);
    const pending = await files.write(chunks(pdf));
    expect(pending).toMatchObject({ sha256: sha(pdf), size: pdf.length });
    expect(await files.has(pending.sha256)).toBe(false); // not visible before commit
    expect(readdirSync(join(root, 'tmp'))).toHaveLength(1);
    await pending.commit();
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(readFileSync(join(root, 'sha256', pending.sha256.slice(0, 2), pending.sha256))).toEqual(pdf);
    const read = await files.read(pending.sha256);
    expect(read?.size).toBe(pdf.length);
    expect(await drain(read!.stream)).toEqual(pdf);
    await files.delete(pending.sha256);
    expect(await files.read(pending.sha256)).toBeUndefined();
    await expect(files.read('../../etc/passwd')).rejects.toThrow(/sha256/);
  });

  it('leaves nothing behind when the stream fails midway (a client gone, a check refusing)', async () => {
    const root = fresh();
    const files = localFileStore(root);
    async function* cut(): AsyncGenerator<Uint8Array> {
      yield png.subarray(0, 10);
      throw new Error('connection reset');
    }
    await expect(files.write(cut())).rejects.toThrow('connection reset');
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(existsSync(join(root, 'sha256'))).toBe(false);
  });

  it('sweeps temporary files older than the given time (a crash mid-upload), not newer ones', async () => {
    const root = fresh();
    const files = localFileStore(root);
    mkdirSync(join(root, 'tmp'), { recursive: true });
    writeFileSync(join(root, 'tmp', 'old.part'), 'half a file');
    writeFileSync(join(root, 'tmp', 'new.part'), 'an upload in progress');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(join(root, 'tmp', 'old.part'), twoHoursAgo, twoHoursAgo);
    expect(await files.sweepTemporary(Date.now() - 3600_000)).toBe(1);
    expect(readdirSync(join(root, 'tmp'))).toEqual(['new.part']);
  });
});

const record = (id: string, revision: number): CaseRecord => ({
  id, matterId: 'm', version: '1.0.0', region: '330000', hash: 'h'.repeat(64), applicant: 'a1', state: 'draft', role: 'applicant', status: 'draft', outcome: undefined,
  revision, data: {}, verified: {}, context: {}, auditHead: `h${revision}`, createdAt: 1, updatedAt: 1,
});
const event = (caseId: string, seq: number): AuditEvent => ({ caseId, seq, at: seq, actor: 'a1', role: 'applicant', type: 't', from: undefined, to: 'draft', payload: null, prevHash: 'p', hash: `h${seq}` });
const upload = (caseId: string, materialId: string, sha256: string, uploadedAt: number) => ({ caseId, materialId, sha256, size: 10, type: 'image/png', uploadedBy: 'a1', uploadedAt });

describe('the case_files table (SQLite)', () => {
  const open = (): Store => openSqliteStore({ path: join(dir, `store-${++n}.sqlite`) });

  it('references uploads in the transaction of the event that names them, keeping the first event that did', async () => {
    const store = open();
    try {
      await store.createCase({ record: record('c1', 1), events: [event('c1', 1)] });
      await store.recordUpload(upload('c1', 'photo', 'a'.repeat(64), 10));
      await store.recordUpload(upload('c1', 'photo', 'b'.repeat(64), 11));
      expect((await store.filesOf('c1')).map((f) => f.referencedSeq)).toEqual([undefined, undefined]);
      expect(await store.updateCase(1, { record: record('c1', 2), events: [event('c1', 2)], files: [{ caseId: 'c1', materialId: 'photo', sha256: 'a'.repeat(64) }] })).toBe('ok');
      expect((await store.filesOf('c1')).map((f) => [f.sha256[0], f.referencedSeq])).toEqual([['a', 2], ['b', undefined]]);
      expect(await store.updateCase(2, { record: record('c1', 3), events: [event('c1', 3)], files: [{ caseId: 'c1', materialId: 'photo', sha256: 'a'.repeat(64) }] })).toBe('ok');
      expect((await store.filesOf('c1'))[0]!.referencedSeq).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('refuses a write referencing a file not uploaded for that case and material: nothing of it lands', async () => {
    const store = open();
    try {
      await store.createCase({ record: record('c1', 1), events: [event('c1', 1)] });
      await store.createCase({ record: record('c2', 1), events: [event('c2', 1)] });
      await store.recordUpload(upload('c2', 'photo', 'a'.repeat(64), 10));
      await store.recordUpload(upload('c1', 'lease', 'b'.repeat(64), 10));
      for (const ref of [{ caseId: 'c1', materialId: 'photo', sha256: 'a'.repeat(64) }, { caseId: 'c1', materialId: 'photo', sha256: 'b'.repeat(64) }]) {
        expect(await store.updateCase(1, { record: record('c1', 2), events: [event('c1', 2)], files: [{ caseId: 'c1', materialId: 'lease', sha256: 'b'.repeat(64) }, ref] })).toBe('conflict');
      }
      expect((await store.getCase('c1'))!.revision).toBe(1);
      expect(await store.events('c1')).toHaveLength(1);
      expect((await store.filesOf('c1'))[0]!.referencedSeq).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('sweeps unreferenced uploads older than the cut-off and names the content no case holds any more', async () => {
    const store = open();
    try {
      await store.createCase({ record: record('c1', 1), events: [event('c1', 1)] });
      await store.recordUpload(upload('c1', 'photo', 'a'.repeat(64), 10)); // old, unreferenced
      await store.recordUpload(upload('c1', 'lease', 'b'.repeat(64), 10)); // old, referenced below
      await store.recordUpload(upload('c1', 'photo', 'c'.repeat(64), 500)); // recent
      await store.recordUpload(upload('c2', 'photo', 'd'.repeat(64), 10)); // old, same content as…
      await store.recordUpload(upload('c3', 'photo', 'd'.repeat(64), 500)); // …a recent upload elsewhere
      await store.updateCase(1, { record: record('c1', 2), events: [event('c1', 2)], files: [{ caseId: 'c1', materialId: 'lease', sha256: 'b'.repeat(64) }] });
      expect((await store.sweepUploads(100)).sort()).toEqual(['a'.repeat(64)]);
      expect((await store.filesOf('c1')).map((f) => f.sha256[0])).toEqual(['b', 'c']);
      expect(await store.filesOf('c2')).toEqual([]);
      expect(await store.holdsFile('d'.repeat(64))).toBe(true);
      expect(await store.holdsFile('a'.repeat(64))).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe('CaseFiles', () => {
  it('deletes uploads no event referenced within an hour, content and row; referenced and recent ones stay', async () => {
    const root = fresh();
    const store = openSqliteStore({ path: join(dir, `store-${++n}.sqlite`) });
    const clock = manualClock(Date.parse('2026-12-01T02:00:00Z'));
    const files = new CaseFiles({ files: localFileStore(root), store, clock });
    try {
      await store.createCase({ record: record('c1', 1), events: [event('c1', 1)] });
      const kept = await files.upload({ caseId: 'c1', materialId: 'lease', uploadedBy: 'a1' }, chunks(pdf));
      const dropped = await files.upload({ caseId: 'c1', materialId: 'photo', uploadedBy: 'a1' }, chunks(png));
      expect(kept).toMatchObject({ sha256: sha(pdf), size: pdf.length, type: 'application/pdf', referencedSeq: undefined });
      await store.updateCase(1, { record: record('c1', 2), events: [event('c1', 2)], files: [{ caseId: 'c1', materialId: 'lease', sha256: kept.sha256 }] });
      clock.advance(unreferencedMs - 1);
      expect(await files.sweep()).toEqual({ files: 0, temporary: 0 }); // not an hour yet
      clock.advance(2);
      expect(await files.sweep()).toEqual({ files: 1, temporary: 0 });
      expect(await files.open('c1', dropped.sha256)).toBeUndefined();
      expect(existsSync(join(root, 'sha256', dropped.sha256.slice(0, 2), dropped.sha256))).toBe(false);
      const open = await files.open('c1', kept.sha256);
      expect(await drain(open!.stream)).toEqual(pdf);
      await expect(files.upload({ caseId: 'c1', materialId: 'photo', uploadedBy: 'a1' }, chunks(Buffer.from('plain text')))).rejects.toThrow(FileRejectedError);
      expect((await store.filesOf('c1')).map((f) => f.materialId)).toEqual(['lease']); // the refused one left no row…
      expect(readdirSync(join(root, 'tmp'))).toEqual([]); // …and no bytes
    } finally {
      await store.close();
    }
  });
});
