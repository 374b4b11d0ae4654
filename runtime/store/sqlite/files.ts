/**
 * The case_files table: uploads recorded when they complete, referenced by the transaction of the case event that
 * names them, and swept while no event has. Plain prepared statements over the drizzle table.
 */
import type Database from 'better-sqlite3';
import type { CaseFile, FileReference } from '../types.ts';

type Row = Omit<CaseFile, 'referencedSeq'> & { referencedSeq: number | null };

/** Thrown inside a case write's transaction when a file it references is no upload of that case: rolls it back. */
export class UploadGone extends Error {}

export class SqliteCaseFiles {
  private readonly s;

  constructor(private readonly sqlite: Database.Database) {
    const columns = 'case_id as caseId, material_id as materialId, sha256, size, type, uploaded_by as uploadedBy, uploaded_at as uploadedAt, referenced_seq as referencedSeq';
    this.s = {
      record: sqlite.prepare(`insert into case_files (case_id, material_id, sha256, size, type, uploaded_by, uploaded_at, referenced_seq)
        values (@caseId, @materialId, @sha256, @size, @type, @uploadedBy, @uploadedAt, null)
        on conflict (case_id, material_id, sha256) do update set uploaded_at = excluded.uploaded_at where referenced_seq is null`),
      of: sqlite.prepare(`select ${columns} from case_files where case_id = ? order by material_id, uploaded_at, sha256`),
      // a file referenced again (a later supplement naming it too) keeps the event that first made it part of the case
      reference: sqlite.prepare(`update case_files set referenced_seq = coalesce(referenced_seq, @seq)
        where case_id = @caseId and material_id = @materialId and sha256 = @sha256`),
      stale: sqlite.prepare('delete from case_files where referenced_seq is null and uploaded_at < ? returning sha256'),
      holds: sqlite.prepare('select 1 from case_files where sha256 = ? limit 1'),
    };
  }

  record(file: Omit<CaseFile, 'referencedSeq'>): void {
    this.s.record.run({ caseId: file.caseId, materialId: file.materialId, sha256: file.sha256, size: file.size, type: file.type, uploadedBy: file.uploadedBy, uploadedAt: file.uploadedAt });
  }

  of(caseId: string): CaseFile[] {
    return (this.s.of.all(caseId) as Row[]).map((r) => ({ ...r, referencedSeq: r.referencedSeq ?? undefined }));
  }

  /** Marks `files` referenced by event `seq`; call inside the write's transaction (throws UploadGone to roll it back). */
  reference(files: readonly FileReference[], seq: number): void {
    for (const f of files) {
      if (this.s.reference.run({ caseId: f.caseId, materialId: f.materialId, sha256: f.sha256, seq }).changes !== 1) throw new UploadGone();
    }
  }

  sweep(uploadedBefore: number): string[] {
    return this.sqlite.transaction(() => {
      const hashes = new Set((this.s.stale.all(uploadedBefore) as { sha256: string }[]).map((r) => r.sha256));
      return [...hashes].filter((h) => !this.holds(h));
    }).immediate();
  }

  holds(sha256: string): boolean {
    return this.s.holds.get(sha256) !== undefined;
  }
}
