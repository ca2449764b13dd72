import { defineConfig } from "vitest/config";

/**
 * Four projects: pure unit tests; integration tests (`*.int.test.ts`) run twice, once on the
 * embedded PGlite and once on a throwaway PostgreSQL cluster the suite starts itself, except
 * those about one engine alone (`*.pglite.int.test.ts`, `*.postgres.int.test.ts`), which run
 * on theirs; browser tests (`*.e2e.test.ts`) drive headless Chromium against a real server.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.e2e.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["src/**/*.int.test.ts", "test/**/*.int.test.ts"],
          exclude: ["**/*.postgres.int.test.ts", "node_modules/**"],
          env: { LADDER_TEST_DB: "pglite" },
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["src/**/*.int.test.ts", "test/**/*.int.test.ts"],
          exclude: ["**/*.pglite.int.test.ts", "node_modules/**"],
          env: { LADDER_TEST_DB: "postgres" },
          globalSetup: ["test/setup/postgresCluster.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          globalSetup: ["test/setup/webBuild.ts"],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
