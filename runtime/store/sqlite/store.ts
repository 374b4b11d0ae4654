/**
 * The embedded default store: SQLite through better-sqlite3 (WAL) and drizzle. A file path, or ':memory:'.
 * Every write of a transition is one IMMEDIATE transaction: the case row (guarded by its revision), its audit
 * events, its deadline and its certificates land together or not at all.
 */
import Database from 'better-sqlite3';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import type {
  AuditEvent, CaseFacet, CaseFile, CatalogueQuery, CataloguePage, CaseCount, CaseQuery, CaseRecord, CaseStatus, CaseWrite, DueDelay, LoggedSecurityEvent, PublishedDefinition, SecurityEvent, SecurityEventQuery, SessionRecord, Store,
  StoredCertificate, ThrottleRecord, DraftQuery, DraftRecord, VersionRecord,
} from '../types.ts';
import { compareVersions } from '../versions.ts';
import { caseFacets, countCases, ReferenceCounter, ReferenceTaken, selectCases } from './case-lists.ts';
import { SqliteCatalogue } from './catalogue.ts';
import { SqliteDrafts } from './drafts.ts';
import { SqliteCaseFiles, UploadGone } from './files.ts';
import { openReadonlyDatabase } from './readonly.ts';
import * as schema from './schema.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface SqliteStoreOptions {
  /** A file path, or ':memory:'. */
  readonly path: string;
  /** How long a writer waits for another process's lock before failing (ms). */
  readonly busyTimeoutMs?: number;
  /**
   * Read only (e.g. an export beside a running server): the file must exist and be migrated (else a
   * StoreOpenError); nothing is created, migrated or written, and every write method throws.
   */
  readonly readonly?: boolean;
}

/** Opens (and migrates, unless read only) a SQLite store. */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  if (options.readonly) {
    const reader = openReadonlyDatabase(options.path, migrationsFolder, options.busyTimeoutMs ?? 5000);
    return new SqliteStore(reader, drizzle(reader, { schema }), true);
  }
  const sqlite = new Database(options.path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return new SqliteStore(sqlite, db);
}

type Db = BetterSQLite3Database<typeof schema>;
type CaseRow = typeof schema.cases.$inferSelect;
type EventRow = typeof schema.events.$inferSelect;

const id = sql.placeholder('id');

// The statements every transition runs, prepared once per store (building a drizzle query costs more than running it).
function prepare(db: Db) {
  return {
    events: db.select().from(schema.events).where(eq(schema.events.caseId, id)).orderBy(asc(schema.events.seq)).prepare(),
    certificatesOf: db.select().from(schema.certificates).where(eq(schema.certificates.caseId, id)).prepare(),
    versions: db.select({ version: schema.definitions.version }).from(schema.definitions)
      .where(and(eq(schema.definitions.id, id), eq(schema.definitions.region, sql.placeholder('region')))).prepare(),
  };
}

