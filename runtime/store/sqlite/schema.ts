/** The SQLite tables (drizzle). Migrations in ./migrations are generated from this file with drizzle-kit. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const definitions = sqliteTable(
  'definitions',
  {
    id: text('id').notNull(),
    version: text('version').notNull(),
    region: text('region').notNull(),
    hash: text('hash').notNull(),
    body: text('body').notNull(),
    publishedAt: integer('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version, t.region] })],
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
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('cases_role_status').on(t.role, t.status), index('cases_applicant').on(t.applicant)],
);

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
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind] }), index('deadlines_due').on(t.dueAt)],
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
