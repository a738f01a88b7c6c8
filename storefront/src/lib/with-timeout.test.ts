import { describe, expect, it } from 'vitest';
import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes through results that arrive in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 50, 'fast')).resolves.toBe(42);
  });

  it('rejects work that takes too long', async () => {
    const slow = new Promise((resolve) => setTimeout(resolve, 200, 'late'));
    await expect(withTimeout(slow, 10, 'slow call')).rejects.toThrow('slow call timed out');
  });

  it('passes through rejections', async () => {
    await expect(withTimeout(Promise.reject(new Error('boom')), 50, 'x')).rejects.toThrow('boom');
  });
});
