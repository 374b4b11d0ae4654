/**
 * Who may see and do what, checked by the handlers before they call the runtime (which checks the step's role
 * again): applicants their own cases; staff the submitted cases and the steps their role owns; officials publish
 * definitions; reviewers read everything and change nothing.
 */
import type { CaseRecord } from '../store/types.ts';
import { isStaff, type Role, type User } from './auth.ts';
import { forbidden, unauthenticated } from './errors.ts';

/** The signed-in user (the gate already refused anonymous calls to signed-in routes). */
export function signedIn(user: User | undefined): User {
  if (!user) throw unauthenticated();
  return user;
}

/** Refuses users whose role is not one of `allowed`. */
export function requireRole(user: User | undefined, allowed: readonly Role[], doing: string): User {
  const u = signedIn(user);
  if (!allowed.includes(u.role)) throw forbidden(`${u.role === 'reviewer' ? 'reviewers read, they change nothing' : `a ${u.role} cannot ${doing}`}; only ${allowed.join(', ')} can`);
  return u;
}

/** Whether the user may read the case: their own, any submitted one for staff, any for reviewers. */
export function canReadCase(user: User, record: CaseRecord): boolean {
  if (user.role === 'applicant') return record.applicant === user.subject;
  if (user.role === 'reviewer') return true;
  return isStaff(user.role) && record.status !== 'draft';
}

/** Refuses to show a case the user may not read. */
export function requireReadCase(user: User | undefined, record: CaseRecord): User {
  const u = signedIn(user);
  if (!canReadCase(u, record)) throw forbidden(u.role === 'applicant' ? `case ${record.id} belongs to another applicant` : `a ${u.role} cannot read case ${record.id}`);
  return u;
}

/** Refuses a change to a case by someone who may not read it, or whose role changes no cases. */
export function requireChangeCase(user: User | undefined, record: CaseRecord): User {
  const u = requireReadCase(user, record);
  if (u.role !== 'applicant' && !isStaff(u.role)) throw forbidden(`${u.role === 'reviewer' ? 'reviewers read, they change nothing' : `a ${u.role} cannot change cases`}`);
  return u;
}

/** The actor the runtime is told about. */
export const actorOf = (user: User) => ({ id: user.subject, role: user.role, ...(user.department ? { department: user.department } : {}) });
