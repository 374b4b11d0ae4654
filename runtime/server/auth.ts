/**
 * Who is signed in, and the one interface sign-in sits behind. The local accounts implement it; a government
 * identity provider (OIDC) can replace it (docs/server.md, "Replacing sign-in with OIDC").
 */

import { bundleRole } from '../../engine/index.ts';

/** Roles of the server: applicants, the staff roles that own process steps, officials and reviewers. */
export const staffRoles = ['clerk', 'approver', 'inspector', 'sectionChief', 'transferOutClerk'] as const;
export const roles = ['applicant', ...staffRoles, 'official', 'reviewer'] as const;
export type Role = (typeof roles)[number];

/** A signed-in user. `subject` is the id the runtime knows them by: an applicant's identity number, staff's user id. */
export interface User {
  readonly id: string;
  readonly role: Role;
  readonly subject: string;
  readonly name: string;
  /**
   * The region (GB/T 2260 code) an official's authority covers: the province's officials edit baselines and every
   * variant, a city's or county's only the variants of their own region. Absent for other roles.
   */
  readonly region?: string;
  /**
   * The department a staff member acts for (an identifier: police, health, …): besides their role's steps, they act
   * on the steps of one-thing bundles that their department's role owns (`police-clerk`, see bundleRole). Absent: the
   * role's steps only.
   */
  readonly department?: string;
}

/** Checks credentials; undefined when they are wrong (never says which part was wrong). */
export interface Authenticator {
  signIn(username: string, password: string): Promise<User | undefined>;
}

export const isStaff = (role: Role): boolean => (staffRoles as readonly string[]).includes(role);

/** The departments of the demo accounts (a clerk and an approver each): the catalogue's bundles' members' departments. */
export const demoDepartments = ['health', 'police', 'medicalInsurance', 'hrss', 'market', 'tax', 'housingFund'] as const;

/** The roles a staff user acts in: their role, and with a department their department's (police-clerk). */
export function actingRoles(user: Pick<User, 'role' | 'department'>): string[] {
  return user.department ? [user.role, bundleRole(user.department, user.role)] : [user.role];
}
