// Tests run on shared, loaded machines (CI has 2 cores): a unit test gets 30 s before it counts as hung, hooks that
// start servers, browsers or installs 2 minutes; work that is legitimately longer names its own timeout.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // vitest's default on 2 cores is one worker (cores − 1); the browser tests wait on Chromium and the server much of
    // the time, so two workers keep both cores busy (the suite ran 16.5 min with one, on 2 cores)
    maxWorkers: 2,
  },
});
