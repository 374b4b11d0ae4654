/** The shapes the UI reads from the API (only the fields it uses; see docs/server.md). */
import type { MatterDefinition, Output, TimeLimit } from '../../engine/index.ts';
import type { CaseSituation } from '../cases/situation.ts';
import type { FieldError } from '../form/errors.ts';
import type { CaseChecklist } from '../cases/materials-check.ts';

export type Localized = { zh: string; en: string };
export type Region = { code: string; name: Localized; level: string };

export interface User {
  id: string;
  role: string;
  subject: string;
  name: string;
  /** Staff of a department (police, health, …) also act in their department's role in bundles (police-clerk). */
  department?: string;
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
  /** A one-thing bundle's life event (null or absent: a single matter). */
  bundle?: { event: string; eventType: string } | null;
}

/** A member of a one-thing bundle (一件事) as the guide names it. */
export interface BundleMember {
  key: string;
  title: Localized;
  department: string;
  departmentName: Localized;
}

/** A burden of applying, counted as the bundle's saving counts it (engine/bundles/saving.ts). */
export interface BundleBurden {
  fieldsTyped: number;
  materials: number;
  visits: number;
  /** Working days. */
  promisedDays: number;
  submissions: number;
}

/** Applying for the members one by one, as one thing, and what that saves. */
export interface BundleSaving {
  separately: BundleBurden;
  together: BundleBurden;
  saved: BundleBurden;
}

/** A bundle's guide: its life event, how it is submitted, its members and the saving. */
export interface GuideBundle {
  event: string;
  eventType: string;
  submission: string;
  members: BundleMember[];
  /** Null for a bundle version the server did not compose itself. */
  saving: BundleSaving | null;
}

/** A member's progress in a bundle case: its current step, or its outcome once ended, and its certificates (ids). */
export interface CaseMember {
  key: string;
  title: Localized;
  department: string;
  departmentName: Localized;
  step: Localized | null;
  role: string | null;
  outcome: 'approved' | 'rejected' | 'withdrawn' | null;
  certificates: string[];
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
  /** One-of group: any one member will do. */
  oneOfGroup?: string;
  /** The situation it applies in, in words; null: always. */
  whenText: ConditionText | null;
  /** The waived member of its one-of group that satisfies the group for the signed-in applicant. */
  coveredBy: string | null;
}

/** A condition in words; `generic` when it was too intricate to describe. */
export type ConditionText = Localized & { generic: boolean };

export interface GuideFee {
  id: string;
  name: Localized;
  amount: number;
  whenText: ConditionText | null;
  waivedWhenText: ConditionText | null;
  waiverReason?: Localized;
}

export interface GuideDepartment {
  name: Localized;
  nature?: 'statutory' | 'authorised' | 'entrusted';
  entrustedBy?: Localized;
}

export interface GuideLocation {
  name: Localized;
  address?: Localized;
  hours?: Localized;
  window?: string;
  phone?: string;
}

export interface GuideContact {
  consult?: string;
  complaint?: string;
  email?: string;
  hours?: Localized;
}

export interface Guide {
  matter: {
    id: string;
    version: string;
    kind: string;
    region: Region;
    title: Localized;
    summary: Localized | null;
    /** The implementing body (实施主体). */
    department: GuideDepartment;
    /** Who owns the standard, where the definition names it apart from the implementing body. */
    standardOwner: GuideDepartment | null;
    serviceObject: string[] | null;
    acceptanceScope: string | null;
  };
  personalizedFor: string | null;
  acceptanceConditions: Localized[];
  handlingType: string;
  channels: string[];
  materials: GuideMaterial[];
  waived: { id: string; name: Localized; reason: Localized }[];
  timeLimit: TimeLimit;
  fees: GuideFee[];
  /** Yuan every applicant is charged (fees without a condition). */
  totalFee: number;
  visits: number;
  visitReason: Localized | null;
  legalBasis: { id: string; title: Localized; article?: string }[];
  outputs: Output[];
  locations: GuideLocation[];
  contact: GuideContact | null;
  /** A one-thing bundle's members and saving (null or absent for a single matter). */
  bundle?: GuideBundle | null;
}

