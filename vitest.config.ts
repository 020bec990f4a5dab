import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The CLI, API and browser tests start real processes; on a loaded 2-core machine one run of `salvo` can take
// a few seconds, so the per-test limit is generous. Speed targets live in the benchmarks, not here.
export default defineConfig({
  resolve: {
    // src/ imports chrono-node's English and Japanese locales alone ("chrono-node/en"), which Node resolves by the
    // package's "./*" export; Vite does not, so the tests are pointed at the same files.
    alias: [{ find: /^chrono-node\/(en|ja)$/, replacement: fileURLToPath(new URL('./node_modules/chrono-node/dist/esm/locales/$1/index.js', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
