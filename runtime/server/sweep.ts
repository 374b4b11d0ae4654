/**
 * The delay sweep: the server fires the delayed transitions (`after`) that fell due — once at start, catching up what
 * fell due while it was down, then every `seconds`. A sweep never overlaps itself, and a failing one is logged and
 * retried at the next tick; it never takes the server down.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { FiredDelay, Runtime } from '../cases/runtime.ts';
import type { CaseFiles } from '../files/case-files.ts';

/** Default seconds between sweeps. */
export const defaultSweepSeconds = 30;

/** Delays fired per `fireDue` call, and calls per sweep at most (so a backlog is worked off over a few ticks). */
const batch = 100;
const batchesPerSweep = 10;

export interface Sweeper {
  /** Runs one sweep now, unless one is running (then waits for that one); never rejects. */
  sweep(): Promise<void>;
  /** Stops the timer and waits for a sweep in flight. */
  stop(): Promise<void>;
}

/**
 * Starts sweeping every `seconds` (0: only when `sweep()` is called). The timer does not keep the process alive.
 * With `files`, each sweep also deletes uploads no case event referenced within an hour, and stale temporary files.
 */
export function startSweeper(runtime: Pick<Runtime, 'fireDue'>, log: FastifyBaseLogger, seconds: number, files?: Pick<CaseFiles, 'sweep'>): Sweeper {
  let running: Promise<void> | undefined;
  let stopped = false;

  const once = async (): Promise<void> => {
    const counts: Record<FiredDelay['outcome'], number> = { fired: 0, 'not-taken': 0, raced: 0, tampered: 0 };
    try {
      for (let i = 0; i < batchesPerSweep && !stopped; i++) {
        const results = await runtime.fireDue(batch);
        for (const r of results) counts[r.outcome]++;
        if (results.length < batch || results.every((r) => r.outcome === 'tampered')) break;
      }
      if (counts.tampered) log.error({ sweep: counts }, `delay sweep: ${counts.tampered} due delays are on cases whose audit seal does not verify; left unfired`);
      if (counts.fired || counts['not-taken'] || counts.raced) {
        log.info({ sweep: counts }, `delay sweep: ${counts.fired} fired, ${counts['not-taken']} not taken, ${counts.raced} raced`);
      }
    } catch (error) {
      log.error({ err: error }, 'delay sweep failed; retrying at the next tick');
    }
    if (files && !stopped) await sweepFiles(files, log);
  };

  const sweep = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (!running) running = once().finally(() => (running = undefined));
    return running;
  };

  const timer = seconds > 0 ? setInterval(() => void sweep(), seconds * 1000) : undefined;
  timer?.unref();

  return {
    sweep,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

// One sweep of unreferenced uploads; a failure is logged and retried at the next tick.
async function sweepFiles(files: Pick<CaseFiles, 'sweep'>, log: FastifyBaseLogger): Promise<void> {
  try {
    const swept = await files.sweep();
    if (swept.files || swept.temporary) log.info({ sweep: swept }, `file sweep: ${swept.files} unreferenced files and ${swept.temporary} temporary files deleted`);
  } catch (error) {
    log.error({ err: error }, 'file sweep failed; retrying at the next tick');
  }
}
