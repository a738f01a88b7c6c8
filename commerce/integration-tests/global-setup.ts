import { chmod, mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

/**
 * The test cluster's port. Defaults to the port the README reserves for commerce tests;
 * set COMMERCE_TEST_PG_PORT to run beside another test run that already holds it.
 */
const PORT = Number(process.env.COMMERCE_TEST_PG_PORT ?? 54342)
/** The mail catcher's ports follow the Postgres port (54342 → 55442 SMTP, 55542 inbox), so parallel runs never share one. */
const SMTP_PORT = Number(process.env.COMMERCE_TEST_SMTP_PORT ?? PORT + 1100)
const MAIL_WEB_PORT = Number(process.env.COMMERCE_TEST_MAIL_WEB_PORT ?? PORT + 1200)

/**
 * Starts a throw-away embedded PostgreSQL 17 for the whole run and returns its teardown,
 * so the server is stopped (and its data removed) when vitest finishes.
 */
export default async function globalSetup() {
  const { startPostgres } = await import("@community/test/postgres")
  const dir = await mkdtemp(path.join(os.tmpdir(), "commerce-vitest-"))
  // As root, postgres runs as the OS user "postgres": it must be able to enter the folder.
  await chmod(dir, 0o755)
  let server: Awaited<ReturnType<typeof startPostgres>>
  try {
    server = await startPostgres({ dataDir: path.join(dir, "data"), port: PORT })
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  // Read by @medusajs/test-utils (at require time) to create, snapshot and drop the test
  // databases. Vitest builds the workers' environment after the global setup has run.
  // "localhost", not 127.0.0.1: test-utils only turns SSL off for URLs containing "localhost".
  process.env.DB_HOST = "localhost"
  process.env.DB_PORT = String(server.port)
  process.env.DB_USERNAME = server.user
  process.env.DB_PASSWORD = server.password

  // Real email: Medusa sends through SMTP to a maildev started here; tests read its HTTP API.
  const { startMailCatcher } = await import("@community/test/mail")
  let mail: Awaited<ReturnType<typeof startMailCatcher>>
  try {
    mail = await startMailCatcher({
      smtpPort: SMTP_PORT,
      webPort: MAIL_WEB_PORT,
      mailDir: path.join(dir, "mail"),
      logDir: dir,
    })
  } catch (error) {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  process.env.SMTP_URL = mail.smtpUrl
  process.env.MAIL_FROM = "社群商城 <no-reply@example.test>"
  process.env.COMMERCE_TEST_MAIL_URL = mail.webUrl

  return async function teardown() {
    try {
      await mail.stop()
      await server.stop()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}
