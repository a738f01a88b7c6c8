import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Sign-in and registration posts per member address, counted here before commerce is asked. */
export const LOCAL_AUTH_LIMIT = { points: 20, durationSeconds: 60 } as const;

export type AttemptOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface AttemptLimiter {
  /** Counts one attempt from `key` (a member address, see memberAddress). */
  attempt(key: string): Promise<AttemptOutcome>;
}

/**
 * A cheap flood guard in front of commerce: every sign-in or registration post counts, success
 * or not, so a flood from one address is answered here and never reaches Medusa.
 *
 * Memory, per storefront process, ON PURPOSE: this is only a first filter. The limit that holds
 * across processes (and restarts) is commerce's, in Postgres (5 failures per email, 30 per
 * address per 15 min; commerce/src/api/rate-limit). N storefront processes let through at most
 * N times this, and commerce still stops the guessing.
 */
export function createAttemptLimiter(limit: { points: number; durationSeconds: number } = LOCAL_AUTH_LIMIT): AttemptLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix: 'storefront-auth', points: limit.points, duration: limit.durationSeconds });
  return {
    async attempt(key) {
      try {
        await limiter.consume(key);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        }
        throw error;
      }
    },
  };
}
