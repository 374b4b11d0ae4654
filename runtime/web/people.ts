/** How people appear in the UI: identity numbers masked where the full number is not needed, names where the page has them. */
import { maskId } from '../certificates/identity-mask.ts';
import type { CaseDetail, User } from './types.ts';

// the masking itself is shared with the server's public certificate check
export { isIdNumber, maskId } from '../certificates/identity-mask.ts';

/** The applicant's name from the case's answers (`/applicant/name`), when the form asks for it. */
export function applicantName(c: { data?: unknown; applicantName?: string | null }): string | undefined {
  if (c.applicantName) return c.applicantName;
  const applicant = c.data && typeof c.data === 'object' ? (c.data as { applicant?: unknown }).applicant : undefined;
  const name = applicant && typeof applicant === 'object' ? (applicant as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/** Who someone is, in words: the case's applicant by name when the answers give it, anyone else by id, numbers masked. */
export function personLabel(subject: string, c?: { data?: unknown; applicant: string; applicantName?: string | null }): string {
  return (c && subject === c.applicant ? applicantName(c) : undefined) ?? maskId(subject);
}

/**
 * The roles a user acts in: their own, and for staff of a department its role in one-thing bundles (police-clerk, as
 * the engine's bundleRole names it).
 */
export const actingRoles = (user: Pick<User, 'role' | 'department'>): string[] => (user.department ? [user.role, `${user.department}-${user.role}`] : [user.role]);

/**
 * The events of `c` that someone acting in `roles` may send (the API's eventRoles): what the page offers is exactly
 * what the server would accept from this user, never an action that answers 403. Without eventRoles (an older
 * server), the step's own role.
 */
export function eventsFor(c: Pick<CaseDetail, 'events' | 'eventRoles' | 'role'>, roles: readonly string[]): string[] {
  return c.events.filter((e) => (c.eventRoles?.[e] ?? (c.role !== null ? [c.role] : [])).some((r) => roles.includes(r)));
}
