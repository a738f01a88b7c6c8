import path from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { ContainerRegistrationKeys, ModulesSdkUtils } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosRequestConfig, AxiosResponse } from "axios"
import { RateLimiterRes } from "rate-limiter-flexible"
import { afterEach, beforeAll, describe, expect, it } from "vitest"
import { postgresLimiterStore, RATE_LIMIT_TABLE, type KnexLike } from "../../src/api/rate-limit/limiter-store"
import { seedStore } from "./seeded-store"

const ADMIN_EMAIL = "admin@example.test"
const ADMIN_PASSWORD = "correct horse battery staple"
const PASSWORD = "a-long-password-1"
const WRONG = "not-the-password"
/** What `npm start` generates and gives both commerce and the storefront. */
const STOREFRONT_SECRET = "test-storefront-shared-secret"

const noThrow: AxiosRequestConfig = { validateStatus: () => true }
/** A request the storefront forwards for a member at `address`. */
const viaStorefront = (address: string, key = STOREFRONT_SECRET): AxiosRequestConfig => ({
  ...noThrow,
  headers: { "x-client-ip": address, "x-storefront-key": key },
})

/** Sets env variables for one test (the limits are read on every request). */
const envChanges: Record<string, string | undefined> = {}
function setEnv(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    if (!(name in envChanges)) envChanges[name] = process.env[name]
    process.env[name] = value
  }
}

function expect429(res: AxiosResponse, maxSeconds: number) {
  expect(res.status).toBe(429)
  const retryAfter = Number(res.headers["retry-after"])
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds)
  expect(res.data).toEqual({
    type: "too_many_requests",
    message: expect.stringMatching(/^请求过于频繁，请 \d+ 分钟后再试。Too many attempts: please try again in \d+ minutes?\.$/),
    retry_after_seconds: retryAfter,
  })
}