// The reads and writes of a transition as plain prepared SQLite statements over the drizzle tables: they run
// thousands of times a second, and drizzle's row and parameter mapping costs as much as SQLite's own work here.
function prepareWrites(sqlite: Database.Database) {
  return {
    updateCase: sqlite.prepare(`update cases set state = @state, role = @role, status = @status, outcome = @outcome, revision = @revision,
      data = @data, verified = @verified, context = @context, audit_head = @auditHead, audit_seal = @auditSeal, reference = coalesce(reference, @reference), updated_at = @updatedAt
      where id = @id and revision = @expected`),
    insertEvent: sqlite.prepare(`insert into events (case_id, seq, at, actor, role, type, from_state, to_state, payload, prev_hash, hash)
      values (@caseId, @seq, @at, @actor, @role, @type, @fromState, @toState, @payload, @prevHash, @hash)`),
    setDeadline: sqlite.prepare(`insert into deadlines (case_id, kind, due_at, met_at, paused_at) values (@caseId, @kind, @dueAt, @metAt, @pausedAt)
      on conflict (case_id, kind) do update set due_at = excluded.due_at, met_at = excluded.met_at, paused_at = excluded.paused_at`),
    meetDeadline: sqlite.prepare('update deadlines set met_at = @metAt where case_id = @id and met_at is null'),
    insertCertificate: sqlite.prepare('insert into certificates (id, case_id, document, issued_at) values (@id, @caseId, @document, @issuedAt)'),
    getCase: sqlite.prepare(`select id, matter_id as matterId, version, region, hash, applicant, state, role, status, outcome, revision, data,
      verified, context, audit_head as auditHead, audit_seal as auditSeal, reference, created_at as createdAt, updated_at as updatedAt from cases where id = ?`),
    deadline: sqlite.prepare("select case_id as caseId, due_at as dueAt, met_at as metAt, paused_at as pausedAt from deadlines where case_id = ? and kind = 'promised'"),
    clearDelays: sqlite.prepare('delete from delays where case_id = ?'),
    insertDelay: sqlite.prepare('insert into delays (case_id, state, delay, event, due_at) values (@caseId, @state, @delay, @event, @dueAt)'),
    fireDelay: sqlite.prepare('delete from delays where case_id = @caseId and state = @state and delay = @delay'),
    delaysOf: sqlite.prepare('select case_id as caseId, state, delay, event, due_at as dueAt from delays where case_id = ? order by due_at, state, delay'),
    migrateCase: sqlite.prepare(`update cases set version = @version, hash = @hash, state = @state, role = @role, status = @status, outcome = @outcome, revision = @revision,
      data = @data, verified = @verified, context = @context, audit_head = @auditHead, audit_seal = @auditSeal, reference = coalesce(reference, @reference), updated_at = @updatedAt
      where id = @id and revision = @expected and matter_id = @matterId and region = @region`),
    caseCounts: sqlite.prepare(`select version, hash, state, status, count(*) as count from cases where matter_id = ? and region = ?
      group by version, hash, state, status order by version, state, status`),
    dueDelays: sqlite.prepare('select case_id as caseId, state, delay, event, due_at as dueAt from delays where due_at <= @now order by due_at, case_id, state, delay limit @limit'),
    dueDelaysAfter: sqlite.prepare('select case_id as caseId, state, delay, event, due_at as dueAt from delays where due_at <= @now and (due_at, case_id, state, delay) > (@dueAt, @caseId, @state, @delay) order by due_at, case_id, state, delay limit @limit'),
  };
}

