/** What the runtime's calls return: a case as callers see it, a step's result, a sweep's. */
import type { LocalizedText, MatterDefinition } from '../../engine/index.ts';
import type { AuditEvent, CaseFile, CaseRecord, Deadline, DueDelay, StoredCertificate } from '../store/types.ts';
import type { CaseSituation } from './situation.ts';
import type { CaseChecklist } from './materials-check.ts';
import type { CaseTimeLimit } from './time-limits.ts';

/** What a sweep did with one due delay: fired it, recorded it as not taken (guard failed), lost it to another sweep, or refused a tampered case. */
export interface FiredDelay {
  readonly caseId: string;
  readonly state: string;
  readonly delay: string;
  readonly outcome: 'fired' | 'not-taken' | 'raced' | 'tampered';
  /** The state the case moved to (fired only). */
  readonly to?: string;
  readonly event?: AuditEvent;
}

/** Who acts: a user id and the role they act in (staff: with their department, for a bundle's department roles). */
export interface Actor {
  readonly id: string;
  readonly role: string;
  /** A staff member's department (police): they also act in its role (police-clerk) on a bundle's steps. */
  readonly department?: string;
}

/** A material the applicant need not bring, and why. */
export interface WaivedMaterial {
  readonly id: string;
  readonly name: LocalizedText;
  readonly reason: LocalizedText;
}

/** What a step returns: the case after it, and the audit event it appended (read the whole trail with getCase). */
export interface StepView extends Omit<CaseView, 'audit' | 'delays'> {
  readonly event: AuditEvent;
  /** The automatic decisions (秒批) the step led to, each its own audit event by the system actor, in order. */
  readonly automatic?: readonly AuditEvent[];
}

/** A case as callers see it. */
export interface CaseView {
  readonly record: CaseRecord;
  readonly definition: MatterDefinition;
  readonly step: LocalizedText | undefined;
  /** Events the current state accepts. */
  readonly events: readonly string[];
  /** Who may send each of them: the role of the state that handles it (in a parallel state, its region's). */
  readonly eventRoles: Readonly<Record<string, readonly string[]>>;
  readonly deadline: Deadline | undefined;
  /** The time limits in the matter's unit: promised, statutory and the longest extension, from the submission. */
  readonly timeLimit: CaseTimeLimit;
  readonly waived: readonly WaivedMaterial[];
  /** What applies to the case's answers: materials (waived, supplied, missing), one-of groups, fees and the amount due. */
  readonly situation: CaseSituation;
  readonly audit: readonly AuditEvent[];
  /** The delayed transitions waiting for the case (the current state's `after`), soonest first. */
  readonly delays: readonly DueDelay[];
  readonly certificates: readonly StoredCertificate[];
  /** Evidence files uploaded for the case's materials, referenced by an event (part of the case) or not yet. */
  readonly files: readonly CaseFile[];
  /** The clerk's checks per material, what is still outstanding (with due dates when tolerated), and a certificate held back. */
  readonly checklist: CaseChecklist;
}
