/** The clock is an effect: the runtime reads time only through this interface (tests pass a manual one). */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to. */
export function manualClock(start: number): Clock & { set(t: number): void; advance(ms: number): void } {
  let t = start;
  return { now: () => t, set: (x) => void (t = x), advance: (ms) => void (t += ms) };
}
