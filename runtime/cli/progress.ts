/** A progress bar for long runs, drawn on a terminal only: piped output stays clean. */
import type { CliIo } from './io.ts';

/** Returns an `onProgress(done, total)` callback that redraws at most ~20 times a second, and a `finish()`. */
export function progressBar(stream: CliIo['stderr'], label: string, now: () => number = Date.now) {
  let last = Number.NEGATIVE_INFINITY; // the first update always draws
  let drawn = false;
  const width = 30;
  return {
    update(done: number, total: number) {
      if (!stream.isTTY || (done < total && now() - last < 50)) return;
      last = now();
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
