/**
 * What a bundle saves the applicant against applying for its members one by one — the reform's claim, computed:
 * fields typed, materials brought, on-site visits, promised days (one after another, added up) and submissions.
 */
import { burdenMetrics } from '../metrics/burden.ts';
import type { MatterDefinition } from '../model/index.ts';

export interface BundleBurden {
  readonly fieldsTyped: number;
  readonly materials: number;
  readonly visits: number;
  /** Promised time in working days. */
  readonly promisedDays: number;
  readonly submissions: number;
}

export interface BundleSaving {
  /** Each member applied for on its own, added up. */
  readonly separately: BundleBurden;
  /** The bundle. */
  readonly together: BundleBurden;
  /** separately − together, per figure. */
  readonly saved: BundleBurden;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function bundleSaving(members: readonly MatterDefinition[], composed: MatterDefinition, submissions: number): BundleSaving {
  const of = (d: MatterDefinition) => burdenMetrics(d);
  const separately: BundleBurden = members.map(of).reduce(
    (sum, m) => ({ fieldsTyped: sum.fieldsTyped + m.fieldsTyped, materials: round(sum.materials + m.materials), visits: sum.visits + m.visits, promisedDays: round(sum.promisedDays + m.promisedDays), submissions: sum.submissions + 1 }),
    { fieldsTyped: 0, materials: 0, visits: 0, promisedDays: 0, submissions: 0 },
  );
  const c = of(composed);
  const together: BundleBurden = { fieldsTyped: c.fieldsTyped, materials: c.materials, visits: c.visits, promisedDays: c.promisedDays, submissions };
  const saved: BundleBurden = {
    fieldsTyped: separately.fieldsTyped - together.fieldsTyped,
    materials: round(separately.materials - together.materials),
    visits: separately.visits - together.visits,
    promisedDays: round(separately.promisedDays - together.promisedDays),
    submissions: separately.submissions - together.submissions,
  };
  return { separately, together, saved };
}
