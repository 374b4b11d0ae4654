/** The shapes the UI reads from the API (only the fields it uses; see docs/server.md). */
import type { MatterDefinition } from '../../engine/index.ts';
import type { FieldError } from '../form/errors.ts';

export type Localized = { zh: string; en: string };
export type Region = { code: string; name: Localized; level: string };

export interface User {
  id: string;
  role: string;
  subject: string;
  name: string;
}

/** One of the signed-in user's sessions (GET /api/sessions). */
export interface SessionInfo {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  address: string;
  userAgent: string;
}

export interface CatalogueEntry {
  version: string;
  region: Region;
  title: Localized;
  guide: string;
}

export interface MatterSummary {
  id: string;
  title: Localized;
  baseline: CatalogueEntry | null;
  variants: CatalogueEntry[];
}

export interface GuideMaterial {
  id: string;
  name: Localized;
  necessity: string;
  source: string;
  format?: string[];
  copies?: { originals: number; photocopies: number };
  waivable: boolean;
  waived: boolean;
  waivedReason?: Localized;
}

export interface Guide {
  matter: { id: string; version: string; kind: string; region: Region; title: Localized; summary: Localized | null; department: { name: Localized } };
  personalizedFor: string | null;
  acceptanceConditions: Localized[];
  handlingType: string;
  channels: string[];
  materials: GuideMaterial[];
  waived: { id: string; name: Localized; reason: Localized }[];
  timeLimit: { statutoryDays?: number; promisedDays?: number };
  fees: { name?: Localized; amount: number }[];
  totalFee: number;
  visits: number;
  visitReason: Localized | null;
  legalBasis: { id: string; title: Localized; article?: string }[];
}

export interface Deadline {
  dueAt: string;
  metAt: string | null;
}

export interface CaseSummary {
  id: string;
  matterId: string;
  version: string;
  region: string;
  applicant: string;
  state: string;
  role: string | null;
  status: 'draft' | 'active' | 'done';
  outcome: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  title: Localized | null;
  deadline: Deadline | null;
  overdue: boolean;
}

export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  role: string;
  type: string;
  from?: string;
  to?: string;
  payload?: unknown;
}

export interface CaseDetail extends CaseSummary {
  /** The hash of the definition version the case is pinned to. */
  hash: string;
  data: unknown;
  verified: Record<string, unknown>;
  step: Localized | null;
  events: string[];
  waived: { id: string; name: Localized; reason?: Localized }[];
  certificates: { id: string; issuedAt: string; json: string; html: string }[];
  audit?: AuditEntry[];
  definition?: MatterDefinition;
}

export type { FieldError };