medusaIntegrationTestRunner({
  cwd: path.resolve(__dirname, "../.."),
  env: { MEDUSA_ADMIN_EMAIL: ADMIN_EMAIL, MEDUSA_ADMIN_PASSWORD: ADMIN_PASSWORD, STOREFRONT_SHARED_SECRET: STOREFRONT_SECRET },
  testSuite: ({ api, getContainer, dbConfig }) => {
    const login = (email: string, password: string, config: AxiosRequestConfig = noThrow) =>
      api.post("/auth/customer/emailpass", { email, password }, config)
    const adminLogin = (password: string, config: AxiosRequestConfig = noThrow) =>
      api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password }, config)

    beforeAll(async () => {
      await seedStore(getContainer())
      // Customers A and B (auth identities with a password). These go through the limiter,
      // which creates its table now, before the runner snapshots the database for every test.
      for (const email of ["a@example.test", "b@example.test"]) {
        const res = await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
        expect(res.status).toBe(200)
      }
    })

    afterEach(() => {
      for (const [name, value] of Object.entries(envChanges)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
        delete envChanges[name]
      }
    })

    describe("sign-in (customers)", () => {
      it("refuses the 6th attempt after 5 wrong passwords, even with the right one; another account from the same address signs in", async () => {
        for (let i = 0; i < 5; i += 1) expect((await login("a@example.test", WRONG)).status).toBe(401)
        const sixth = await login("a@example.test", PASSWORD)
        expect429(sixth, 15 * 60)
        expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(14 * 60)
        // Other spellings of the same email are the same account.
        expect((await login(" A@Example.TEST", PASSWORD)).status).toBe(429)

        const other = await login("b@example.test", PASSWORD)
        expect(other.status).toBe(200)
        expect(other.data.token).toEqual(expect.any(String))
      })

      it("does not count a right password: failures are forgotten on success", async () => {
        for (let round = 0; round < 2; round += 1) {
          for (let i = 0; i < 4; i += 1) expect((await login("a@example.test", WRONG)).status).toBe(401)
          expect((await login("a@example.test", PASSWORD)).status).toBe(200)
        }
      })

      it("limits one address spraying many emails: the 31st failure in the window is refused", async () => {
        for (let i = 0; i < 30; i += 1) {
          expect((await login(`nobody${i}@example.test`, WRONG)).status).toBe(401)
        }
        expect429(await login("nobody30@example.test", WRONG), 15 * 60)
        // The sprayer cannot come back as someone else by writing x-client-ip itself…
        expect((await login("nobody31@example.test", WRONG, { ...noThrow, headers: { "x-client-ip": "198.51.100.1" } })).status).toBe(429)
        expect((await login("nobody31@example.test", WRONG, viaStorefront("198.51.100.1", "a-guess"))).status).toBe(429)
        // …but members the storefront vouches for are counted at their own address.
        expect((await login("a@example.test", PASSWORD, viaStorefront("198.51.100.1"))).status).toBe(200)
        expect((await login("nobody32@example.test", WRONG, viaStorefront("2001:db8:1:2::77"))).status).toBe(401)
      })

      it("counts members forwarded by the storefront per member address, not per storefront", async () => {
        // 31 failures spread over 31 member addresses, all arriving from the storefront's one address.
        for (let i = 0; i < 31; i += 1) {
          expect((await login(`nobody${i}@example.test`, WRONG, viaStorefront(`203.0.113.${i + 1}`))).status).toBe(401)
        }
        // One member address over its limit does not lock out the others.
        for (let i = 0; i < 30; i += 1) await login(`x${i}@example.test`, WRONG, viaStorefront("203.0.113.200"))
        expect((await login("a@example.test", PASSWORD, viaStorefront("203.0.113.200"))).status).toBe(429)
        expect((await login("a@example.test", PASSWORD, viaStorefront("203.0.113.201"))).status).toBe(200)
      })

      it("lets the right password in once the window and the lock have passed (2 s here)", async () => {
        setEnv({ RATE_LIMIT_LOGIN_WINDOW_SECONDS: "2", RATE_LIMIT_LOGIN_BLOCK_SECONDS: "2" })
        // Five wrong passwords at once: each is counted on arrival, before its password check.
        // The right one follows as soon as all five are counted (while their hashes are still
        // being checked), so the test does not depend on how fast this machine hashes.
        const wrong = Array.from({ length: 5 }, () => login("a@example.test", WRONG))
        const knex = getContainer().resolve<KnexLike>(ContainerRegistrationKeys.PG_CONNECTION)
        for (let i = 0; i < 200 && (await accountPoints(knex)) < 5; i += 1) await sleep(5)
        const sixth = await login("a@example.test", PASSWORD)
        expect((await Promise.all(wrong)).map((res) => res.status)).toEqual([401, 401, 401, 401, 401])
        expect429(sixth, 2)
        await sleep(Number(sixth.headers["retry-after"]) * 1000 + 300)
        expect((await login("a@example.test", PASSWORD)).status).toBe(200)
      })
    })

    describe("sign-in (admins)", () => {
      it("is limited the same way, per admin email", async () => {
        for (let i = 0; i < 5; i += 1) expect((await adminLogin(WRONG)).status).toBe(401)
        expect429(await adminLogin(ADMIN_PASSWORD), 15 * 60)
        // The customer with the same address is a different account.
        expect((await login("a@example.test", PASSWORD)).status).toBe(200)
      })

      it("spraying admin and customer sign-ins shares the address's budget", async () => {
        for (let i = 0; i < 15; i += 1) await login(`nobody${i}@example.test`, WRONG)
        for (let i = 0; i < 15; i += 1) await api.post("/auth/user/emailpass", { email: `ops${i}@example.test`, password: WRONG }, noThrow)
        expect((await adminLogin(ADMIN_PASSWORD)).status).toBe(429)
      })
    })

    describe("registration and codes", () => {
      it("counts registration with a taken email like a failed sign-in of that account (it checks the password too)", async () => {
        const register = (password: string) => api.post("/auth/customer/emailpass/register", { email: "a@example.test", password }, noThrow)
        // A's identity has no customer yet: register with its password is a successful sign-in…
        expect((await register(PASSWORD)).status).toBe(200)
        // …so guesses through register and sign-in draw on the same 5.
        for (let i = 0; i < 3; i += 1) expect((await register(WRONG)).status).toBe(401)
        for (let i = 0; i < 2; i += 1) expect((await login("a@example.test", WRONG)).status).toBe(401)
        expect429(await register(PASSWORD), 15 * 60)
        expect429(await login("a@example.test", PASSWORD), 15 * 60)
        expect((await api.post("/auth/customer/emailpass/register", { email: "new@example.test", password: PASSWORD }, noThrow)).status).toBe(200)
      })

      it("sends at most 5 reset links per email per hour, and 20 per address", async () => {
        const reset = (identifier: string, actor = "customer") =>
          api.post(`/auth/${actor}/emailpass/reset-password`, { identifier }, noThrow)
        for (let i = 0; i < 5; i += 1) expect((await reset("a@example.test")).status).toBe(201)
        const sixth = await reset("a@example.test")
        expect429(sixth, 60 * 60)
        expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(59 * 60)
        // One mailbox, one budget: the admin route for the same address is refused too.
        expect((await reset("a@example.test", "user")).status).toBe(429)
        for (let i = 0; i < 13; i += 1) expect((await reset(`someone${i}@example.test`)).status).toBe(201)
        expect429(await reset("b@example.test"), 60 * 60)
      })
    })

    describe("the Postgres store", () => {
      it("shares counts between two limiter instances on separate connections (two Medusa processes)", async () => {
        const appKnex = getContainer().resolve<KnexLike>(ContainerRegistrationKeys.PG_CONNECTION)
        // A second connection pool of its own, as another process would have.
        const otherKnex = ModulesSdkUtils.createPgConnection({ clientUrl: dbConfig.clientUrl, schema: "public" })
        try {
          const limit = { points: 3, durationSeconds: 2, blockSeconds: 0 }
          const one = postgresLimiterStore(appKnex).limiter("shared-test", limit)
          const two = postgresLimiterStore(otherKnex as unknown as KnexLike).limiter("shared-test", limit)

          await one.consume("k")
          await two.consume("k")
          await one.consume("k")
          // Each instance alone has seen at most 2 of the 3 points; together they are over.
          await expect(two.consume("k")).rejects.toBeInstanceOf(RateLimiterRes)
          await expect(one.consume("k")).rejects.toBeInstanceOf(RateLimiterRes)
          await expect(one.consume("other key")).resolves.toBeInstanceOf(RateLimiterRes)

          const rows = await otherKnex.raw(`SELECT key, points FROM "${RATE_LIMIT_TABLE}" WHERE key LIKE 'shared-test:%' ORDER BY key`)
          expect(rows.rows).toEqual([
            { key: "shared-test:k", points: 5 },
            { key: "shared-test:other key", points: 1 },
          ])

          // A reward or reset through one instance is seen by the other.
          await one.delete("k")
          await expect(two.consume("k")).resolves.toMatchObject({ consumedPoints: 1 })

          // The window passes for everyone.
          await two.consume("k")
          await two.consume("k")
          await expect(one.consume("k")).rejects.toBeInstanceOf(RateLimiterRes)
          await sleep(2100)
          await expect(one.consume("k")).resolves.toMatchObject({ consumedPoints: 1 })
        } finally {
          await otherKnex.destroy()
        }
      })

      it("re-creates its table when it is gone, counting in memory meanwhile", async () => {
        const knex = getContainer().resolve<KnexLike>(ContainerRegistrationKeys.PG_CONNECTION)
        const warnings: string[] = []
        const store = postgresLimiterStore(knex, { logger: { warn: (line) => warnings.push(line) } })
        const limiter = store.limiter("heal-test", { points: 1, durationSeconds: 60, blockSeconds: 0 })
        await limiter.consume("k")
        await knex.raw(`DROP TABLE "${RATE_LIMIT_TABLE}"`)
        // Answered by the in-memory insurance (which has not seen "k" yet), while the table comes back.
        await expect(limiter.consume("k")).resolves.toBeInstanceOf(RateLimiterRes)
        expect(warnings.join("\n")).toMatch(/does not exist/)
        for (let i = 0; i < 20 && !(await tableExists(knex)); i += 1) await sleep(50)
        expect(await tableExists(knex)).toBe(true)
        await limiter.consume("fresh")
        await expect(limiter.consume("fresh")).rejects.toBeInstanceOf(RateLimiterRes)
      })

      it("keeps limiting in memory when Postgres does not answer", async () => {
        // Nothing listens on port 9: every query times out (Medusa's pool waits, it does not fail fast).
        const deadKnex = ModulesSdkUtils.createPgConnection({ clientUrl: "postgres://nobody@127.0.0.1:9/nothing", schema: "public" })
        const warnings: string[] = []
        try {
          const store = postgresLimiterStore(deadKnex as unknown as KnexLike, { timeoutMs: 300, logger: { warn: (line) => warnings.push(line) } })
          const limiter = store.limiter("dead-test", { points: 2, durationSeconds: 60, blockSeconds: 60 })
          const started = Date.now()
          await limiter.consume("k")
          await limiter.consume("k")
          const refused = await limiter.consume("k").catch((res: unknown) => res)
          expect(refused).toBeInstanceOf(RateLimiterRes)
          expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(59_000)
          expect(Date.now() - started).toBeLessThan(5_000)
          expect(warnings.length).toBeGreaterThan(0)
        } finally {
          await deadKnex.destroy()
        }
      })
    })
  },
})

/** The failures counted for customer accounts (only one account fails in the test that asks). */
async function accountPoints(knex: KnexLike): Promise<number> {
  const result = (await knex.raw(
    `SELECT coalesce(max(points), 0) AS points FROM "${RATE_LIMIT_TABLE}" WHERE key LIKE 'login:account:customer:%'`
  )) as { rows: { points: number }[] }
  return Number(result.rows[0].points)
}

async function tableExists(knex: KnexLike): Promise<boolean> {
  const result = (await knex.raw(`SELECT to_regclass('public."${RATE_LIMIT_TABLE}"') AS name`)) as { rows: { name: string | null }[] }
  return result.rows[0].name !== null
}