class SqliteStore implements Store {
  private readonly q;
  private readonly w;
  private readonly s;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly db: Db,
    readOnly = false,
  ) {
    this.q = prepare(db);
    this.w = prepareWrites(sqlite);
    this.s = prepareSecurity(sqlite);
    this.updateTx = sqlite.transaction((expected: number, write: CaseWrite) => this.update(expected, write));
    this.migrateTx = sqlite.transaction((expected: number, write: CaseWrite) => this.update(expected, write, this.w.migrateCase));
    this.catalogue = new SqliteCatalogue(sqlite);
    this.drafts = new SqliteDrafts(sqlite);
    this.files = new SqliteCaseFiles(sqlite);
    this.references = new ReferenceCounter(sqlite);
    if (!readOnly) this.catalogue.rebuildIfMissing(); // a reader finds it built: readers open migrated stores only
  }

  private readonly catalogue: SqliteCatalogue;
  private readonly drafts: SqliteDrafts;
  private readonly files: SqliteCaseFiles;
  private readonly references: ReferenceCounter;

  async searchCatalogue(query: CatalogueQuery): Promise<CataloguePage> {
    return this.catalogue.search(query);
  }

  async createDraft(draft: DraftRecord): Promise<void> {
    this.drafts.create(draft);
  }

  async draft(id: string): Promise<DraftRecord | undefined> {
    return this.drafts.find(id);
  }

  async listDrafts(query: DraftQuery): Promise<DraftRecord[]> {
    return this.drafts.list(query);
  }

  async saveDraft(id: string, expectedRevision: number, definition: unknown, by: string, at: number): Promise<'ok' | 'conflict' | 'missing'> {
    return this.drafts.update(id, expectedRevision, definition, by, at);
  }

  async deleteDraft(id: string, expectedRevision: number): Promise<'ok' | 'conflict' | 'missing'> {
    return this.drafts.delete(id, expectedRevision);
  }

  async versions(matterId: string, region: string): Promise<string[]> {
    return this.q.versions.all({ id: matterId, region }).map((r) => r.version);
  }

  async publish(def: PublishedDefinition): Promise<'published' | 'unchanged' | 'conflict'> {
    return this.sqlite.transaction(() => {
      const existing = this.db.select({ hash: schema.definitions.hash }).from(schema.definitions)
        .where(and(eq(schema.definitions.id, def.id), eq(schema.definitions.version, def.version), eq(schema.definitions.region, def.region))).get();
      if (existing) return existing.hash === def.hash ? 'unchanged' : 'conflict';
      this.db.insert(schema.definitions).values({ id: def.id, version: def.version, region: def.region, hash: def.hash, body: JSON.stringify(def.definition), publishedAt: def.publishedAt, publishedBy: def.publishedBy ?? '' }).run();
      this.catalogue.published(def);
      return 'published';
    }).immediate();
  }

  async getDefinition(id: string, version: string, region: string): Promise<PublishedDefinition | undefined> {
    const row = this.db.select().from(schema.definitions)
      .where(and(eq(schema.definitions.id, id), eq(schema.definitions.version, version), eq(schema.definitions.region, region))).get();
    return row && toDefinition(row);
  }

  async versionHistory(matterId: string, region: string): Promise<VersionRecord[]> {
    const rows = this.db.select({ version: schema.definitions.version, hash: schema.definitions.hash, publishedAt: schema.definitions.publishedAt, publishedBy: schema.definitions.publishedBy })
      .from(schema.definitions).where(and(eq(schema.definitions.id, matterId), eq(schema.definitions.region, region))).all();
    return rows.sort((a, b) => compareVersions(a.version, b.version));
  }

  async definitionByHash(hash: string): Promise<PublishedDefinition | undefined> {
    const row = this.db.select().from(schema.definitions).where(eq(schema.definitions.hash, hash)).limit(1).get();
    return row && toDefinition(row);
  }

  async listDefinitions(): Promise<PublishedDefinition[]> {
    return this.db.select().from(schema.definitions).orderBy(asc(schema.definitions.id), asc(schema.definitions.region)).all().map(toDefinition);
  }

  async createCase(write: CaseWrite): Promise<void> {
    this.sqlite.transaction(() => {
      if (write.reference) this.references.claim(write.reference); // a number taken meanwhile: ReferenceTaken, nothing written
      this.db.insert(schema.cases).values(toCaseRow(write.record)).run();
      this.writeRest(write);
    }).immediate();
  }

  async getCase(caseId: string): Promise<CaseRecord | undefined> {
    const row = this.w.getCase.get(caseId) as CaseRow | undefined;
    return row && toCase(row);
  }

  async updateCase(expectedRevision: number, write: CaseWrite): Promise<'ok' | 'conflict' | 'reference-taken'> {
    try {
      return this.updateTx.immediate(expectedRevision, write);
    } catch (error) {
      if (error instanceof ReferenceTaken) return 'reference-taken';
      // thrown inside the transaction, which rolled back
      if (error instanceof DelayGone || error instanceof UploadGone || error instanceof RevisionMoved) return 'conflict';
      throw error;
    }
  }

  // Made once: better-sqlite3 wraps the function in BEGIN IMMEDIATE … COMMIT (ROLLBACK on a throw).
  private readonly updateTx;

  async migrateCase(expectedRevision: number, write: CaseWrite): Promise<'ok' | 'conflict'> {
    try {
      return this.migrateTx.immediate(expectedRevision, write);
    } catch (error) {
      if (error instanceof DelayGone) return 'conflict';
      throw error;
    }
  }

  private readonly migrateTx;

  // The row (a transition's, or a migration's with its version and hash) and the rest of the write, in one transaction.
  private update(expectedRevision: number, write: CaseWrite, statement = this.w.updateCase): 'ok' | 'conflict' {
    const row = toCaseRow(write.record);
    // the reference is claimed before the row takes it: a number a racing submit took is the counter's refusal, not
    // the unique index's (and a refused row then rolls the claim back)
    if (write.reference) this.references.claim(write.reference);
    const result = statement.run({ ...row, expected: expectedRevision });
    if (result.changes !== 1) {
      if (write.reference) throw new RevisionMoved();
      return 'conflict';
    }
    // a fired delay must still be pending: the delete and the case update commit together, or neither does
    if (write.fires && this.w.fireDelay.run(write.fires).changes !== 1) throw new DelayGone();
    this.writeRest(write);
    return 'ok';
  }

  async listCases(query: CaseQuery): Promise<CaseRecord[]> {
    return selectCases(this.db, query).map(toCase);
  }

  async countCases(query: CaseQuery): Promise<number> {
    return countCases(this.db, query);
  }

  async caseFacets(query: CaseQuery): Promise<CaseFacet[]> {
    return caseFacets(this.db, query);
  }

  async lastReference(year: number): Promise<number> {
    return this.references.lastOf(year);
  }

  async caseCounts(matterId: string, region: string): Promise<CaseCount[]> {
    return this.w.caseCounts.all(matterId, region) as CaseCount[];
  }

  async casesOnVersion(matterId: string, region: string, version: string, statuses: readonly CaseStatus[]): Promise<CaseRecord[]> {
    if (statuses.length === 0) return [];
    return this.db.select().from(schema.cases)
      .where(and(eq(schema.cases.matterId, matterId), eq(schema.cases.region, region), eq(schema.cases.version, version), inArray(schema.cases.status, [...statuses])))
      .orderBy(asc(schema.cases.createdAt), asc(schema.cases.id)).all().map(toCase);
  }

  async events(caseId: string): Promise<AuditEvent[]> {
    return this.q.events.all({ id: caseId }).map(toEvent);
  }

  async deadline(caseId: string) {
    const row = this.w.deadline.get(caseId) as { caseId: string; dueAt: number; metAt: number | null; pausedAt: number | null } | undefined;
    return row && { caseId: row.caseId, kind: 'promised' as const, dueAt: row.dueAt, metAt: row.metAt ?? undefined, ...(row.pausedAt === null ? {} : { pausedAt: row.pausedAt }) };
  }

  async overdue(now: number) {
    return this.db.select({ caseId: schema.deadlines.caseId, dueAt: schema.deadlines.dueAt }).from(schema.deadlines)
      .where(and(isNull(schema.deadlines.metAt), isNull(schema.deadlines.pausedAt), lt(schema.deadlines.dueAt, now))).orderBy(asc(schema.deadlines.dueAt)).all();
  }

  async delaysOf(caseId: string): Promise<DueDelay[]> {
    return this.w.delaysOf.all(caseId) as DueDelay[];
  }

  async dueDelays(now: number, limit: number, after?: Pick<DueDelay, 'dueAt' | 'caseId' | 'state' | 'delay'>): Promise<DueDelay[]> {
    if (after) return this.w.dueDelaysAfter.all({ now, limit, dueAt: after.dueAt, caseId: after.caseId, state: after.state, delay: after.delay }) as DueDelay[];
    return this.w.dueDelays.all({ now, limit }) as DueDelay[];
  }

  async certificate(id: string): Promise<StoredCertificate | undefined> {
    const row = this.db.select().from(schema.certificates).where(eq(schema.certificates.id, id)).get();
    return row && { id: row.id, caseId: row.caseId, document: JSON.parse(row.document), issuedAt: row.issuedAt };
  }

  async certificatesOf(caseId: string): Promise<StoredCertificate[]> {
    return this.q.certificatesOf.all({ id: caseId }).map((row) => ({ id: row.id, caseId: row.caseId, document: JSON.parse(row.document), issuedAt: row.issuedAt }));
  }

  async recordUpload(file: Omit<CaseFile, 'referencedSeq'>): Promise<void> {
    this.files.record(file);
  }

  async filesOf(caseId: string): Promise<CaseFile[]> {
    return this.files.of(caseId);
  }

  async sweepUploads(uploadedBefore: number): Promise<string[]> {
    return this.files.sweep(uploadedBefore);
  }

  async holdsFile(sha256: string): Promise<boolean> {
    return this.files.holds(sha256);
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.s.insertSession.run(toSessionRow(session));
  }

  async session(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = this.s.sessionByToken.get(tokenHash) as SessionRow | undefined;
    return row && toSession(row);
  }

  async touchSession(id: string, at: number): Promise<void> {
    this.s.touchSession.run({ id, at });
  }

  async sessionsOf(userId: string): Promise<SessionRecord[]> {
    return (this.s.sessionsOf.all(userId) as SessionRow[]).map(toSession);
  }

  async endSession(id: string, userId: string): Promise<boolean> {
    return this.s.endSession.run({ id, userId }).changes === 1;
  }

  async endOtherSessions(userId: string, keepId: string): Promise<string[]> {
    return (this.s.endOtherSessions.all({ userId, keepId }) as { id: string }[]).map((r) => r.id);
  }

  async purgeSessions(now: number, idleSince: number): Promise<number> {
    return this.s.purgeSessions.run({ now, idleSince }).changes;
  }

  async throttle(key: string): Promise<ThrottleRecord | undefined> {
    return this.s.throttle.get(key) as ThrottleRecord | undefined;
  }

  async updateThrottle(key: string, update: (current: ThrottleRecord | undefined) => ThrottleRecord | undefined): Promise<ThrottleRecord | undefined> {
    // read and write in one IMMEDIATE transaction: another process's update waits instead of being lost
    return this.sqlite.transaction(() => {
      const next = update(this.s.throttle.get(key) as ThrottleRecord | undefined);
      if (next) this.s.putThrottle.run({ ...next, key });
      else this.s.deleteThrottle.run(key);
      return next && { ...next, key };
    }).immediate();
  }

  async purgeThrottles(quietSince: number): Promise<number> {
    return this.s.purgeThrottles.run(quietSince).changes;
  }

  async appendSecurityEvent(e: SecurityEvent): Promise<void> {
    this.s.appendSecurityEvent.run(e);
  }

  async securityEvents(query: SecurityEventQuery): Promise<LoggedSecurityEvent[]> {
    return this.s.securityEvents.all({ limit: query.limit, before: query.before ?? null, username: query.username ?? null }) as LoggedSecurityEvent[];
  }

  async close(): Promise<void> {
    this.sqlite.close();
  }

  // Audit events, deadline and certificates of one write (called inside its transaction).
  private writeRest(write: CaseWrite): void {
    for (const e of write.events) {
      this.w.insertEvent.run({ caseId: e.caseId, seq: e.seq, at: e.at, actor: e.actor, role: e.role, type: e.type, fromState: e.from ?? null, toState: e.to ?? null, payload: JSON.stringify(e.payload ?? null), prevHash: e.prevHash, hash: e.hash });
    }
    const d = write.deadline;
    if (d?.set) this.w.setDeadline.run({ caseId: d.set.caseId, kind: d.set.kind, dueAt: d.set.dueAt, metAt: d.set.metAt ?? null, pausedAt: d.set.pausedAt ?? null });
    if (d?.meet !== undefined) this.w.meetDeadline.run({ id: write.record.id, metAt: d.meet });
    if (write.delays) {
      this.w.clearDelays.run(write.record.id);
      for (const d of write.delays) this.w.insertDelay.run({ caseId: d.caseId, state: d.state, delay: d.delay, event: d.event, dueAt: d.dueAt });
    }
    if (write.files?.length) this.files.reference(write.files, write.events[0]!.seq);
    for (const c of write.certificates ?? []) this.w.insertCertificate.run({ id: c.id, caseId: c.caseId, document: JSON.stringify(c.document), issuedAt: c.issuedAt });
  }
}

