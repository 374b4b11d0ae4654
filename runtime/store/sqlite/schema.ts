/** The SQLite tables (drizzle). Migrations in ./migrations are generated from this file with drizzle-kit. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const definitions = sqliteTable(
  'definitions',
  {
    id: text('id').notNull(),
    version: text('version').notNull(),
    region: text('region').notNull(),
    hash: text('hash').notNull(),
    body: text('body').notNull(),
    publishedAt: integer('published_at').notNull(),
    /** Who published it (a user id; '' for versions published from files). */
    publishedBy: text('published_by').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.id, t.version, t.region] }), index('definitions_hash').on(t.hash)],
);

/**
 * The catalogue as officials browse it: the newest published version of each matter in each region, with the
 * columns search and filters need, kept by every publish (so browsing 200,000 variants never parses a body).
 */
export const catalogue = sqliteTable(
  'catalogue',
  {
    id: text('id').notNull(),
    region: text('region').notNull(),
    version: text('version').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    regionName: text('region_name').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    department: text('department').notNull(),
    baselineVersion: text('baseline_version'),
    /** A composed one-thing bundle's life event and its vocabulary (the definition's `bundle`); null for a matter. */
    bundleEvent: text('bundle_event'),
    bundleEventType: text('bundle_event_type'),
    hash: text('hash').notNull(),
    publishedAt: integer('published_at').notNull(),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.region] }), index('catalogue_kind').on(t.kind, t.id), index('catalogue_region').on(t.region)],
);

/** Officials' drafts: a definition being edited (valid or not), guarded by a revision so concurrent editors never lose work. */
export const drafts = sqliteTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id').notNull(),
    region: text('region').notNull(),
    kind: text('kind').notNull(),
    /** The published version the draft started from (undefined for a new matter). */
    baseVersion: text('base_version'),
    body: text('body').notNull(),
    revision: integer('revision').notNull(),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('drafts_matter').on(t.matterId, t.region)],
);

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id').notNull(),
    version: text('version').notNull(),
    region: text('region').notNull(),
    hash: text('hash').notNull(),
    applicant: text('applicant').notNull(),
    state: text('state').notNull(),
    role: text('role'),
    status: text('status').notNull(),
    outcome: text('outcome'),
    revision: integer('revision').notNull(),
    data: text('data').notNull(),
    verified: text('verified').notNull(),
    context: text('context').notNull(),
    auditHead: text('audit_head').notNull(),
    /** Keyed MAC over (case id, revision, audit head): a chain rewritten without the runtime's key does not verify. */
    auditSeal: text('audit_seal').notNull().default(''),
    /** The human-readable reference (ZJ-2026-000123), given at the first submission; null while a draft. */
    reference: text('reference'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('cases_role_status').on(t.role, t.status), index('cases_applicant').on(t.applicant),
    // the running cases of one matter version in one region (moving cases to a new version)
    index('cases_matter_version').on(t.matterId, t.region, t.version, t.status),
    // unique where set (SQLite's unique index lets NULLs repeat); a reference prefix search reads it as a range
    uniqueIndex('cases_reference').on(t.reference),
    // the lists' filters by region, and their order (submitted first, then the id)
    index('cases_region').on(t.region, t.status), index('cases_created').on(t.createdAt, t.id),
  ],
);

/** The last reference number given in each year (China Standard Time): claimed with the submit that takes it. */
export const referenceCounters = sqliteTable('reference_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const events = sqliteTable(
  'events',
  {
    caseId: text('case_id').notNull(),
    seq: integer('seq').notNull(),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);

export const deadlines = sqliteTable(
  'deadlines',
  {
    caseId: text('case_id').notNull(),
    kind: text('kind').notNull(),
    dueAt: integer('due_at').notNull(),
    metAt: integer('met_at'),
    // while a supplement is awaited the clock stands still: not overdue, and the due time moves on resumption
    pausedAt: integer('paused_at'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind] }), index('deadlines_due').on(t.dueAt)],
);

/**
 * Pending delayed transitions (a state's `after`): written when a case enters the state, deleted when it leaves or
 * the delay fires, so they survive restarts (XState's own timers do not). `event` is XState's after-event type.
 */
export const delays = sqliteTable(
  'delays',
  {
    caseId: text('case_id').notNull(),
    state: text('state').notNull(),
    delay: text('delay').notNull(),
    event: text('event').notNull(),
    dueAt: integer('due_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.state, t.delay] }), index('delays_due').on(t.dueAt)],
);

export const certificates = sqliteTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    document: text('document').notNull(),
    issuedAt: integer('issued_at').notNull(),
  },
  (t) => [index('certificates_case').on(t.caseId)],
);

/** Signed-in sessions: the sha256 of the cookie's token (never the token), who, when and from where. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id').notNull(),
    role: text('role').notNull(),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    /** The region an official's authority covers. */
    region: text('region'),
    /** The department a staff member acts for (police, health, …): their one-thing bundles' steps. */
    department: text('department'),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    address: text('address').notNull(),
    userAgent: text('user_agent').notNull(),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.userId), index('sessions_expiry').on(t.expiresAt)],
);

/** Failed sign-ins per user name and per address, and until when further attempts wait. */
export const signInThrottles = sqliteTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: integer('last_failure_at').notNull(),
  blockedUntil: integer('blocked_until').notNull(),
});

/** The security log: sign-in attempts (ok, failed, throttled), sign-outs and revoked sessions. Append-only. */
export const securityLog = sqliteTable(
  'security_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    kind: text('kind').notNull(),
    username: text('username').notNull(),
    address: text('address').notNull(),
    userAgent: text('user_agent').notNull(),
    detail: text('detail').notNull(),
  },
  (t) => [index('security_log_user').on(t.username, t.seq)],
);

/**
 * Evidence files uploaded for a case's materials, by content hash (the bytes are in the file store). A row is written
 * when an upload completes; `referenced_seq` is set by the transaction of the audit event that first referenced it
 * (submit, a supplement), and until then the row is a candidate for the sweep of unreferenced uploads.
 */
export const caseFiles = sqliteTable(
  'case_files',
  {
    caseId: text('case_id').notNull(),
    materialId: text('material_id').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** The media type its content was recognised as (application/pdf, image/jpeg, image/png). */
    type: text('type').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: integer('uploaded_at').notNull(),
    /** The seq of the audit event that referenced it; null while unreferenced. */
    referencedSeq: integer('referenced_seq'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.materialId, t.sha256] }), index('case_files_sha256').on(t.sha256), index('case_files_uploaded').on(t.uploadedAt)],
);
