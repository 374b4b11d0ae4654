// Tests run on shared, loaded machines (CI has 2 cores): a unit test gets 30 s before it counts as hung, hooks that
// start servers, browsers or installs 2 minutes; work that is legitimately longer names its own timeout.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
