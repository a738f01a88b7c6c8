/**
 * How many sign-in and code attempts are allowed, read from the environment (defaults below).
 * Read on every request (a few string parses), so a test can shorten the windows at run time.
 */

export type Limit = {
  /** Attempts allowed per window. */
  points: number
  /** Length of the counting window, seconds. */
  durationSeconds: number
  /** How long a key stays refused once it went over (0: until its window ends), seconds. */
  blockSeconds: number
}

export type RateLimits = {
  /** Failed sign-ins (and registrations) per account (email). */
  loginPerAccount: Limit
  /** Failed sign-ins, registrations and code confirmations per client address, all accounts together. */
  loginPerIp: Limit
  /** Codes and reset links sent per account (email). */
  codePerAccount: Limit
  /** Codes and reset links sent per client address, all accounts together. */
  codePerIp: Limit
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerAccount: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  loginPerIp: { points: 30, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  codePerAccount: { points: 5, durationSeconds: 60 * 60, blockSeconds: 0 },
  codePerIp: { points: 20, durationSeconds: 60 * 60, blockSeconds: 0 },
}

/** The variables, with the defaults they override (README: "Rate limits"). */
export const RATE_LIMIT_ENV = {
  loginPerAccount: "RATE_LIMIT_LOGIN_PER_ACCOUNT",
  loginPerIp: "RATE_LIMIT_LOGIN_PER_IP",
  loginWindow: "RATE_LIMIT_LOGIN_WINDOW_SECONDS",
  loginBlock: "RATE_LIMIT_LOGIN_BLOCK_SECONDS",
  codePerAccount: "RATE_LIMIT_CODE_PER_ACCOUNT",
  codePerIp: "RATE_LIMIT_CODE_PER_IP",
  codeWindow: "RATE_LIMIT_CODE_WINDOW_SECONDS",
} as const

const warned = new Set<string>()

/** A whole number ≥ min from the environment; a bad value falls back to the default, with one warning. */
function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (Number.isSafeInteger(value) && value >= min) return value
  if (!warned.has(`${name}=${raw}`)) {
    warned.add(`${name}=${raw}`)
    console.warn(`[rate-limit] ${name}=${JSON.stringify(raw)} is not a whole number ≥ ${min}: using ${fallback}`)
  }
  return fallback
}

export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const d = DEFAULT_RATE_LIMITS
  const loginWindow = whole(env, RATE_LIMIT_ENV.loginWindow, d.loginPerAccount.durationSeconds, 1)
  const loginBlock = whole(env, RATE_LIMIT_ENV.loginBlock, d.loginPerAccount.blockSeconds, 0)
  const codeWindow = whole(env, RATE_LIMIT_ENV.codeWindow, d.codePerAccount.durationSeconds, 1)
  return {
    loginPerAccount: {
      points: whole(env, RATE_LIMIT_ENV.loginPerAccount, d.loginPerAccount.points, 1),
      durationSeconds: loginWindow,
      blockSeconds: loginBlock,
    },
    loginPerIp: {
      points: whole(env, RATE_LIMIT_ENV.loginPerIp, d.loginPerIp.points, 1),
      durationSeconds: loginWindow,
      blockSeconds: loginBlock,
    },
    codePerAccount: { points: whole(env, RATE_LIMIT_ENV.codePerAccount, d.codePerAccount.points, 1), durationSeconds: codeWindow, blockSeconds: 0 },
    codePerIp: { points: whole(env, RATE_LIMIT_ENV.codePerIp, d.codePerIp.points, 1), durationSeconds: codeWindow, blockSeconds: 0 },
  }
}