// Thrown inside an update's transaction when the delay it fires is no longer pending: rolls the update back.
class DelayGone extends Error {}

// Thrown inside an update's transaction when the case moved on after the write claimed a reference: rolls the claim back.
class RevisionMoved extends Error {}

const toDefinition = (row: typeof schema.definitions.$inferSelect): PublishedDefinition => ({
  id: row.id, version: row.version, region: row.region, hash: row.hash, definition: JSON.parse(row.body), publishedAt: row.publishedAt,
  ...(row.publishedBy ? { publishedBy: row.publishedBy } : {}),
});

const toCaseRow = (c: CaseRecord): CaseRow => ({
  id: c.id, matterId: c.matterId, version: c.version, region: c.region, hash: c.hash, applicant: c.applicant, state: c.state,
  role: c.role ?? null, status: c.status, outcome: c.outcome ?? null, revision: c.revision, data: JSON.stringify(c.data ?? null),
  verified: JSON.stringify(c.verified), context: JSON.stringify(c.context), auditHead: c.auditHead, auditSeal: c.auditSeal ?? '', reference: c.reference ?? null,
  createdAt: c.createdAt, updatedAt: c.updatedAt,
});

const toCase = (row: CaseRow): CaseRecord => ({
  id: row.id, matterId: row.matterId, version: row.version, region: row.region, hash: row.hash, applicant: row.applicant, state: row.state,
  role: row.role ?? undefined, status: row.status as CaseRecord['status'], outcome: row.outcome ?? undefined, revision: row.revision,
  data: JSON.parse(row.data), verified: JSON.parse(row.verified), context: JSON.parse(row.context), auditHead: row.auditHead,
  ...(row.auditSeal ? { auditSeal: row.auditSeal } : {}), ...(row.reference ? { reference: row.reference } : {}), createdAt: row.createdAt, updatedAt: row.updatedAt, // '' is no seal
});

