import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The client's own setup: the real API with its demo data, started once on a free port.
    globalSetup: ['../../packages/client/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
