import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    // Statistical checks run thousands of simulated customers; the default 5 s is too tight on a 2-core CI box.
    testTimeout: 60_000,
    // Set-up hooks that build reports or run shards as processes do the same kind of work: the
    // default 10 s is a guard that a loaded machine trips, so hooks get the tests' guard.
    hookTimeout: 60_000,
    pool: 'threads',
  },
});
