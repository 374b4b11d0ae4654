/**
 * Where evidence files' bytes are kept: content-addressed by sha256, written as a stream under a temporary name and
 * made visible under their hash only once complete. The interface is what object storage would implement (a
 * temporary key, then a copy to the hash key); the local one keeps files in a folder of the server's data folder.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Content written and flushed under a temporary name, not yet visible under its hash. */
export interface PendingFile {
  readonly sha256: string;
  readonly size: number;
  /** Makes the content readable under its hash (atomically: readers see all of it or nothing). */
  commit(): Promise<void>;
  /** Drops the temporary content. */
  discard(): Promise<void>;
}

export interface FileStore {
  /** Streams `content` to temporary storage (never holding it whole in memory); a failing stream leaves nothing behind. */
  write(content: AsyncIterable<Uint8Array>): Promise<PendingFile>;
  /** The content stored under `sha256`, as a stream, or undefined. */
  read(sha256: string): Promise<{ stream: Readable; size: number } | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Deletes the content under `sha256` (nothing when there is none). */
  delete(sha256: string): Promise<void>;
  /** Deletes temporary content last written before `before` (ms since the epoch): uploads a crash cut short. */
  sweepTemporary(before: number): Promise<number>;
}

const hashPattern = /^[0-9a-f]{64}$/;

/** A file store in `dir`: `sha256/ab/<hash>` for content, `tmp/` for writes in progress. */
export function localFileStore(dir: string): FileStore {
  const tmp = join(dir, 'tmp');
  const pathOf = (sha256: string) => {
    if (!hashPattern.test(sha256)) throw new RangeError(`not a sha256 hex digest: ${sha256.slice(0, 80)}`);
    return join(dir, 'sha256', sha256.slice(0, 2), sha256);
  };
  const exists = async (path: string) => stat(path).then((s) => s.isFile(), () => false);

  return {
    async write(content) {
      await mkdir(tmp, { recursive: true, mode: 0o700 });
      const temporary = join(tmp, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      // opened before any byte is read, so a failure can never race the file's creation and leave it behind
      const out = createWriteStream(temporary, { flags: 'wx', mode: 0o600 });
      await once(out, 'ready');
      try {
        await pipeline(content, tap, out);
        await flush(temporary);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      const sha256 = hash.digest('hex');
      return {
        sha256,
        size,
        async commit() {
          const final = pathOf(sha256);
          await mkdir(dirname(final), { recursive: true, mode: 0o700 });
          await rename(temporary, final); // same content under the same name: replacing an earlier copy is harmless
          await flush(dirname(final)); // the rename itself survives a power cut
        },
        discard: () => rm(temporary, { force: true }),
      };
    },
    async read(sha256) {
      const path = pathOf(sha256);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      return { stream: createReadStream(path), size: info.size };
    },
    has: (sha256) => exists(pathOf(sha256)),
    delete: (sha256) => rm(pathOf(sha256), { force: true }),
    async sweepTemporary(before) {
      const names = await readdir(tmp).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) {
        const path = join(tmp, name);
        const info = await stat(path).catch(() => undefined);
        if (info && info.mtimeMs < before) {
          await rm(path, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

// fsync a file or folder by path (a read-only descriptor suffices on Linux and macOS).
async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