const toEvent = (row: EventRow): AuditEvent => ({
  caseId: row.caseId, seq: row.seq, at: row.at, actor: row.actor, role: row.role, type: row.type, from: row.fromState ?? undefined,
  to: row.toState ?? undefined, payload: JSON.parse(row.payload), prevHash: row.prevHash, hash: row.hash,
});

// Sessions, sign-in throttles and the security log: plain prepared statements over the drizzle tables (a session is
// read on every request).
function prepareSecurity(sqlite: Database.Database) {
  const session = `select id, token_hash as tokenHash, user_id as userId, role, subject, name, region, department, created_at as createdAt, last_seen_at as lastSeenAt,
    expires_at as expiresAt, address, user_agent as userAgent from sessions`;
  const throttle = 'select key, failures, last_failure_at as lastFailureAt, blocked_until as blockedUntil from sign_in_throttles';
  return {
    insertSession: sqlite.prepare(`insert into sessions (id, token_hash, user_id, role, subject, name, region, department, created_at, last_seen_at, expires_at, address, user_agent)
      values (@id, @tokenHash, @userId, @role, @subject, @name, @region, @department, @createdAt, @lastSeenAt, @expiresAt, @address, @userAgent)`),
    sessionByToken: sqlite.prepare(`${session} where token_hash = ?`),
    sessionsOf: sqlite.prepare(`${session} where user_id = ? order by created_at desc, id`),
    touchSession: sqlite.prepare('update sessions set last_seen_at = @at where id = @id and last_seen_at < @at'),
    endSession: sqlite.prepare('delete from sessions where id = @id and user_id = @userId'),
    endOtherSessions: sqlite.prepare('delete from sessions where user_id = @userId and id <> @keepId returning id'),
    purgeSessions: sqlite.prepare('delete from sessions where expires_at <= @now or last_seen_at <= @idleSince'),
    throttle: sqlite.prepare(`${throttle} where key = ?`),
    putThrottle: sqlite.prepare(`insert into sign_in_throttles (key, failures, last_failure_at, blocked_until) values (@key, @failures, @lastFailureAt, @blockedUntil)
      on conflict (key) do update set failures = excluded.failures, last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until`),
    deleteThrottle: sqlite.prepare('delete from sign_in_throttles where key = ?'),
    purgeThrottles: sqlite.prepare('delete from sign_in_throttles where max(last_failure_at, blocked_until) < ?'),
    appendSecurityEvent: sqlite.prepare('insert into security_log (at, kind, username, address, user_agent, detail) values (@at, @kind, @username, @address, @userAgent, @detail)'),
    securityEvents: sqlite.prepare(`select seq, at, kind, username, address, user_agent as userAgent, detail from security_log
      where (@before is null or seq < @before) and (@username is null or username = @username) order by seq desc limit @limit`),
  };
}

type SessionRow = Omit<SessionRecord, 'user'> & { userId: string; role: string; subject: string; name: string; region: string | null; department: string | null };

const toSessionRow = (s: SessionRecord): SessionRow => ({
  id: s.id, tokenHash: s.tokenHash, userId: s.user.id, role: s.user.role, subject: s.user.subject, name: s.user.name, region: s.user.region ?? null, department: s.user.department ?? null, createdAt: s.createdAt,
  lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt, address: s.address, userAgent: s.userAgent,
});

const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id, tokenHash: row.tokenHash, user: { id: row.userId, role: row.role, subject: row.subject, name: row.name, ...(row.region ? { region: row.region } : {}), ...(row.department ? { department: row.department } : {}) }, createdAt: row.createdAt,
  lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt, address: row.address, userAgent: row.userAgent,
});
