import { EventEmitter } from "node:events"
import { describe, expect, it } from "vitest"
import { memoryLimiterStore } from "../limiter-store"
import { DEFAULT_RATE_LIMITS, rateLimitsFromEnv } from "../limits"
import { bodyField, codeRequestRateLimit, loginRateLimit, tooManyRequestsBody } from "../rate-limit"

type Outcome = { status: number; retryAfter?: string; body?: any }

/** A fake Express request/response pair: the "route" answers `routeStatus` when reached. */
async function call(
  middleware: (req: any, res: any, next: () => void) => Promise<unknown>,
  options: { body: Record<string, unknown>; address?: string; routeStatus: number }
): Promise<Outcome> {
  let sent!: () => void
  const answered = new Promise<void>((resolve) => (sent = resolve))
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    headers: {} as Record<string, string>,
    body: undefined as unknown,
    setHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value
    },
    status(code: number) {
      this.statusCode = code
      return this
    },
    json(body: unknown) {
      this.body = body
      return this.end()
    },
    end() {
      sent()
      return this
    },
  })
  const req = { body: options.body, headers: {}, socket: { remoteAddress: options.address ?? "192.0.2.1" } }
  let reached = false
  await middleware(req, res, () => {
    reached = true
  })
  if (reached) {
    res.statusCode = options.routeStatus
    res.end() // what Express does when the route answers; the limiter may hold it until it has settled
  }
  await answered
  return { status: res.statusCode, retryAfter: res.headers["retry-after"], body: res.body }
}

const env = {} as NodeJS.ProcessEnv

describe("loginRateLimit (memory store)", () => {
  it("refuses the 6th attempt after 5 failures, even with the right password, with Retry-After", async () => {
    const login = loginRateLimit("customer", { store: memoryLimiterStore(), env })
    for (let i = 0; i < 5; i += 1) {
      expect((await call(login, { body: { email: "a@example.com" }, routeStatus: 401 })).status).toBe(401)
    }
    const sixth = await call(login, { body: { email: "A@Example.com " }, routeStatus: 200 })
    expect(sixth.status).toBe(429)
    expect(Number(sixth.retryAfter)).toBe(15 * 60)
    expect(sixth.body).toEqual({
      type: "too_many_requests",
      message: expect.stringMatching(/请求过于频繁，请 15 分钟后再试.*Too many attempts.*15 minutes/),
      retry_after_seconds: 900,
    })
    // Another account from the same address is not affected.
    expect((await call(login, { body: { email: "b@example.com" }, routeStatus: 200 })).status).toBe(200)
  })

  it("forgets an account's failures when the right password comes", async () => {
    const login = loginRateLimit("customer", { store: memoryLimiterStore(), env })
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 4; i += 1) await call(login, { body: { email: "a@example.com" }, routeStatus: 401 })
      expect((await call(login, { body: { email: "a@example.com" }, routeStatus: 200 })).status).toBe(200)
    }
  })

  it("counts parallel guesses before the route answers (no race past the limit)", async () => {
    const login = loginRateLimit("customer", { store: memoryLimiterStore(), env })
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call(login, { body: { email: "a@example.com" }, routeStatus: 401 }))
    )
    expect(results.filter((result) => result.status === 429)).toHaveLength(3)
  })

  it("limits one address spraying many emails (30 failures per window), other addresses unaffected", async () => {
    const login = loginRateLimit("customer", { store: memoryLimiterStore(), env })
    for (let i = 0; i < 30; i += 1) {
      expect((await call(login, { body: { email: `user${i}@example.com` }, routeStatus: 401 })).status).toBe(401)
    }
    expect((await call(login, { body: { email: "user30@example.com" }, routeStatus: 401 })).status).toBe(429)
    expect((await call(login, { body: { email: "user30@example.com" }, address: "192.0.2.2", routeStatus: 401 })).status).toBe(401)
  })

  it("does not count successes against the address, nor our own 5xx", async () => {
    const login = loginRateLimit("customer", { store: memoryLimiterStore(), env })
    for (let i = 0; i < 40; i += 1) {
      expect((await call(login, { body: { email: `member${i}@example.com` }, routeStatus: 200 })).status).toBe(200)
      expect((await call(login, { body: { email: `other${i}@example.com` }, routeStatus: 500 })).status).toBe(500)
    }
  })

  it("keeps admins and customers apart per email; registration and sign-in share the count (both check the password)", async () => {
    const store = memoryLimiterStore()
    const customer = loginRateLimit("customer", { store, env })
    const register = loginRateLimit("customer", { store, env }) // POST /auth/customer/emailpass/register
    const admin = loginRateLimit("user", { store, env })
    for (let i = 0; i < 3; i += 1) await call(customer, { body: { email: "a@example.com" }, routeStatus: 401 })
    for (let i = 0; i < 2; i += 1) await call(register, { body: { email: "a@example.com" }, routeStatus: 401 })
    expect((await call(customer, { body: { email: "a@example.com" }, routeStatus: 200 })).status).toBe(429)
    expect((await call(admin, { body: { email: "a@example.com" }, routeStatus: 200 })).status).toBe(200)
  })
})

describe("codeRequestRateLimit (memory store)", () => {
  it("allows 5 codes per email per hour and 20 per address, successes included", async () => {
    const reset = codeRequestRateLimit({ identifier: bodyField("identifier"), store: memoryLimiterStore(), env })
    for (let i = 0; i < 5; i += 1) expect((await call(reset, { body: { identifier: "a@example.com" }, routeStatus: 201 })).status).toBe(201)
    const sixth = await call(reset, { body: { identifier: "a@example.com" }, routeStatus: 201 })
    expect(sixth.status).toBe(429)
    expect(Number(sixth.retryAfter)).toBeGreaterThan(3500)
    for (let i = 0; i < 14; i += 1) await call(reset, { body: { identifier: `x${i}@example.com` }, routeStatus: 201 })
    // 6 + 14 = 20 requests from this address (the refused one counted too).
    expect((await call(reset, { body: { identifier: "fresh@example.com" }, routeStatus: 201 })).status).toBe(429)
    expect((await call(reset, { body: { identifier: "fresh@example.com" }, address: "192.0.2.9", routeStatus: 201 })).status).toBe(201)
  })
})

describe("limits", () => {
  it("defaults to the documented numbers and reads overrides, ignoring nonsense", () => {
    expect(rateLimitsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS)
    const limits = rateLimitsFromEnv({
      RATE_LIMIT_LOGIN_PER_ACCOUNT: "3",
      RATE_LIMIT_LOGIN_WINDOW_SECONDS: "2",
      RATE_LIMIT_LOGIN_BLOCK_SECONDS: "0",
      RATE_LIMIT_CODE_PER_IP: "-1",
    })
    expect(limits.loginPerAccount).toEqual({ points: 3, durationSeconds: 2, blockSeconds: 0 })
    expect(limits.loginPerIp).toEqual({ points: 30, durationSeconds: 2, blockSeconds: 0 })
    expect(limits.codePerIp.points).toBe(20)
  })

  it("says how long in both languages", () => {
    expect(tooManyRequestsBody(61).message).toContain("请 2 分钟后再试")
    expect(tooManyRequestsBody(30).message).toContain("1 minute.")
  })
})