/** A case's time limits in the matter's unit (dates as ISO strings; null before submission). */
export interface CaseTimeLimit {
  unit: 'working-days' | 'days';
  promisedDays: number;
  statutoryDays: number | null;
  extendableTo: number | null;
  startedAt: string | null;
  statutoryDueAt: string | null;
  extendedDueAt: string | null;
}

export interface Deadline {
  dueAt: string;
  metAt: string | null;
  /** Set while a supplement request has stopped the promised-time clock; the due time moves on resubmission. */
  pausedAt?: string;
}

export interface CaseSummary {
  id: string;
  matterId: string;
  version: string;
  region: string;
  applicant: string;
  /** The human-readable reference (e.g. ZJ-2026-000123) given at the first submission; null while a draft. */
  reference?: string | null;
  /** When the applicant first submitted it; null while a draft. */
  submittedAt?: string | null;
  /** Lists: the region's name (definitions/regions.json). */
  regionName?: Localized | null;
  /** The current step's name (null once finished). */
  step?: Localized | null;
  /** Lists: a finished case's certificates. */
  certificates?: { id: string; issuedAt: string; json: string; html: string }[];
  /** The applicant's name, where the server sends it (lists have no answers to read it from). */
  applicantName?: string | null;
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

/** One page of a case list (GET /api/cases). */
export interface CaseListPage {
  cases: CaseSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** The choices of the case list's filters (GET /api/cases/filters). */
export interface CaseFilterChoices {
  matters: { id: string; title: Localized | null }[];
  regions: { code: string; name: Localized | null }[];
  steps: { state: string; name: Localized | null; matters: string[] }[];
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
  /** Who may send each event (a parallel state's regions have roles of their own). */
  eventRoles?: Record<string, string[]>;
  waived: { id: string; name: Localized; reason?: Localized }[];
  /** What the answers (as saved) call for: materials, one-of groups, fees and the amount due. */
  situation: CaseSituation;
  timeLimit: CaseTimeLimit;
  certificates: { id: string; issuedAt: string; json: string; html: string }[];
  /** A one-thing bundle's members, each with its progress and certificates (absent for a single matter). */
  members?: CaseMember[];
  audit?: AuditEntry[];
  /** Delayed transitions waiting for the case (the step's `after`): when each falls due and where it leads. */
  delays?: { state: string; delay: string; dueAt: string; target: string | null }[];
  /** The clerk's checklist (C2): the recorded checks, the materials outstanding, the certificate held back. */
  checklist?: CaseChecklist;
  /** The case's evidence files by material id, each with its download link (C2 reads them; the applicant's page too). */
  files?: Record<string, CaseFileLink[]>;
  /** The e-licences presented for materials (C1), by material id, as the audit trail records them. */
  licences?: Record<string, { id: string; hash: string }[]>;
  definition?: MatterDefinition;
}

/** One of the applicant's e-licences that fits their case (C1), GET /api/cases/:id/licences. */
export interface OfferedLicence {
  id: string;
  type: string;
  name: Localized;
  issuer: Localized;
  issuedAt: string;
  validUntil: string | null;
  hash: string;
  /** The case's materials it may supply. */
  materials: string[];
}

export type { FieldError };

/** A certificate's public check, GET /api/public/certificates/:id (the server's own type). */
export type { PublicCertificate } from '../certificates/public.ts';

/** An evidence file of a case as the API lists it (C2). */
export interface CaseFileLink {
  sha256: string;
  size: number;
  type: string;
  uploadedAt: string;
  /** Part of the case (a step referenced it), not only uploaded. */
  referenced: boolean;
  href: string;
}
