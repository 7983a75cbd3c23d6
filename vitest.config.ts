import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Servers, browsers and child processes: generous, but a hung test still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only makes the timing-sensitive parts flaky.
    maxWorkers: 2,
  },
})
