/**
 * The SQLite catalogue index: one row per matter and region holding its newest published version's searchable
 * columns, kept by every publish (inside its transaction) and rebuilt once from the definitions when missing (a store
 * that predates the index). Search and paging run in SQL, so 200,000 variants are browsed without parsing a body.
 */
import type Database from 'better-sqlite3';
import type { MatterDefinition } from '../../../engine/index.ts';
import type { CatalogueEntry, CatalogueQuery, CataloguePage, PublishedDefinition } from '../types.ts';
import { compareVersions } from '../versions.ts';

type Row = {
  id: string; region: string; version: string; kind: string; level: string; region_name: string; title_zh: string; title_en: string;
  department: string; baseline_version: string | null; bundle_event: string | null; bundle_event_type: string | null; hash: string; published_at: number; published_by: string;
};

/** The catalogue index of one SQLite database. */
export class SqliteCatalogue {
  private readonly current;
  private readonly upsert;

  constructor(private readonly sqlite: Database.Database) {
    this.current = sqlite.prepare<[string, string], { version: string }>('select version from catalogue where id = ? and region = ?');
    this.upsert = sqlite.prepare(`insert into catalogue (id, region, version, kind, level, region_name, title_zh, title_en, department, baseline_version, bundle_event, bundle_event_type, hash, published_at, published_by)
      values (@id, @region, @version, @kind, @level, @region_name, @title_zh, @title_en, @department, @baseline_version, @bundle_event, @bundle_event_type, @hash, @published_at, @published_by)
      on conflict (id, region) do update set version = excluded.version, kind = excluded.kind, level = excluded.level, region_name = excluded.region_name,
        title_zh = excluded.title_zh, title_en = excluded.title_en, department = excluded.department, baseline_version = excluded.baseline_version,
        bundle_event = excluded.bundle_event, bundle_event_type = excluded.bundle_event_type,
        hash = excluded.hash, published_at = excluded.published_at, published_by = excluded.published_by`);
  }

  /** Records a newly published version if it is the newest of its matter and region (call inside the publish transaction). */
  published(def: PublishedDefinition): void {
    const now = this.current.get(def.id, def.region);
    if (now && compareVersions(now.version, def.version) >= 0) return;
    this.upsert.run(rowOf(def));
  }

  /** Builds the index from the definitions table when it is empty and definitions exist (once, on open). */
  rebuildIfMissing(): void {
    const empty = !this.sqlite.prepare('select 1 from catalogue limit 1').get();
    if (!empty || !this.sqlite.prepare('select 1 from definitions limit 1').get()) return;
    // a batch at a time: bodies are parsed, and a province's 200,000 of them do not fit in memory at once
    const batch = this.sqlite.prepare<[number], { rowid: number; id: string; version: string; region: string; hash: string; body: string; published_at: number; published_by: string }>(
      'select rowid, id, version, region, hash, body, published_at, published_by from definitions where rowid > ? order by rowid limit 500');
    this.sqlite.transaction(() => {
      for (let after = 0, rows = batch.all(after); rows.length > 0; after = rows.at(-1)!.rowid, rows = batch.all(after)) {
        for (const r of rows) this.published({ id: r.id, version: r.version, region: r.region, hash: r.hash, definition: JSON.parse(r.body), publishedAt: r.published_at, publishedBy: r.published_by });
      }
    }).immediate();
  }

  /** A page of entries matching the query, ordered by matter id then region (the province's baseline sorts first). */
  search(query: CatalogueQuery): CataloguePage {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const text = query.text?.trim();
    if (text && [...text].length >= 3) {
      // the trigram index finds any substring of 3 characters or more, as one phrase (the user's quotes doubled)
      where.push('rowid in (select rowid from catalogue_fts where catalogue_fts match @text)');
      params.text = `"${text.replace(/"/g, '""')}"`;
    } else if (text) {
      // shorter than a trigram: LIKE over the columns (ASCII case ignored; \ escapes the user's own % and _)
      const columns = ['id', 'title_zh', 'title_en', 'department', 'region_name'].map((c) => `${c} like @text escape '\\'`);
      where.push(`(${columns.join(' or ')})`);
      params.text = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (query.kind) (where.push('kind = @kind'), (params.kind = query.kind));
    if (query.level) (where.push('level = @level'), (params.level = query.level));
    if (query.matterId) (where.push('id = @matterId'), (params.matterId = query.matterId));
    if (query.department) (where.push('department = @department'), (params.department = query.department));
    if (query.region) {
      // GB/T 2260: a division's code starts with its province's 2, its city's 4, its county's 6 digits
      const prefix = query.region.replace(/(00)+$/, '') || query.region;
      where.push("region like @region escape '\\'");
      params.region = `${prefix}%`;
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const total = (this.sqlite.prepare(`select count(*) as n from catalogue ${clause}`).get(params) as { n: number }).n;
    const rows = this.sqlite.prepare(`select * from catalogue ${clause} order by id, region limit @limit offset @offset`)
      .all({ ...params, limit: query.limit, offset: query.offset }) as Row[];
    return { total, entries: rows.map(entryOf) };
  }
}

function rowOf(def: PublishedDefinition): Row {
  const d: MatterDefinition = def.definition;
  return {
    id: def.id, region: def.region, version: def.version, kind: d.kind, level: d.region.level, region_name: `${d.region.name.zh} ${d.region.name.en}`,
    title_zh: d.title.zh, title_en: d.title.en, department: d.department.name.zh,
    baseline_version: d.baseline?.version ?? null, bundle_event: d.bundle?.event ?? null, bundle_event_type: d.bundle?.eventType ?? null, hash: def.hash, published_at: def.publishedAt, published_by: def.publishedBy ?? '',
  };
}

function entryOf(r: Row): CatalogueEntry {
  return {
    id: r.id, region: r.region, version: r.version, kind: r.kind as CatalogueEntry['kind'], level: r.level, regionName: splitName(r.region_name),
    title: { zh: r.title_zh, en: r.title_en }, department: r.department, baselineVersion: r.baseline_version ?? undefined,
    bundle: r.bundle_event && r.bundle_event_type ? { event: r.bundle_event, eventType: r.bundle_event_type } : undefined,
    hash: r.hash, publishedAt: r.published_at, publishedBy: r.published_by,
  };
}

// `杭州市 Hangzhou` (one column, so one LIKE finds either language) back into its two names.
function splitName(name: string): { zh: string; en: string } {
  const at = name.indexOf(' ');
  return at < 0 ? { zh: name, en: name } : { zh: name.slice(0, at), en: name.slice(at + 1) };
}
