import { defineConfig } from 'vitest/config';

// The CLI, API and browser tests start real processes; on a loaded 2-core machine one run of `salvo` can take
// a few seconds, so the per-test limit is generous. Speed targets live in the benchmarks, not here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
