import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, RLWrapperTimeouts } from "rate-limiter-flexible"
import type { Limit } from "./limits"

/** One counter (e.g. "failed sign-ins per account"); keys are already hashed by the caller. */
export interface CountingLimiter {
  /** One attempt; rejects with a RateLimiterRes (msBeforeNext) when over the limit. */
  consume(key: string): Promise<RateLimiterRes>
  /** Gives back points (a failure that turned out to be a success). */
  reward(key: string, points?: number): Promise<unknown>
  /** Forgets the key (a successful sign-in clears its account's failures). */
  delete(key: string): Promise<unknown>
}

export interface LimiterStore {
  limiter(name: string, limit: Limit): CountingLimiter
}

/** The one table every counter lives in: `key` (prefix + hash), `points`, `expire` (ms epoch). */
export const RATE_LIMIT_TABLE = "auth_rate_limit"

/** Medusa's database connection (ContainerRegistrationKeys.PG_CONNECTION is a knex instance). */
export type KnexLike = { raw(sql: string): PromiseLike<unknown>; client: unknown }

type Logger = { warn(message: string): void }

export type PostgresLimiterStoreOptions = {
  tableName?: string
  /** A store call slower than this counts in memory instead (Postgres overloaded or gone). */
  timeoutMs?: number
  logger?: Logger
}

const SQLSTATE_UNDEFINED_TABLE = "42P01"
// Two processes creating the table at once: one of them gets a duplicate-key or duplicate-table error.
const SQLSTATE_CREATED_CONCURRENTLY = new Set(["23505", "42P07"])
const WARN_EVERY_MS = 60_000
/** After failing to create the table, attempts do not wait for another try for this long. */
const TABLE_RETRY_MS = 10_000

function limiterOptions(name: string, limit: Limit) {
  return { keyPrefix: name, points: limit.points, duration: limit.durationSeconds, blockDuration: limit.blockSeconds }
}

function withTimeout<T>(work: PromiseLike<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    Promise.resolve(work),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label} timed out after ${ms} ms`)), ms)
      timer.unref()
    }),
  ]).finally(() => clearTimeout(timer))
}

type ErrorHook = (error: unknown) => void

/**
 * rate-limiter-flexible routes every store failure and timeout through `_handleError`, which
 * answers from the insurance limiter. We only listen in (to log, and to re-create a dropped table).
 */
class ObservedTimeouts extends RLWrapperTimeouts {
  constructor(options: ConstructorParameters<typeof RLWrapperTimeouts>[0], private readonly onStoreError: ErrorHook) {
    super(options)
  }

  _handleError(error: unknown, ...rest: unknown[]) {
    if (!(error instanceof RateLimiterRes)) this.onStoreError(error)
    return (RLWrapperTimeouts.prototype as unknown as { _handleError: (...args: unknown[]) => unknown })._handleError.call(this, error, ...rest)
  }
}

/**
 * Counters in Medusa's own Postgres (one table, created on first use), so every Medusa process
 * behind the same database shares them: a limit of 5 means 5, not 5 per process.
 *
 * Each counter has an in-memory `insuranceLimiter` with the same limits. When Postgres fails or
 * is slower than `timeoutMs`, that process counts in memory instead: failing open would let a
 * password guesser run unbounded exactly when the database struggles, failing closed would
 * refuse every member's sign-in. Memory keeps the limit per process until Postgres answers again.
 */
export function postgresLimiterStore(knex: KnexLike, options: PostgresLimiterStoreOptions = {}): LimiterStore {
  const tableName = options.tableName ?? RATE_LIMIT_TABLE
  const timeoutMs = options.timeoutMs ?? 2000
  const logger: Logger = options.logger ?? console
  const limiters = new Map<string, CountingLimiter>()
  let lastWarning = 0

  let table: Promise<void> | undefined
  let tableFailedAt = 0
  const ensureTable = (): Promise<void> => {
    table ??= withTimeout(
      knex.raw(
        `CREATE TABLE IF NOT EXISTS "${tableName}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`
      ),
      timeoutMs,
      `creating ${tableName}`
    ).then(
      () => undefined,
      (error: { code?: string }) => {
        if (SQLSTATE_CREATED_CONCURRENTLY.has(error?.code ?? "")) return
        table = undefined // try again later
        tableFailedAt = Date.now()
        throw error
      }
    )
    return table
  }

  const onStoreError: ErrorHook = (error) => {
    if ((error as { code?: string } | null)?.code === SQLSTATE_UNDEFINED_TABLE) {
      // Dropped (a restored database): create it again; this attempt is counted in memory.
      table = undefined
      void ensureTable().catch(() => undefined)
    }
    const now = Date.now()
    if (now - lastWarning < WARN_EVERY_MS) return
    lastWarning = now
    logger.warn(
      `[rate-limit] Postgres store failed (${error instanceof Error ? error.message : String(error)}): ` +
        "sign-in limits are counted in this process's memory until it answers again"
    )
  }

  return {
    limiter(name, limit) {
      const id = `${name}|${limit.points}|${limit.durationSeconds}|${limit.blockSeconds}`
      let limiter = limiters.get(id)
      if (limiter) return limiter
      const base = limiterOptions(name, limit)
      const postgres = new RateLimiterPostgres({
        ...base,
        storeClient: knex,
        storeType: "knex",
        tableName,
        tableCreated: true, // ensureTable() creates it
        // One timer per process deletes rows that expired over an hour ago (every 5 minutes).
        clearExpiredByTimeout: limiters.size === 0,
      })
      // The insurance sits on the timeout wrapper, not on the Postgres limiter: a query that
      // times out and fails later is then counted in memory once, not twice. blockDuration is
      // given again because the wrapper copies its own onto the insurance limiter.
      const wrapped = new ObservedTimeouts(
        { limiter: postgres, timeoutMs, blockDuration: base.blockDuration, insuranceLimiter: new RateLimiterMemory(base) },
        onStoreError
      )
      // While Postgres is away, attempts go straight to the insurance instead of each waiting
      // for another CREATE TABLE to time out.
      const ready = (): Promise<void> =>
        table ?? (Date.now() - tableFailedAt < TABLE_RETRY_MS ? Promise.resolve() : ensureTable().catch(onStoreError))
      limiter = {
        consume: (key) => ready().then(() => wrapped.consume(key)),
        reward: (key, points = 1) => ready().then(() => wrapped.reward(key, points)),
        delete: (key) => ready().then(() => wrapped.delete(key)),
      }
      limiters.set(id, limiter)
      return limiter
    },
  }
}

/** Counters in this process's memory: for unit tests only (they do not hold across processes). */
export function memoryLimiterStore(): LimiterStore {
  const limiters = new Map<string, CountingLimiter>()
  return {
    limiter(name, limit) {
      const id = `${name}|${limit.points}|${limit.durationSeconds}|${limit.blockSeconds}`
      let limiter = limiters.get(id)
      if (!limiter) {
        const memory = new RateLimiterMemory(limiterOptions(name, limit))
        limiter = {
          consume: (key) => memory.consume(key),
          reward: (key, points = 1) => memory.reward(key, points),
          delete: (key) => memory.delete(key),
        }
        limiters.set(id, limiter)
      }
      return limiter
    },
  }
}
