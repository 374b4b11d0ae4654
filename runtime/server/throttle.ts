/**
 * Sign-in throttling with exponential backoff, kept in the store so it holds across restarts and server nodes. Each
 * user name (case-insensitive, known or not: no account enumeration) and each client address (IPv6: its /64) has a
 * count of failed sign-ins; from the threshold on, every further attempt waits 2, 4, 8, … seconds, at most 15
 * minutes, and a count is forgotten once its key has been quiet for 15 minutes after its last failure or wait. An
 * attempt is counted as a failure *before* the password is checked, atomically with the check of the wait — so
 * parallel attempts cannot slip past the limit — and the count is taken back when the password was right.
 */
import type { Clock } from '../effects/clock.ts';
import type { Store, ThrottleRecord } from '../store/types.ts';

/** When a key's failures start to cost waiting, the longest wait, and how long a quiet key's failures are kept. */
export interface ThrottleLimits {
  readonly threshold: number;
  readonly maxWaitMs: number;
  readonly windowMs: number;
}

/** Per user name: 5 failures within 15 minutes, then 2 s, 4 s, … up to 15 minutes. */
export const accountLimits: ThrottleLimits = { threshold: 5, maxWaitMs: 15 * 60_000, windowMs: 15 * 60_000 };
/** Per client address, across user names: 20 failures, then the same backoff. */
export const addressLimits: ThrottleLimits = { threshold: 20, maxWaitMs: 15 * 60_000, windowMs: 15 * 60_000 };

/** How long to wait after `failures` failures: nothing below the threshold, then 2, 4, 8, … seconds up to the cap. */
export const waitAfter = (failures: number, limits: ThrottleLimits): number =>
  failures < limits.threshold ? 0 : Math.min(2 ** (failures - limits.threshold + 1) * 1000, limits.maxWaitMs);

/** `current` with one more failure at `now` (starting over when the key was quiet for the window). */
export function countFailure(current: ThrottleRecord | undefined, key: string, now: number, limits: ThrottleLimits): ThrottleRecord {
  const quiet = !current || now - Math.max(current.lastFailureAt, current.blockedUntil) >= limits.windowMs;
  const failures = quiet ? 1 : current.failures + 1;
  return { key, failures, lastFailureAt: now, blockedUntil: now + waitAfter(failures, limits) };
}

/** The throttle key of a client address: IPv4 as is, IPv6 by its /64 network (one client usually holds a whole /64). */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The outcome of asking to try a password. */
export type Attempt =
  | { readonly allowed: true; /** Takes the attempt's count back: the password was right. */ succeeded(): Promise<void> }
  | { readonly allowed: false; /** Whole seconds until the longest wait is over. */ readonly retryAfter: number; readonly by: readonly ('user name' | 'address')[] };

/** The throttle of one server (its state is in the store). */
export class SignInThrottle {
  private lastPurge = -Infinity;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly limits = { account: accountLimits, address: addressLimits },
  ) {}

  /** Asks to try a password for `username` from `address`: refused while either key waits, else counted as a failure. */
  async attempt(username: string, address: string): Promise<Attempt> {
    const now = this.clock.now();
    await this.purge(now);
    const keys = [
      { key: `user:${username.normalize('NFKC').toLowerCase()}`, limits: this.limits.account, by: 'user name' as const },
      { key: `address:${addressKey(address)}`, limits: this.limits.address, by: 'address' as const },
    ];
    const counted: { key: string; limits: ThrottleLimits; before: ThrottleRecord | undefined; after: ThrottleRecord }[] = [];
    const blocked: { until: number; by: 'user name' | 'address' }[] = [];
    for (const { key, limits, by } of keys) {
      let outcome = { until: 0 } as { until: number } | { before: ThrottleRecord | undefined; after: ThrottleRecord };
      await this.store.updateThrottle(key, (current) => {
        if (current && current.blockedUntil > now) {
          outcome = { until: current.blockedUntil };
          return current;
        }
        const after = countFailure(current, key, now, limits);
        outcome = { before: current, after };
        return after;
      });
      if ('until' in outcome) blocked.push({ until: outcome.until, by });
      else counted.push({ key, limits, ...outcome });
    }
    const takeBack = async (clear: (key: string) => boolean) => {
      for (const c of counted) await this.store.updateThrottle(c.key, (current) => (clear(c.key) ? undefined : uncount(current, c.before, c.after, c.limits)));
    };
    if (blocked.length > 0) {
      await takeBack(() => false); // this attempt was never tried: it costs nothing
      return { allowed: false, retryAfter: Math.ceil((Math.max(...blocked.map((b) => b.until)) - now) / 1000), by: blocked.map((b) => b.by) };
    }
    // a right password clears the user name's failures; the address keeps its count (one good account must not
    // reset an address that guesses at others)
    return { allowed: true, succeeded: () => takeBack((key) => key === keys[0]!.key) };
  }

  // Forgets quiet keys, at most once a minute per process.
  private async purge(now: number): Promise<void> {
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    await this.store.purgeThrottles(now - Math.max(this.limits.account.windowMs, this.limits.address.windowMs));
  }
}

// Takes one counted failure back: the record as it was when nothing else was counted since, else one failure fewer.
function uncount(current: ThrottleRecord | undefined, before: ThrottleRecord | undefined, after: ThrottleRecord, limits: ThrottleLimits): ThrottleRecord | undefined {
  if (!current) return undefined;
  if (current.failures === after.failures && current.lastFailureAt === after.lastFailureAt) return before;
  const failures = current.failures - 1;
  return failures <= 0 ? undefined : { ...current, failures, blockedUntil: current.lastFailureAt + waitAfter(failures, limits) };
}
