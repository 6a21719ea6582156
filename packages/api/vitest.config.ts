import { configDefaults, defineConfig } from 'vitest/config'

// Every database test runs on the embedded PGlite, and again on a PostgreSQL server when
// TEST_DATABASE_URL names one: same migrations, same queries, both proven.
const dialects = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])]

export default defineConfig({
  test: {
    projects: dialects.map((dialect) => ({
      test: {
        name: dialect,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        // What only a PostgreSQL server can show (several processes on one database) runs there only.
        exclude: [...configDefaults.exclude, ...(dialect === 'postgres' ? [] : ['**/*.postgres.test.ts'])],
        globalSetup: ['./test/global-setup.ts'],
        env: { RELAIS_TEST_DIALECT: dialect },
        testTimeout: 30_000,
        hookTimeout: 120_000,
        pool: 'forks',
      },
    })),
  },
})
