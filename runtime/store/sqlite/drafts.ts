/** Officials' drafts in SQLite: the body as JSON text, every save guarded by the revision the editor read. */
import type Database from 'better-sqlite3';
import type { DraftQuery, DraftRecord } from '../types.ts';

type Row = {
  id: string; matter_id: string; region: string; kind: string; base_version: string | null; body: string; revision: number;
  created_by: string; updated_by: string; created_at: number; updated_at: number;
};

/** The drafts of one SQLite database. */
export class SqliteDrafts {
  private readonly insert;
  private readonly get;
  private readonly save;
  private readonly remove;
  private readonly exists;

  constructor(private readonly sqlite: Database.Database) {
    this.insert = sqlite.prepare(`insert into drafts (id, matter_id, region, kind, base_version, body, revision, created_by, updated_by, created_at, updated_at)
      values (@id, @matter_id, @region, @kind, @base_version, @body, @revision, @created_by, @updated_by, @created_at, @updated_at)`);
    this.get = sqlite.prepare<[string], Row>('select * from drafts where id = ?');
    this.save = sqlite.prepare('update drafts set body = @body, revision = revision + 1, updated_by = @by, updated_at = @at where id = @id and revision = @expected');
    this.remove = sqlite.prepare('delete from drafts where id = @id and revision = @expected');
    this.exists = sqlite.prepare<[string], { revision: number }>('select revision from drafts where id = ?');
  }

  create(d: DraftRecord): void {
    this.insert.run({
      id: d.id, matter_id: d.matterId, region: d.region, kind: d.kind, base_version: d.baseVersion ?? null, body: JSON.stringify(d.definition),
      revision: d.revision, created_by: d.createdBy, updated_by: d.updatedBy, created_at: d.createdAt, updated_at: d.updatedAt,
    });
  }

  find(id: string): DraftRecord | undefined {
    const row = this.get.get(id);
    return row && draftOf(row);
  }

  list(query: DraftQuery): DraftRecord[] {
    const where: string[] = [];
    if (query.matterId !== undefined) where.push('matter_id = @matterId');
    if (query.region !== undefined) where.push('region = @region');
    if (query.createdBy !== undefined) where.push('created_by = @createdBy');
    const sql = `select * from drafts ${where.length ? `where ${where.join(' and ')}` : ''} order by updated_at desc, id limit 500`;
    return (this.sqlite.prepare(sql).all({ ...query }) as Row[]).map(draftOf);
  }

  update(id: string, expected: number, definition: unknown, by: string, at: number): 'ok' | 'conflict' | 'missing' {
    if (this.save.run({ id, expected, body: JSON.stringify(definition), by, at }).changes === 1) return 'ok';
    return this.exists.get(id) ? 'conflict' : 'missing';
  }

  delete(id: string, expected: number): 'ok' | 'conflict' | 'missing' {
    if (this.remove.run({ id, expected }).changes === 1) return 'ok';
    return this.exists.get(id) ? 'conflict' : 'missing';
  }
}

const draftOf = (r: Row): DraftRecord => ({
  id: r.id, matterId: r.matter_id, region: r.region, kind: r.kind as DraftRecord['kind'], baseVersion: r.base_version ?? undefined,
  definition: JSON.parse(r.body), revision: r.revision, createdBy: r.created_by, updatedBy: r.updated_by, createdAt: r.created_at, updatedAt: r.updated_at,
});
