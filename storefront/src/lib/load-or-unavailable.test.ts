import { describe, expect, it, vi } from 'vitest';
import { loadOrUnavailable } from './load-or-unavailable';
import { UpstreamError } from './upstream-error';

function page() {
  return { response: { status: 200, headers: new Headers() } };
}

describe('loadOrUnavailable', () => {
  it('returns the loaded value and leaves the response alone', async () => {
    const p = page();
    await expect(loadOrUnavailable(p, async () => null)).resolves.toEqual({ ok: true, value: null });
    expect(p.response.status).toBe(200);
  });

  it('turns upstream failures into a 503', async () => {
    const p = page();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await loadOrUnavailable(p, async () => {
      throw new UpstreamError('cms', 'down');
    });
    expect(result).toEqual({ ok: false });
    expect(p.response.status).toBe(503);
    expect(p.response.headers.get('Retry-After')).toBe('30');
    log.mockRestore();
  });

  it('rethrows bugs', async () => {
    await expect(
      loadOrUnavailable(page(), async () => {
        throw new TypeError('bug');
      }),
    ).rejects.toThrow('bug');
  });
});
