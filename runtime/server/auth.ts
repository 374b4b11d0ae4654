/**
 * Who is signed in, and the one interface sign-in sits behind. The local accounts implement it; a government
 * identity provider (OIDC) can replace it (docs/server.md, "Replacing sign-in with OIDC").
 */

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
}

/** Checks credentials; undefined when they are wrong (never says which part was wrong). */
export interface Authenticator {
  signIn(username: string, password: string): Promise<User | undefined>;
}

export const isStaff = (role: Role): boolean => (staffRoles as readonly string[]).includes(role);
