import { describe, expect, it } from 'vitest';
import { createAttemptLimiter, LOCAL_AUTH_LIMIT } from './auth-attempt-limit';

describe('createAttemptLimiter (the storefront\'s flood guard)', () => {
  it('lets 20 posts a minute through per address, then says how long to wait', async () => {
    const limiter = createAttemptLimiter();
    for (let i = 0; i < LOCAL_AUTH_LIMIT.points; i += 1) expect(await limiter.attempt('192.0.2.1')).toEqual({ ok: true });
    const refused = await limiter.attempt('192.0.2.1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Another address is counted on its own.
    expect(await limiter.attempt('192.0.2.2')).toEqual({ ok: true });
  });

  it('lets the address in again once the window has passed', async () => {
    const limiter = createAttemptLimiter({ points: 2, durationSeconds: 1 });
    await limiter.attempt('k');
    await limiter.attempt('k');
    expect((await limiter.attempt('k')).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await limiter.attempt('k')).toEqual({ ok: true });
  });
});
