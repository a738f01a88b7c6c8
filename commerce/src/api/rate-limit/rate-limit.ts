import { createHash } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { retryAfterMinutes, TOO_MANY_REQUESTS_TYPE, type TooManyRequestsBody } from "@community/contracts"
import { RateLimiterRes } from "rate-limiter-flexible"
import { clientAddress } from "./client-address"
import { postgresLimiterStore, type CountingLimiter, type KnexLike, type LimiterStore } from "./limiter-store"
import { rateLimitsFromEnv, type Limit, type RateLimits } from "./limits"

/**
 * Rate limits for sign-in, registration and code requests, as Medusa route middlewares.
 * Registered in src/api/middlewares.ts; README "Rate limits" has the numbers.
 *
 *   { matcher: "/store/my/route", method: "POST", middlewares: [codeRequestRateLimit({ identifier: bodyField("email") })] }
 */

type Request = MedusaRequest & { auth_context?: { auth_identity_id?: string } }

export type RateLimitRule = {
  /** The counter's name, shared by every route that uses the same name (rows `<name>:<hash>`). */
  name: string
  limit: (limits: RateLimits) => Limit
  /** What is counted for this request (an email, the client address…); null skips the rule. */
  key: (req: Request, client: string) => string | null
  /** In "failures" mode, what a success does: forget the key, or give back this attempt's point. */
  onSuccess: "reset" | "reward"
}

export type RateLimitOptions = {
  /** Checked in order; the first one over its limit answers 429 (later ones are not counted). */
  rules: RateLimitRule[]
  /**
   * "failures": every attempt is counted before the route runs (so parallel guesses cannot slip
   * through), and a 2xx answer undoes it (rate-limiter-flexible's login-protection pattern): a
   * member who types the right password is not punished. A 5xx gives the point back too (our
   * fault, not a guess). "requests": every request counts (codes and reset links sent).
   */
  count: "failures" | "requests"
  /** Default: Medusa's Postgres (shared by all processes). Tests pass memoryLimiterStore(). */
  store?: LimiterStore
  env?: NodeJS.ProcessEnv
}

const stores = new WeakMap<object, LimiterStore>()

/** One Postgres store per database connection (per Medusa app). */
function defaultStore(req: MedusaRequest): LimiterStore {
  const knex = req.scope.resolve<KnexLike & object>(ContainerRegistrationKeys.PG_CONNECTION)
  let store = stores.get(knex)
  if (!store) {
    store = postgresLimiterStore(knex, { logger: req.scope.resolve(ContainerRegistrationKeys.LOGGER) })
    stores.set(knex, store)
  }
  return store
}

/** Counters store a hash: no emails or addresses in the table, and keys of bounded length. */
function hashed(value: string): string {
  return createHash("sha256").update(value).digest("base64url")
}

