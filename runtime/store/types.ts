/** What the runtime keeps, independent of the database: published definitions, cases, audit events, certificates. */
import type { MatterDefinition } from '../../engine/index.ts';

/** A published definition version: immutable, keyed by id + version, with the hash of its content. */
export interface PublishedDefinition {
  readonly id: string;
  readonly version: string;
  /** A region code: variants of one matter version differ by region. */
  readonly region: string;
  readonly hash: string;
  readonly definition: MatterDefinition;
  readonly publishedAt: number;
  /** Who published it (a user id); '' for versions published from files. */
  readonly publishedBy?: string;
}

export type CaseStatus = 'draft' | 'active' | 'done';

/** One applicant's run of a matter, pinned to the definition version (and hash) it started on. */
export interface CaseRecord {
  readonly id: string;
  readonly matterId: string;
  readonly version: string;
  readonly region: string;
  readonly hash: string;
  readonly applicant: string;
  /**
   * Current process state — the path of each atomic state the case is in, joined by "," (flat processes: the state's
   * name) — and the role that acts in it: in a parallel state, each region's role, space-separated (undefined in
   * final states).
   */
  readonly state: string;
  readonly role: string | undefined;
  readonly status: CaseStatus;
  readonly outcome: string | undefined;
  /** Optimistic concurrency: every change increments it; a writer must name the revision it read. */
  readonly revision: number;
  readonly data: unknown;
  /** Verified values prefilled from shared data (data pointer → value); submit refuses changes to them. */
  readonly verified: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
  /** Hash of the newest audit event (event `revision`): the next event chains to it without reading the trail. */
  readonly auditHead: string;
  /** Keyed MAC over (id, revision, audit head) from the runtime's audit key; absent on cases written before seals. */
  readonly auditSeal?: string;
  /** The human-readable reference (`ZJ-2026-000123`), given once at the first submission; absent while a draft. */
  readonly reference?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One append-only audit event, chained to the previous one by hash. */
export interface AuditEvent {
  readonly caseId: string;
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly role: string;
  readonly type: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly payload: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** A deadline row: the promised time limit of a case, kept as data so it survives restarts. */
export interface Deadline {
  readonly caseId: string;
  readonly kind: 'promised';
  readonly dueAt: number;
  readonly metAt: number | undefined;
  /** Since when the clock stands still (a supplement is awaited): not overdue meanwhile; absent while it runs. */
  readonly pausedAt?: number | undefined;
}

/** A pending delayed transition of a case: due when the case has stayed `delay` in `state` (entered at dueAt - delay). */
export interface DueDelay {
  readonly caseId: string;
  readonly state: string;
  /** The `after` key as the definition writes it (ms, or an ISO 8601 duration). */
  readonly delay: string;
  /** The event the delay sends (XState's `xstate.after.<delay>.<state id>`). */
  readonly event: string;
  readonly dueAt: number;
}

/** A signed e-certificate as stored. */
export interface StoredCertificate {
  readonly id: string;
  readonly caseId: string;
  readonly document: unknown;
  readonly issuedAt: number;
}

/** The change one transition writes, all in one transaction. */
export interface CaseWrite {
  readonly record: CaseRecord;
  readonly events: readonly AuditEvent[];
  readonly deadline?: { readonly set?: Deadline; readonly meet?: number };
  readonly certificates?: readonly StoredCertificate[];
  /** When set, the case's pending delays are replaced by these (the case entered a state, or left one). */
  readonly delays?: readonly DueDelay[];
  /**
   * A delay this write fires: the write is refused ('conflict') unless that pending row still exists, so a delay
   * fires once however many sweeps race for it.
   */
  readonly fires?: { readonly caseId: string; readonly state: string; readonly delay: string };
  /**
   * Uploaded files this write's first event references: each must be an upload recorded for the case and material
   * (else the write is refused, 'conflict'); it is marked referenced by that event, in the same transaction.
   */
  readonly files?: readonly FileReference[];
  /**
   * The reference number this write gives the case (its first submission): claimed in the same transaction, and
   * refused ('reference-taken', nothing written) unless it is the year's next one, so racing submits never share one.
   */
  readonly reference?: ReferenceClaim;
}

/** A claim on the next reference number of a year (China Standard Time). */
export interface ReferenceClaim {
  readonly year: number;
  /** Must be the year's last number given plus one. */
  readonly seq: number;
}

/** An evidence file uploaded for one material of a case (the bytes are in the file store, by sha256). */
export interface CaseFile {
  readonly caseId: string;
  readonly materialId: string;
  /** Hex sha256 of the content: its name in the file store. */
  readonly sha256: string;
  readonly size: number;
  /** The media type its content was recognised as. */
  readonly type: string;
  readonly uploadedBy: string;
  readonly uploadedAt: number;
  /** The seq of the audit event that referenced it; undefined while it is not part of the case yet. */
  readonly referencedSeq: number | undefined;
}

/** A file a case event references: one uploaded for that case and material. */
export interface FileReference {
  readonly caseId: string;
  readonly materialId: string;
  readonly sha256: string;
}

/** The number of cases of one matter and region on one version (and hash), in one state with one status. */
export interface CaseCount {
  readonly version: string;
  readonly hash: string;
  readonly state: string;
  readonly status: CaseStatus;
  readonly count: number;
}

/** How many of a query's cases sit in one state of one matter version in one region. */
export interface CaseFacet {
  readonly matterId: string;
  readonly version: string;
  readonly region: string;
  readonly state: string;
  readonly count: number;
}

export interface CaseQuery {
  /** Cases at a step this role owns (in a parallel state, one of its regions' roles). */
  readonly role?: string;
  /** Cases at a step any of these roles owns (a staff member's role and their department's: clerk, police-clerk). */
  readonly roles?: readonly string[];
  readonly status?: CaseStatus;
  readonly applicant?: string;
  readonly matterId?: string;
  /** The region code of the definition the case runs on. */
  readonly region?: string;
  /** A state's path: cases in it, or (in a compound or parallel state) with a leaf at or below it. */
  readonly state?: string;
  /** A reference or its beginning, any case (`zj-2026-0001` finds ZJ-2026-000123); cases without one never match. */
  readonly reference?: string;
  /** Only cases overdue (or, with false, not overdue) at `now`: the promised deadline passed, neither met nor paused. */
  readonly overdue?: { readonly now: number; readonly overdue: boolean };
  /** oldest (default): created first; newest: created last; due: the soonest promised deadline first, none last. */
  readonly order?: 'oldest' | 'newest' | 'due';
  /** A page: skip `offset` cases, return at most `limit` (default: all). */
  readonly offset?: number;
  readonly limit?: number;
}

/** Who a session belongs to, as signed in (a snapshot: the role and name at sign-in). */
export interface SessionUser {
  readonly id: string;
  readonly role: string;
  readonly subject: string;
  readonly name: string;
  /** The region an official's authority covers (a GB/T 2260 code). */
  readonly region?: string;
  /** The department a staff member acts for (police, health, …). */
  readonly department?: string;
}

/** A signed-in session. The store keeps the sha256 of the cookie's token, never the token itself. */
export interface SessionRecord {
  /** A random public id (not the token): listing and ending sessions name it. */
  readonly id: string;
  /** Hex sha256 of the session token. */
  readonly tokenHash: string;
  readonly user: SessionUser;
  readonly createdAt: number;
  /** The last request recorded (written at most about once a minute, not on every request). */
  readonly lastSeenAt: number;
  /** The absolute end of the session, however active. */
  readonly expiresAt: number;
  /** The client address and user agent at sign-in. */
  readonly address: string;
  readonly userAgent: string;
}

/** Failed sign-ins counted against one key (`user:<name>` or `address:<ip>`). */
export interface ThrottleRecord {
  readonly key: string;
  readonly failures: number;
  readonly lastFailureAt: number;
  /** Attempts before this time are refused without checking the password. */
  readonly blockedUntil: number;
}

export type SecurityEventKind = 'sign-in' | 'sign-in-failed' | 'sign-in-throttled' | 'sign-out' | 'session-revoked';

/** One line of the security log: sign-in attempts, sign-outs and revoked sessions. */
export interface SecurityEvent {
  readonly at: number;
  readonly kind: SecurityEventKind;
  /** The user name given (for failed attempts, possibly no account's). */
  readonly username: string;
  readonly address: string;
  readonly userAgent: string;
  readonly detail: string;
}

/** A security event as stored, numbered in the order written. */
export interface LoggedSecurityEvent extends SecurityEvent {
  readonly seq: number;
}

/** A page of the security log, newest first. */
export interface SecurityEventQuery {
  readonly limit: number;
  /** Only events numbered below this (the next page). */
  readonly before?: number;
  readonly username?: string;
}

/**
 * The store interface. One contract suite (test/store-contract.ts) runs against every implementation. Methods are
 * async so a networked store (PostgreSQL) fits the same interface.
 */
export interface Store extends DesignStore {
  /** Publishes a version; the same id + version + region with other content is refused ('conflict'). */
  publish(def: PublishedDefinition): Promise<'published' | 'unchanged' | 'conflict'>;
  getDefinition(id: string, version: string, region: string): Promise<PublishedDefinition | undefined>;
  /** The published version with this content hash (the hash cases are pinned to). */
  definitionByHash(hash: string): Promise<PublishedDefinition | undefined>;
  listDefinitions(): Promise<PublishedDefinition[]>;
  /** The published versions of one matter in one region (without their bodies). */
  versions(matterId: string, region: string): Promise<string[]>;
  /** Who published each version of one matter in one region, and when (without bodies), oldest version first. */
  versionHistory(matterId: string, region: string): Promise<VersionRecord[]>;
  /** Creates a case with its first audit event. */
  createCase(write: CaseWrite): Promise<void>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  /**
   * Writes a transition if the stored revision still equals `expectedRevision`; else 'conflict' and nothing changes.
   * A write claiming a reference number another write took first is refused as 'reference-taken' (nothing changes).
   */
  updateCase(expectedRevision: number, write: CaseWrite): Promise<'ok' | 'conflict' | 'reference-taken'>;
  /** The cases a query selects, in its order, one page of them when it names one. */
  listCases(query: CaseQuery): Promise<CaseRecord[]>;
  /** How many cases a query selects, whatever its page. */
  countCases(query: CaseQuery): Promise<number>;
  /** The last reference number given in `year` (0 when none): the next submission claims the one after it. */
  lastReference(year: number): Promise<number>;
  /** What a query's cases hold, for filter choices: each matter version, region and state with how many cases. */
  caseFacets(query: CaseQuery): Promise<CaseFacet[]>;
  /** How many cases of one matter in one region sit on each version, state and status (moving cases to a new version). */
  caseCounts(matterId: string, region: string): Promise<CaseCount[]>;
  /** The cases of one matter in one region pinned to `version` with one of `statuses`, oldest first. */
  casesOnVersion(matterId: string, region: string, version: string, statuses: readonly CaseStatus[]): Promise<CaseRecord[]>;
  /**
   * Writes a case's move to another version of its matter: as updateCase (guarded by the revision, all or nothing),
   * and the row's version and hash are re-pinned to the record's.
   */
  migrateCase(expectedRevision: number, write: CaseWrite): Promise<'ok' | 'conflict'>;
  events(caseId: string): Promise<AuditEvent[]>;
  deadline(caseId: string): Promise<Deadline | undefined>;
  /** Cases whose promised deadline passed before `now` and is neither met nor paused. */
  overdue(now: number): Promise<{ caseId: string; dueAt: number }[]>;
  /** A case's pending delays, soonest first. */
  delaysOf(caseId: string): Promise<DueDelay[]>;
  /**
   * Pending delays due at or before `now`, soonest first (by due time, case id, state, delay), at most `limit`; with `after`,
   * only those ordered after it (a sweep pages past rows it cannot fire, such as a tampered case's).
   */
  dueDelays(now: number, limit: number, after?: Pick<DueDelay, 'dueAt' | 'caseId' | 'state' | 'delay'>): Promise<DueDelay[]>;
  certificate(id: string): Promise<StoredCertificate | undefined>;
  certificatesOf(caseId: string): Promise<StoredCertificate[]>;
  /** Records a completed upload (again: a file not referenced yet counts as uploaded now, so the sweep waits anew). */
  recordUpload(file: Omit<CaseFile, 'referencedSeq'>): Promise<void>;
  /** A case's uploaded files, referenced or not, by material then upload time. */
  filesOf(caseId: string): Promise<CaseFile[]>;
  /**
   * Deletes the uploads no event referenced that were uploaded before `uploadedBefore`; returns the hashes no row
   * holds any more (their content may be deleted from the file store).
   */
  sweepUploads(uploadedBefore: number): Promise<string[]>;
  /** Whether any case holds a file with this hash (uploaded or referenced). */
  holdsFile(sha256: string): Promise<boolean>;
  createSession(session: SessionRecord): Promise<void>;
  /** The session whose token hashes to `tokenHash` (expired ones too: the caller checks the times). */
  session(tokenHash: string): Promise<SessionRecord | undefined>;
  /** Records a request: moves last-seen forward to `at` (never back, so several nodes may touch one session). */
  touchSession(id: string, at: number): Promise<void>;
  /** A user's sessions, newest first. */
  sessionsOf(userId: string): Promise<SessionRecord[]>;
  /** Ends (deletes) a session of `userId`; false when it has no such session. */
  endSession(id: string, userId: string): Promise<boolean>;
  /** Ends every session of `userId` except `keepId`; the ids ended. */
  endOtherSessions(userId: string, keepId: string): Promise<string[]>;
  /** Deletes sessions expired at `now` or not seen since `idleSince`; how many. */
  purgeSessions(now: number, idleSince: number): Promise<number>;
  throttle(key: string): Promise<ThrottleRecord | undefined>;
  /**
   * Replaces a throttle with `update(current)` atomically (no concurrent update is lost, across nodes too);
   * `undefined` deletes it. `update` must be pure and synchronous: a networked store may call it again on a retry.
   */
  updateThrottle(key: string, update: (current: ThrottleRecord | undefined) => ThrottleRecord | undefined): Promise<ThrottleRecord | undefined>;
  /** Deletes throttles with no failure and no block since `quietSince`; how many. */
  purgeThrottles(quietSince: number): Promise<number>;
  appendSecurityEvent(event: SecurityEvent): Promise<void>;
  /** The security log, newest first. */
  securityEvents(query: SecurityEventQuery): Promise<LoggedSecurityEvent[]>;
  close(): Promise<void>;
}

/** One published version in a matter's history. */
export interface VersionRecord {
  readonly version: string;
  readonly hash: string;
  readonly publishedAt: number;
  readonly publishedBy: string;
}

/** The newest published version of one matter in one region, as the catalogue browser lists it (no body). */
export interface CatalogueEntry {
  readonly id: string;
  readonly region: string;
  readonly version: string;
  readonly kind: 'baseline' | 'variant';
  /** The region's level: province, city, county, … */
  readonly level: string;
  readonly regionName: { readonly zh: string; readonly en: string };
  readonly title: { readonly zh: string; readonly en: string };
  readonly department: string;
  /** A variant's baseline version. */
  readonly baselineVersion: string | undefined;
  /** A composed one-thing bundle's life event (national vocabulary) and whether it is a person's or an enterprise's. */
  readonly bundle: { readonly event: string; readonly eventType: string } | undefined;
  readonly hash: string;
  readonly publishedAt: number;
  readonly publishedBy: string;
}

/** What the catalogue browser asks: free text (title, id, department), filters, and a page. */
export interface CatalogueQuery {
  /** Matched against the id, both titles and the department, case-insensitively. */
  readonly text?: string;
  readonly kind?: 'baseline' | 'variant';
  readonly level?: string;
  /** A region code: that region and the regions inside it (by the GB/T 2260 code prefix). */
  readonly region?: string;
  readonly matterId?: string;
  readonly department?: string;
  readonly offset: number;
  readonly limit: number;
}

export interface CataloguePage {
  readonly total: number;
  readonly entries: readonly CatalogueEntry[];
}

/** An official's draft of a definition: any JSON while it is edited, guarded by a revision. */
export interface DraftRecord {
  readonly id: string;
  readonly matterId: string;
  readonly region: string;
  readonly kind: 'baseline' | 'variant';
  /** The published version it started from; undefined for a new matter. */
  readonly baseVersion: string | undefined;
  readonly definition: unknown;
  readonly revision: number;
  readonly createdBy: string;
  readonly updatedBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface DraftQuery {
  readonly matterId?: string;
  readonly region?: string;
  readonly createdBy?: string;
}

/** The catalogue browser's and the designer's part of a store: the catalogue index and drafts. */
export interface DesignStore {
  /** A page of the catalogue (newest version per matter and region), ordered by matter id then region. */
  searchCatalogue(query: CatalogueQuery): Promise<CataloguePage>;
  createDraft(draft: DraftRecord): Promise<void>;
  draft(id: string): Promise<DraftRecord | undefined>;
  /** Drafts, newest first. */
  listDrafts(query: DraftQuery): Promise<DraftRecord[]>;
  /** Saves a draft if its stored revision still equals `expectedRevision` (the new revision is one more). */
  saveDraft(id: string, expectedRevision: number, definition: unknown, by: string, at: number): Promise<'ok' | 'conflict' | 'missing'>;
  /** Deletes a draft if its stored revision still equals `expectedRevision`. */
  deleteDraft(id: string, expectedRevision: number): Promise<'ok' | 'conflict' | 'missing'>;
}
