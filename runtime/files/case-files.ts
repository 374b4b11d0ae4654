/**
 * Evidence files of cases: an upload is checked as it streams (size, type by content), written to the file store
 * and recorded for its case and material; it becomes part of the case only when a case event references it
 * (runtime submit/act), and the sweep deletes uploads no event referenced within an hour, and the temporary files of
 * uploads a crash cut short.
 */
import type { Clock } from '../effects/clock.ts';
import type { CaseFile, Store } from '../store/types.ts';
import { checkedContent } from './check.ts';
import type { FileStore } from './store.ts';

/** Largest file accepted per upload by default: 10 MiB. */
export const defaultMaxFileBytes = 10 * 1024 * 1024;

/** How long an upload no event referenced is kept: an hour. */
export const unreferencedMs = 60 * 60 * 1000;

export interface CaseFilesOptions {
  readonly files: FileStore;
  readonly store: Pick<Store, 'recordUpload' | 'filesOf' | 'sweepUploads' | 'holdsFile'>;
  readonly clock: Clock;
  /** Largest file accepted, in bytes (default 10 MiB). */
  readonly maxBytes?: number;
}

export class CaseFiles {
  readonly maxBytes: number;
  // making content visible and recording it, and sweeping it away, never interleave: a sweep could otherwise delete
  // content an upload of the same bytes just committed (one process; several nodes would need the store to lock)
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CaseFilesOptions) {
    const maxBytes = options.maxBytes ?? defaultMaxFileBytes;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError(`maxBytes must be a positive integer, not ${maxBytes}`);
    this.maxBytes = maxBytes;
  }

  /** Streams one file in for a case's material; throws FileRejectedError (too large, empty, wrong type) having kept nothing. */
  async upload(target: { caseId: string; materialId: string; uploadedBy: string }, source: AsyncIterable<Uint8Array>): Promise<CaseFile> {
    const checked = checkedContent(source, this.maxBytes);
    const pending = await this.options.files.write(checked.content);
    const file = { ...target, sha256: pending.sha256, size: pending.size, type: checked.type(), uploadedAt: this.options.clock.now() };
    await this.exclusive(async () => {
      try {
        await pending.commit();
      } catch (error) {
        await pending.discard();
        throw error;
      }
      await this.options.store.recordUpload(file);
    });
    return { ...file, referencedSeq: undefined };
  }

  /** The file `sha256` of a case (uploaded for it, referenced or not) with its content, or undefined. */
  async open(caseId: string, sha256: string) {
    const file = (await this.options.store.filesOf(caseId)).find((f) => f.sha256 === sha256);
    const content = file && (await this.options.files.read(sha256));
    return file && content ? { file, ...content } : undefined;
  }

  /** Deletes uploads no event referenced for an hour (and content no case holds any more), and stale temporary files. */
  async sweep(): Promise<{ files: number; temporary: number }> {
    const before = this.options.clock.now() - unreferencedMs;
    return this.exclusive(async () => {
      const orphans = await this.options.store.sweepUploads(before);
      for (const sha256 of orphans) await this.options.files.delete(sha256);
      // temporary files are dated by the file system, not the runtime's clock
      const temporary = await this.options.files.sweepTemporary(Date.now() - unreferencedMs);
      return { files: orphans.length, temporary };
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}