export function tooManyRequestsBody(retryAfterSeconds: number): TooManyRequestsBody {
  const minutes = retryAfterMinutes(retryAfterSeconds)
  return {
    type: TOO_MANY_REQUESTS_TYPE,
    message: `请求过于频繁，请 ${minutes} 分钟后再试。Too many attempts: please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    retry_after_seconds: retryAfterSeconds,
  }
}

function tooManyRequests(res: MedusaResponse, msBeforeNext: number) {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  res.setHeader("Retry-After", String(seconds))
  return res.status(429).json(tooManyRequestsBody(seconds))
}

/** The reusable middleware: see the presets below for the rules this app uses. */
export function rateLimit(options: RateLimitOptions) {
  return async function rateLimitMiddleware(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const limits = rateLimitsFromEnv(options.env)
    const client = clientAddress(req, options.env)
    const store = options.store ?? defaultStore(req)
    const consumed: Consumed = []
    for (const rule of options.rules) {
      const raw = rule.key(req as Request, client)
      if (!raw) continue
      const limiter = store.limiter(rule.name, rule.limit(limits))
      const key = hashed(raw)
      try {
        await limiter.consume(key)
      } catch (error) {
        if (error instanceof RateLimiterRes) return tooManyRequests(res, error.msBeforeNext)
        throw error // not a limit: the store's insurance answers store failures
      }
      consumed.push({ rule, limiter, key })
    }
    if (options.count === "failures" && consumed.length) settleBeforeAnswering(res, consumed)
    return next()
  }
}

type Consumed = { rule: RateLimitRule; limiter: CountingLimiter; key: string }[]

/**
 * Undoes the counted attempt when the route succeeded (or failed on our side), BEFORE the answer
 * goes out: a member who signs in and at once tries again must find their count already cleared.
 * Store calls are bounded (timeout, then memory), so the answer is never held for long.
 */
function settleBeforeAnswering(res: MedusaResponse, consumed: Consumed) {
  const end = res.end
  let settled = false
  res.end = function (this: MedusaResponse, ...args: unknown[]) {
    if (settled) return (end as (...a: unknown[]) => MedusaResponse).apply(this, args)
    settled = true
    const status = res.statusCode
    const success = status >= 200 && status < 300
    // A failed attempt (4xx) stays counted.
    if (!success && status < 500) return (end as (...a: unknown[]) => MedusaResponse).apply(this, args)
    const undo = consumed.map(({ rule, limiter, key }) =>
      (success && rule.onSuccess === "reset" ? limiter.delete(key) : limiter.reward(key, 1)).catch(() => undefined)
    )
    void Promise.all(undo).finally(() => (end as (...a: unknown[]) => MedusaResponse).apply(this, args))
    return this
  } as typeof res.end
}

// ---- The rules this app uses ----

/** A string field of the JSON body, trimmed and lower-cased (emails), or null. */
export function bodyField(field: string) {
  return (req: MedusaRequest): string | null => {
    const value = (req.body as Record<string, unknown> | undefined)?.[field]
    return typeof value === "string" && value.trim() ? value.trim().toLowerCase().slice(0, 320) : null
  }
}

/** The auth identity of the (partly) signed-in caller, set by Medusa's authenticate() before us. */
const authIdentity = (req: Request): string | null => req.auth_context?.auth_identity_id ?? null

/** Failed sign-ins, registrations and code confirmations of one client address, across all accounts. */
const loginPerIp: RateLimitRule = {
  name: "login:ip",
  limit: (limits) => limits.loginPerIp,
  key: (_req, client) => client,
  onSuccess: "reward",
}

/** Codes and reset links requested from one client address, across all accounts. */
const codePerIp: RateLimitRule = {
  name: "code:ip",
  limit: (limits) => limits.codePerIp,
  key: (_req, client) => client,
  onSuccess: "reward",
}

/**
 * `POST /auth/<actor>/emailpass` (sign-in) and `…/register`: failures per client address (30 per
 * 15 min by default) and per email (5 per 15 min, then refused for 15 min even with the right
 * password). Both routes share the per-email counter because both check the password: Medusa's
 * register answers 200 for an existing identity without an account when the password matches.
 * Admins (`user`) and customers count separately per email.
 */
export function loginRateLimit(actor: string, options: { store?: LimiterStore; env?: NodeJS.ProcessEnv } = {}) {
  return rateLimit({
    count: "failures",
    store: options.store,
    env: options.env,
    rules: [
      loginPerIp,
      { name: `login:account:${actor}`, limit: (limits) => limits.loginPerAccount, key: bodyField("email"), onSuccess: "reset" },
    ],
  })
}

/**
 * Requests that send a code or link (password reset, email verification): every request
 * counts, per client address (20 per hour) and per identifier (5 per hour). Identifiers share
 * one counter per `scope` (default "email": one mailbox's budget, whatever the route), so a
 * new route that sends mail to an address uses `codeRequestRateLimit({ identifier: bodyField("email") })`.
 */
export function codeRequestRateLimit(options: {
  identifier: (req: MedusaRequest) => string | null
  scope?: string
  store?: LimiterStore
  env?: NodeJS.ProcessEnv
}) {
  return rateLimit({
    count: "requests",
    store: options.store,
    env: options.env,
    rules: [
      codePerIp,
      { name: `code:account:${options.scope ?? "email"}`, limit: (limits) => limits.codePerAccount, key: options.identifier, onSuccess: "reset" },
    ],
  })
}

/**
 * Entering a code (verification confirm, MFA challenge): failures count like sign-ins, per
 * client address and per account (the auth identity, when Medusa already knows it).
 */
export function codeConfirmRateLimit(options: {
  scope: string
  account?: (req: Request) => string | null
  store?: LimiterStore
  env?: NodeJS.ProcessEnv
}) {
  return rateLimit({
    count: "failures",
    store: options.store,
    env: options.env,
    rules: [
      loginPerIp,
      { name: `confirm:account:${options.scope}`, limit: (limits) => limits.loginPerAccount, key: options.account ?? authIdentity, onSuccess: "reset" },
    ],
  })
}
