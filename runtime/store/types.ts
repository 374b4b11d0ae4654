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
  /** Current process state and the role that acts in it (undefined in final states). */
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
}

export interface CaseQuery {
  readonly role?: string;
  readonly status?: CaseStatus;
  readonly applicant?: string;
  readonly matterId?: string;
}

/**
 * The store interface. One contract suite (test/store-contract.ts) runs against every implementation. Methods are
 * async so a networked store (PostgreSQL) fits the same interface.
 */
export interface Store {
  /** Publishes a version; the same id + version + region with other content is refused ('conflict'). */
  publish(def: PublishedDefinition): Promise<'published' | 'unchanged' | 'conflict'>;
  getDefinition(id: string, version: string, region: string): Promise<PublishedDefinition | undefined>;
  listDefinitions(): Promise<PublishedDefinition[]>;
  /** The published versions of one matter in one region (without their bodies). */
  versions(matterId: string, region: string): Promise<string[]>;
  /** Creates a case with its first audit event. */
  createCase(write: CaseWrite): Promise<void>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  /** Writes a transition if the stored revision still equals `expectedRevision`; else 'conflict' and nothing changes. */
  updateCase(expectedRevision: number, write: CaseWrite): Promise<'ok' | 'conflict'>;
  listCases(query: CaseQuery): Promise<CaseRecord[]>;
  events(caseId: string): Promise<AuditEvent[]>;
  deadline(caseId: string): Promise<Deadline | undefined>;
  /** Cases whose promised deadline passed before `now` and is not met. */
  overdue(now: number): Promise<{ caseId: string; dueAt: number }[]>;
  certificate(id: string): Promise<StoredCertificate | undefined>;
  certificatesOf(caseId: string): Promise<StoredCertificate[]>;
  close(): Promise<void>;
}
