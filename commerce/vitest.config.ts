import { defineConfig } from "vitest/config"

export default defineConfig({
  // Paths below are relative to this folder, wherever vitest is started from.
  root: __dirname,
  test: {
    include: ["src/**/__tests__/**/*.{test,spec}.ts", "integration-tests/**/*.{test,spec}.ts"],
    exclude: ["**/node_modules/**", ".medusa/**"],
    // @medusajs/test-utils is written for jest: it uses the globals, boots Medusa (which
    // require()s our TS modules, routes and workflows) in the test process and creates one
    // database per file. One fresh child process per file, one file at a time.
    globals: true,
    pool: "forks",
    isolate: true,
    fileParallelism: false,
    globalSetup: ["./integration-tests/global-setup.ts"],
    setupFiles: ["./integration-tests/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // Restoring the database snapshot before each Medusa test ends the app's pooled
    // connections; knex then warns once per dropped connection. Expected, so not shown.
    onConsoleLog: (log) => !log.startsWith("Connection Error: Connection ended unexpectedly"),
    // DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD come from the embedded Postgres (global setup).
    env: {
      MEDUSA_DISABLE_TELEMETRY: "true",
      MEDUSA_ADMIN_DISABLED: "true",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    },
  },
})
