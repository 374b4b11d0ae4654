/**
 * What an official may edit. The province's officials author baselines and every variant; a city's or county's
 * officials edit only the variants of their own region and the regions inside it. Reviewers read and change
 * nothing. Checked by the server on every draft save and publish, against the definition itself (its kind and
 * region), so editing the JSON cannot widen a scope.
 */
import { isInside, type RegionIndex } from '../../engine/index.ts';
import type { User } from './auth.ts';
import { forbidden } from './errors.ts';

/** What a definition claims to be: its kind and its region code (either may be missing in a draft). */
export interface Target {
  readonly kind: unknown;
  readonly region: unknown;
}

/** Why `user` may not edit `target`, or undefined when they may. */
export function scopeRefusal(user: User, target: Target, regions: RegionIndex): string | undefined {
  if (user.role !== 'official') return user.role === 'reviewer' ? 'reviewers read, they change nothing' : `a ${user.role} does not author matters`;
  const home = user.region;
  if (!home) return 'this official has no region: their account names none';
  const homeLevel = regions.byCode.get(home)?.level ?? (/0000$/.test(home) ? 'province' : 'city');
  const region = typeof target.region === 'string' ? target.region : undefined;
  const within = region !== undefined && (region === home || isInside(regions, region, home) || (!regions.byCode.has(region) && region.startsWith(home.replace(/(00)+$/, ''))));
  if (homeLevel === 'province') return region === undefined || within ? undefined : `region ${region} is outside your province ${home}`;
  if (target.kind !== 'variant') return `a ${homeLevel} official edits variants only; baselines belong to the province`;
  return within ? undefined : `region ${region ?? '(none)'} is outside your region ${home}`;
}

/** Refuses (403) what `user` may not edit. */
export function requireScope(user: User, target: Target, regions: RegionIndex): void {
  const refusal = scopeRefusal(user, target, regions);
  if (refusal) throw forbidden(refusal);
}
