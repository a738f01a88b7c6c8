import { describe, expect, it, vi } from 'vitest';
import { bestEffort } from './best-effort';
import { UpstreamError } from './upstream-error';

describe('bestEffort', () => {
  it('returns the value, or the fallback when a backend fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await bestEffort('x', async () => 1, 0)).toBe(1);
    expect(await bestEffort('x', async () => Promise.reject(new UpstreamError('commerce', 'down')), 0)).toBe(0);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('rethrows bugs', async () => {
    await expect(bestEffort('x', async () => Promise.reject(new TypeError('bug')), 0)).rejects.toThrow('bug');
  });
});
